namespace NinhBinh.Comms.Broadcast.Radio.Scheduling;

/// <summary>What becomes of an item an emergency interrupts.</summary>
public enum RadioInterruptionOutcome
{
    /// <summary>It resumes where it stopped, right after the emergencies, for its remaining time.</summary>
    Resume = 0,

    /// <summary>It plays again from the start in the next free slot (too little was left to resume, or its window would close first).</summary>
    Reschedule = 1,

    /// <summary>It does not play again: no free slot ends before its window closes. It stays unfinished in the play log.</summary>
    Drop = 2,
}
