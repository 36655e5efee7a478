using System;

namespace NinhBinh.Comms.Broadcast.Radio.Scheduling;

/// <summary>One stretch of the station's plan after a decision: an item (or the rest of a resumed one) and its times.</summary>
public sealed class RadioPlanEntry
{
    internal RadioPlanEntry(RadioPlayItem item, DateTimeOffset start, DateTimeOffset end, bool isResume)
    {
        Item = item;
        Start = start;
        End = end;
        IsResume = isResume;
    }

    /// <summary>The item.</summary>
    public RadioPlayItem Item { get; }

    /// <summary>When this stretch starts.</summary>
    public DateTimeOffset Start { get; }

    /// <summary>When it ends.</summary>
    public DateTimeOffset End { get; }

    /// <summary>Whether this stretch is the rest of an interrupted item.</summary>
    public bool IsResume { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Item} {RadioConflictResolver.Clock(Start)}-{RadioConflictResolver.Clock(End)}{(IsResume ? " (resumed)" : string.Empty)}";
}
