using System;
using System.Collections.Generic;
using System.Linq;
using NinhBinh.Comms.Internal;

namespace NinhBinh.Comms;

/// <summary>
/// Builds the results the dispatcher returns, for tests of code that uses them (a report, a retry policy, a mocked
/// <see cref="BulletinDispatcher"/>). <see cref="Comms.DispatchResult"/> has no public constructor, and a
/// <see cref="Comms.DeliveryOutcome"/> built here can carry every property, including the
/// <see cref="Comms.DeliveryOutcome.Duration"/> only the dispatcher measures.
/// </summary>
/// <example>
/// <code>
/// var result = CommsModelFactory.DispatchResult(bulletin, new[]
/// {
///     DeliveryOutcome.Accepted("zalo", "msg-1"),
///     CommsModelFactory.DeliveryOutcome("radio", DeliveryStatus.TransientFailure, reason: "station offline", duration: TimeSpan.FromSeconds(2)),
/// });
/// </code>
/// </example>
public static class CommsModelFactory
{
    /// <summary>Builds the result of one dispatch.</summary>
    /// <param name="bulletin">The bulletin that was dispatched.</param>
    /// <param name="outcomes">One outcome per channel, in registration order; none when <see langword="null"/>.</param>
    /// <param name="startedAt">When the dispatch started.</param>
    /// <param name="completedAt">When it finished; <paramref name="startedAt"/> when <see langword="null"/>.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentException"><paramref name="outcomes"/> contains <see langword="null"/>, or <paramref name="completedAt"/> is before <paramref name="startedAt"/>.</exception>
    public static DispatchResult DispatchResult(Bulletin bulletin, IEnumerable<DeliveryOutcome>? outcomes = null, DateTimeOffset startedAt = default, DateTimeOffset? completedAt = null)
    {
        Guard.NotNull(bulletin);
        var list = outcomes?.ToArray() ?? Array.Empty<DeliveryOutcome>();
        if (list.Any(o => o is null))
        {
            throw new ArgumentException("outcomes must not contain null.", nameof(outcomes));
        }

        var end = completedAt ?? startedAt;
        if (end < startedAt)
        {
            throw new ArgumentException($"completedAt ({end:O}) is before startedAt ({startedAt:O}).", nameof(completedAt));
        }

        return new(bulletin, list, startedAt, end);
    }

    /// <summary>Builds one channel's outcome with any combination of properties.</summary>
    /// <param name="channel">The channel name.</param>
    /// <param name="status">What happened.</param>
    /// <param name="externalId">The channel's identifier for what it published.</param>
    /// <param name="scheduledFor">When a scheduled bulletin will be published.</param>
    /// <param name="reason">Why the bulletin was not delivered.</param>
    /// <param name="errorCode">The service's error code.</param>
    /// <param name="retryAfter">How long to wait before trying again.</param>
    /// <param name="exception">The exception behind a failure.</param>
    /// <param name="duration">How long the delivery took.</param>
    /// <param name="recipients">What a fan-out channel did for each recipient (sent, failed, skipped, unknown, pending).</param>
    /// <param name="targets">The outcome of each target (display, speaker), or <see langword="null"/> for none.</param>
    /// <returns>The outcome.</returns>
    public static DeliveryOutcome DeliveryOutcome(string channel, DeliveryStatus status = DeliveryStatus.Accepted, string? externalId = null,
        DateTimeOffset? scheduledFor = null, string? reason = null, string? errorCode = null, TimeSpan? retryAfter = null, Exception? exception = null,
        TimeSpan duration = default, DeliveryCounts? recipients = null, IEnumerable<TargetOutcome>? targets = null)
        => status is < DeliveryStatus.Accepted or > DeliveryStatus.PartiallyDelivered
            ? throw new ArgumentOutOfRangeException(nameof(status), status, "status must be one of the DeliveryStatus values.")
            : Comms.DeliveryOutcome.Create(channel, status, externalId, scheduledFor, reason, errorCode, retryAfter, exception, duration, recipients, targets);
}
