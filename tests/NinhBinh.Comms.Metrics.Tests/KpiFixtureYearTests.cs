using System;
using System.Linq;
using System.Threading.Tasks;

namespace NinhBinh.Comms.Metrics.Tests;

/// <summary>
/// A hand-computed year (statistical 2025: 2024-12-15 .. 2025-12-14) where naive spreadsheet summing is wrong for views
/// given at two grains, reach, the engagement rate and communes merged on 2025-07-01; the engine gives the right answers.
/// </summary>
public class KpiFixtureYearTests
{
    private static readonly ReportingPeriod Year2025 = ReportingPeriod.Statistical(ReportingPeriodKind.Year, 2025);

    [Fact]
    public async Task Views_given_at_two_grains_and_from_merged_communes_are_counted_once()
    {
        using var store = await KpiFixture.LoadAsync();
        var aggregator = new KpiAggregator(store, timeProvider: KpiFixture.Clock);

        // Naive: every row of content.views added = 1,400. Right: the August month figure covers the August day already
        // counted, and the old communes 14320 and 14323 are part of today's 14329: 100 + 200 + 300 + 400 = 1,000.
        var commune = await aggregator.TotalAsync("14329", MetricCatalog.ContentViews, Year2025);
        var province = await aggregator.TotalAsync("37", MetricCatalog.ContentViews, Year2025);
        var byOldCode = await aggregator.TotalAsync("14320", MetricCatalog.ContentViews, Year2025);

        Assert.Equal(1000m, commune.Value);
        Assert.Equal(1000m, province.Value);
        Assert.Equal(1000m, byOldCode.Value); // an old code is read as the unit it became
        Assert.Equal(3, commune.Channels);
    }

    [Fact]
    public async Task Reach_is_never_added_across_days_or_channels()
    {
        using var store = await KpiFixture.LoadAsync();
        var aggregator = new KpiAggregator(store, timeProvider: KpiFixture.Clock);

        // Naive: 600 + 700 + 1000 + 500 = 2,800. Right: the Zalo OA's own yearly figure, 1,000; both channels together
        // cannot be answered (residents follow both).
        var zalo = await aggregator.TotalAsync("14329", MetricCatalog.AudienceReach, Year2025, KpiPlatform.Zalo);
        var both = await aggregator.TotalAsync("14329", MetricCatalog.AudienceReach, Year2025);
        var august = await aggregator.TotalAsync("14329", MetricCatalog.AudienceReach, new DateTime(2025, 8, 1), new DateTime(2025, 8, 2), KpiPlatform.Zalo);

        Assert.Equal(1000m, zalo.Value);
        Assert.False(both.IsAvailable);
        Assert.Contains("cannot be added across channels", both.Explanation);
        Assert.False(august.IsAvailable); // two daily uniques do not make a two-day unique
        Assert.Contains("exactly 2025-08-01..2025-08-02", august.Explanation);
    }

    [Fact]
    public async Task The_engagement_rate_is_recomputed_from_its_parts_not_averaged()
    {
        using var store = await KpiFixture.LoadAsync();
        var aggregator = new KpiAggregator(store, timeProvider: KpiFixture.Clock);

        // Naive: the average of daily rates (20/600 + 30/700) / 2 = 0.0381. Right: (20 + 30) / 1,000 = 0.05.
        var zalo = await aggregator.TotalAsync("14329", MetricCatalog.EngagementRate, Year2025, KpiPlatform.Zalo);

        // Facebook has no interactions figure: reactions + comments + shares = 50, over its reach of 500.
        var facebook = await aggregator.TotalAsync("14329", MetricCatalog.EngagementRate, Year2025, KpiPlatform.Facebook);
        var interactions = await aggregator.TotalAsync("14329", MetricCatalog.EngagementInteractions, Year2025);

        Assert.Equal(0.05m, zalo.Value);
        Assert.Equal(0.1m, facebook.Value);
        Assert.Equal(100m, interactions.Value);
    }

    [Fact]
    public async Task Followers_are_the_last_figure_at_or_before_the_period_end()
    {
        using var store = await KpiFixture.LoadAsync();
        var aggregator = new KpiAggregator(store, timeProvider: KpiFixture.Clock);

        var year = await aggregator.TotalAsync("14329", MetricCatalog.AudienceFollowers, Year2025);
        var firstHalf = await aggregator.TotalAsync("14329", MetricCatalog.AudienceFollowers, ReportingPeriod.Calendar(ReportingPeriodKind.SixMonths, 2025, 1));
        var before = await aggregator.TotalAsync("14329", MetricCatalog.AudienceFollowers, new DateTime(2025, 1, 1), new DateTime(2025, 5, 31));

        Assert.Equal(950m, year.Value); // 2025-12-20 is after the statistical year's end (12-14)
        Assert.Equal(800m, firstHalf.Value);
        Assert.False(before.IsAvailable);
    }

    [Fact]
    public async Task Merged_communes_count_once_in_coverage()
    {
        using var store = await KpiFixture.LoadAsync();
        var indicators = new KpiIndicators(store, timeProvider: KpiFixture.Clock);

        // Two old communes kept their OAs and the new commune opened one: since 2025-07-01 they are one commune (14329),
        // which counts once: 1 of the 129 communes in force, not 3. Before the reform, the two old communes count each.
        var after = (await indicators.EvaluateAsync("37", new DateTime(2025, 12, 1))).Single(r => r.Key == "zalo-oa-coverage");
        var before = (await indicators.EvaluateAsync("37", new DateTime(2025, 6, 1))).Single(r => r.Key == "zalo-oa-coverage");

        Assert.Equal((1, 129), (after.Numerator, after.Denominator));
        Assert.Contains("14674", after.Missing);
        Assert.DoesNotContain("14329", after.Missing);
        Assert.Equal(2, before.Numerator);
        Assert.DoesNotContain("14320", before.Missing);
        Assert.Contains("14338", before.Missing); // an old commune of the former Hoa Lư city, counted through its district
    }

    [Fact]
    public async Task Unknown_units_and_metrics_are_refused_with_the_value_named()
    {
        using var store = await KpiFixture.LoadAsync();
        var aggregator = new KpiAggregator(store, timeProvider: KpiFixture.Clock);

        var unit = await Assert.ThrowsAsync<ArgumentException>(() => aggregator.TotalAsync("99999", MetricCatalog.ContentViews, Year2025));
        var metric = await Assert.ThrowsAsync<ArgumentException>(() => aggregator.TotalAsync("14329", "content.likes", Year2025));

        Assert.Contains("99999", unit.Message);
        Assert.Contains("content.likes", metric.Message);
    }
}
