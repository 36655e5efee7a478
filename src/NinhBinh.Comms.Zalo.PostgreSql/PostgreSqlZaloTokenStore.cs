using System;
using System.Diagnostics;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Npgsql;

namespace NinhBinh.Comms.Zalo.PostgreSql;

/// <summary>
/// Keeps OA token pairs in PostgreSQL (table <c>nbcomms_zalo_tokens</c>), shared by every server of the app, with a
/// refresh lock that holds across machines: so one refresh per OA, however many servers, and a grant is never lost.
/// </summary>
/// <remarks>
/// <see cref="LockAsync"/> takes a transaction-scoped advisory lock (<c>pg_try_advisory_xact_lock</c>, keyed by the OA)
/// on a connection of its own and keeps the transaction open while the lock is held; disposing the lock commits, which
/// releases it. A holder that dies releases it at once (its session ends); one that hangs or loses its network is cut
/// off by the server after <see cref="ZaloPostgreSqlOptions.LockLease"/> of silence
/// (<c>idle_in_transaction_session_timeout</c>), so no crashed holder blocks the OA forever. Thread-safe.
/// </remarks>
public sealed class PostgreSqlZaloTokenStore : IZaloTokenStore, IDisposable
{
    private readonly ZaloPostgreSqlDatabase _database;

    /// <summary>Creates the store (no connection is made until it is used).</summary>
    /// <param name="options">The connection string and settings.</param>
    /// <exception cref="ArgumentException">The settings are not usable; the message names every bad setting.</exception>
    public PostgreSqlZaloTokenStore(ZaloPostgreSqlOptions options) => _database = new ZaloPostgreSqlDatabase(options);

    /// <summary>Creates the store with default settings.</summary>
    /// <param name="connectionString">An Npgsql connection string.</param>
    public PostgreSqlZaloTokenStore(string connectionString)
        : this(new ZaloPostgreSqlOptions { ConnectionString = connectionString })
    {
    }

    /// <summary>The settings in use.</summary>
    public ZaloPostgreSqlOptions Options => _database.Options;

    /// <summary>Creates the tables now when missing (or checks them when creation is off), instead of at first use.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the tables exist.</returns>
    public Task EnsureCreatedAsync(CancellationToken cancellationToken = default) => _database.EnsureSchemaAsync(cancellationToken);

    /// <inheritdoc />
    public async Task<ZaloTokenSet?> GetAsync(string oaId, CancellationToken cancellationToken = default)
    {
        ZaloPostgreSqlDatabase.CheckOaId(oaId, nameof(oaId));
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using (connection)
        {
            using var command = new NpgsqlCommand(
                "SELECT access_token, refresh_token, access_token_expires_at, refresh_token_expires_at, issued_at FROM nbcomms_zalo_tokens WHERE oa_id = @oa", connection);
            command.Parameters.AddWithValue("oa", oaId);
            using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return null;
            }

            return new ZaloTokenSet(reader.GetString(0), reader.GetString(1), Utc(reader.GetDateTime(2)), Utc(reader.GetDateTime(3)), Utc(reader.GetDateTime(4)));
        }
    }

    /// <inheritdoc />
    public async Task SaveAsync(string oaId, ZaloTokenSet tokens, CancellationToken cancellationToken = default)
    {
        ZaloPostgreSqlDatabase.CheckOaId(oaId, nameof(oaId));
        if (tokens is null)
        {
            throw new ArgumentNullException(nameof(tokens));
        }

        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using (connection)
        {
            using var command = new NpgsqlCommand(
                "INSERT INTO nbcomms_zalo_tokens (oa_id, access_token, refresh_token, access_token_expires_at, refresh_token_expires_at, issued_at, updated_at) "
                + "VALUES (@oa, @access, @refresh, @accessExpires, @refreshExpires, @issued, now()) "
                + "ON CONFLICT (oa_id) DO UPDATE SET access_token = EXCLUDED.access_token, refresh_token = EXCLUDED.refresh_token, "
                + "access_token_expires_at = EXCLUDED.access_token_expires_at, refresh_token_expires_at = EXCLUDED.refresh_token_expires_at, "
                + "issued_at = EXCLUDED.issued_at, updated_at = now()", connection);
            command.Parameters.AddWithValue("oa", oaId);
            command.Parameters.AddWithValue("access", tokens.AccessToken);
            command.Parameters.AddWithValue("refresh", tokens.RefreshToken);
            command.Parameters.AddWithValue("accessExpires", tokens.AccessTokenExpiresAt.UtcDateTime);
            command.Parameters.AddWithValue("refreshExpires", tokens.RefreshTokenExpiresAt.UtcDateTime);
            command.Parameters.AddWithValue("issued", tokens.IssuedAt.UtcDateTime);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    /// <exception cref="TimeoutException">Another holder kept the lock longer than <see cref="ZaloPostgreSqlOptions.LockTimeout"/>.</exception>
    public async Task<IAsyncDisposable> LockAsync(string oaId, CancellationToken cancellationToken = default)
    {
        ZaloPostgreSqlDatabase.CheckOaId(oaId, nameof(oaId));
        var options = _database.Options;
        var connection = await _database.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        NpgsqlTransaction? transaction = null;
        try
        {
            transaction = connection.BeginTransaction();
            var lease = ((long)options.LockLease.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
            using (var setup = new NpgsqlCommand($"SET LOCAL idle_in_transaction_session_timeout = {lease}", connection, transaction))
            {
                await setup.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            using var attempt = new NpgsqlCommand("SELECT pg_try_advisory_xact_lock(@class, hashtext(@oa))", connection, transaction);
            attempt.Parameters.AddWithValue("class", ZaloPostgreSqlDatabase.LockClass);
            attempt.Parameters.AddWithValue("oa", oaId);
            var waited = Stopwatch.StartNew();
            while (true)
            {
                if (await attempt.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is true)
                {
                    return new AdvisoryLock(connection, transaction);
                }

                if (waited.Elapsed >= options.LockTimeout)
                {
                    throw new TimeoutException($"The token refresh lock of OA {oaId} was not released within {options.LockTimeout.TotalSeconds:0} s.");
                }

                await Task.Delay(options.LockPollInterval, cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            transaction?.Dispose();
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Closes the store's connection pool.</summary>
    public void Dispose() => _database.Dispose();

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    private sealed class AdvisoryLock(NpgsqlConnection connection, NpgsqlTransaction transaction) : IAsyncDisposable
    {
        private int _released;

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) != 0)
            {
                return;
            }

            try
            {
                await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false); // releases the advisory lock
            }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
            {
                // The session is gone (the lease ran out, the server restarted): the server released the lock with it.
            }
            finally
            {
                transaction.Dispose();
                connection.Dispose();
            }
        }
    }
}
