using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using NinhBinh.Comms;
using NinhBinh.Comms.Metrics;

/// <summary>
/// KPIs: what the dispatch published and reached is recorded, a small bundled sample of a few Ninh Bình communes is
/// imported into an embedded SQLite store, the plan's indicators are printed and the yearly report is written.
/// </summary>
internal static class KpiStep
{
    /// <summary>Runs the step; returns false when something the demo relies on did not work.</summary>
    public static async Task<bool> RunAsync(DispatchResult result, string communeCode, int zaloRecipientsReached, string folder)
    {
        Directory.CreateDirectory(folder);
        var storePath = Path.Combine(folder, "kpi.db");
        foreach (var stale in Directory.GetFiles(folder, "kpi.db*"))
        {
            File.Delete(stale);
        }

        using var store = SqliteKpiStore.Open(storePath);
        var today = TimeProvider.System.GetVietnamToday();

        // What this dispatch did, as figures of today: one item on each channel that took it, and the Zalo reach.
        var published = result.Outcomes.Where(o => o.IsSuccess).Select(o => o.Channel.Split(':')[0]).Distinct()
            .Select(platform => new MetricObservation(communeCode, platform == "zalo" ? "OA Phường Hoa Lư" : "Đài truyền thanh Phường Hoa Lư",
                platform == "zalo" ? KpiPlatform.Zalo : KpiPlatform.Radio, MetricCatalog.ContentPublished, 1, today, today) { SourceMetric = "dispatch" })
            .Append(new MetricObservation(communeCode, "OA Phường Hoa Lư", KpiPlatform.Zalo, MetricCatalog.AudienceReach, zaloRecipientsReached, today, today) { SourceMetric = "dispatch" })
            .ToList();
        var recorded = await store.ImportAsync(published);

        var sample = Path.Combine(AppContext.BaseDirectory, "kpi-sample.csv");
        var channels = Path.Combine(AppContext.BaseDirectory, "kpi-channels.csv");
        var observations = KpiCsv.ReadFile(sample);
        var inventory = KpiCsv.ReadFile(channels);
        var imported = await store.ImportAsync(observations.Observations);
        await store.ImportChannelsAsync(inventory.Channels);
        Console.WriteLine($"   recorded {recorded.Imported} figures of this dispatch; imported {imported.Imported} sample figures and {inventory.Channels.Count} channels into {storePath}");

        var views = await new KpiAggregator(store).TotalAsync("37", MetricCatalog.ContentViews, ReportingPeriod.Statistical(ReportingPeriodKind.Year, today.Year));
        var reach = await new KpiAggregator(store).TotalAsync("37", MetricCatalog.AudienceReach, ReportingPeriod.Statistical(ReportingPeriodKind.Year, today.Year));
        Console.WriteLine($"   Ninh Bình, statistical year {today.Year}: {KpiAggregator.Format(views.Value ?? 0)} views; reach: {(reach.Value is { } r ? KpiAggregator.Format(r) : "not added up (" + reach.Explanation.Split(';')[0] + ")")}");

        // Content lines (topics and content items, rolled up by topic) and agencies with their staff's training.
        var topics = KpiRecordCsv.ReadFile(Path.Combine(AppContext.BaseDirectory, "kpi-topics.csv"));
        var items = KpiRecordCsv.ReadFile(Path.Combine(AppContext.BaseDirectory, "kpi-content.csv"));
        var agencies = KpiRecordCsv.ReadFile(Path.Combine(AppContext.BaseDirectory, "kpi-agencies.csv"));
        var training = KpiRecordCsv.ReadFile(Path.Combine(AppContext.BaseDirectory, "kpi-training.csv"));
        foreach (var records in new[] { topics, items, agencies, training })
        {
            await records.ImportAsync(store);
        }

        var report = await KpiYearReport.CreateAsync(store, "37", today.Year);
        Console.WriteLine($"   top topics: {string.Join(", ", report.Topics.Where(t => t.Key is not null).Take(3).Select(t => $"{t.Name} {t.Items}"))}");
        Console.WriteLine($"   the plan's indicators for Ninh Bình on {today:yyyy-MM-dd}:");
        foreach (var indicator in report.Indicators)
        {
            Console.WriteLine($"     {indicator}");
        }

        var paths = report.WriteFiles(folder);
        Console.WriteLine($"   yearly report: {paths[2]} (and .csv, .json)");
        return observations.IsValid && inventory.IsValid && new[] { topics, items, agencies, training }.All(r => r.IsValid) && paths.All(File.Exists);
    }
}
