using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NinhBinh.Comms.Internal;

namespace NinhBinh.Comms.Broadcast.Radio.Scheduling;

/// <summary>
/// One entry of a station's broadcast schedule (lịch phát), in Vietnam time (+07:00, no daylight saving): a programme
/// played once at a given instant, or every given weekday at given times of day inside a validity window of dates.
/// At each start the programme plays <see cref="Repeats"/> times back to back. Create one with <see cref="Once"/> or
/// <see cref="Weekly"/>; expand schedules into occurrences with <see cref="ScheduleExpander.Expand"/>.
/// </summary>
public sealed class RadioSchedule
{
    /// <summary>The most back-to-back plays at one start.</summary>
    public const int MaxRepeats = 10;

    private RadioSchedule(string id, string communeCode, RadioProgramme programme, int repeats)
    {
        Id = SpeakerProfile.CheckId(id, nameof(id));
        CommuneCode = CheckCommuneCode(communeCode, nameof(communeCode));
        Programme = Guard.NotNull(programme);
        if (repeats is < 1 or > MaxRepeats)
        {
            throw new ArgumentOutOfRangeException(nameof(repeats), repeats, $"The repeats of schedule '{Id}' must be 1 to {MaxRepeats}.");
        }

        Repeats = repeats;
        Duration = TimeSpan.FromTicks(programme.Duration.Ticks * repeats);
    }

    /// <summary>The schedule id.</summary>
    public string Id { get; }

    /// <summary>The commune whose station plays it.</summary>
    public string CommuneCode { get; }

    /// <summary>The programme item.</summary>
    public RadioProgramme Programme { get; }

    /// <summary>Whether it recurs on weekdays (<see langword="false"/>: plays once at <see cref="Start"/>).</summary>
    public bool IsRecurring { get; private set; }

    /// <summary>The instant a one-off schedule starts (Vietnam time), else <see langword="null"/>.</summary>
    public DateTimeOffset? Start { get; private set; }

    /// <summary>The weekdays a recurring schedule plays on, in order; empty for a one-off.</summary>
    public IReadOnlyList<DayOfWeek> Days { get; private set; } = Array.Empty<DayOfWeek>();

    /// <summary>The times of day (Vietnam time) a recurring schedule starts at, in order; empty for a one-off.</summary>
    public IReadOnlyList<TimeSpan> Times { get; private set; } = Array.Empty<TimeSpan>();

    /// <summary>The first date (Vietnam calendar) it may play on.</summary>
    public DateTime ValidFrom { get; private set; }

    /// <summary>The last date (Vietnam calendar, inclusive) it may start on.</summary>
    public DateTime ValidTo { get; private set; }

    /// <summary>How many times the programme plays back to back at each start.</summary>
    public int Repeats { get; }

    /// <summary>How long one occurrence lasts: the programme's duration times <see cref="Repeats"/>.</summary>
    public TimeSpan Duration { get; }

    internal int DayMask { get; private set; }

    internal long[] TimeTicks { get; private set; } = Array.Empty<long>();

    /// <summary>A schedule that plays once.</summary>
    /// <param name="id">The schedule id (1 to 64 of <c>A-Z a-z 0-9 . _ -</c>).</param>
    /// <param name="communeCode">The commune's 5-digit administrative code.</param>
    /// <param name="programme">The programme item.</param>
    /// <param name="start">When it starts, to the second (any offset; kept in Vietnam time).</param>
    /// <param name="repeats">Back-to-back plays, 1 to 10.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ArgumentException">A value breaks a limit; the message names the field.</exception>
    public static RadioSchedule Once(string id, string communeCode, RadioProgramme programme, DateTimeOffset start, int repeats = 1)
    {
        var vietnam = VietnamTime.ToVietnamTime(start);
        var schedule = new RadioSchedule(id, communeCode, programme, repeats);
        if (start.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            throw new ArgumentException($"The start of schedule '{schedule.Id}' must be a whole second.", nameof(start));
        }

        schedule.Start = vietnam;
        schedule.ValidFrom = vietnam.Date;
        schedule.ValidTo = vietnam.Date;
        return schedule;
    }

    /// <summary>A schedule that plays on weekdays at times of day, Vietnam time, between two dates.</summary>
    /// <param name="id">The schedule id (1 to 64 of <c>A-Z a-z 0-9 . _ -</c>).</param>
    /// <param name="communeCode">The commune's 5-digit administrative code.</param>
    /// <param name="programme">The programme item.</param>
    /// <param name="days">The weekdays (1 to 7 distinct).</param>
    /// <param name="times">The start times of day (at least one, whole minutes, under 24:00, distinct).</param>
    /// <param name="validFrom">The first date it plays on (Vietnam calendar; the time of day is ignored).</param>
    /// <param name="validTo">The last date it starts on, inclusive, not before <paramref name="validFrom"/>.</param>
    /// <param name="repeats">Back-to-back plays at each start, 1 to 10.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ArgumentException">A value breaks a limit, or two starts of one day overlap; the message names the field.</exception>
    public static RadioSchedule Weekly(string id, string communeCode, RadioProgramme programme, IEnumerable<DayOfWeek> days, IEnumerable<TimeSpan> times, DateTime validFrom, DateTime validTo, int repeats = 1)
    {
        var schedule = new RadioSchedule(id, communeCode, programme, repeats) { IsRecurring = true };
        var dayList = Guard.NotNull(days).ToArray();
        if (dayList.Length == 0 || dayList.Any(d => d < DayOfWeek.Sunday || d > DayOfWeek.Saturday) || dayList.Distinct().Count() != dayList.Length)
        {
            throw new ArgumentException($"The days of schedule '{schedule.Id}' must hold 1 to 7 distinct weekdays.", nameof(days));
        }

        var timeList = Guard.NotNull(times).OrderBy(t => t).ToArray();
        if (timeList.Length == 0 || timeList.Any(t => t < TimeSpan.Zero || t >= TimeSpan.FromDays(1) || t.Ticks % TimeSpan.TicksPerMinute != 0))
        {
            throw new ArgumentException($"The times of schedule '{schedule.Id}' must hold at least one whole-minute time of day under 24:00.", nameof(times));
        }

        for (var i = 1; i < timeList.Length; i++)
        {
            if (timeList[i] - timeList[i - 1] < schedule.Duration)
            {
                throw new ArgumentException(
                    $"The times of schedule '{schedule.Id}' overlap: {Hhmm(timeList[i - 1])} lasts {schedule.Duration.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s, past {Hhmm(timeList[i])}.",
                    nameof(times));
            }
        }

        if (validTo.Date < validFrom.Date)
        {
            throw new ArgumentException($"The validTo of schedule '{schedule.Id}' must not be before validFrom.", nameof(validTo));
        }

        schedule.Days = dayList.OrderBy(d => d).ToArray();
        schedule.Times = timeList;
        schedule.DayMask = dayList.Aggregate(0, (mask, d) => mask | (1 << (int)d));
        schedule.TimeTicks = timeList.Select(t => t.Ticks).ToArray();
        schedule.ValidFrom = validFrom.Date;
        schedule.ValidTo = validTo.Date;
        return schedule;
    }

    /// <inheritdoc />
    public override string ToString() => $"{Id} ({CommuneCode}, {Programme.Id})";

    internal static string CheckCommuneCode(string? code, string field)
    {
        Guard.NotNull(code, field);
        if (code!.Length != 5 || code.Any(c => c is < '0' or > '9'))
        {
            throw new ArgumentException($"The {field} must be a 5-digit commune code.", field);
        }

        return code;
    }

    private static string Hhmm(TimeSpan t) => t.ToString(@"hh\:mm", CultureInfo.InvariantCulture);
}
