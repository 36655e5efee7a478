using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;

namespace NinhBinh.Comms.Metrics.Tests;

/// <summary>
/// Lifetime counters (running totals read on days) become period deltas by the explicit rule: last reading at or
/// before the period's end minus last reading before its start; a decrease is a reset and flagged; a channel with no
/// earlier reading is counted from its first reading and flagged. Hand-computed over statistical 2026
/// (2025-12-15 .. 2026-12-14).
/// </summary>
public class KpiLifetimeCounterTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2027, 1, 15, 3, 0, 0, TimeSpan.Zero));
    private static readonly ReportingPeriod Year2026 = ReportingPeriod.Statistical(ReportingPeriodKind.Year, 2026);

    private static MetricObservation Reading(string channel, KpiPlatform platform, decimal value, int year, int month, int day)
        => new("14329", channel, platform, MetricCatalog.ContentViewsLifetime, value, new DateTime(year, month, day), new DateTime(year, month, day));

    private static async Task<SqliteKpiStore> LoadAsync()
    {
        var store = SqliteKpiStore.InMemory(timeProvider: Clock);
        await store.ImportAsync(new[]
        {
            // The Zalo OA's articles' total views: a running total read now and then (monotonic).
            Reading("OA Hoa Lư", KpiPlatform.Zalo, 1000, 2025, 12, 10), // before the year: the baseline
            Reading("OA Hoa Lư", KpiPlatform.Zalo, 1300, 2026, 1, 10),
            Reading("OA Hoa Lư", KpiPlatform.Zalo, 1800, 2026, 3, 10),
            Reading("OA Hoa Lư", KpiPlatform.Zalo, 2500, 2026, 6, 10),
            Reading("OA Hoa Lư", KpiPlatform.Zalo, 4000, 2026, 12, 10),
            Reading("OA Hoa Lư", KpiPlatform.Zalo, 4200, 2026, 12, 20), // after the year: not used

            // A Facebook page's counter that was reset (the page's posts were removed) between April and May.
            Reading("Trang Hoa Lư", KpiPlatform.Facebook, 500, 2025, 12, 1),
            Reading("Trang Hoa Lư", KpiPlatform.Facebook, 900, 2026, 4, 1),
            Reading("Trang Hoa Lư", KpiPlatform.Facebook, 100, 2026, 5, 1),
            Reading("Trang Hoa Lư", KpiPlatform.Facebook, 400, 2026, 10, 1),

            // A TikTok account first read inside the year (no baseline).
            Reading("Kênh Hoa Lư", KpiPlatform.TikTok, 50, 2026, 2, 1),
            Reading("Kênh Hoa Lư", KpiPlatform.TikTok, 250, 2026, 9, 1),
        });
        return store;
    }

    [Fact]
    public async Task A_running_total_gives_its_growth_where_naive_sums_and_last_values_are_wrong()
    {
        using var store = await LoadAsync();
        var aggregator = new KpiAggregator(store, timeProvider: Clock);

        // Naive sum of the year's readings: 1300 + 1800 + 2500 + 4000 = 9,600; the last reading alone: 4,000.
        // Right: 4000 (last at or before 2026-12-14) - 1000 (last before 2025-12-15) = 3,000.
        var zalo = await aggregator.TotalAsync("14329", MetricCatalog.ContentViewsLifetime, Year2026, KpiPlatform.Zalo);

        Assert.Equal(3000m, zalo.Value);
        Assert.Equal(AggregationKind.Lifetime, zalo.Kind);
        Assert.False(zalo.IsFlagged);
        Assert.Contains("never a sum of readings", zalo.Explanation);
    }

    [Fact]
    public async Task A_month_takes_the_last_reading_before_its_start_as_the_baseline()
    {
        using var store = await LoadAsync();
        var aggregator = new KpiAggregator(store, timeProvider: Clock);

        // Statistical March 2026 = 2026-02-15 .. 2026-03-14: 1800 (03-10) - 1300 (01-10) = 500.
        var march = await aggregator.TotalAsync("14329", MetricCatalog.ContentViewsLifetime, ReportingPeriod.Parse("month:2026-03"), KpiPlatform.Zalo);

        Assert.Equal(500m, march.Value);
    }

    [Fact]
    public async Task A_counter_that_goes_down_is_a_flagged_reset_not_a_negative_growth()
    {
        using var store = await LoadAsync();
        var aggregator = new KpiAggregator(store, timeProvider: Clock);

        // (900 - 500) + 100 (reset: counted from 0) + (400 - 100) = 800; last minus baseline would say -100.
        var facebook = await aggregator.TotalAsync("14329", MetricCatalog.ContentViewsLifetime, Year2026, KpiPlatform.Facebook);

        Assert.Equal(800m, facebook.Value);
        var warning = Assert.Single(facebook.Warnings);
        Assert.Contains("went down from 900 (2026-04-01) to 100 (2026-05-01)", warning);
        Assert.Contains("reset", warning);
    }

    [Fact]
    public async Task A_channel_with_no_earlier_reading_is_counted_from_its_first_and_flagged()
    {
        using var store = await LoadAsync();
        var aggregator = new KpiAggregator(store, timeProvider: Clock);

        var tiktok = await aggregator.TotalAsync("14329", MetricCatalog.ContentViewsLifetime, Year2026, KpiPlatform.TikTok);
        var all = await aggregator.TotalAsync("37", MetricCatalog.ContentViewsLifetime, Year2026);

        Assert.Equal(200m, tiktok.Value); // 250 - 50
        Assert.Contains("no reading before 2025-12-15", Assert.Single(tiktok.Warnings));

        // Channels add: 3000 + 800 + 200; both flags carried.
        Assert.Equal(4000m, all.Value);
        Assert.Equal(3, all.Channels);
        Assert.Equal(2, all.Warnings.Count);
    }

    [Fact]
    public async Task No_reading_in_the_period_is_a_flagged_zero_and_no_reading_at_all_is_no_figure()
    {
        using var store = await LoadAsync();
        var aggregator = new KpiAggregator(store, timeProvider: Clock);

        // Statistical August 2026 = 2026-07-15 .. 2026-08-14: the Zalo OA has no reading inside.
        var august = await aggregator.TotalAsync("14329", MetricCatalog.ContentViewsLifetime, ReportingPeriod.Parse("month:2026-08"), KpiPlatform.Zalo);
        var none = await aggregator.TotalAsync("14329", MetricCatalog.EngagementSharesLifetime, Year2026);

        Assert.Equal(0m, august.Value);
        Assert.Contains("no reading in 2026-07-15..2026-08-14", Assert.Single(august.Warnings));
        Assert.Null(none.Value);
        Assert.Contains("no engagement.shares.lifetime reading", none.Explanation);
    }

    [Fact]
    public void Platform_counters_that_are_running_totals_map_to_lifetime_metrics()
    {
        Assert.Equal(MetricCatalog.ContentViewsLifetime, MetricCatalog.MapPlatformMetric(KpiPlatform.Zalo, "total_view"));
        Assert.Equal(MetricCatalog.EngagementSharesLifetime, MetricCatalog.MapPlatformMetric(KpiPlatform.Zalo, "total_share"));
        Assert.Equal(MetricCatalog.ContentViewsLifetime, MetricCatalog.MapPlatformMetric(KpiPlatform.TikTok, "view_count"));
        Assert.Equal(AggregationKind.Lifetime, MetricCatalog.Get(MetricCatalog.EngagementReactionsLifetime).Kind);
        Assert.Equal(4, MetricCatalog.All.Count(d => d.Kind == AggregationKind.Lifetime));
    }
}
