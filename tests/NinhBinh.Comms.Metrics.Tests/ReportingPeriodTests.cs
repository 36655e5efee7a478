using System;
using NinhBinh.Comms.Testing;

namespace NinhBinh.Comms.Metrics.Tests;

public class ReportingPeriodTests
{
    [Fact]
    public void Public_api_is_approved() => ApiApproval.Verify(typeof(ReportingPeriod).Assembly);

    [Theory]
    [InlineData(ReportingPeriodKind.Month, 1, "2025-12-15", "2026-01-14")]
    [InlineData(ReportingPeriodKind.Month, 3, "2026-02-15", "2026-03-14")]
    [InlineData(ReportingPeriodKind.Quarter, 1, "2025-12-15", "2026-03-14")]
    [InlineData(ReportingPeriodKind.Quarter, 4, "2026-09-15", "2026-12-14")]
    [InlineData(ReportingPeriodKind.SixMonths, 1, "2025-12-15", "2026-06-14")]
    [InlineData(ReportingPeriodKind.NineMonths, 1, "2025-12-15", "2026-09-14")]
    [InlineData(ReportingPeriodKind.Year, 1, "2025-12-15", "2026-12-14")]
    public void Statistical_periods_run_from_the_15th_to_the_14th(ReportingPeriodKind kind, int number, string start, string end)
    {
        var period = ReportingPeriod.Statistical(kind, 2026, number);
        Assert.Equal(DateTime.Parse(start), period.Start);
        Assert.Equal(DateTime.Parse(end), period.End);
        Assert.True(period.IsStatistical);
    }

    [Theory]
    [InlineData(ReportingPeriodKind.Month, 2, "2024-02-01", "2024-02-29")]
    [InlineData(ReportingPeriodKind.Quarter, 2, "2024-04-01", "2024-06-30")]
    [InlineData(ReportingPeriodKind.Year, 1, "2024-01-01", "2024-12-31")]
    public void Calendar_periods_cover_whole_months(ReportingPeriodKind kind, int number, string start, string end)
    {
        var period = ReportingPeriod.Calendar(kind, 2024, number);
        Assert.Equal(DateTime.Parse(start), period.Start);
        Assert.Equal(DateTime.Parse(end), period.End);
    }

    [Fact]
    public void Contains_judges_instants_by_their_Vietnam_date()
    {
        var year = ReportingPeriod.Statistical(ReportingPeriodKind.Year, 2026);
        Assert.True(year.Contains(new DateTime(2026, 12, 14)));
        Assert.False(year.Contains(new DateTime(2026, 12, 15)));
        // 2026-12-14 17:30 UTC is already 2026-12-15 00:30 in Vietnam.
        Assert.False(year.Contains(new DateTimeOffset(2026, 12, 14, 17, 30, 0, TimeSpan.Zero)));
        Assert.True(year.Contains(new DateTimeOffset(2026, 12, 14, 16, 59, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Out_of_range_arguments_name_the_parameter_and_range()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => ReportingPeriod.Statistical(ReportingPeriodKind.Month, 2026, 13));
        Assert.Equal("number", ex.ParamName);
        Assert.Contains("1 and 12", ex.Message);
        Assert.Equal("year", Assert.Throws<ArgumentOutOfRangeException>(() => ReportingPeriod.Calendar(ReportingPeriodKind.Year, 1999)).ParamName);
        Assert.Equal("number", Assert.Throws<ArgumentOutOfRangeException>(() => ReportingPeriod.Calendar(ReportingPeriodKind.Year, 2026, 2)).ParamName);
    }

    [Fact]
    public void Equality_and_text()
    {
        Assert.Equal(ReportingPeriod.Statistical(ReportingPeriodKind.Quarter, 2026, 2), ReportingPeriod.Statistical(ReportingPeriodKind.Quarter, 2026, 2));
        Assert.NotEqual(ReportingPeriod.Statistical(ReportingPeriodKind.Quarter, 2026, 2), ReportingPeriod.Calendar(ReportingPeriodKind.Quarter, 2026, 2));
        Assert.Equal("2026-Q2 (2026-03-15..2026-06-14)", ReportingPeriod.Statistical(ReportingPeriodKind.Quarter, 2026, 2).ToString());
    }

    [Fact]
    public void Aggregation_kinds_cover_the_four_rules()
        => Assert.Equal(new[] { AggregationKind.Sum, AggregationKind.Unique, AggregationKind.Snapshot, AggregationKind.Ratio, AggregationKind.Lifetime }, Enum.GetValues<AggregationKind>());
}
