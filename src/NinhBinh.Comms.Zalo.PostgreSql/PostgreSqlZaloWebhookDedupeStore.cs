using System;
using System.Threading;
using System.Threading.Tasks;
using Npgsql;

namespace NinhBinh.Comms.Zalo.PostgreSql;

/// <summary>
/// The webhook dedupe store shared by every server of the app (table <c>nbcomms_zalo_webhook_dedupe</c>): an event
/// Zalo delivers to two servers, or again after a retry, is claimed by one of them only. Leases and retention are
/// measured on the app's <see cref="TimeProvider"/> (keep the servers' clocks in sync, as NTP does). Thread-safe.
/// </summary>
public sealed class PostgreSqlZaloWebhookDedupeStore : IZaloWebhookDedupeStore, IDisposable
{
    private readonly ZaloPostgreSqlDatabase _database;
    private readonly TimeProvider _time;
    private int _claims;

    /// <summary>Creates the store (no connection is made until it is used).</summary>
    /// <param name="options">The connection string and settings.</param>
    /// <param name="timeProvider">The clock for leases and retention; the system clock when <see langword="null"/>.</param>
    public PostgreSqlZaloWebhookDedupeStore(ZaloPostgreSqlOptions options, TimeProvider? timeProvider = null)
    {
        _database = new ZaloPostgreSqlDatabase(options);
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The settings in use.</summary>
    public ZaloPostgreSqlOptions Options => _database.Options;

    /// <inheritdoc />
    public async Task<bool> TryClaimAsync(string key, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        CheckKey(key);
        if (lease <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(lease), lease, "The lease must be greater than zero.");
        }

        var now = _time.GetUtcNow();
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using (connection)
        {
            if (Interlocked.Increment(ref _claims) % 1000 == 1)
            {
                using var purge = new NpgsqlCommand("DELETE FROM nbcomms_zalo_webhook_dedupe WHERE expires_at <= @now", connection);
                purge.Parameters.AddWithValue("now", now.UtcDateTime);
                await purge.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            // One statement: insert, or take over a row whose claim or retention has run out; a live row stays as it is.
            using var command = new NpgsqlCommand(
                "INSERT INTO nbcomms_zalo_webhook_dedupe AS d (dedupe_key, completed, expires_at) VALUES (@key, false, @until) "
                + "ON CONFLICT (dedupe_key) DO UPDATE SET completed = false, expires_at = EXCLUDED.expires_at WHERE d.expires_at <= @now "
                + "RETURNING 1", connection);
            command.Parameters.AddWithValue("key", key);
            command.Parameters.AddWithValue("until", (now + lease).UtcDateTime);
            command.Parameters.AddWithValue("now", now.UtcDateTime);
            return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not null;
        }
    }

    /// <inheritdoc />
    public async Task CompleteAsync(string key, CancellationToken cancellationToken = default)
    {
        CheckKey(key);
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using (connection)
        {
            using var command = new NpgsqlCommand(
                "INSERT INTO nbcomms_zalo_webhook_dedupe (dedupe_key, completed, expires_at) VALUES (@key, true, @until) "
                + "ON CONFLICT (dedupe_key) DO UPDATE SET completed = true, expires_at = EXCLUDED.expires_at", connection);
            command.Parameters.AddWithValue("key", key);
            command.Parameters.AddWithValue("until", (_time.GetUtcNow() + _database.Options.DedupeRetention).UtcDateTime);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async Task ReleaseAsync(string key, CancellationToken cancellationToken = default)
    {
        CheckKey(key);
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using (connection)
        {
            using var command = new NpgsqlCommand("DELETE FROM nbcomms_zalo_webhook_dedupe WHERE dedupe_key = @key AND NOT completed", connection);
            command.Parameters.AddWithValue("key", key);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Closes the store's connection pool.</summary>
    public void Dispose() => _database.Dispose();

    private static void CheckKey(string key)
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
}
