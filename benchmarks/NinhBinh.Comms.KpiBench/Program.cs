using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using DuckDB.NET.Data;
using NinhBinh.Comms;
using NinhBinh.Comms.Benchmarks;
using NinhBinh.Comms.Metrics;

// KPI benchmarks as a plain console (each step is seconds long: BenchmarkDotNet's repetitions add nothing but time).
//   import [rows=1000000] [rounds=3]   CSV -> fresh SQLite file: KpiCsv.ReadFile + SqliteKpiStore.ImportAsync
//   report [rounds=5]                  the yearly province report over 200 units x 6 channels x 8 metrics x 365 days,
//                                      and the same aggregation as one DuckDB query over the same rows
// Data and stores are kept in $NBCOMMS_KPI_BENCH_DIR (default /tmp/nbcomms-kpi-bench) and made again when missing.
var mode = args.Length > 0 ? args[0] : "report";
var folder = Environment.GetEnvironmentVariable("NBCOMMS_KPI_BENCH_DIR") is { Length: > 0 } d ? d : Path.Combine(Path.GetTempPath(), "nbcomms-kpi-bench");
Directory.CreateDirectory(folder);
Console.WriteLine($"machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}, load average {LoadAverage()}");
return mode switch
{
    "import" => await KpiBench.ImportAsync(folder, Arg(1, 1_000_000), Arg(2, 3)),
    "report" => await KpiBench.ReportAsync(folder, Arg(1, 5)),
    _ => Usage(),
};

int Arg(int index, int fallback) => args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;

static int Usage()
{
    Console.Error.WriteLine("usage: NinhBinh.Comms.KpiBench import [rows] [rounds] | report [rounds]");
    return 2;
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

internal static class KpiBench
{
    private static readonly TimeProvider Clock = new FixedClock(new DateTimeOffset(KpiBenchData.Today.AddHours(3), TimeSpan.Zero));

    public static async Task<int> ImportAsync(string folder, int rows, int rounds)
    {
        var csv = Path.Combine(folder, $"daily-{rows}.csv");
        if (!File.Exists(csv))
        {
            KpiBenchData.WriteDailyCsv(csv + ".tmp", rows, new DateTime(2026, 1, 1));
            File.Move(csv + ".tmp", csv);
        }

        Console.WriteLine($"import: {rows:N0} daily observations, {new FileInfo(csv).Length / 1e6:F0} MB of CSV -> a new SQLite file, {rounds} rounds");
        var rates = new List<double>();
        for (var round = 1; round <= rounds; round++)
        {
            var db = Path.Combine(folder, $"import-{round}.db");
            Delete(db);
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            var content = KpiCsv.ReadFile(csv, today: KpiBenchData.Today);
            var read = watch.Elapsed;
            int imported;
            using (var store = SqliteKpiStore.Open(db, timeProvider: Clock))
            {
                imported = (await store.ImportAsync(content.Observations)).Imported;
            }

            var total = watch.Elapsed;
            var cpuUsed = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            if (content.Problems.Count > 0 || imported != rows)
            {
                Console.Error.WriteLine($"expected {rows} rows imported, got {imported} ({content.Problems.Count} bad rows)");
                return 1;
            }

            rates.Add(rows / total.TotalSeconds);
            Console.WriteLine($"  round {round}: read+check {read.TotalSeconds:F2} s, import {(total - read).TotalSeconds:F2} s, total {total.TotalSeconds:F2} s = {rows / total.TotalSeconds:N0} rows/s (process CPU {cpuUsed.TotalSeconds:F2} s)");
            content = null;
            GC.Collect();
            Delete(db);
        }

        rates.Sort();
        Console.WriteLine($"import median: {rates[rates.Count / 2]:N0} rows/s (best {rates[^1]:N0})");
        return 0;
    }

    public static async Task<int> ReportAsync(string folder, int rounds)
    {
        var year = KpiBenchData.Year;
        var days = (year.End - year.Start).Days + 1;
        var rows = KpiBenchData.Units().Count * KpiBenchData.Platforms.Length * KpiBenchData.Metrics.Length * days;
        var csv = Path.Combine(folder, $"year-2026-{rows}.csv");
        if (!File.Exists(csv))
        {
            KpiBenchData.WriteDailyCsv(csv + ".tmp", rows, year.Start);
            File.Move(csv + ".tmp", csv);
        }

        var db = Path.Combine(folder, $"year-2026-{rows}.db");
        if (!File.Exists(db))
        {
            var watch = Stopwatch.StartNew();
            var content = KpiCsv.ReadFile(csv, today: KpiBenchData.Today);
            using (var store = SqliteKpiStore.Open(db + ".tmp", timeProvider: Clock))
            {
                await store.ImportAsync(content.Observations);
            }

            File.Move(db + ".tmp", db);
            Console.WriteLine($"store made: {rows:N0} facts imported in {watch.Elapsed.TotalSeconds:F1} s ({rows / watch.Elapsed.TotalSeconds:N0} rows/s)");
        }

        Console.WriteLine($"report: province 37, statistical year 2026 ({Iso(year.Start)}..{Iso(year.End)}), {rows:N0} daily facts "
            + $"({KpiBenchData.Units().Count} units x {KpiBenchData.Platforms.Length} channels x {KpiBenchData.Metrics.Length} metrics x {days} days), {rounds} rounds after a warm-up");
        KpiYearReport? report = null;
        var sdk = new List<double>();
        for (var round = 0; round <= rounds; round++)
        {
            using var store = SqliteKpiStore.Open(db, timeProvider: Clock);
            var watch = Stopwatch.StartNew();
            report = await KpiYearReport.CreateAsync(store, "37", 2026, timeProvider: Clock);
            if (round > 0)
            {
                sdk.Add(watch.Elapsed.TotalSeconds);
                Console.WriteLine($"  SDK report (SQLite) round {round}: {watch.Elapsed.TotalSeconds:F3} s");
            }
        }

        using var duck = new DuckDBConnection("DataSource=:memory:");
        duck.Open();
        var load = Stopwatch.StartNew();
        Execute(duck, $"CREATE TABLE observation AS SELECT * FROM read_csv('{csv}', header = true, columns = {{'unit_code': 'VARCHAR', 'channel': 'VARCHAR', 'platform': 'VARCHAR', 'metric': 'VARCHAR', 'value': 'DECIMAL(18,6)', 'period_start': 'DATE', 'period_end': 'DATE', 'source_metric': 'VARCHAR', 'retrieved_at': 'VARCHAR'}})");
        Execute(duck, "CREATE TABLE unit_map (unit_code VARCHAR, province VARCHAR)");
        using (var appender = duck.CreateAppender("unit_map"))
        {
            foreach (var code in KpiBenchData.Units())
            {
                var unit = AdministrativeUnitRegistry.Default.TryResolve(code, KpiBenchData.Today, out var units) ? units[0] : throw new InvalidOperationException(code);
                appender.CreateRow().AppendValue(code).AppendValue(unit.ParentCode ?? unit.Code).EndRow();
            }
        }

        Console.WriteLine($"  DuckDB {duck.ServerVersion}: {rows:N0} rows loaded from the CSV in {load.Elapsed.TotalSeconds:F1} s (not timed below)");
        var query = DuckQuery(year);
        var duckTimes = new List<double>();
        Dictionary<string, decimal> duckFigures = new();
        for (var round = 0; round <= rounds; round++)
        {
            var watch = Stopwatch.StartNew();
            duckFigures = ReadFigures(duck, query);
            if (round > 0)
            {
                duckTimes.Add(watch.Elapsed.TotalSeconds);
                Console.WriteLine($"  DuckDB one query round {round}: {watch.Elapsed.TotalSeconds:F3} s");
            }
        }

        // The same figures both ways, or the comparison means nothing.
        var sdkFigures = SdkFigures(report!);
        var mismatches = sdkFigures.Where(f => !duckFigures.TryGetValue(f.Key, out var v) || v != f.Value).Select(f => $"{f.Key}: SDK {f.Value}, DuckDB {(duckFigures.TryGetValue(f.Key, out var v) ? v.ToString(CultureInfo.InvariantCulture) : "none")}").ToList();
        mismatches.AddRange(duckFigures.Keys.Except(sdkFigures.Keys).Select(k => $"{k}: only in DuckDB"));
        Console.WriteLine($"  figures compared: {sdkFigures.Count} (totals, by platform, monthly views of {report!.Trend.Count} channels); {(mismatches.Count == 0 ? "all equal" : mismatches.Count + " differ")}");
        foreach (var m in mismatches.Take(10))
        {
            Console.WriteLine("    " + m);
        }

        sdk.Sort();
        duckTimes.Sort();
        var s = sdk[sdk.Count / 2];
        var q = duckTimes[duckTimes.Count / 2];
        Console.WriteLine($"report median: SDK {s:F3} s (target <= 5 s), DuckDB {q:F3} s, ratio SDK/DuckDB {s / q:F1}x");
        return mismatches.Count == 0 ? 0 : 1;
    }

    /// <summary>
    /// The report's figures as one query: sums of the daily figures inside the year, interactions as the sum of their
    /// parts, each channel's last followers figure, the platform breakdown and the monthly (statistical) views per
    /// channel. (The data set has daily figures only; the SDK's rules for nested periods are not expressed here.)
    /// </summary>
    private static string DuckQuery(ReportingPeriod year)
    {
        var from = $"DATE '{Iso(year.Start)}'";
        var to = $"DATE '{Iso(year.End)}'";
        return $"""
            WITH o AS (SELECT o.* FROM observation o JOIN unit_map u USING (unit_code) WHERE u.province = '37'),
                 y AS (SELECT * FROM o WHERE period_start >= {from} AND period_end <= {to}),
                 parts AS (SELECT * FROM y WHERE metric IN ('engagement.reactions', 'engagement.comments', 'engagement.shares'))
            SELECT 'metric/' || metric, SUM(value) FROM y
              WHERE metric IN ('content.published', 'content.views', 'engagement.reactions', 'engagement.comments', 'engagement.shares', 'video.watch_time') GROUP BY metric
            UNION ALL SELECT 'metric/engagement.interactions', SUM(value) FROM parts
            UNION ALL SELECT 'metric/audience.followers', SUM(last) FROM (
              SELECT arg_max(value, period_end) AS last FROM o WHERE metric = 'audience.followers' AND period_end <= {to} GROUP BY unit_code, channel, platform)
            UNION ALL SELECT 'platform/' || platform || '/' || metric, SUM(value) FROM y
              WHERE metric IN ('content.published', 'content.views', 'engagement.shares') GROUP BY platform, metric
            UNION ALL SELECT 'platform/' || platform || '/engagement.interactions', SUM(value) FROM parts GROUP BY platform
            UNION ALL SELECT 'trend/' || platform || '/' || unit_code || '/' || channel || '/' || month, SUM(value) FROM (
              SELECT *, ((month(period_start) + CASE WHEN day(period_start) >= 15 THEN 1 ELSE 0 END - 1) % 12) + 1 AS month FROM y WHERE metric = 'content.views')
              GROUP BY ALL
            """;
    }

    private static Dictionary<string, decimal> ReadFigures(DuckDBConnection duck, string query)
    {
        using var command = duck.CreateCommand();
        command.CommandText = query;
        using var reader = command.ExecuteReader();
        var figures = new Dictionary<string, decimal>(StringComparer.Ordinal);
        while (reader.Read())
        {
            figures[reader.GetString(0)] = reader.GetDecimal(1);
        }

        return figures;
    }

    private static Dictionary<string, decimal> SdkFigures(KpiYearReport report)
    {
        var figures = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var f in report.Totals.Where(f => f.Value is not null && f.Metric is not MetricCatalog.EngagementRate and not MetricCatalog.AudienceReach))
        {
            figures["metric/" + f.Metric] = f.Value!.Value;
        }

        foreach (var (platform, f) in report.ByPlatform.Where(p => p.Figure.Value is not null))
        {
            figures[$"platform/{MetricCatalog.PlatformName(platform)}/{f.Metric}"] = f.Value!.Value;
        }

        foreach (var (channel, months) in report.Trend)
        {
            for (var m = 0; m < 12; m++)
            {
                figures[$"trend/{channel}/{m + 1}"] = months[m];
            }
        }

        return figures;
    }

    private static string Iso(DateTime date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void Execute(DuckDBConnection duck, string sql)
    {
        using var command = duck.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static void Delete(string db)
    {
        foreach (var file in new[] { db, db + "-wal", db + "-shm" })
        {
            File.Delete(file);
        }
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
