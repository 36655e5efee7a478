using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Npgsql;
using NpgsqlTypes;

namespace NinhBinh.Comms.Metrics.PostgreSql;

/// <summary>
/// The KPI store on PostgreSQL, for departments that outgrow one SQLite file: the same contract as
/// <see cref="SqliteKpiStore"/> (idempotent imports, a later <c>retrieved_at</c> replaces, queries by the unit in force).
/// Thread-safe; each call uses its own pooled connection; an import is one transaction.
/// </summary>
public sealed class PostgreSqlKpiStore : IKpiStore
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly AdministrativeUnitRegistry _registry;
    private readonly TimeProvider _time;

    private PostgreSqlKpiStore(NpgsqlDataSource dataSource, AdministrativeUnitRegistry registry, TimeProvider time)
    {
        _dataSource = dataSource;
        _registry = registry;
        _time = time;
    }

    /// <summary>
    /// The shipped migration scripts in order (<c>Migrations/001_kpi_store.sql</c> then <c>Migrations/002_kpi_records.sql</c>),
    /// for operators who apply schemas themselves. Both are idempotent.
    /// </summary>
    public static string MigrationScript => Resource("001_kpi_store.sql") + "\n" + Resource("002_kpi_records.sql");

    /// <summary>Opens the store: checks the connection and creates the tables when missing (unless turned off).</summary>
    /// <param name="options">The connection string and settings.</param>
    /// <param name="cancellationToken">Cancels opening.</param>
    /// <returns>The store.</returns>
    /// <exception cref="ArgumentException">No connection string.</exception>
    /// <exception cref="InvalidOperationException">The server cannot be reached, or the tables are missing and may not be created (the message names the script, never the password).</exception>
    public static async Task<PostgreSqlKpiStore> OpenAsync(PostgreSqlKpiStoreOptions options, CancellationToken cancellationToken = default)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            throw new ArgumentException("ConnectionString must be an Npgsql connection string.", nameof(options));
        }

        var dataSource = NpgsqlDataSource.Create(options.ConnectionString);
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            if (options.CreateTablesIfMissing)
            {
                using var create = new NpgsqlCommand(MigrationScript, connection);
                await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            else
            {
                using var check = new NpgsqlCommand("SELECT to_regclass('kpi_observation') IS NOT NULL AND to_regclass('kpi_channel') IS NOT NULL AND to_regclass('kpi_report') IS NOT NULL AND to_regclass('kpi_record') IS NOT NULL", connection);
                if (!(bool)(await check.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!)
                {
                    throw new InvalidOperationException("The KPI tables are missing: apply Migrations/001_kpi_store.sql and 002_kpi_records.sql (PostgreSqlKpiStore.MigrationScript) or set CreateTablesIfMissing.");
                }
            }
        }
        catch (Exception ex) when (ex is NpgsqlException or System.Net.Sockets.SocketException)
        {
            await dataSource.DisposeAsync().ConfigureAwait(false);
            var builder = new NpgsqlConnectionStringBuilder(options.ConnectionString);
            throw new InvalidOperationException($"The KPI store at {builder.Host}:{builder.Port}/{builder.Database} cannot be used: {ex.Message}", ex);
        }
        catch
        {
            await dataSource.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return new PostgreSqlKpiStore(dataSource, options.Registry ?? AdministrativeUnitRegistry.Default, options.TimeProvider ?? TimeProvider.System);
    }

    /// <inheritdoc />
    public async Task<KpiImportResult> ImportAsync(IEnumerable<MetricObservation> observations, CancellationToken cancellationToken = default)
    {
        if (observations is null)
        {
            throw new ArgumentNullException(nameof(observations));
        }

        var today = _time.GetVietnamToday();
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var transaction = connection.BeginTransaction();
        using var insert = new NpgsqlCommand("""
            INSERT INTO kpi_observation (unit_code, channel, platform, metric, period_start, period_end, value, source_metric, retrieved_at, estimated, unit, province)
            VALUES (@u, @c, @p, @m, @s, @e, @v, @sm, @r, @est, @unit, @province) ON CONFLICT DO NOTHING
            """, connection, transaction);
        using var select = new NpgsqlCommand("SELECT value, retrieved_at FROM kpi_observation WHERE unit_code=@u AND channel=@c AND platform=@p AND metric=@m AND period_start=@s AND period_end=@e", connection, transaction);
        using var update = new NpgsqlCommand("UPDATE kpi_observation SET value=@v, source_metric=@sm, retrieved_at=@r, estimated=@est WHERE unit_code=@u AND channel=@c AND platform=@p AND metric=@m AND period_start=@s AND period_end=@e", connection, transaction);
        var mapped = new Dictionary<(string, DateTime), AdministrativeUnit>();
        int imported = 0, already = 0;
        var replaced = new List<MetricObservation>();
        var kept = new List<MetricObservation>();
        foreach (var o in observations)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!mapped.TryGetValue((o.UnitCode, o.PeriodEnd), out var unit))
            {
                unit = KpiUnits.Map(_registry, o.UnitCode, o.PeriodEnd, today)
                    ?? throw new ArgumentException($"unit_code {o.UnitCode} does not map to one unit in force (unknown, or split); nothing was imported.", nameof(observations));
                mapped[(o.UnitCode, o.PeriodEnd)] = unit;
            }

            Key(insert, o);
            Values(insert, o);
            insert.Parameters.AddWithValue("unit", unit.Code);
            insert.Parameters.AddWithValue("province", KpiUnits.ProvinceOf(unit));
            if (await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1)
            {
                imported++;
                continue;
            }

            Key(select, o);
            decimal storedValue;
            DateTimeOffset? storedRetrieved;
            await using (var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                storedValue = reader.GetDecimal(0);
                storedRetrieved = reader.IsDBNull(1) ? null : new DateTimeOffset(reader.GetDateTime(1).ToUniversalTime(), TimeSpan.Zero);
            }

            if (storedValue == o.Value)
            {
                already++;
            }
            else if (o.RetrievedAt is { } r && (storedRetrieved is null || r.ToUniversalTime() > storedRetrieved))
            {
                Key(update, o);
                Values(update, o);
                await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                replaced.Add(o);
            }
            else
            {
                kept.Add(o);
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new KpiImportResult(imported, already, replaced, kept);
    }

    /// <inheritdoc />
    public async Task<KpiImportResult> ImportChannelsAsync(IEnumerable<KpiChannel> channels, CancellationToken cancellationToken = default)
    {
        if (channels is null)
        {
            throw new ArgumentNullException(nameof(channels));
        }

        var today = _time.GetVietnamToday();
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var transaction = connection.BeginTransaction();
        int imported = 0, already = 0;
        foreach (var c in channels)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var unit = KpiUnits.Map(_registry, c.UnitCode, c.ClosedOn ?? today, today)
                ?? throw new ArgumentException($"unit_code {c.UnitCode} does not map to one unit in force (unknown, or split); nothing was imported.", nameof(channels));
            using var upsert = new NpgsqlCommand("""
                INSERT INTO kpi_channel (unit_code, channel, platform, official, established_on, closed_on, unit, province)
                VALUES (@u, @c, @p, @o, @e, @x, @unit, @province)
                ON CONFLICT (unit_code, channel, platform) DO UPDATE SET official = excluded.official, established_on = excluded.established_on, closed_on = excluded.closed_on
                WHERE (kpi_channel.official, kpi_channel.established_on, kpi_channel.closed_on) IS DISTINCT FROM (excluded.official, excluded.established_on, excluded.closed_on)
                """, connection, transaction);
            upsert.Parameters.AddWithValue("u", c.UnitCode);
            upsert.Parameters.AddWithValue("c", c.Channel);
            upsert.Parameters.AddWithValue("p", MetricCatalog.PlatformName(c.Platform));
            upsert.Parameters.AddWithValue("o", c.Official);
            upsert.Parameters.Add(new NpgsqlParameter("e", NpgsqlDbType.Date) { Value = (object?)c.EstablishedOn ?? DBNull.Value });
            upsert.Parameters.Add(new NpgsqlParameter("x", NpgsqlDbType.Date) { Value = (object?)c.ClosedOn ?? DBNull.Value });
            upsert.Parameters.AddWithValue("unit", unit.Code);
            upsert.Parameters.AddWithValue("province", KpiUnits.ProvinceOf(unit));
            if (await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1)
            {
                imported++;
            }
            else
            {
                already++;
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new KpiImportResult(imported, already, Array.Empty<MetricObservation>(), Array.Empty<MetricObservation>());
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<MetricObservation>> QueryAsync(KpiQuery query, CancellationToken cancellationToken = default)
    {
        if (query is null)
        {
            throw new ArgumentNullException(nameof(query));
        }

        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var scope = query.UnitCode.Length == 2 ? "province" : "unit";
        using var command = new NpgsqlCommand($"""
            SELECT unit_code, channel, platform, metric, value, period_start, period_end, source_metric, retrieved_at, estimated
            FROM kpi_observation WHERE {scope} = @unit AND metric = @metric AND period_start <= @to
            {(query.UpToOnly ? "AND period_end <= @to" : "AND period_end >= @from")}
            {(query.Platform is null ? string.Empty : "AND platform = @platform")}
            """, connection);
        command.Parameters.AddWithValue("unit", query.UnitCode);
        command.Parameters.AddWithValue("metric", query.Metric);
        command.Parameters.Add(new NpgsqlParameter("to", NpgsqlDbType.Date) { Value = query.To.Date });
        command.Parameters.Add(new NpgsqlParameter("from", NpgsqlDbType.Date) { Value = query.From.Date });
        command.Parameters.AddWithValue("platform", query.Platform is { } p ? MetricCatalog.PlatformName(p) : string.Empty);
        var result = new List<MetricObservation>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            result.Add(new MetricObservation(reader.GetString(0), reader.GetString(1), PlatformOf(reader.GetString(2)), reader.GetString(3),
                reader.GetDecimal(4), reader.GetDateTime(5), reader.GetDateTime(6))
            {
                SourceMetric = reader.IsDBNull(7) ? null : reader.GetString(7),
                RetrievedAt = reader.IsDBNull(8) ? null : new DateTimeOffset(reader.GetDateTime(8).ToUniversalTime(), TimeSpan.Zero),
                Estimated = reader.GetBoolean(9),
            });
        }

        return result;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<KpiChannel>> GetChannelsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var command = new NpgsqlCommand("SELECT unit_code, channel, platform, official, established_on, closed_on FROM kpi_channel ORDER BY unit, platform, channel", connection);
        var result = new List<KpiChannel>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            result.Add(new KpiChannel(reader.GetString(0), reader.GetString(1), PlatformOf(reader.GetString(2)), reader.GetBoolean(3))
            {
                EstablishedOn = reader.IsDBNull(4) ? null : reader.GetDateTime(4),
                ClosedOn = reader.IsDBNull(5) ? null : reader.GetDateTime(5),
            });
        }

        return result;
    }

    /// <inheritdoc />
    public async Task RecordReportAsync(string unitCode, int year, DateTimeOffset producedAt, CancellationToken cancellationToken = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var command = new NpgsqlCommand("INSERT INTO kpi_report (unit, year, produced_at) VALUES (@u, @y, @t) ON CONFLICT DO NOTHING", connection);
        command.Parameters.AddWithValue("u", unitCode);
        command.Parameters.AddWithValue("y", year);
        command.Parameters.Add(new NpgsqlParameter("t", NpgsqlDbType.TimestampTz) { Value = producedAt.UtcDateTime });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<DateTimeOffset?> GetReportProducedAtAsync(string unitCode, int year, CancellationToken cancellationToken = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var command = new NpgsqlCommand("SELECT produced_at FROM kpi_report WHERE unit = @u AND year = @y", connection);
        command.Parameters.AddWithValue("u", unitCode);
        command.Parameters.AddWithValue("y", year);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is DateTime t ? new DateTimeOffset(t.ToUniversalTime(), TimeSpan.Zero) : null;
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
    public void Dispose() => _dataSource.Dispose();

    private async Task<KpiImportResult> ImportRecordsAsync<T>(IEnumerable<T> records, string parameterName, CancellationToken cancellationToken)
        where T : class
    {
        if (records is null)
        {
            throw new ArgumentNullException(parameterName);
        }

        var list = records.ToList();
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var transaction = connection.BeginTransaction();
        var keys = new Dictionary<string, ISet<string>>();
        foreach (var kind in new[] { KpiRecordStorage.TopicKind, KpiRecordStorage.CampaignKind, KpiRecordStorage.AgencyKind })
        {
            using var select = new NpgsqlCommand("SELECT key FROM kpi_record WHERE kind = @k", connection, transaction);
            select.Parameters.AddWithValue("k", kind);
            var set = new HashSet<string>(StringComparer.Ordinal);
            await using (var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    set.Add(reader.GetString(0));
                }
            }

            keys[kind] = set;
        }

        var rows = KpiRecordStorage.Prepare(list, _registry, _time.GetVietnamToday(), kind => keys[kind], parameterName);
        int imported = 0, already = 0;
        foreach (var row in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var upsert = new NpgsqlCommand("""
                INSERT INTO kpi_record (kind, key, body, unit, province, day) VALUES (@k, @key, @body, @unit, @province, @day)
                ON CONFLICT (kind, key) DO UPDATE SET body = excluded.body, unit = excluded.unit, province = excluded.province, day = excluded.day
                WHERE kpi_record.body IS DISTINCT FROM excluded.body
                """, connection, transaction);
            upsert.Parameters.AddWithValue("k", row.Kind);
            upsert.Parameters.AddWithValue("key", row.Key);
            upsert.Parameters.AddWithValue("body", row.Body);
            upsert.Parameters.Add(new NpgsqlParameter("unit", NpgsqlDbType.Text) { Value = (object?)row.Unit ?? DBNull.Value });
            upsert.Parameters.Add(new NpgsqlParameter("province", NpgsqlDbType.Text) { Value = (object?)row.Province ?? DBNull.Value });
            upsert.Parameters.Add(new NpgsqlParameter("day", NpgsqlDbType.Date) { Value = (object?)row.Day ?? DBNull.Value });
            if (await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1)
            {
                imported++;
            }
            else
            {
                already++;
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new KpiImportResult(imported, already, Array.Empty<MetricObservation>(), Array.Empty<MetricObservation>());
    }

    private async Task<IReadOnlyList<T>> GetRecordsAsync<T>(string kind, string? unitCode, DateTime? from, DateTime? to, CancellationToken cancellationToken)
        where T : class
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var scope = unitCode is null ? string.Empty : unitCode.Length == 2 ? " AND province = @unit" : " AND unit = @unit";
        var days = from is null ? string.Empty : " AND day >= @from AND day <= @to";
        using var command = new NpgsqlCommand($"SELECT body FROM kpi_record WHERE kind = @k{scope}{days} ORDER BY day, key COLLATE \"C\"", connection);
        command.Parameters.AddWithValue("k", kind);
        command.Parameters.AddWithValue("unit", unitCode ?? string.Empty);
        command.Parameters.Add(new NpgsqlParameter("from", NpgsqlDbType.Date) { Value = from?.Date ?? DateTime.MinValue.Date });
        command.Parameters.Add(new NpgsqlParameter("to", NpgsqlDbType.Date) { Value = to?.Date ?? DateTime.MaxValue.Date });
        var result = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            result.Add(KpiRecordCsv.FromStored<T>(reader.GetString(0)));
        }

        return result;
    }

    private static string Resource(string name)
    {
        using var stream = typeof(PostgreSqlKpiStore).Assembly.GetManifestResourceStream("NinhBinh.Comms.Metrics.PostgreSql." + name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static KpiPlatform PlatformOf(string name) => MetricCatalog.TryParsePlatform(name, out var platform) ? platform : KpiPlatform.Other;

    private static void Key(NpgsqlCommand command, MetricObservation o)
    {
        command.Parameters.Clear();
        command.Parameters.AddWithValue("u", o.UnitCode);
        command.Parameters.AddWithValue("c", o.Channel);
        command.Parameters.AddWithValue("p", MetricCatalog.PlatformName(o.Platform));
        command.Parameters.AddWithValue("m", o.Metric);
        command.Parameters.Add(new NpgsqlParameter("s", NpgsqlDbType.Date) { Value = o.PeriodStart.Date });
        command.Parameters.Add(new NpgsqlParameter("e", NpgsqlDbType.Date) { Value = o.PeriodEnd.Date });
    }

    private static void Values(NpgsqlCommand command, MetricObservation o)
    {
        command.Parameters.AddWithValue("v", o.Value);
        command.Parameters.Add(new NpgsqlParameter("sm", NpgsqlDbType.Text) { Value = (object?)o.SourceMetric ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("r", NpgsqlDbType.TimestampTz) { Value = o.RetrievedAt is { } r ? r.UtcDateTime : DBNull.Value });
        command.Parameters.AddWithValue("est", o.Estimated);
    }
}
