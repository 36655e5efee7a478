using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using NinhBinh.Comms.Internal;

namespace NinhBinh.Comms.Zalo;

/// <summary>
/// Keeps token pairs in memory: for one process, tests and samples. Tokens are lost when the process ends; use
/// <see cref="FileZaloTokenStore"/> to share them between processes and keep them across restarts.
/// </summary>
public sealed class InMemoryZaloTokenStore : IZaloTokenStore
{
    private readonly ConcurrentDictionary<string, ZaloTokenSet> _tokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task<ZaloTokenSet?> GetAsync(string oaId, CancellationToken cancellationToken = default)
    {
        ZaloIds.CheckOaId(oaId, nameof(oaId));
        return Task.FromResult(_tokens.TryGetValue(oaId, out var tokens) ? tokens : null);
    }

    /// <inheritdoc />
    public Task SaveAsync(string oaId, ZaloTokenSet tokens, CancellationToken cancellationToken = default)
    {
        ZaloIds.CheckOaId(oaId, nameof(oaId));
        _tokens[oaId] = Guard.NotNull(tokens);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task<IAsyncDisposable> LockAsync(string oaId, CancellationToken cancellationToken = default)
    {
        ZaloIds.CheckOaId(oaId, nameof(oaId));
        var gate = _locks.GetOrAdd(oaId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Releaser(gate);
    }

    private sealed class Releaser : IAsyncDisposable
    {
        private SemaphoreSlim? _gate;

        public Releaser(SemaphoreSlim gate) => _gate = gate;

        public ValueTask DisposeAsync()
        {
            Interlocked.Exchange(ref _gate, null)?.Release();
            return default;
        }
    }
}
