namespace NinhBinh.Comms.Broadcast.Radio.Scheduling;

/// <summary>What the conflict resolver decided for a new item.</summary>
public enum RadioDecisionKind
{
    /// <summary>It plays at once: nothing was playing and nothing waits ahead of it.</summary>
    PlayNow = 0,

    /// <summary>An emergency: it interrupts what plays (see <see cref="RadioDecision.Interruption"/>).</summary>
    Preempt = 1,

    /// <summary>It waits its turn (behind what plays, earlier emergencies or earlier priority items) and starts at <see cref="RadioDecision.StartsAt"/>.</summary>
    Queue = 2,

    /// <summary>A normal item the commune accepted and gave a slot: it starts at its slot, or as soon after as the station is free.</summary>
    AtSlot = 3,

    /// <summary>A normal item that waits for the commune's acceptance; nothing is planned yet.</summary>
    AwaitAcceptance = 4,

    /// <summary>A normal item the commune accepted but has not given a slot yet; nothing is planned yet.</summary>
    AwaitSlot = 5,
}
