using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Npgsql;

namespace NinhBinh.Comms.Zalo.PostgreSql;

/// <summary>The connection pool of a store, and its tables: created once when missing (under an advisory lock), or checked.</summary>
internal sealed class ZaloPostgreSqlDatabase : IDisposable
{
    /// <summary>The advisory lock class of this package (the first key of the two-key form): "ZL".</summary>
    public const int LockClass = 0x5A4C;

    private readonly SemaphoreSlim _schemaGate = new(1, 1);
    private volatile bool _schemaReady;

    public ZaloPostgreSqlDatabase(ZaloPostgreSqlOptions options)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        }

        Options = options;
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(options.ConnectionString);
        }
        catch (ArgumentException ex)
        {
            // The message of a bad key never repeats the password.
            throw new ArgumentException("Zalo:TokenStoreConnectionString is not a valid Npgsql connection string: " + ex.Message.Split('\n')[0], nameof(options), ex);
        }

        builder.CommandTimeout = (int)Math.Ceiling(options.CommandTimeout.TotalSeconds);
        if (builder.KeepAlive == 0)
        {
            builder.KeepAlive = 30; // a dead server is noticed on idle pooled connections
        }

        DataSource = NpgsqlDataSource.Create(builder.ConnectionString);
    }

    public ZaloPostgreSqlOptions Options { get; }

    public NpgsqlDataSource DataSource { get; }

    public async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        return await DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task EnsureSchemaAsync(CancellationToken cancellationToken)
    {
        if (_schemaReady)
        {
            return;
        }

        await _schemaGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_schemaReady)
            {
                return;
            }

            var connection = await DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
#if NET
            await using (connection.ConfigureAwait(false))
#else
            using (connection)
#endif
            {
                if (Options.CreateTablesIfMissing)
                {
                    // CREATE TABLE IF NOT EXISTS races with itself across servers: one creator at a time.
                    using var transaction = connection.BeginTransaction();
                    using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@class, 0)", connection, transaction))
                    {
                        lockCommand.Parameters.AddWithValue("class", LockClass);
                        await lockCommand.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                    }

                    using (var create = new NpgsqlCommand(MigrationScript, connection, transaction))
                    {
                        await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                    }

                    await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    using var check = new NpgsqlCommand("SELECT to_regclass('nbcomms_zalo_tokens') IS NOT NULL AND to_regclass('nbcomms_zalo_webhook_dedupe') IS NOT NULL", connection);
                    if (await check.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not true)
                    {
                        throw new InvalidOperationException(
                            "The tables nbcomms_zalo_tokens and nbcomms_zalo_webhook_dedupe are missing in the connection's search_path and CreateTablesIfMissing is false: "
                            + "apply Migrations/001_zalo_stores.sql (shipped in the NinhBinh.Comms.Zalo.PostgreSql package) or set CreateTablesIfMissing to true.");
                    }
                }
            }

            _schemaReady = true;
        }
        finally
        {
            _schemaGate.Release();
        }
    }

    public void Dispose()
    {
        DataSource.Dispose();
        _schemaGate.Dispose();
    }

    /// <summary>The shipped migration script (embedded, identical to the package's <c>Migrations/001_zalo_stores.sql</c>).</summary>
    public static string MigrationScript { get; } = ReadScript();

    private static string ReadScript()
    {
        using var stream = typeof(ZaloPostgreSqlDatabase).Assembly.GetManifestResourceStream("NinhBinh.Comms.Zalo.PostgreSql.001_zalo_stores.sql")
            ?? throw new InvalidOperationException("The embedded migration script is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    internal static string CheckOaId(string? oaId, string paramName)
    {
        if (oaId is null)
        {
            throw new ArgumentNullException(paramName);
        }

        if (oaId.Length is 0 or > 64)
        {
            throw new ArgumentException($"{paramName} '{oaId}' must be 1–64 letters, digits, '-' or '_'.", paramName);
        }

        foreach (var c in oaId)
        {
            if (!(c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '-' or '_'))
            {
                throw new ArgumentException($"{paramName} '{oaId}' must be 1–64 letters, digits, '-' or '_'.", paramName);
            }
        }

        return oaId;
    }
}
