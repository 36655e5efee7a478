using System;
using System.Collections.Generic;

namespace NinhBinh.Comms.Broadcast.Radio.Scheduling;

/// <summary>What the conflict resolver decided for a new item, with the resulting plan and the reason in words.</summary>
public sealed class RadioDecision
{
    internal RadioDecision(RadioDecisionKind kind, RadioPlayItem item, DateTimeOffset? startsAt, RadioInterruption? interruption, IReadOnlyList<RadioPlanEntry> plan, string reason)
    {
        Kind = kind;
        Item = item;
        StartsAt = startsAt;
        Interruption = interruption;
        Plan = plan;
        Reason = reason;
    }

    /// <summary>What was decided.</summary>
    public RadioDecisionKind Kind { get; }

    /// <summary>The new item.</summary>
    public RadioPlayItem Item { get; }

    /// <summary>When the new item starts; <see langword="null"/> while it awaits the commune's acceptance or slot.</summary>
    public DateTimeOffset? StartsAt { get; }

    /// <summary>The item an emergency interrupted and what becomes of it, or <see langword="null"/>.</summary>
    public RadioInterruption? Interruption { get; }

    /// <summary>The station's plan from now on (what plays, in order, with times), the new item included when it is planned.</summary>
    public IReadOnlyList<RadioPlanEntry> Plan { get; }

    /// <summary>Why, in words, e.g. "emergency e-2 pre-empts normal n-1 at 09:00:05; n-1 resumes at 09:03:05 for its remaining 120 s".</summary>
    public string Reason { get; }

    /// <inheritdoc />
    public override string ToString() => Reason;
}
