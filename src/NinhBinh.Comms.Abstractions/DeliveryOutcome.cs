using System;
using NinhBinh.Comms.Internal;

namespace NinhBinh.Comms;

/// <summary>The result of publishing one bulletin on one channel. Create one with the static factory methods.</summary>
public sealed class DeliveryOutcome
{
    private DeliveryOutcome(string channel, DeliveryStatus status)
    {
        Channel = Guard.NotNullOrWhiteSpace(channel);
        Status = status;
    }

    /// <summary>The channel's <see cref="IBulletinChannel.Name"/>.</summary>
    public string Channel { get; }

    /// <summary>What happened.</summary>
    public DeliveryStatus Status { get; }

    /// <summary>Whether the channel took the bulletin (<see cref="DeliveryStatus.Accepted"/> or <see cref="DeliveryStatus.Scheduled"/>).</summary>
    public bool IsSuccess => Status is DeliveryStatus.Accepted or DeliveryStatus.Scheduled;

    /// <summary>The channel's identifier for what it published (a message id, a schedule id), when it gave one.</summary>
    public string? ExternalId { get; private init; }

    /// <summary>When a scheduled bulletin will be published.</summary>
    public DateTimeOffset? ScheduledFor { get; private init; }

    /// <summary>Why the bulletin was not delivered; <see langword="null"/> on success.</summary>
    public string? Reason { get; private init; }

    /// <summary>The service's error code, when there was one.</summary>
    public string? ErrorCode { get; private init; }

    /// <summary>How long to wait before trying again, for a transient failure where the service said.</summary>
    public TimeSpan? RetryAfter { get; private init; }

    /// <summary>The exception behind a failure, when there was one.</summary>
    public Exception? Exception { get; private init; }

    /// <summary>How long the delivery took, as measured by <see cref="BulletinDispatcher"/>; zero when not measured.</summary>
    public TimeSpan Duration { get; private init; }

    /// <summary>The channel took the bulletin and publishes it now.</summary>
    /// <param name="channel">The channel name.</param>
    /// <param name="externalId">The channel's identifier for the publication, if any.</param>
    /// <returns>The outcome.</returns>
    public static DeliveryOutcome Accepted(string channel, string? externalId = null)
        => new(channel, DeliveryStatus.Accepted) { ExternalId = externalId };

    /// <summary>The channel took the bulletin and will publish it at <paramref name="scheduledFor"/>.</summary>
    /// <param name="channel">The channel name.</param>
    /// <param name="scheduledFor">When it will be published.</param>
    /// <param name="externalId">The channel's identifier for the schedule entry, if any.</param>
    /// <returns>The outcome.</returns>
    public static DeliveryOutcome Scheduled(string channel, DateTimeOffset scheduledFor, string? externalId = null)
        => new(channel, DeliveryStatus.Scheduled) { ScheduledFor = scheduledFor, ExternalId = externalId };

    /// <summary>The channel refused the bulletin for good.</summary>
    /// <param name="channel">The channel name.</param>
    /// <param name="reason">Why, in words an operator understands.</param>
    /// <param name="errorCode">The service's error code, if any.</param>
    /// <param name="exception">The exception behind it, if any.</param>
    /// <returns>The outcome.</returns>
    public static DeliveryOutcome Rejected(string channel, string reason, string? errorCode = null, Exception? exception = null)
        => new(channel, DeliveryStatus.Rejected) { Reason = Guard.NotNullOrWhiteSpace(reason), ErrorCode = errorCode, Exception = exception };

    /// <summary>The channel failed for now; trying again later may work.</summary>
    /// <param name="channel">The channel name.</param>
    /// <param name="reason">Why.</param>
    /// <param name="retryAfter">How long to wait first, when known.</param>
    /// <param name="errorCode">The service's error code, if any.</param>
    /// <param name="exception">The exception behind it, if any.</param>
    /// <returns>The outcome.</returns>
    public static DeliveryOutcome TransientFailure(string channel, string reason, TimeSpan? retryAfter = null, string? errorCode = null, Exception? exception = null)
        => new(channel, DeliveryStatus.TransientFailure)
        {
            Reason = Guard.NotNullOrWhiteSpace(reason),
            RetryAfter = retryAfter,
            ErrorCode = errorCode,
            Exception = exception,
        };

    /// <summary>The channel failed unexpectedly.</summary>
    /// <param name="channel">The channel name.</param>
    /// <param name="exception">The cause.</param>
    /// <returns>The outcome.</returns>
    public static DeliveryOutcome Faulted(string channel, Exception exception)
        => new(channel, DeliveryStatus.Faulted) { Exception = Guard.NotNull(exception), Reason = exception.GetType().Name + ": " + exception.Message };

    /// <summary>The caller cancelled before the channel finished.</summary>
    /// <param name="channel">The channel name.</param>
    /// <returns>The outcome.</returns>
    public static DeliveryOutcome Canceled(string channel)
        => new(channel, DeliveryStatus.Canceled) { Reason = "The dispatch was cancelled before this channel finished." };

    /// <summary>Builds an outcome with every property (<see cref="CommsModelFactory.DeliveryOutcome"/>).</summary>
    internal static DeliveryOutcome Create(string channel, DeliveryStatus status, string? externalId, DateTimeOffset? scheduledFor, string? reason,
        string? errorCode, TimeSpan? retryAfter, Exception? exception, TimeSpan duration) => new(channel, status)
    {
        ExternalId = externalId,
        ScheduledFor = scheduledFor,
        Reason = reason,
        ErrorCode = errorCode,
        RetryAfter = retryAfter,
        Exception = exception,
        Duration = duration,
    };

    /// <summary>Returns a copy with <see cref="Duration"/> set.</summary>
    /// <param name="duration">The measured duration.</param>
    /// <returns>A copy of this outcome.</returns>
    internal DeliveryOutcome WithDuration(TimeSpan duration) => new(Channel, Status)
    {
        ExternalId = ExternalId,
        ScheduledFor = ScheduledFor,
        Reason = Reason,
        ErrorCode = ErrorCode,
        RetryAfter = RetryAfter,
        Exception = Exception,
        Duration = duration,
    };

    /// <inheritdoc />
    public override string ToString() => Reason is null ? $"{Channel}: {Status}" : $"{Channel}: {Status} ({Reason})";
}
