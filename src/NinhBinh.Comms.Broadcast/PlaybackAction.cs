namespace NinhBinh.Comms.Broadcast;

/// <summary>What a commune station does with a bulletin it receives, by priority tier (Thông tư 39/2020).</summary>
public enum PlaybackAction
{
    /// <summary>Normal bulletin: held until the commune puts it into its broadcast schedule.</summary>
    AwaitSchedule = 0,

    /// <summary>Priority bulletin: played first within the programme, after any emergency.</summary>
    PlayNextInProgramme = 1,

    /// <summary>Emergency bulletin: interrupts whatever is playing and plays at once.</summary>
    PreemptImmediately = 2,
}
