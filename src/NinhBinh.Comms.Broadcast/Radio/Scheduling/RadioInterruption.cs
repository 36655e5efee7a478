using System;

namespace NinhBinh.Comms.Broadcast.Radio.Scheduling;

/// <summary>An item an emergency interrupted and what becomes of it.</summary>
public sealed class RadioInterruption
{
    internal RadioInterruption(RadioPlayItem item, DateTimeOffset at, TimeSpan remaining, RadioInterruptionOutcome outcome, DateTimeOffset? playsAgainAt)
    {
        Item = item;
        At = at;
        Remaining = remaining;
        Outcome = outcome;
        PlaysAgainAt = playsAgainAt;
    }

    /// <summary>The interrupted item.</summary>
    public RadioPlayItem Item { get; }

    /// <summary>When it was interrupted.</summary>
    public DateTimeOffset At { get; }

    /// <summary>How much of it was left.</summary>
    public TimeSpan Remaining { get; }

    /// <summary>Whether it resumes, is rescheduled or dropped.</summary>
    public RadioInterruptionOutcome Outcome { get; }

    /// <summary>When it resumes (<see cref="RadioInterruptionOutcome.Resume"/>) or starts again (<see cref="RadioInterruptionOutcome.Reschedule"/>); <see langword="null"/> when dropped.</summary>
    public DateTimeOffset? PlaysAgainAt { get; }
}
