using System;

namespace NinhBinh.Comms.Broadcast.Radio.Scheduling;

/// <summary>Options of <see cref="RadioConflictResolver"/>.</summary>
public sealed class RadioConflictResolverOptions
{
    /// <summary>
    /// An interrupted item resumes only when more than this is left (and it can finish before its window closes);
    /// otherwise it plays again from the start in the next free slot. 30 seconds by default; zero or more.
    /// </summary>
    public TimeSpan MinimumRemainingToResume { get; set; } = TimeSpan.FromSeconds(30);
}
