using System;

namespace NinhBinh.Comms.Broadcast.Radio.Scheduling;

/// <summary>One play of a schedule: the schedule and when it starts, Vietnam time.</summary>
/// <param name="Schedule">The schedule it comes from.</param>
/// <param name="Start">When it starts (offset +07:00).</param>
public readonly record struct RadioOccurrence(RadioSchedule Schedule, DateTimeOffset Start)
{
    /// <summary>When it ends: <see cref="Start"/> plus the schedule's duration (all repeats).</summary>
    public DateTimeOffset End => Start + Schedule.Duration;

    /// <summary>The commune whose station plays it.</summary>
    public string CommuneCode => Schedule.CommuneCode;
}
