using System;
using System.Collections.Generic;
using System.Linq;

namespace NinhBinh.Comms;

/// <summary>Every channel's outcome of one dispatch, in the order the channels were registered.</summary>
public sealed class DispatchResult
{
    internal DispatchResult(Bulletin bulletin, IReadOnlyList<DeliveryOutcome> outcomes, DateTimeOffset startedAt, DateTimeOffset completedAt)
    {
        Bulletin = bulletin;
        Outcomes = outcomes;
        StartedAt = startedAt;
        CompletedAt = completedAt;
    }

    /// <summary>The bulletin that was dispatched.</summary>
    public Bulletin Bulletin { get; }

    /// <summary>One outcome per channel, in registration order; never missing a channel.</summary>
    public IReadOnlyList<DeliveryOutcome> Outcomes { get; }

    /// <summary>When the dispatch started.</summary>
    public DateTimeOffset StartedAt { get; }

    /// <summary>When the last channel finished (or the dispatch was cancelled).</summary>
    public DateTimeOffset CompletedAt { get; }

    /// <summary>Whether every channel accepted or scheduled the bulletin.</summary>
    public bool AllSucceeded => Outcomes.All(o => o.IsSuccess);

    /// <summary>The outcomes that are not successes.</summary>
    public IEnumerable<DeliveryOutcome> Failures => Outcomes.Where(o => !o.IsSuccess);

    /// <summary>The outcome of one channel.</summary>
    /// <param name="channel">The channel name.</param>
    /// <returns>The outcome.</returns>
    /// <exception cref="KeyNotFoundException">No channel of that name took part.</exception>
    public DeliveryOutcome this[string channel]
        => Outcomes.FirstOrDefault(o => string.Equals(o.Channel, channel, StringComparison.Ordinal))
            ?? throw new KeyNotFoundException($"No channel named '{channel}' took part in this dispatch.");

    /// <summary>Counts the outcomes of one status.</summary>
    /// <param name="status">The status to count.</param>
    /// <returns>How many channels ended with that status.</returns>
    public int Count(DeliveryStatus status) => Outcomes.Count(o => o.Status == status);
}
