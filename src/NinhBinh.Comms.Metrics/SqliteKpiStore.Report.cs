using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;

namespace NinhBinh.Comms.Metrics;

/// <summary>The yearly report's reads: every metric's series in one pass over the figures, reduced in SQL where the rules allow.</summary>
public sealed partial class SqliteKpiStore
{
    /// <summary>
    /// Every channel's series of every metric of a unit (a province with its communes) for [<paramref name="from"/>,
    /// <paramref name="to"/>], and the monthly views of each channel. A series whose figures are all daily whole
    /// numbers is reduced in SQL (daily figures never overlap, so a sum takes them all; a snapshot's last figure is the
    /// greatest end, then start); any other series (nested periods, decimals, very large values) is reduced from its figures by
    /// the same code as <see cref="KpiAggregator"/>.
    /// </summary>
    /// <returns>The series, or null when a sum would overflow 64-bit integers (the caller then reads the figures).</returns>
    internal async Task<KpiSeriesSet?> SummarizeAsync(string unitCode, DateTime from, DateTime to, IReadOnlyList<ReportingPeriod> months, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ThrowIfDisposed();
            var (scope, province) = ScopeOf(unitCode);
            var snapshots = MetricCatalog.All.Where(m => m.Kind == AggregationKind.Snapshot).Select(m => m.Key).ToList();
            var snapshotList = string.Join(", ", snapshots.Select((_, i) => "$s" + i.ToString(CultureInfo.InvariantCulture)));
            var set = new KpiSeriesSet();
            var rowsNeeded = new List<KpiSeries>();
            using (var command = _connection.CreateCommand())
            {
                // The figures touching the period, grouped by series as they are read in key order: a province's report
                // reads most of the table, and one pass beats an index lookup per figure (hence +province: no index).
                // SUM over the texts is an integer exactly when every value is a whole number that fits 64 bits.
                command.CommandText = $"""
                    SELECT unit_code, channel, platform, metric, COUNT(*), SUM(period_start <> period_end), SUM(value)
                    FROM observation WHERE {(unitCode.Length == 2 ? "+" + scope : scope)} AND metric NOT IN ({snapshotList})
                        AND period_start <= $to AND period_end >= $from
                    GROUP BY unit_code, channel, platform, metric
                    """;
                AddScope(command, unitCode, province);
                AddSnapshots(command, snapshots);
                command.Parameters.AddWithValue("$from", KpiCsv.Date(from));
                command.Parameters.AddWithValue("$to", KpiCsv.Date(to));
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var series = new KpiSeries(reader.GetString(0), reader.GetString(1), PlatformOf(reader.GetString(2)), reader.GetString(3)) { Figures = reader.GetInt32(4) };
                    if (reader.GetInt64(5) > 0 || reader.GetFieldType(6) != typeof(long))
                    {
                        rowsNeeded.Add(series);
                        continue;
                    }

                    // Every figure is a day inside the period: a sum takes them all; none is for exactly the period
                    // unless the period is that one day.
                    series.Used = series.Figures;
                    series.Sum = reader.GetInt64(6);
                    series.Exact = from == to ? series.Sum : null;
                    set.Add(series);
                }
            }

            using (var command = _connection.CreateCommand())
            {
                // Snapshots: each series' last figure on or before the end (greatest end, then latest start; the
                // key makes it unique), through the index: one metric of many.
                command.CommandText = $"""
                    SELECT unit_code, channel, platform, metric, COUNT(*), MAX(period_end || period_start || value)
                    FROM observation WHERE {scope} AND metric IN ({snapshotList}) AND period_end <= $to
                    GROUP BY unit_code, channel, platform, metric
                    """;
                AddScope(command, unitCode, province);
                AddSnapshots(command, snapshots);
                command.Parameters.AddWithValue("$to", KpiCsv.Date(to));
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    var last = reader.GetString(5);
                    set.Add(new KpiSeries(reader.GetString(0), reader.GetString(1), PlatformOf(reader.GetString(2)), reader.GetString(3))
                    {
                        Figures = reader.GetInt32(4),
                        LastEnd = ParseDate(last.Substring(0, 10)),
                        Last = decimal.Parse(last.Substring(20), CultureInfo.InvariantCulture),
                    });
                }
            }

            // Monthly views of the channels reduced in SQL (the others get theirs from their figures below).
            var monthly = new Dictionary<(string, string, KpiPlatform), decimal[]>();
            using (var command = _connection.CreateCommand())
            {
                var bucket = string.Join(" ", Enumerable.Range(1, months.Count - 1).Select(m => $"WHEN period_start < $m{m} THEN {m}"));
                command.CommandText = $"""
                    SELECT unit_code, channel, platform, CASE {bucket} ELSE {months.Count} END, SUM(CAST(value AS INTEGER))
                    FROM observation WHERE {scope} AND metric = $metric AND period_start = period_end AND period_start >= $from AND period_end <= $to
                    GROUP BY 1, 2, 3, 4
                    """;
                AddScope(command, unitCode, province);
                command.Parameters.AddWithValue("$metric", MetricCatalog.ContentViews);
                command.Parameters.AddWithValue("$from", KpiCsv.Date(months[0].Start));
                command.Parameters.AddWithValue("$to", KpiCsv.Date(months[months.Count - 1].End));
                for (var m = 1; m < months.Count; m++)
                {
                    command.Parameters.AddWithValue("$m" + m.ToString(CultureInfo.InvariantCulture), KpiCsv.Date(months[m].Start));
                }

                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    var key = (reader.GetString(0), reader.GetString(1), PlatformOf(reader.GetString(2)));
                    if (!monthly.TryGetValue(key, out var sums))
                    {
                        monthly[key] = sums = new decimal[months.Count];
                    }

                    sums[reader.GetInt32(3) - 1] = reader.GetInt64(4);
                }
            }

            foreach (var series in set.Of(MetricCatalog.ContentViews))
            {
                series.Months = monthly.TryGetValue(series.Key, out var sums) ? sums : new decimal[months.Count];
            }

            // Series that need their figures: reduced by the same code as the aggregator's.
            foreach (var needed in rowsNeeded)
            {
                var figures = ReadSeries(needed, from, to);
                var series = KpiSeries.OfChannel(figures, from, to, snapshot: false);
                if (series.Metric == MetricCatalog.ContentViews)
                {
                    series.Months = months.Select(m => KpiAggregator.Cover(figures, m.Start, m.End).Sum(o => o.Value)).ToArray();
                }

                set.Add(series);
            }

            return set;
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == 1 && ex.Message.IndexOf("integer overflow", StringComparison.OrdinalIgnoreCase) >= 0)
        {
            return null;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The WHERE clause selecting a unit in force (a province with its communes) and the province it is under.</summary>
    private (string Scope, string? Province) ScopeOf(string unitCode)
    {
        // One index (province, metric, unit, period_end) serves both scopes: a commune is looked up under its province.
        var province = unitCode.Length == 2 ? unitCode : _registry.Find(unitCode, _time.GetVietnamToday())?.ParentCode;
        var scope = unitCode.Length == 2 ? "province = $unit" : province is null ? "unit = $unit" : "province = $province AND unit = $unit";
        return (scope, province);
    }

    private static void AddSnapshots(SqliteCommand command, List<string> snapshots)
    {
        for (var i = 0; i < snapshots.Count; i++)
        {
            command.Parameters.AddWithValue("$s" + i.ToString(CultureInfo.InvariantCulture), snapshots[i]);
        }
    }

    private static void AddScope(SqliteCommand command, string unitCode, string? province)
    {
        command.Parameters.AddWithValue("$unit", unitCode);
        command.Parameters.AddWithValue("$province", province ?? string.Empty);
    }

    /// <summary>One channel's figures of one metric that touch [from, to].</summary>
    private List<MetricObservation> ReadSeries(KpiSeries series, DateTime from, DateTime to)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = """
            SELECT unit_code, channel, platform, metric, value, period_start, period_end, source_metric, retrieved_at, estimated
            FROM observation WHERE unit_code = $u AND channel = $c AND platform = $p AND metric = $m AND period_start <= $to AND period_end >= $from
            """;
        command.Parameters.AddWithValue("$u", series.UnitCode);
        command.Parameters.AddWithValue("$c", series.Channel);
        command.Parameters.AddWithValue("$p", MetricCatalog.PlatformName(series.Platform));
        command.Parameters.AddWithValue("$m", series.Metric);
        command.Parameters.AddWithValue("$from", KpiCsv.Date(from));
        command.Parameters.AddWithValue("$to", KpiCsv.Date(to));
        var figures = new List<MetricObservation>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            figures.Add(ReadObservation(reader));
        }

        return figures;
    }

    /// <summary>An observation from the columns unit_code, channel, platform, metric, value, period_start, period_end, source_metric, retrieved_at, estimated.</summary>
    private static MetricObservation ReadObservation(SqliteDataReader reader)
        => new(reader.GetString(0), reader.GetString(1), PlatformOf(reader.GetString(2)), reader.GetString(3),
            decimal.Parse(reader.GetString(4), CultureInfo.InvariantCulture), ParseDate(reader.GetString(5)), ParseDate(reader.GetString(6)))
        {
            SourceMetric = reader.IsDBNull(7) ? null : reader.GetString(7),
            RetrievedAt = reader.IsDBNull(8) ? null : DateTimeOffset.Parse(reader.GetString(8), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
            Estimated = reader.GetInt64(9) != 0,
        };
}
