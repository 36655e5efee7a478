using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace NinhBinh.Comms.Zalo;

/// <summary>
/// The default dedupe store: in memory, for one process. Completed keys are kept for <see cref="Retention"/> (default
/// 24 hours, well beyond Zalo's two hours of retries and the verifier's replay window). Thread-safe.
/// </summary>
public sealed class InMemoryZaloWebhookDedupeStore : IZaloWebhookDedupeStore
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly object _gate = new();
    private readonly TimeProvider _time;
    private int _operations;

    /// <summary>Creates the store.</summary>
    /// <param name="timeProvider">The clock for leases and retention; the system clock when <see langword="null"/>.</param>
    public InMemoryZaloWebhookDedupeStore(TimeProvider? timeProvider = null) => _time = timeProvider ?? TimeProvider.System;

    /// <summary>How long a completed key is remembered; default 24 hours.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The number of keys held (claimed or completed, not yet purged).</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    /// <inheritdoc />
    public Task<bool> TryClaimAsync(string key, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        CheckKey(key);
        if (lease <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(lease), lease, "The lease must be greater than zero.");
        }

        cancellationToken.ThrowIfCancellationRequested();
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            if (++_operations % 1024 == 0)
            {
                Purge(now);
            }

            if (_entries.TryGetValue(key, out var entry) && entry.Until > now)
            {
                return Task.FromResult(false);
            }

            _entries[key] = new Entry(false, now + lease);
            return Task.FromResult(true);
        }
    }

    /// <inheritdoc />
    public Task CompleteAsync(string key, CancellationToken cancellationToken = default)
    {
        CheckKey(key);
        cancellationToken.ThrowIfCancellationRequested();
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            _entries[key] = new Entry(true, now + Retention);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task ReleaseAsync(string key, CancellationToken cancellationToken = default)
    {
        CheckKey(key);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var entry) && !entry.Completed)
            {
                _entries.Remove(key);
            }
        }

        return Task.CompletedTask;
    }

    internal static void CheckKey(string key)
    {
        if (key is null)
        {
            throw new ArgumentNullException(nameof(key));
        }

        if (key.Length is 0 or > 512)
        {
            throw new ArgumentException("A dedupe key must be 1–512 characters.", nameof(key));
        }
    }

    private void Purge(DateTimeOffset now)
    {
        var expired = new List<string>();
        foreach (var pair in _entries)
        {
            if (pair.Value.Until <= now)
            {
                expired.Add(pair.Key);
            }
        }

        foreach (var key in expired)
        {
            _entries.Remove(key);
        }
    }

    private readonly record struct Entry(bool Completed, DateTimeOffset Until);
}
