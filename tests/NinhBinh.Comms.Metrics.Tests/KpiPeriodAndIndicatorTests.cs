using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;

namespace NinhBinh.Comms.Metrics.Tests;

public class KpiPeriodAndIndicatorTests
{
    [Theory]
    [InlineData("year:2026", false, "2025-12-15", "2026-12-14")]
    [InlineData("year:2026", true, "2026-01-01", "2026-12-31")]
    [InlineData("half:2026-1", false, "2025-12-15", "2026-06-14")]
    [InlineData("half:2026-2", false, "2026-06-15", "2026-12-14")]
    [InlineData("half:2026-2", true, "2026-07-01", "2026-12-31")]
    [InlineData("quarter:2026-2", false, "2026-03-15", "2026-06-14")]
    [InlineData("month:2026-03", false, "2026-02-15", "2026-03-14")]
    [InlineData("month:2026-01", false, "2025-12-15", "2026-01-14")]
    [InlineData("month:2026-02", true, "2026-02-01", "2026-02-28")]
    [InlineData("nine-months:2026", false, "2025-12-15", "2026-09-14")]
    public void Periods_parse_as_scripts_write_them(string text, bool calendar, string start, string end)
    {
        var period = ReportingPeriod.Parse(text, calendar);

        Assert.Equal((DateTime.Parse(start), DateTime.Parse(end)), (period.Start, period.End));
    }

    [Theory]
    [InlineData("year:26")]
    [InlineData("month:2026-13")]
    [InlineData("half:2026-3")]
    [InlineData("quarter:2026")]
    [InlineData("week:2026-01")]
    [InlineData("2026")]
    public void Malformed_periods_are_refused_with_the_forms_named(string text)
    {
        var error = Assert.Throws<FormatException>(() => ReportingPeriod.Parse(text));

        Assert.Contains(text, error.Message);
    }

    [Fact]
    public async Task Figures_on_the_14th_and_15th_fall_in_different_statistical_months()
    {
        var csv = KpiCsv.ObservationHeader + "\n14329,OA,zalo,content.views,14,2026-03-14,2026-03-14,,\n14329,OA,zalo,content.views,15,2026-03-15,2026-03-15,,\n14329,OA,zalo,content.views,31,2025-12-31,2025-12-31,,\n14329,OA,zalo,content.views,1,2026-01-01,2026-01-01,,\n";
        using var store = SqliteKpiStore.InMemory(timeProvider: KpiFixture.Clock);
        await store.ImportAsync(KpiCsv.Read(new StringReader(csv), today: new DateTime(2026, 11, 28)).Observations);
        var aggregator = new KpiAggregator(store, timeProvider: KpiFixture.Clock);

        Assert.Equal(14m, (await aggregator.TotalAsync("14329", MetricCatalog.ContentViews, ReportingPeriod.Parse("month:2026-03"))).Value);
        Assert.Equal(15m, (await aggregator.TotalAsync("14329", MetricCatalog.ContentViews, ReportingPeriod.Parse("month:2026-04"))).Value);
        Assert.Equal(15m + 14m, (await aggregator.TotalAsync("14329", MetricCatalog.ContentViews, ReportingPeriod.Parse("month:2026-03", calendar: true))).Value);
        Assert.Equal(31m, (await aggregator.TotalAsync("14329", MetricCatalog.ContentViews, ReportingPeriod.Parse("year:2025", calendar: true))).Value);
        Assert.Equal(31m + 1m, (await aggregator.TotalAsync("14329", MetricCatalog.ContentViews, ReportingPeriod.Parse("month:2026-01"))).Value); // 2025-12-15..2026-01-14
    }

    [Fact]
    public async Task Indicator_status_is_on_track_before_the_deadline_and_behind_after_it()
    {
        using var store = await KpiFixture.LoadAsync();
        var indicators = new KpiIndicators(store, timeProvider: KpiFixture.Clock);

        var atStart = (await indicators.EvaluateAsync("14674", KpiIndicators.PlanStart)).Single(r => r.Key == "zalo-oa-coverage");
        var afterDeadline = (await indicators.EvaluateAsync("14674", new DateTime(2026, 1, 1))).Single(r => r.Key == "zalo-oa-coverage");
        var met = (await indicators.EvaluateAsync("14329", new DateTime(2025, 12, 1))).Single(r => r.Key == "zalo-oa-coverage");
        var radio = (await indicators.EvaluateAsync("14674", new DateTime(2026, 6, 1))).Single(r => r.Key == "ip-radio-coverage");
        var radioBefore = (await indicators.EvaluateAsync("14674", new DateTime(2026, 2, 1))).Single(r => r.Key == "ip-radio-coverage");

        Assert.Equal(("0/1", IndicatorStatus.OnTrack), ($"{atStart.Numerator}/{atStart.Denominator}", atStart.Status));
        Assert.Equal(IndicatorStatus.Behind, afterDeadline.Status);
        Assert.Equal("zalo-oa-coverage 1/1 met", met.ToString());
        Assert.Equal(IndicatorStatus.Met, radio.Status); // IP since 2026-03-01
        Assert.Equal(0, radioBefore.Numerator);
    }

    [Fact]
    public async Task Report_on_time_is_met_once_the_report_is_produced_before_30_november()
    {
        using var store = await KpiFixture.LoadAsync();
        var indicators = new KpiIndicators(store, timeProvider: KpiFixture.Clock);

        var before = (await indicators.EvaluateAsync("37", new DateTime(2026, 11, 28))).Single(r => r.Key == "report-on-time");
        await store.RecordReportAsync("37", 2026, new DateTimeOffset(2026, 11, 28, 3, 0, 0, TimeSpan.Zero));
        var after = (await indicators.EvaluateAsync("37", new DateTime(2026, 11, 28))).Single(r => r.Key == "report-on-time");
        var late = (await indicators.EvaluateAsync("37", new DateTime(2027, 12, 1))).Single(r => r.Key == "report-on-time");

        Assert.Equal(IndicatorStatus.OnTrack, before.Status);
        Assert.Equal("report-on-time 1/1 met", after.ToString());
        Assert.Equal(IndicatorStatus.Behind, late.Status); // 2027's report was never produced
    }
}
