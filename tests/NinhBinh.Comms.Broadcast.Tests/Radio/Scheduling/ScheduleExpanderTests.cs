using System;
using System.Linq;
using NinhBinh.Comms.Broadcast.Radio.Scheduling;

namespace NinhBinh.Comms.Broadcast.Tests.Radio.Scheduling;

public sealed class ScheduleExpanderTests
{
    private static readonly TimeSpan Vn = TimeSpan.FromHours(7);

    private static readonly DayOfWeek[] EveryDay = Enum.GetValues<DayOfWeek>();

    private static RadioProgramme News(string id = "thoi-su", int seconds = 1800) => new(id, "Thời sự", TimeSpan.FromSeconds(seconds));

    [Fact]
    public void A_year_of_a_weekly_schedule_gives_every_weekday_at_its_Vietnam_time()
    {
        var schedule = RadioSchedule.Weekly("sang", "14329", News(), new[] { DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday },
            new[] { TimeSpan.FromHours(6) }, new DateTime(2026, 1, 1), new DateTime(2026, 12, 31));

        var year = ScheduleExpander.Expand(new[] { schedule }, new DateTimeOffset(2026, 1, 1, 0, 0, 0, Vn), new DateTimeOffset(2027, 1, 1, 0, 0, 0, Vn));

        Assert.Equal(156, year.Count); // 2026 starts on a Thursday: 52 Mondays, 52 Wednesdays, 52 Fridays
        Assert.Equal(new DateTimeOffset(2026, 1, 2, 6, 0, 0, Vn), year[0].Start);
        Assert.Equal(new DateTimeOffset(2026, 12, 30, 6, 0, 0, Vn), year[^1].Start);
        Assert.All(year, o =>
        {
            Assert.Equal(Vn, o.Start.Offset);
            Assert.Equal(TimeSpan.FromHours(6), o.Start.TimeOfDay);
            Assert.Contains(o.Start.DayOfWeek, new[] { DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday });
            Assert.Equal(o.Start.AddMinutes(30), o.End);
        });
        Assert.True(year.Zip(year.Skip(1), (a, b) => a.Start < b.Start).All(x => x));
    }

    [Fact]
    public void Vietnam_time_has_no_daylight_saving_every_day_of_the_year_is_22_30_UTC_the_day_before()
    {
        var schedule = RadioSchedule.Weekly("som", "14329", News(), EveryDay, new[] { new TimeSpan(5, 30, 0) }, new DateTime(2026, 1, 1), new DateTime(2026, 12, 31));

        var year = ScheduleExpander.Expand(new[] { schedule }, new DateTimeOffset(2025, 12, 31, 17, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 31, 17, 0, 0, TimeSpan.Zero));

        Assert.Equal(365, year.Count);
        Assert.All(year, o => Assert.Equal(new TimeSpan(22, 30, 0), o.Start.UtcDateTime.TimeOfDay));
        Assert.Equal(new DateTime(2025, 12, 31, 22, 30, 0), year[0].Start.UtcDateTime);
    }

    [Fact]
    public void A_period_given_in_UTC_is_cut_at_the_UTC_instants_not_at_Vietnam_midnight()
    {
        var schedule = RadioSchedule.Weekly("sang", "14329", News(), EveryDay, new[] { TimeSpan.FromHours(6) }, new DateTime(2026, 1, 1), new DateTime(2026, 12, 31));

        // 2026-01-01T00:00Z is 07:00 in Vietnam: 1 January's 06:00 is before it, 2 January's 06:00 (23:00Z) is inside.
        var day = ScheduleExpander.Expand(new[] { schedule }, new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 1, 2, 0, 0, 0, TimeSpan.Zero));

        var only = Assert.Single(day);
        Assert.Equal(new DateTimeOffset(2026, 1, 2, 6, 0, 0, Vn), only.Start);
    }

    [Fact]
    public void The_validity_window_is_inclusive_dates_and_one_off_schedules_play_once()
    {
        var weekly = RadioSchedule.Weekly("toi", "14329", News(), EveryDay, new[] { TimeSpan.FromHours(19) }, new DateTime(2026, 3, 10), new DateTime(2026, 3, 20));
        var once = RadioSchedule.Once("mot-lan", "14329", News("tiem-chung", 600), new DateTimeOffset(2026, 3, 15, 2, 0, 0, TimeSpan.Zero));

        var march = ScheduleExpander.Expand(new[] { weekly, once }, new DateTimeOffset(2026, 3, 1, 0, 0, 0, Vn), new DateTimeOffset(2026, 4, 1, 0, 0, 0, Vn));

        Assert.Equal(11, march.Count(o => o.Schedule == weekly));
        Assert.Equal(new DateTimeOffset(2026, 3, 10, 19, 0, 0, Vn), march[0].Start);
        Assert.Equal(new DateTimeOffset(2026, 3, 20, 19, 0, 0, Vn), march[^1].Start);
        var one = Assert.Single(march, o => o.Schedule == once);
        Assert.Equal(new DateTimeOffset(2026, 3, 15, 9, 0, 0, Vn), one.Start);
        Assert.Equal(Vn, one.Start.Offset);
    }

    [Fact]
    public void Repeats_play_back_to_back_and_the_occurrence_lasts_all_of_them()
    {
        var schedule = RadioSchedule.Weekly("lap", "14329", News(seconds: 300), EveryDay, new[] { TimeSpan.FromHours(17) }, new DateTime(2026, 1, 1), new DateTime(2026, 1, 1), repeats: 3);

        var o = Assert.Single(ScheduleExpander.Expand(new[] { schedule }, new DateTimeOffset(2026, 1, 1, 0, 0, 0, Vn), new DateTimeOffset(2026, 1, 2, 0, 0, 0, Vn)));

        Assert.Equal(TimeSpan.FromMinutes(15), schedule.Duration);
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 17, 15, 0, Vn), o.End);
    }

    [Fact]
    public void Occurrences_at_one_instant_are_ordered_by_commune_then_schedule_id()
    {
        var at = new[] { TimeSpan.FromHours(6) };
        var schedules = new[]
        {
            RadioSchedule.Weekly("b", "14329", News(), EveryDay, at, new DateTime(2026, 1, 1), new DateTime(2026, 1, 1)),
            RadioSchedule.Weekly("a", "14674", News(), EveryDay, at, new DateTime(2026, 1, 1), new DateTime(2026, 1, 1)),
            RadioSchedule.Weekly("c", "14320", News(), EveryDay, at, new DateTime(2026, 1, 1), new DateTime(2026, 1, 1)),
        };

        var day = ScheduleExpander.Expand(schedules, new DateTimeOffset(2026, 1, 1, 0, 0, 0, Vn), new DateTimeOffset(2026, 1, 2, 0, 0, 0, Vn));

        Assert.Equal(new[] { "14320", "14329", "14674" }, day.Select(o => o.CommuneCode));
    }

    [Fact]
    public void Overlapping_schedules_of_one_station_are_refused_naming_both()
    {
        var morning = RadioSchedule.Weekly("thoi-su-sang", "14329", News(), EveryDay, new[] { TimeSpan.FromHours(6) }, new DateTime(2026, 1, 1), new DateTime(2026, 12, 31));
        var talk = RadioSchedule.Weekly("nong-nghiep", "14329", News("nong-nghiep", 600), new[] { DayOfWeek.Tuesday }, new[] { new TimeSpan(6, 20, 0) }, new DateTime(2026, 1, 1), new DateTime(2026, 12, 31));

        var ex = Assert.Throws<RadioScheduleConflictException>(() => ScheduleExpander.Expand(new[] { morning, talk }, new DateTimeOffset(2026, 1, 1, 0, 0, 0, Vn), new DateTimeOffset(2027, 1, 1, 0, 0, 0, Vn)));

        Assert.Equal("thoi-su-sang", ex.FirstScheduleId);
        Assert.Equal("nong-nghiep", ex.SecondScheduleId);
        Assert.Equal("14329", ex.CommuneCode);
        Assert.Equal(new DateTimeOffset(2026, 1, 6, 6, 20, 0, Vn), ex.At); // the first Tuesday of 2026
        Assert.Equal("Schedules 'thoi-su-sang' (2026-01-06T06:00:00+07:00 to 2026-01-06T06:30:00+07:00) and 'nong-nghiep' (from 2026-01-06T06:20:00+07:00) overlap at the station of commune 14329.", ex.Message);
    }

    [Fact]
    public void Back_to_back_schedules_and_other_stations_at_the_same_time_do_not_conflict()
    {
        var morning = RadioSchedule.Weekly("sang", "14329", News(), EveryDay, new[] { TimeSpan.FromHours(6) }, new DateTime(2026, 1, 1), new DateTime(2026, 12, 31));
        var next = RadioSchedule.Weekly("tiep", "14329", News("tiep"), EveryDay, new[] { new TimeSpan(6, 30, 0) }, new DateTime(2026, 1, 1), new DateTime(2026, 12, 31));
        var elsewhere = RadioSchedule.Weekly("noi-khac", "14674", News(), EveryDay, new[] { new TimeSpan(6, 10, 0) }, new DateTime(2026, 1, 1), new DateTime(2026, 12, 31));

        var year = ScheduleExpander.Expand(new[] { morning, next, elsewhere }, new DateTimeOffset(2026, 1, 1, 0, 0, 0, Vn), new DateTimeOffset(2027, 1, 1, 0, 0, 0, Vn));

        Assert.Equal(3 * 365, year.Count);
    }

    [Fact]
    public void An_occurrence_running_past_midnight_conflicts_with_the_next_day_s_first()
    {
        var late = RadioSchedule.Weekly("dem", "14329", News(seconds: 3600), EveryDay, new[] { new TimeSpan(23, 30, 0) }, new DateTime(2026, 1, 1), new DateTime(2026, 1, 31));
        var early = RadioSchedule.Weekly("khuya", "14329", News("khuya", 600), EveryDay, new[] { new TimeSpan(0, 15, 0) }, new DateTime(2026, 1, 1), new DateTime(2026, 1, 31));

        var ex = Assert.Throws<RadioScheduleConflictException>(() => ScheduleExpander.Expand(new[] { late, early }, new DateTimeOffset(2026, 1, 1, 0, 0, 0, Vn), new DateTimeOffset(2026, 2, 1, 0, 0, 0, Vn)));

        Assert.Equal(("dem", "khuya"), (ex.FirstScheduleId, ex.SecondScheduleId));
        Assert.Equal(new DateTimeOffset(2026, 1, 2, 0, 15, 0, Vn), ex.At);
    }

    [Fact]
    public void Bad_schedules_and_periods_are_refused_naming_the_field()
    {
        var programme = News();
        var from = new DateTime(2026, 1, 1);

        Assert.Equal("communeCode", Assert.Throws<ArgumentException>(() => RadioSchedule.Weekly("x", "1432", programme, EveryDay, new[] { TimeSpan.FromHours(6) }, from, from)).ParamName);
        Assert.Equal("days", Assert.Throws<ArgumentException>(() => RadioSchedule.Weekly("x", "14329", programme, Array.Empty<DayOfWeek>(), new[] { TimeSpan.FromHours(6) }, from, from)).ParamName);
        Assert.Equal("times", Assert.Throws<ArgumentException>(() => RadioSchedule.Weekly("x", "14329", programme, EveryDay, new[] { TimeSpan.FromHours(24) }, from, from)).ParamName);
        var overlap = Assert.Throws<ArgumentException>(() => RadioSchedule.Weekly("x", "14329", programme, EveryDay, new[] { TimeSpan.FromHours(6), new TimeSpan(6, 10, 0) }, from, from));
        Assert.Equal("times", overlap.ParamName);
        Assert.StartsWith("The times of schedule 'x' overlap: 06:00 lasts 1800 s, past 06:10.", overlap.Message, StringComparison.Ordinal);
        Assert.Equal("validTo", Assert.Throws<ArgumentException>(() => RadioSchedule.Weekly("x", "14329", programme, EveryDay, new[] { TimeSpan.FromHours(6) }, from, from.AddDays(-1))).ParamName);
        Assert.Equal("repeats", Assert.Throws<ArgumentOutOfRangeException>(() => RadioSchedule.Once("x", "14329", programme, DateTimeOffset.UnixEpoch, repeats: 11)).ParamName);
        Assert.Equal("start", Assert.Throws<ArgumentException>(() => RadioSchedule.Once("x", "14329", programme, DateTimeOffset.UnixEpoch.AddMilliseconds(500))).ParamName);
        Assert.Equal("duration", Assert.Throws<ArgumentOutOfRangeException>(() => new RadioProgramme("p", "t", TimeSpan.FromMilliseconds(1500))).ParamName);
        Assert.Equal("title", Assert.Throws<ArgumentException>(() => new RadioProgramme("p", new string('a', 201), TimeSpan.FromSeconds(1))).ParamName);

        var once = RadioSchedule.Once("x", "14329", programme, DateTimeOffset.UnixEpoch);
        Assert.Equal("to", Assert.Throws<ArgumentException>(() => ScheduleExpander.Expand(new[] { once }, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch)).ParamName);
        Assert.Equal("to", Assert.Throws<ArgumentException>(() => ScheduleExpander.Expand(new[] { once }, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddDays(3661))).ParamName);
        Assert.Equal("schedules", Assert.Throws<ArgumentException>(() => ScheduleExpander.Expand(new[] { once, once }, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddDays(1))).ParamName);
        var sameIdElsewhere = RadioSchedule.Once("x", "14674", programme, DateTimeOffset.UnixEpoch);
        Assert.Contains("'x' twice", Assert.Throws<ArgumentException>(() => ScheduleExpander.Expand(new[] { once, sameIdElsewhere }, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddDays(1))).Message, StringComparison.Ordinal);
    }
}
