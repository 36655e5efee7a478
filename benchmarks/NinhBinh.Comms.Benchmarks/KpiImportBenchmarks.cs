using System;
using System.IO;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using NinhBinh.Comms.Metrics;

namespace NinhBinh.Comms.Benchmarks;

/// <summary>
/// Import 1,000,000 observations from CSV into a fresh SQLite file store (read + check every row + idempotent insert in
/// one transaction): rows per second, target at least 100,000/s. The data set is KpiBenchData's (200 units of Ninh Bình,
/// old codes among them, 6 channels, 8 metrics, daily figures from 2026-01-01); benchmarks/kpi.sh runs the same import
/// as a plain console with per-phase times.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class KpiImportBenchmarks
{
    private const int Rows = 1_000_000;
    private static readonly TimeProvider Clock = new FixedClock(new DateTimeOffset(KpiBenchData.Today.AddHours(3), TimeSpan.Zero));
    private string _folder = null!;
    private string _csv = null!;

    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), "nbcomms-kpi-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        _csv = KpiBenchData.WriteDailyCsv(Path.Combine(_folder, "observations.csv"), Rows, new DateTime(2026, 1, 1));
        Console.WriteLine($"// {Rows:N0} rows, {new FileInfo(_csv).Length / 1024 / 1024} MB");
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    [Benchmark(Description = "CSV -> SQLite, 1,000,000 observations")]
    public async Task<int> ImportCsvIntoSqlite()
    {
        var db = Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".db");
        var content = KpiCsv.ReadFile(_csv, today: KpiBenchData.Today);
        using var store = SqliteKpiStore.Open(db, timeProvider: Clock);
        var result = await store.ImportAsync(content.Observations);
        return result.Imported == Rows ? result.Imported : throw new InvalidOperationException($"{result.Imported} imported, {content.Problems.Count} bad rows");
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
