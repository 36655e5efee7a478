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

    /// <summary>The most schedules one call expands: 1,048,576.</summary>
    public const int MaxSchedules = 1 << RankBits;

    private const int RankBits = 20;
    private const long RankMask = (1L << RankBits) - 1;

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

        // Every schedule gets a rank in (commune, id) order; an occurrence is sorted as one long: its start in whole
        // seconds (UTC) shifted left by RankBits, plus its schedule's rank. No per-occurrence object, no comparer.
        var ordered = new List<RadioSchedule>();
        foreach (var schedule in schedules)
        {
            ordered.Add(schedule ?? throw new ArgumentException("The schedules must not hold null.", nameof(schedules)));
        }

        if (ordered.Count > MaxSchedules)
        {
            throw new ArgumentException($"At most {MaxSchedules.ToString(CultureInfo.InvariantCulture)} schedules can be expanded at once.", nameof(schedules));
        }

        ordered.Sort(static (a, b) =>
        {
            var c = string.CompareOrdinal(a.CommuneCode, b.CommuneCode);
            return c != 0 ? c : string.CompareOrdinal(a.Id, b.Id);
        });
        var stationOf = new int[ordered.Count];
        var stations = 0;
        var recurring = new List<int>();
        var once = new List<int>();
        var days = (long)Math.Ceiling((to - from).TotalDays) + 1;
        long estimate = 0;
        for (var r = 0; r < ordered.Count; r++)
        {
            var schedule = ordered[r];
            if (r > 0)
            {
                var previous = ordered[r - 1];
                if (!string.Equals(previous.CommuneCode, schedule.CommuneCode, StringComparison.Ordinal))
                {
                    stations++;
                }
            }

            stationOf[r] = stations;
            if (schedule.IsRecurring)
            {
                recurring.Add(r);
                estimate += schedule.TimeTicks.Length * days * schedule.Days.Count / 7;
            }
            else
            {
                once.Add(r);
                estimate++;
            }
        }

        if (RepeatedId(ordered) is { } repeated)
        {
            throw new ArgumentException($"The schedules hold id '{repeated}' twice.", nameof(schedules));
        }
        once.Sort((a, b) => ordered[a].Start!.Value.UtcTicks.CompareTo(ordered[b].Start!.Value.UtcTicks));
        var result = new List<RadioOccurrence>((int)Math.Min(estimate + 16, 4_000_000));
        var offset = VietnamTime.UtcOffset;
        var offsetTicks = offset.Ticks;
        var fromUtc = from.UtcTicks;
        var toUtc = to.UtcTicks;
        var lastRank = new int[stations + 1];
        var lastEnd = new long[stations + 1];
        var lastStart = new long[stations + 1];
        for (var i = 0; i < lastRank.Length; i++)
        {
            lastRank[i] = -1;
        }

        var keys = new long[64];
        var firstDay = VietnamTime.ToVietnamTime(from).Date;
        var lastDay = VietnamTime.ToVietnamTime(to).Date;
        var nextOnce = 0;
        for (var day = firstDay; day <= lastDay; day = day.AddDays(1))
        {
            var n = 0;
            var dayBit = 1 << (int)day.DayOfWeek;
            var dayUtcTicks = day.Ticks - offsetTicks;
            foreach (var r in recurring)
            {
                var schedule = ordered[r];
                if ((schedule.DayMask & dayBit) == 0 || day < schedule.ValidFrom || day > schedule.ValidTo)
                {
                    continue;
                }

                foreach (var time in schedule.TimeTicks)
                {
                    var start = dayUtcTicks + time;
                    if (start >= fromUtc && start < toUtc)
                    {
                        Add(ref keys, ref n, ((start / TimeSpan.TicksPerSecond) << RankBits) | (long)r);
                    }
                }
            }

            while (nextOnce < once.Count && ordered[once[nextOnce]].Start!.Value.Date <= day)
            {
                var start = ordered[once[nextOnce]].Start!.Value.UtcTicks;
                if (start >= fromUtc && start < toUtc)
                {
                    Add(ref keys, ref n, ((start / TimeSpan.TicksPerSecond) << RankBits) | (long)once[nextOnce]);
                }

                nextOnce++;
            }

            Array.Sort(keys, 0, n);
            for (var i = 0; i < n; i++)
            {
                var r = (int)(keys[i] & RankMask);
                var schedule = ordered[r];
                var start = (keys[i] >> RankBits) * TimeSpan.TicksPerSecond;
                var station = stationOf[r];
                if (lastRank[station] >= 0 && start < lastEnd[station])
                {
                    throw Conflict(ordered[lastRank[station]], new DateTimeOffset(lastStart[station] + offsetTicks, offset), schedule, new DateTimeOffset(start + offsetTicks, offset));
                }

                lastRank[station] = r;
                lastStart[station] = start;
                lastEnd[station] = start + schedule.Duration.Ticks;
                result.Add(new RadioOccurrence(schedule, new DateTimeOffset(start + offsetTicks, offset)));
            }
        }

        return result;
    }

    private static void Add(ref long[] keys, ref int n, long key)
    {
        if (n == keys.Length)
        {
            Array.Resize(ref keys, keys.Length * 2);
        }

        keys[n++] = key;
    }

    private static string? RepeatedId(List<RadioSchedule> ordered)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var schedule in ordered)
        {
            if (!ids.Add(schedule.Id))
            {
                return schedule.Id;
            }
        }

        return null;
    }

    private static RadioScheduleConflictException Conflict(RadioSchedule firstSchedule, DateTimeOffset firstStart, RadioSchedule second, DateTimeOffset secondStart)
        => new($"Schedules '{firstSchedule.Id}' ({Format(firstStart)} to {Format(firstStart + firstSchedule.Duration)}) and '{second.Id}' (from {Format(secondStart)}) overlap at the station of commune {second.CommuneCode}.")
        {
            CommuneCode = second.CommuneCode,
            FirstScheduleId = firstSchedule.Id,
            SecondScheduleId = second.Id,
            At = secondStart,
        };

    private static string Format(DateTimeOffset instant) => instant.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
