using System;
using System.Collections.Generic;
using System.Globalization;
using NinhBinh.Comms.Internal;

namespace NinhBinh.Comms.Broadcast.Radio.Scheduling;

/// <summary>
/// Expands schedules into their occurrences in a period, in Vietnam time (+07:00, no daylight saving), and checks that
/// no two occurrences of one station overlap. Allocation-light: one list of value-type occurrences, built day by day.
/// </summary>
public static class ScheduleExpander
{
    /// <summary>The longest period one call expands: 3,660 days (ten years).</summary>
    public static readonly TimeSpan MaxPeriod = TimeSpan.FromDays(3660);

    private static readonly OccurrenceOrder Order = new();

    /// <summary>
    /// The occurrences that start in [<paramref name="from"/>, <paramref name="to"/>), ordered by start, then commune
    /// code, then schedule id (ordinal).
    /// </summary>
    /// <param name="schedules">The schedules, of one or many stations; ids must be unique.</param>
    /// <param name="from">The start of the period (inclusive; any offset).</param>
    /// <param name="to">The end of the period (exclusive), after <paramref name="from"/>, at most <see cref="MaxPeriod"/> later.</param>
    /// <returns>The occurrences, with their starts in Vietnam time.</returns>
    /// <exception cref="ArgumentException">The period is empty or too long, a schedule is null, or two schedules share an id.</exception>
    /// <exception cref="RadioScheduleConflictException">
    /// Two occurrences of one station overlap (both start in the period); the message names both schedules.
    /// Overlaps are refused, not resolved: emergencies and priority bulletins that interrupt a programme go through
    /// <see cref="RadioConflictResolver"/>, not through the schedule.
    /// </exception>
    public static IReadOnlyList<RadioOccurrence> Expand(IEnumerable<RadioSchedule> schedules, DateTimeOffset from, DateTimeOffset to)
    {
        Guard.NotNull(schedules);
        if (to <= from)
        {
            throw new ArgumentException("The period is empty: to must be after from.", nameof(to));
        }

        if (to - from > MaxPeriod)
        {
            throw new ArgumentException($"The period must be at most {MaxPeriod.TotalDays.ToString(CultureInfo.InvariantCulture)} days.", nameof(to));
        }

        var recurring = new List<RadioSchedule>();
        var once = new List<RadioSchedule>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        long estimate = 0;
        var days = (long)Math.Ceiling((to - from).TotalDays) + 1;
        foreach (var schedule in schedules)
        {
            if (schedule is null)
            {
                throw new ArgumentException("The schedules must not hold null.", nameof(schedules));
            }

            if (!ids.Add(schedule.Id))
            {
                throw new ArgumentException($"The schedules hold id '{schedule.Id}' twice.", nameof(schedules));
            }

            if (schedule.IsRecurring)
            {
                recurring.Add(schedule);
                estimate += schedule.TimeTicks.Length * days * schedule.Days.Count / 7;
            }
            else
            {
                once.Add(schedule);
                estimate++;
            }
        }

        once.Sort((a, b) => a.Start!.Value.CompareTo(b.Start!.Value));
        var result = new List<RadioOccurrence>((int)Math.Min(estimate + 16, 4_000_000));
        var offset = VietnamTime.UtcOffset;
        var firstDay = VietnamTime.ToVietnamTime(from).Date;
        var lastDay = VietnamTime.ToVietnamTime(to).Date;
        var nextOnce = 0;
        for (var day = firstDay; day <= lastDay; day = day.AddDays(1))
        {
            var dayStart = result.Count;
            var dayBit = 1 << (int)day.DayOfWeek;
            var dayTicks = day.Ticks;
            foreach (var schedule in recurring)
            {
                if ((schedule.DayMask & dayBit) == 0 || day < schedule.ValidFrom || day > schedule.ValidTo)
                {
                    continue;
                }

                foreach (var time in schedule.TimeTicks)
                {
                    var start = new DateTimeOffset(dayTicks + time, offset);
                    if (start >= from && start < to)
                    {
                        result.Add(new RadioOccurrence(schedule, start));
                    }
                }
            }

            while (nextOnce < once.Count && once[nextOnce].Start!.Value.Date <= day)
            {
                var start = once[nextOnce].Start!.Value;
                if (start >= from && start < to)
                {
                    result.Add(new RadioOccurrence(once[nextOnce], start));
                }

                nextOnce++;
            }

            if (result.Count - dayStart > 1)
            {
                result.Sort(dayStart, result.Count - dayStart, Order);
            }
        }

        CheckOverlaps(result);
        return result;
    }

    private static void CheckOverlaps(List<RadioOccurrence> occurrences)
    {
        // Occurrences are in start order: each must start at or after the end of the station's previous one.
        var previous = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < occurrences.Count; i++)
        {
            var current = occurrences[i];
            if (previous.TryGetValue(current.CommuneCode, out var index) && current.Start < occurrences[index].End)
            {
                var first = occurrences[index];
                throw new RadioScheduleConflictException(
                    $"Schedules '{first.Schedule.Id}' ({Format(first.Start)} to {Format(first.End)}) and '{current.Schedule.Id}' (from {Format(current.Start)}) overlap at the station of commune {current.CommuneCode}.")
                {
                    CommuneCode = current.CommuneCode,
                    FirstScheduleId = first.Schedule.Id,
                    SecondScheduleId = current.Schedule.Id,
                    At = current.Start,
                };
            }

            previous[current.CommuneCode] = i;
        }
    }

    private static string Format(DateTimeOffset instant) => instant.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private sealed class OccurrenceOrder : IComparer<RadioOccurrence>
    {
        public int Compare(RadioOccurrence x, RadioOccurrence y)
        {
            var c = x.Start.UtcTicks.CompareTo(y.Start.UtcTicks);
            if (c != 0)
            {
                return c;
            }

            c = string.CompareOrdinal(x.Schedule.CommuneCode, y.Schedule.CommuneCode);
            return c != 0 ? c : string.CompareOrdinal(x.Schedule.Id, y.Schedule.Id);
        }
    }
}
