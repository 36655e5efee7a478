using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;

namespace NinhBinh.Comms.Metrics;

/// <summary>
/// The embedded KPI store: one SQLite file (or an in-memory database), the default for a commune or a department.
/// Thread-safe; one connection per store, calls serialized.
/// </summary>
public sealed partial class SqliteKpiStore : IKpiStore
{
    /// <summary>The index queries by province or commune go through (one index serves both: a commune is looked up under its province).</summary>
    private const string ScopeIndex = "CREATE INDEX IF NOT EXISTS observation_scope ON observation (province, metric, unit, period_end)";

    /// <summary>From this many rows, an import into a table holding fewer rows than it brings rebuilds the scope index once instead of updating it per row.</summary>
    private const int BulkImportRows = 50_000;

    private const string Schema = $"""
        CREATE TABLE IF NOT EXISTS observation (
            unit_code TEXT NOT NULL, channel TEXT NOT NULL, platform TEXT NOT NULL, metric TEXT NOT NULL,
            period_start TEXT NOT NULL, period_end TEXT NOT NULL, value TEXT NOT NULL,
            source_metric TEXT NULL, retrieved_at TEXT NULL, estimated INTEGER NOT NULL DEFAULT 0,
            unit TEXT NOT NULL, province TEXT NOT NULL,
            PRIMARY KEY (unit_code, channel, platform, metric, period_start, period_end)) WITHOUT ROWID;
        {ScopeIndex};
        CREATE TABLE IF NOT EXISTS channel (
            unit_code TEXT NOT NULL, channel TEXT NOT NULL, platform TEXT NOT NULL, official INTEGER NOT NULL,
            established_on TEXT NULL, closed_on TEXT NULL, unit TEXT NOT NULL, province TEXT NOT NULL,
            PRIMARY KEY (unit_code, channel, platform)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS report (
            unit TEXT NOT NULL, year INTEGER NOT NULL, produced_at TEXT NOT NULL, PRIMARY KEY (unit, year)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS record (
            kind TEXT NOT NULL, key TEXT NOT NULL, body TEXT NOT NULL, unit TEXT NULL, province TEXT NULL, day TEXT NULL,
            PRIMARY KEY (kind, key)) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS record_scope ON record (kind, province, day);
        """;

    private readonly SqliteConnection _connection;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly AdministrativeUnitRegistry _registry;
    private readonly TimeProvider _time;
    private bool _disposed;

    private SqliteKpiStore(SqliteConnection connection, AdministrativeUnitRegistry registry, TimeProvider time)
    {
        _connection = connection;
        _registry = registry;
        _time = time;
    }

    /// <summary>Opens (creating when missing) a store in a file.</summary>
    /// <param name="path">The database file, e.g. <c>kpi.db</c>.</param>
    /// <param name="registry">Administrative units for mapping codes (default <see cref="AdministrativeUnitRegistry.Default"/>).</param>
    /// <param name="timeProvider">The clock for "today" (default: the system clock).</param>
    /// <returns>The store.</returns>
    /// <exception cref="ArgumentException">The path is empty, or its folder does not exist.</exception>
    public static SqliteKpiStore Open(string path, AdministrativeUnitRegistry? registry = null, TimeProvider? timeProvider = null)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new ArgumentException("path must name a database file.", nameof(path));
        }

        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (folder is not null && !System.IO.Directory.Exists(folder))
        {
            throw new ArgumentException($"The folder of the KPI store '{folder}' does not exist.", nameof(path));
        }

        return Create(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ToString(), registry, timeProvider);
    }

    /// <summary>Opens a private in-memory store (gone when disposed): for tests and demos.</summary>
    /// <param name="registry">Administrative units for mapping codes (default <see cref="AdministrativeUnitRegistry.Default"/>).</param>
    /// <param name="timeProvider">The clock for "today" (default: the system clock).</param>
    /// <returns>The store.</returns>
    public static SqliteKpiStore InMemory(AdministrativeUnitRegistry? registry = null, TimeProvider? timeProvider = null)
        => Create("Data Source=:memory:", registry, timeProvider);

    private static SqliteKpiStore Create(string connectionString, AdministrativeUnitRegistry? registry, TimeProvider? timeProvider)
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-65536;" + Schema;
            command.ExecuteNonQuery();
        }

        return new SqliteKpiStore(connection, registry ?? AdministrativeUnitRegistry.Default, timeProvider ?? TimeProvider.System);
    }

    /// <inheritdoc />
    public async Task<KpiImportResult> ImportAsync(IEnumerable<MetricObservation> observations, CancellationToken cancellationToken = default)
    {
        if (observations is null)
        {
            throw new ArgumentNullException(nameof(observations));
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ThrowIfDisposed();
            var table = KpiObservationTable.From(observations);
            using var transaction = _connection.BeginTransaction();

            // A bulk import into a smaller table: the scope index is dropped and built again at the end, inside the
            // transaction (sorting once is about twice as fast as a million index updates; a rollback restores it).
            var rebuildIndex = table.Count >= BulkImportRows && CountUpTo(transaction, table.Count) < table.Count;
            if (rebuildIndex)
            {
                Execute(transaction, "DROP INDEX IF EXISTS observation_scope");
            }

            KpiImportResult result;
            using (var import = new SqliteObservationImport(_connection, table, _registry, _time.GetVietnamToday()))
            {
                try
                {
                    result = import.Run(cancellationToken);
                }
                catch (SqliteObservationImport.UnmappedUnitException ex)
                {
                    throw new ArgumentException(ex.Message, nameof(observations));
                }
            }

            if (rebuildIndex)
            {
                Execute(transaction, ScopeIndex);
            }

            transaction.Commit();
            return result;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async Task<KpiImportResult> ImportChannelsAsync(IEnumerable<KpiChannel> channels, CancellationToken cancellationToken = default)
    {
        if (channels is null)
        {
            throw new ArgumentNullException(nameof(channels));
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ThrowIfDisposed();
            var today = _time.GetVietnamToday();
            using var transaction = _connection.BeginTransaction();
            using var select = Command(transaction, "SELECT official, established_on, closed_on FROM channel WHERE unit_code=$u AND channel=$c AND platform=$p", "$u", "$c", "$p");
            using var upsert = Command(transaction, """
                INSERT INTO channel (unit_code, channel, platform, official, established_on, closed_on, unit, province) VALUES ($u, $c, $p, $o, $e, $x, $unit, $province)
                ON CONFLICT (unit_code, channel, platform) DO UPDATE SET official=excluded.official, established_on=excluded.established_on, closed_on=excluded.closed_on
                """, "$u", "$c", "$p", "$o", "$e", "$x", "$unit", "$province");
            int imported = 0, already = 0;
            var replaced = new List<MetricObservation>();
            var changed = 0;
            foreach (var c in channels)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var unit = KpiUnits.Map(_registry, c.UnitCode, c.ClosedOn ?? today, today)
                    ?? throw new ArgumentException($"unit_code {c.UnitCode} does not map to one unit in force (unknown, or split); nothing was imported.", nameof(channels));
                var platform = MetricCatalog.PlatformName(c.Platform);
                var established = c.EstablishedOn is { } e ? KpiCsv.Date(e) : null;
                var closed = c.ClosedOn is { } x ? KpiCsv.Date(x) : null;
                Set(select, c.UnitCode, c.Channel, platform);
                bool? same = null;
                using (var reader = select.ExecuteReader())
                {
                    if (reader.Read())
                    {
                        same = reader.GetInt64(0) == (c.Official ? 1 : 0)
                            && (reader.IsDBNull(1) ? null : reader.GetString(1)) == established
                            && (reader.IsDBNull(2) ? null : reader.GetString(2)) == closed;
                    }
                }

                if (same == true)
                {
                    already++;
                    continue;
                }

                Set(upsert, c.UnitCode, c.Channel, platform, c.Official ? 1 : 0, established, closed, unit.Code, KpiUnits.ProvinceOf(unit));
                upsert.ExecuteNonQuery();
                if (same is null)
                {
                    imported++;
                }
                else
                {
                    changed++;
                }
            }

            transaction.Commit();
            return new KpiImportResult(imported + changed, already, replaced, Array.Empty<MetricObservation>());
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<MetricObservation>> QueryAsync(KpiQuery query, CancellationToken cancellationToken = default)
    {
        if (query is null)
        {
            throw new ArgumentNullException(nameof(query));
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ThrowIfDisposed();
            using var command = _connection.CreateCommand();
            var (scope, province) = ScopeOf(query.UnitCode);
            command.CommandText = $"""
                SELECT unit_code, channel, platform, metric, value, period_start, period_end, source_metric, retrieved_at, estimated
                FROM observation WHERE {scope} AND metric = $metric AND period_start <= $to
                {(query.UpToOnly ? "AND period_end <= $to" : "AND period_end >= $from")}
                {(query.Platform is null ? string.Empty : "AND platform = $platform")}
                """;
            AddScope(command, query.UnitCode, province);
            command.Parameters.AddWithValue("$metric", query.Metric);
            command.Parameters.AddWithValue("$to", KpiCsv.Date(query.To));
            command.Parameters.AddWithValue("$from", KpiCsv.Date(query.From));
            command.Parameters.AddWithValue("$platform", query.Platform is { } p ? MetricCatalog.PlatformName(p) : string.Empty);
            var result = new List<MetricObservation>();
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                cancellationToken.ThrowIfCancellationRequested();
                result.Add(ReadObservation(reader));
            }

            return result;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<KpiChannel>> GetChannelsAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ThrowIfDisposed();
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT unit_code, channel, platform, official, established_on, closed_on FROM channel ORDER BY unit, platform, channel";
            var result = new List<KpiChannel>();
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var platform = PlatformOf(reader.GetString(2));
                result.Add(new KpiChannel(reader.GetString(0), reader.GetString(1), platform, reader.GetInt64(3) != 0)
                {
                    EstablishedOn = reader.IsDBNull(4) ? null : ParseDate(reader.GetString(4)),
                    ClosedOn = reader.IsDBNull(5) ? null : ParseDate(reader.GetString(5)),
                });
            }

            return result;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async Task RecordReportAsync(string unitCode, int year, DateTimeOffset producedAt, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ThrowIfDisposed();
            using var command = _connection.CreateCommand();
            command.CommandText = "INSERT OR IGNORE INTO report (unit, year, produced_at) VALUES ($u, $y, $t)";
            command.Parameters.AddWithValue("$u", unitCode);
            command.Parameters.AddWithValue("$y", year);
            command.Parameters.AddWithValue("$t", producedAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            command.ExecuteNonQuery();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async Task<DateTimeOffset?> GetReportProducedAtAsync(string unitCode, int year, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ThrowIfDisposed();
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT produced_at FROM report WHERE unit=$u AND year=$y";
            command.Parameters.AddWithValue("$u", unitCode);
            command.Parameters.AddWithValue("$y", year);
            return command.ExecuteScalar() is string text ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal) : null;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public Task<KpiImportResult> ImportContentItemsAsync(IEnumerable<KpiContentItem> items, CancellationToken cancellationToken = default)
        => ImportRecordsAsync(items, nameof(items), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<KpiContentItem>> GetContentItemsAsync(string unitCode, DateTime firstDay, DateTime lastDay, CancellationToken cancellationToken = default)
        => GetRecordsAsync<KpiContentItem>(KpiRecordStorage.ContentKind, unitCode ?? throw new ArgumentNullException(nameof(unitCode)), firstDay, lastDay, cancellationToken);

    /// <inheritdoc />
    public Task<KpiImportResult> ImportTopicsAsync(IEnumerable<KpiTopic> topics, CancellationToken cancellationToken = default)
        => ImportRecordsAsync(topics, nameof(topics), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<KpiTopic>> GetTopicsAsync(CancellationToken cancellationToken = default)
        => GetRecordsAsync<KpiTopic>(KpiRecordStorage.TopicKind, null, null, null, cancellationToken);

    /// <inheritdoc />
    public Task<KpiImportResult> ImportCampaignsAsync(IEnumerable<KpiCampaign> campaigns, CancellationToken cancellationToken = default)
        => ImportRecordsAsync(campaigns, nameof(campaigns), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<KpiCampaign>> GetCampaignsAsync(CancellationToken cancellationToken = default)
        => GetRecordsAsync<KpiCampaign>(KpiRecordStorage.CampaignKind, null, null, null, cancellationToken);

    /// <inheritdoc />
    public Task<KpiImportResult> ImportAgenciesAsync(IEnumerable<KpiAgency> agencies, CancellationToken cancellationToken = default)
        => ImportRecordsAsync(agencies, nameof(agencies), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<KpiAgency>> GetAgenciesAsync(CancellationToken cancellationToken = default)
        => GetRecordsAsync<KpiAgency>(KpiRecordStorage.AgencyKind, null, null, null, cancellationToken);

    /// <inheritdoc />
    public Task<KpiImportResult> ImportTrainingAsync(IEnumerable<KpiTrainingRecord> records, CancellationToken cancellationToken = default)
        => ImportRecordsAsync(records, nameof(records), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<KpiTrainingRecord>> GetTrainingAsync(DateTime firstDay, DateTime lastDay, CancellationToken cancellationToken = default)
        => GetRecordsAsync<KpiTrainingRecord>(KpiRecordStorage.TrainingKind, null, firstDay, lastDay, cancellationToken);

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _connection.Dispose();
        _gate.Dispose();
    }

    private async Task<KpiImportResult> ImportRecordsAsync<T>(IEnumerable<T> records, string parameterName, CancellationToken cancellationToken)
        where T : class
    {
        if (records is null)
        {
            throw new ArgumentNullException(parameterName);
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ThrowIfDisposed();
            using var transaction = _connection.BeginTransaction();
            var keys = new Dictionary<string, ISet<string>>();
            ISet<string> StoredKeys(string kind)
            {
                if (!keys.TryGetValue(kind, out var set))
                {
                    using var select = Command(transaction, "SELECT key FROM record WHERE kind = $k", "$k");
                    Set(select, kind);
                    set = new HashSet<string>(StringComparer.Ordinal);
                    using var reader = select.ExecuteReader();
                    while (reader.Read())
                    {
                        set.Add(reader.GetString(0));
                    }

                    keys[kind] = set;
                }

                return set;
            }

            var rows = KpiRecordStorage.Prepare(records, _registry, _time.GetVietnamToday(), StoredKeys, parameterName);
            using var current = Command(transaction, "SELECT body FROM record WHERE kind = $k AND key = $key", "$k", "$key");
            using var upsert = Command(transaction, """
                INSERT INTO record (kind, key, body, unit, province, day) VALUES ($k, $key, $body, $unit, $province, $day)
                ON CONFLICT (kind, key) DO UPDATE SET body = excluded.body, unit = excluded.unit, province = excluded.province, day = excluded.day
                """, "$k", "$key", "$body", "$unit", "$province", "$day");
            int imported = 0, already = 0;
            foreach (var row in rows)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Set(current, row.Kind, row.Key);
                if (current.ExecuteScalar() is string body && body == row.Body)
                {
                    already++;
                    continue;
                }

                Set(upsert, row.Kind, row.Key, row.Body, row.Unit, row.Province, row.Day is { } d ? KpiCsv.Date(d) : null);
                upsert.ExecuteNonQuery();
                imported++;
            }

            transaction.Commit();
            return new KpiImportResult(imported, already, Array.Empty<MetricObservation>(), Array.Empty<MetricObservation>());
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<IReadOnlyList<T>> GetRecordsAsync<T>(string kind, string? unitCode, DateTime? from, DateTime? to, CancellationToken cancellationToken)
        where T : class
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ThrowIfDisposed();
            using var command = _connection.CreateCommand();
            var scope = unitCode is null ? string.Empty : unitCode.Length == 2 ? " AND province = $unit" : " AND unit = $unit";
            var days = from is null ? string.Empty : " AND day >= $from AND day <= $to";
            command.CommandText = $"SELECT body FROM record WHERE kind = $k{scope}{days} ORDER BY day, key";
            command.Parameters.AddWithValue("$k", kind);
            command.Parameters.AddWithValue("$unit", unitCode ?? string.Empty);
            command.Parameters.AddWithValue("$from", from is { } f ? KpiCsv.Date(f) : string.Empty);
            command.Parameters.AddWithValue("$to", to is { } t ? KpiCsv.Date(t) : string.Empty);
            var result = new List<T>();
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                cancellationToken.ThrowIfCancellationRequested();
                result.Add(KpiRecordCsv.FromStored<T>(reader.GetString(0)));
            }

            return result;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The number of stored observations, counted no further than <paramref name="limit"/>.</summary>
    private long CountUpTo(SqliteTransaction transaction, int limit)
    {
        using var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT COUNT(*) FROM (SELECT 1 FROM observation LIMIT $limit)";
        command.Parameters.AddWithValue("$limit", limit);
        return (long)command.ExecuteScalar()!;
    }

    private void Execute(SqliteTransaction transaction, string sql)
    {
        using var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static KpiPlatform PlatformOf(string name) => MetricCatalog.TryParsePlatform(name, out var platform) ? platform : KpiPlatform.Other;

    private static DateTime ParseDate(string text) => DateTime.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static SqliteCommand Command(SqliteTransaction transaction, string sql, params string[] parameters)
    {
        var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        command.Prepare();
        return command;
    }

    private static void Set(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }

    private void ThrowIfDisposed()
    {
        if (_disposed)
        {
            throw new ObjectDisposedException(nameof(SqliteKpiStore));
        }
    }
}
