using System;
using Microsoft.Extensions.Time.Testing;

namespace NinhBinh.Comms.Tests;

public class VietnamTimeTests
{
    [Fact]
    public void Now_and_today_use_plus_seven_from_the_time_provider()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 17, 30, 0, TimeSpan.Zero));

        var now = time.GetVietnamNow();

        Assert.Equal(TimeSpan.FromHours(7), now.Offset);
        Assert.Equal(new DateTime(2026, 11, 27, 0, 30, 0), now.DateTime);
        Assert.Equal(new DateTime(2026, 11, 27), time.GetVietnamToday());
        Assert.Equal(DateTimeKind.Unspecified, time.GetVietnamToday().Kind);
    }

    [Fact]
    public void There_is_no_daylight_saving_time()
    {
        Assert.Equal(TimeSpan.FromHours(7), VietnamTime.TimeZone.GetUtcOffset(new DateTime(2026, 1, 15, 0, 0, 0, DateTimeKind.Utc)));
        Assert.Equal(TimeSpan.FromHours(7), VietnamTime.TimeZone.GetUtcOffset(new DateTime(2026, 7, 15, 0, 0, 0, DateTimeKind.Utc)));
        Assert.Equal(TimeSpan.FromHours(7), VietnamTime.UtcOffset);
    }

    [Fact]
    public void StartOfDay_is_midnight_in_Vietnam()
        => Assert.Equal(new DateTimeOffset(2026, 11, 25, 17, 0, 0, TimeSpan.Zero), VietnamTime.StartOfDay(new DateTime(2026, 11, 26, 15, 0, 0)));

    [Theory]
    [InlineData(21, 59, false)]
    [InlineData(22, 0, true)]
    [InlineData(23, 30, true)]
    [InlineData(0, 0, true)]
    [InlineData(5, 59, true)]
    [InlineData(6, 0, false)]
    [InlineData(12, 0, false)]
    public void Daily_windows_across_midnight(int hour, int minute, bool inside)
    {
        var instant = new DateTimeOffset(2026, 11, 26, hour, minute, 0, TimeSpan.FromHours(7)).ToUniversalTime();
        Assert.Equal(inside, VietnamTime.IsWithinDailyWindow(instant, TimeSpan.FromHours(22), TimeSpan.FromHours(6)));
    }

    [Fact]
    public void Daily_windows_within_a_day_and_bad_bounds()
    {
        var noon = new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.FromHours(7));
        Assert.True(VietnamTime.IsWithinDailyWindow(noon, TimeSpan.FromHours(8), TimeSpan.FromHours(17)));
        Assert.False(VietnamTime.IsWithinDailyWindow(noon, TimeSpan.FromHours(13), TimeSpan.FromHours(17)));
        Assert.Equal("end", Assert.Throws<ArgumentOutOfRangeException>(() => VietnamTime.IsWithinDailyWindow(noon, TimeSpan.Zero, TimeSpan.FromHours(24))).ParamName);
    }

    [Fact]
    public void A_null_time_provider_is_named()
        => Assert.Equal("timeProvider", Assert.Throws<ArgumentNullException>(() => VietnamTime.GetVietnamNow(null!)).ParamName);
}
