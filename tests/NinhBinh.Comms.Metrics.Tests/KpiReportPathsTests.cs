using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace NinhBinh.Comms.Metrics.Tests;

/// <summary>
/// The SQLite store reduces the yearly report's series in SQL; any other store goes through figure queries. Both must
/// give the same report, byte for byte: on the hand-computed fixture and on a generated year that mixes daily figures
/// with nested periods, decimals, figures before the year, an old unit code and a yearly reach.
/// </summary>
public class KpiReportPathsTests
{
    [Fact]
    public async Task The_fixture_report_is_the_same_through_sql_and_through_figures()
    {
        using var sqlite = await KpiFixture.LoadAsync();
        using var other = await KpiFixture.LoadAsync();

        var fast = await ReportJsonAsync(sqlite, "37", 2025);
        var slow = await ReportJsonAsync(new FiguresOnlyStore(other), "37", 2025);
        var commune = await ReportJsonAsync(sqlite, "14329", 2025);
        var communeSlow = await ReportJsonAsync(new FiguresOnlyStore(other), "14329", 2025);

        Assert.Equal(slow, fast);
        Assert.Equal(communeSlow, commune);
        Assert.Contains("\"value\": 1000", fast, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mixed_year_report_is_the_same_through_sql_and_through_figures()
    {
        var observations = MixedYear();
        using var sqlite = SqliteKpiStore.InMemory(timeProvider: KpiFixture.Clock);
        using var other = SqliteKpiStore.InMemory(timeProvider: KpiFixture.Clock);
        await sqlite.ImportAsync(observations);
        await other.ImportAsync(observations);

        foreach (var unit in new[] { "37", "14329", "14674" })
        {
            var fast = await ReportJsonAsync(sqlite, unit, 2026);
            var slow = await ReportJsonAsync(new FiguresOnlyStore(other), unit, 2026);
            Assert.Equal(slow, fast);
        }

        // Not an empty comparison: every channel has a views trend and every summable metric a figure.
        var report = await KpiYearReport.CreateAsync(sqlite, "37", 2026, timeProvider: KpiFixture.Clock);
        Assert.Equal(4, report.Trend.Count);
        // (Lifetime counters have no readings in this year: both paths compute them from the readings alike.)
        Assert.All(report.Totals.Where(t => t.Metric != MetricCatalog.AudienceReach && t.Metric != MetricCatalog.EngagementRate && t.Kind != AggregationKind.Lifetime),
            t => Assert.NotNull(t.Value));
    }

    private static async Task<string> ReportJsonAsync(IKpiStore store, string unit, int year)
    {
        var report = await KpiYearReport.CreateAsync(store, unit, year, timeProvider: KpiFixture.Clock);
        using var stream = new MemoryStream();
        report.WriteJson(stream);
        using var csv = new StringWriter();
        report.WriteCsv(csv);
        return Encoding.UTF8.GetString(stream.ToArray()) + csv;
    }

    /// <summary>
    /// Statistical year 2026 (2025-12-15..2026-12-14) for 4 channels in 3 communes (one under its pre-2025 code), every
    /// measured metric: daily whole numbers; for some channels also monthly figures beside the days, decimal values,
    /// figures from before the year, followers with gaps, and one yearly reach.
    /// </summary>
    private static List<MetricObservation> MixedYear()
    {
        var channels = new (string Unit, string Channel, KpiPlatform Platform)[]
        {
            ("14329", "OA Hoa Lư", KpiPlatform.Zalo), ("14320", "OA Đông Thành", KpiPlatform.Zalo),
            ("14329", "Trang Hoa Lư", KpiPlatform.Facebook), ("14674", "Loa Lai Thành", KpiPlatform.Radio),
        };
        string[] metrics =
        {
            MetricCatalog.ContentPublished, MetricCatalog.ContentViews, MetricCatalog.AudienceReach, MetricCatalog.EngagementReactions,
            MetricCatalog.EngagementComments, MetricCatalog.EngagementShares, MetricCatalog.AudienceFollowers, MetricCatalog.VideoWatchTime,
        };
        var year = ReportingPeriod.Statistical(ReportingPeriodKind.Year, 2026);
        var result = new List<MetricObservation>();
        var seed = 12345u;
        uint Next() => seed = (seed * 1664525u) + 1013904223u;
        for (var c = 0; c < channels.Length; c++)
        {
            var (unit, channel, platform) = channels[c];
            foreach (var metric in metrics)
            {
                for (var day = year.Start.AddDays(-20); day <= year.End; day = day.AddDays(1))
                {
                    if (metric == MetricCatalog.AudienceFollowers && Next() % 3 == 0)
                    {
                        continue;   // gaps
                    }

                    decimal value = Next() % 500;
                    if (c == 3 && metric == MetricCatalog.VideoWatchTime)
                    {
                        value += 0.25m;   // decimals: read back as figures
                    }

                    result.Add(new MetricObservation(unit, channel, platform, metric, value, day, day));
                }

                if (c == 2 && metric is MetricCatalog.ContentViews or MetricCatalog.EngagementShares)
                {
                    // A month beside its days (not added twice) and a month straddling the year's start.
                    var march = ReportingPeriod.Statistical(ReportingPeriodKind.Month, 2026, 4);
                    result.Add(new MetricObservation(unit, channel, platform, metric, 99999, march.Start, march.End));
                    result.Add(new MetricObservation(unit, channel, platform, metric, 777, new DateTime(2025, 12, 1), new DateTime(2025, 12, 31)));
                }
            }
        }

        result.Add(new MetricObservation("14329", "OA Hoa Lư", KpiPlatform.Zalo, MetricCatalog.AudienceReach, 4321, year.Start, year.End));
        return result;
    }

    /// <summary>A store that is not the SQLite store, so the report goes through <see cref="IKpiStore.QueryAsync"/>.</summary>
    private sealed class FiguresOnlyStore(IKpiStore inner) : IKpiStore
    {
        public Task<KpiImportResult> ImportAsync(IEnumerable<MetricObservation> observations, CancellationToken cancellationToken = default) => inner.ImportAsync(observations, cancellationToken);

        public Task<KpiImportResult> ImportChannelsAsync(IEnumerable<KpiChannel> channels, CancellationToken cancellationToken = default) => inner.ImportChannelsAsync(channels, cancellationToken);

        public Task<IReadOnlyList<MetricObservation>> QueryAsync(KpiQuery query, CancellationToken cancellationToken = default) => inner.QueryAsync(query, cancellationToken);

        public Task<IReadOnlyList<KpiChannel>> GetChannelsAsync(CancellationToken cancellationToken = default) => inner.GetChannelsAsync(cancellationToken);

        public Task RecordReportAsync(string unitCode, int year, DateTimeOffset producedAt, CancellationToken cancellationToken = default) => inner.RecordReportAsync(unitCode, year, producedAt, cancellationToken);

        public Task<DateTimeOffset?> GetReportProducedAtAsync(string unitCode, int year, CancellationToken cancellationToken = default) => inner.GetReportProducedAtAsync(unitCode, year, cancellationToken);

        public Task<KpiImportResult> ImportContentItemsAsync(IEnumerable<KpiContentItem> items, CancellationToken cancellationToken = default) => inner.ImportContentItemsAsync(items, cancellationToken);

        public Task<IReadOnlyList<KpiContentItem>> GetContentItemsAsync(string unitCode, DateTime firstDay, DateTime lastDay, CancellationToken cancellationToken = default) => inner.GetContentItemsAsync(unitCode, firstDay, lastDay, cancellationToken);

        public Task<KpiImportResult> ImportTopicsAsync(IEnumerable<KpiTopic> topics, CancellationToken cancellationToken = default) => inner.ImportTopicsAsync(topics, cancellationToken);

        public Task<IReadOnlyList<KpiTopic>> GetTopicsAsync(CancellationToken cancellationToken = default) => inner.GetTopicsAsync(cancellationToken);

        public Task<KpiImportResult> ImportCampaignsAsync(IEnumerable<KpiCampaign> campaigns, CancellationToken cancellationToken = default) => inner.ImportCampaignsAsync(campaigns, cancellationToken);

        public Task<IReadOnlyList<KpiCampaign>> GetCampaignsAsync(CancellationToken cancellationToken = default) => inner.GetCampaignsAsync(cancellationToken);

        public Task<KpiImportResult> ImportAgenciesAsync(IEnumerable<KpiAgency> agencies, CancellationToken cancellationToken = default) => inner.ImportAgenciesAsync(agencies, cancellationToken);

        public Task<IReadOnlyList<KpiAgency>> GetAgenciesAsync(CancellationToken cancellationToken = default) => inner.GetAgenciesAsync(cancellationToken);

        public Task<KpiImportResult> ImportTrainingAsync(IEnumerable<KpiTrainingRecord> records, CancellationToken cancellationToken = default) => inner.ImportTrainingAsync(records, cancellationToken);

        public Task<IReadOnlyList<KpiTrainingRecord>> GetTrainingAsync(DateTime firstDay, DateTime lastDay, CancellationToken cancellationToken = default) => inner.GetTrainingAsync(firstDay, lastDay, cancellationToken);

        public void Dispose()
        {
        }
    }
}
