using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Threading;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace NinhBinh.Comms.Metrics;

/// <summary>
/// The SQLite import of many observations, inside the caller's transaction: one prepared <c>INSERT OR IGNORE</c> whose
/// parameters are bound by position through SQLite's own API (Microsoft.Data.Sqlite looks every parameter up by name on
/// every execution), texts encoded to UTF-8 once per distinct text, units mapped once per code and day. Only a row that
/// is already there is read back, to tell "the same figure" from "a revision" (a later <c>retrieved_at</c> replaces).
/// </summary>
internal sealed class SqliteObservationImport : IDisposable
{
    // Numbered parameters: ?1–?6 the key, ?7–?10 the figure, ?11–?12 the unit in force; one binding serves all three.
    private const string InsertSql = """
        INSERT OR IGNORE INTO observation (unit_code, channel, platform, metric, period_start, period_end, value, source_metric, retrieved_at, estimated, unit, province)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
        """;

    private const string KeyMatch = "unit_code=?1 AND channel=?2 AND platform=?3 AND metric=?4 AND period_start=?5 AND period_end=?6";
    private const string SelectSql = "SELECT value, retrieved_at FROM observation WHERE " + KeyMatch;
    private const string UpdateSql = "UPDATE observation SET value=?7, source_metric=?8, retrieved_at=?9, estimated=?10 WHERE " + KeyMatch;

    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _insert;
    private readonly sqlite3_stmt _select;
    private readonly sqlite3_stmt _update;
    private readonly KpiObservationTable _table;
    private readonly AdministrativeUnitRegistry _registry;
    private readonly DateTime _today;
    private readonly byte[]?[] _texts;
    private readonly Dictionary<int, byte[]> _days = new();
    private readonly Dictionary<(int Unit, int Day), (byte[] Unit, byte[] Province)> _units = new();
    private readonly byte[][] _platforms = new byte[16][];
    private readonly byte[] _value = new byte[64];

    public SqliteObservationImport(SqliteConnection connection, KpiObservationTable table, AdministrativeUnitRegistry registry, DateTime today)
    {
        _db = connection.Handle!;
        _table = table;
        _registry = registry;
        _today = today;
        _texts = new byte[table.Texts.Count][];
        _insert = Prepare(InsertSql);
        _select = Prepare(SelectSql);
        _update = Prepare(UpdateSql);
    }

    /// <summary>Imports every row of the table.</summary>
    /// <exception cref="UnmappedUnitException">A unit code maps to no single unit in force (the caller rolls back).</exception>
    public KpiImportResult Run(CancellationToken cancellationToken)
    {
        int imported = 0, already = 0;
        var replaced = new List<MetricObservation>();
        var kept = new List<MetricObservation>();
        var rows = _table.Rows;
        for (var i = 0; i < rows.Length; i++)
        {
            if ((i & 0xFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            ref readonly var row = ref rows[i];
            BindKey(_insert, row);
            BindFigure(_insert, row);
            var (unit, province) = UnitOf(row);
            Check(raw.sqlite3_bind_text(_insert, 11, unit));
            Check(raw.sqlite3_bind_text(_insert, 12, province));
            Step(_insert);
            if (raw.sqlite3_changes(_db) == 1)
            {
                imported++;
                continue;
            }

            BindKey(_select, row);
            decimal storedValue;
            string? storedRetrieved;
            try
            {
                if (raw.sqlite3_step(_select) != raw.SQLITE_ROW)
                {
                    throw Error("the row that was not inserted could not be read back");
                }

                storedValue = decimal.Parse(raw.sqlite3_column_text(_select, 0).utf8_to_string(), CultureInfo.InvariantCulture);
                storedRetrieved = raw.sqlite3_column_type(_select, 1) == raw.SQLITE_NULL ? null : raw.sqlite3_column_text(_select, 1).utf8_to_string();
            }
            finally
            {
                raw.sqlite3_reset(_select);
            }

            var retrieved = Retrieved(row);
            if (storedValue == row.Value)
            {
                already++;
            }
            else if (retrieved is not null && (storedRetrieved is null || string.CompareOrdinal(retrieved, storedRetrieved) > 0))
            {
                BindKey(_update, row);
                BindFigure(_update, row);
                Step(_update);
                replaced.Add(_table[i]);
            }
            else
            {
                kept.Add(_table[i]);
            }
        }

        return new KpiImportResult(imported, already, replaced, kept);
    }

    public void Dispose()
    {
        _insert.Dispose();
        _select.Dispose();
        _update.Dispose();
    }

    /// <summary><c>retrieved_at</c> as stored: UTC, to the second, so that text order is time order.</summary>
    private static string? Retrieved(in KpiObservationTable.Row row)
        => row.RetrievedAt?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private void BindKey(sqlite3_stmt statement, in KpiObservationTable.Row row)
    {
        Check(raw.sqlite3_bind_text(statement, 1, Text(row.Unit)));
        Check(raw.sqlite3_bind_text(statement, 2, Text(row.Channel)));
        Check(raw.sqlite3_bind_text(statement, 3, Platform(row.Platform)));
        Check(raw.sqlite3_bind_text(statement, 4, Text(row.Metric)));
        Check(raw.sqlite3_bind_text(statement, 5, Day(row.Start)));
        Check(raw.sqlite3_bind_text(statement, 6, Day(row.End)));
    }

    private void BindFigure(sqlite3_stmt statement, in KpiObservationTable.Row row)
    {
        Check(raw.sqlite3_bind_text(statement, 7, Value(row.Value)));
        Check(row.Source < 0 ? raw.sqlite3_bind_null(statement, 8) : raw.sqlite3_bind_text(statement, 8, Text(row.Source)));
        Check(Retrieved(row) is { } retrieved ? raw.sqlite3_bind_text(statement, 9, retrieved) : raw.sqlite3_bind_null(statement, 9));
        Check(raw.sqlite3_bind_int64(statement, 10, row.Estimated ? 1 : 0));
    }

    private ReadOnlySpan<byte> Value(decimal value)
    {
#if NET
        var written = value.TryFormat(_value, out var length, default, CultureInfo.InvariantCulture) ? length : throw new FormatException("A figure is longer than 64 bytes.");
#else
        var text = value.ToString(CultureInfo.InvariantCulture);
        var written = Encoding.UTF8.GetBytes(text, 0, text.Length, _value, 0);
#endif
        return _value.AsSpan(0, written);
    }

    private byte[] Text(int id) => _texts[id] ??= Encoding.UTF8.GetBytes(_table.Texts[id]);

    private byte[] Platform(KpiPlatform platform) => _platforms[(int)platform] ??= Encoding.UTF8.GetBytes(MetricCatalog.PlatformName(platform));

    private byte[] Day(int day)
    {
        if (!_days.TryGetValue(day, out var text))
        {
            _days[day] = text = Encoding.UTF8.GetBytes(KpiCsv.Date(KpiObservationTable.DayToDate(day)));
        }

        return text;
    }

    /// <summary>The unit in force that the row's code stands for, as of the end of its period (old codes through their successors).</summary>
    private (byte[] Unit, byte[] Province) UnitOf(in KpiObservationTable.Row row)
    {
        if (!_units.TryGetValue((row.Unit, row.End), out var unit))
        {
            var code = _table.Texts[row.Unit];
            var mapped = KpiUnits.Map(_registry, code, KpiObservationTable.DayToDate(row.End), _today)
                ?? throw new UnmappedUnitException($"unit_code {code} does not map to one unit in force (unknown, or split); nothing was imported.");
            _units[(row.Unit, row.End)] = unit = (Encoding.UTF8.GetBytes(mapped.Code), Encoding.UTF8.GetBytes(KpiUnits.ProvinceOf(mapped)));
        }

        return unit;
    }

    private sqlite3_stmt Prepare(string sql)
    {
        Check(raw.sqlite3_prepare_v2(_db, sql, out var statement));
        return statement;
    }

    private void Step(sqlite3_stmt statement)
    {
        var rc = raw.sqlite3_step(statement);
        raw.sqlite3_reset(statement);
        if (rc != raw.SQLITE_DONE)
        {
            throw new SqliteException("SQLite error " + rc.ToString(CultureInfo.InvariantCulture) + ": " + raw.sqlite3_errmsg(_db).utf8_to_string(), rc);
        }
    }

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            throw new SqliteException("SQLite error " + rc.ToString(CultureInfo.InvariantCulture) + ": " + raw.sqlite3_errmsg(_db).utf8_to_string(), rc);
        }
    }

    private SqliteException Error(string what) => new("SQLite: " + what + ": " + raw.sqlite3_errmsg(_db).utf8_to_string(), raw.sqlite3_errcode(_db));

    /// <summary>A unit code that maps to no single unit in force; the store reports it as an <see cref="ArgumentException"/> of its parameter.</summary>
    internal sealed class UnmappedUnitException(string message) : Exception(message);
}
