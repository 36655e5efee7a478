using System;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using NinhBinh.Comms.Metrics;

namespace NinhBinh.Comms.Benchmarks;

/// <summary>
/// Import 1,000,000 observations from CSV into a fresh SQLite file store (read + check every row + idempotent insert in
/// one transaction): rows per second, target at least 100,000/s.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class KpiImportBenchmarks
{
    private const int Rows = 1_000_000;
    private static readonly string[] Communes = { "14329", "14674", "13285", "13291", "14359", "14533", "14566", "13294" };
    private static readonly string[] Metrics = { "content.views", "content.published", "engagement.reactions", "engagement.shares", "engagement.comments" };
    private string _folder = null!;
    private string _csv = null!;

    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), "nbcomms-kpi-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        _csv = Path.Combine(_folder, "observations.csv");
        using var writer = new StreamWriter(_csv, false, new UTF8Encoding(true));
        writer.Write(KpiCsv.ObservationHeader + "\n");
        var day0 = new DateTime(2023, 1, 1);
        var written = 0;
        for (var channel = 0; written < Rows; channel++)
        {
            var unit = Communes[channel % Communes.Length];
            var platform = (channel % 3) switch { 0 => "zalo", 1 => "facebook", _ => "youtube" };
            foreach (var metric in Metrics)
            {
                for (var d = 0; d < 1000 && written < Rows; d++, written++)
                {
                    var day = day0.AddDays(d).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
                    writer.Write($"{unit},Kênh {channel},{platform},{metric},{(d * 7) % 1000},{day},{day},,\n");
                }
            }
        }

        Console.WriteLine($"// {Rows:N0} rows, {new FileInfo(_csv).Length / 1024 / 1024} MB");
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    [Benchmark(Description = "CSV -> SQLite, 1,000,000 observations")]
    public async Task<int> ImportCsvIntoSqlite()
    {
        var db = Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".db");
        var content = KpiCsv.ReadFile(_csv, today: new DateTime(2026, 11, 28));
        using var store = SqliteKpiStore.Open(db);
        var result = await store.ImportAsync(content.Observations);
        return result.Imported;
    }
}
