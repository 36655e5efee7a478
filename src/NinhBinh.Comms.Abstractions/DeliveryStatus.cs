namespace NinhBinh.Comms;

/// <summary>What became of a bulletin on one channel.</summary>
public enum DeliveryStatus
{
    /// <summary>The channel took the bulletin and publishes it now.</summary>
    Accepted = 0,

    /// <summary>The channel took the bulletin and will publish it later (<see cref="DeliveryOutcome.ScheduledFor"/>).</summary>
    Scheduled = 1,

    /// <summary>The channel refused the bulletin; sending it again unchanged will not help (<see cref="DeliveryOutcome.Reason"/>).</summary>
    Rejected = 2,

    /// <summary>The channel failed for now (timeout, rate limit, outage); trying again later may work (<see cref="DeliveryOutcome.RetryAfter"/>).</summary>
    TransientFailure = 3,

    /// <summary>The channel failed unexpectedly (<see cref="DeliveryOutcome.Exception"/> holds the cause).</summary>
    Faulted = 4,

    /// <summary>The caller cancelled the dispatch before this channel finished.</summary>
    Canceled = 5,

    /// <summary>
    /// A fan-out channel (one bulletin, many recipients) reached some recipients but not all
    /// (<see cref="DeliveryOutcome.Recipients"/> has the counts, <see cref="DeliveryOutcome.Reason"/> says why the
    /// rest were not reached). Not a success (<see cref="DeliveryOutcome.IsSuccess"/> is <see langword="false"/>):
    /// dispatching the same bulletin again reaches only those not reached yet, when the channel keeps a
    /// <see cref="IDeliveryJournal"/>.
    /// </summary>
    PartiallyDelivered = 6,
}
