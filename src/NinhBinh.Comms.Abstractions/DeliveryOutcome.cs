using System;
using System.Collections.Generic;
using System.Linq;
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

    /// <summary>
    /// Whether the channel took the bulletin (<see cref="DeliveryStatus.Accepted"/> or <see cref="DeliveryStatus.Scheduled"/>).
    /// <see cref="DeliveryStatus.PartiallyDelivered"/> is not a success: some recipients were not reached.
    /// </summary>
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

    /// <summary>
    /// How many recipients were reached, for channels that deliver to many (followers, speakers, boards);
    /// <see langword="null"/> when the channel does not count recipients. When a <see cref="IFanOutChannel"/> is
    /// cut off (timeout, cancellation, exception), <see cref="BulletinDispatcher"/> fills in the last counts it reported.
    /// </summary>
    public DeliveryCounts? Recipients { get; private init; }

    /// <summary>How long the delivery took, as measured by <see cref="BulletinDispatcher"/>; zero when not measured.</summary>
    public TimeSpan Duration { get; private init; }

    /// <summary>
    /// The outcome of each target the channel reached (each display of a board channel, each speaker of a radio
    /// station); empty for channels that do not report targets one by one.
    /// </summary>
    public IReadOnlyList<TargetOutcome> Targets { get; private init; } = Array.Empty<TargetOutcome>();

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

    /// <summary>
    /// A fan-out channel reached some recipients but not all. Use it, never <see cref="Accepted(string, string?)"/>,
    /// when <paramref name="recipients"/> has failed, unknown or unlistable recipients.
    /// </summary>
    /// <param name="channel">The channel name.</param>
    /// <param name="recipients">The counts.</param>
    /// <param name="reason">Why the others were not reached, in words an operator understands.</param>
    /// <param name="errorCode">The service's error code of the first failure, if any.</param>
    /// <param name="retryAfter">How long to wait before dispatching again, when the service said.</param>
    /// <param name="exception">The first failure, if any.</param>
    /// <returns>The outcome.</returns>
    public static DeliveryOutcome PartiallyDelivered(string channel, DeliveryCounts recipients, string reason, string? errorCode = null, TimeSpan? retryAfter = null, Exception? exception = null)
        => new(channel, DeliveryStatus.PartiallyDelivered)
        {
            Recipients = recipients,
            Reason = Guard.NotNullOrWhiteSpace(reason),
            ErrorCode = errorCode,
            RetryAfter = retryAfter,
            Exception = exception,
        };

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
        string? errorCode, TimeSpan? retryAfter, Exception? exception, TimeSpan duration, DeliveryCounts? recipients, IEnumerable<TargetOutcome>? targets) => new(channel, status)
    {
        ExternalId = externalId,
        ScheduledFor = scheduledFor,
        Reason = reason,
        ErrorCode = errorCode,
        RetryAfter = retryAfter,
        Exception = exception,
        Duration = duration,
        Recipients = recipients,
        Targets = targets is null ? Array.Empty<TargetOutcome>() : targets.ToArray(),
    };

    /// <summary>
    /// The outcome of a channel that reached several targets (displays, speakers), from each target's outcome: all
    /// succeeded = <see cref="DeliveryStatus.Accepted"/>; some = <see cref="DeliveryStatus.PartiallyDelivered"/>
    /// naming the first five that did not; none = <see cref="DeliveryStatus.TransientFailure"/> when every failure is
    /// transient (offline, timed out), else <see cref="DeliveryStatus.Rejected"/>. Counts and targets are attached.
    /// </summary>
    /// <param name="channel">The channel's name.</param>
    /// <param name="targets">Each target's outcome (at least one).</param>
    /// <param name="externalId">What the channel created, or <see langword="null"/>.</param>
    /// <returns>The outcome.</returns>
    /// <exception cref="ArgumentException"><paramref name="targets"/> is empty.</exception>
    public static DeliveryOutcome FromTargets(string channel, IEnumerable<TargetOutcome> targets, string? externalId = null)
    {
        var list = Guard.NotNull(targets).ToArray();
        if (list.Length == 0)
        {
            throw new ArgumentException("At least one target outcome is needed.", nameof(targets));
        }

        var failures = list.Where(t => t is null || !t.IsSuccess).ToList();
        if (failures.Count == 0)
        {
            return Accepted(channel, externalId).WithTargets(list);
        }

        if (failures.Contains(null!))
        {
            throw new ArgumentNullException(nameof(targets), "A target outcome is null.");
        }

        var named = string.Join("; ", failures.Take(5).Select(f => f.ToString())) + (failures.Count > 5 ? $"; and {failures.Count - 5} more" : string.Empty);
        var transient = failures.All(f => f.Status == DeliveryStatus.TransientFailure);
        var code = failures.Select(f => f.ErrorCode).Distinct().Count() == 1 ? failures[0].ErrorCode : null;
        var ok = list.Length - failures.Count;
        var outcome = ok > 0
            ? PartiallyDelivered(channel, new DeliveryCounts(ok, failures.Count), $"{failures.Count} of {list.Length} targets did not get it: {named}", code)
            : transient
                ? TransientFailure(channel, "no target got it: " + named, errorCode: code)
                : Rejected(channel, "no target got it: " + named, code);
        return new DeliveryOutcome(outcome.Channel, outcome.Status)
        {
            ExternalId = externalId,
            Reason = outcome.Reason,
            ErrorCode = outcome.ErrorCode,
            Recipients = new DeliveryCounts(ok, failures.Count),
            Targets = list,
        };
    }

    /// <summary>Returns a copy with <see cref="Recipients"/> set, for example <c>DeliveryOutcome.Rejected(…).WithRecipients(counts)</c>.</summary>
    /// <param name="recipients">The counts.</param>
    /// <returns>A copy of this outcome; this one is unchanged.</returns>
    public DeliveryOutcome WithRecipients(DeliveryCounts recipients) => Copy(recipients, Duration);

    /// <summary>
    /// Returns a copy of this outcome that lists the outcome of each target (each display, each speaker); when the
    /// outcome has no recipient counts yet, they are derived from the targets (succeeded = sent, the rest failed).
    /// </summary>
    /// <param name="targets">The targets' outcomes.</param>
    /// <returns>The copy.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="targets"/> or one of its items is <see langword="null"/>.</exception>
    public DeliveryOutcome WithTargets(IEnumerable<TargetOutcome> targets)
    {
        var list = Guard.NotNull(targets).ToArray();
        if (Array.IndexOf(list, null) >= 0)
        {
            throw new ArgumentNullException(nameof(targets), "A target outcome is null.");
        }

        var counts = Recipients ?? new DeliveryCounts(list.Count(t => t.IsSuccess), list.Count(t => !t.IsSuccess));
        var copy = Copy(counts, Duration);
        return new DeliveryOutcome(copy.Channel, copy.Status)
        {
            ExternalId = copy.ExternalId,
            ScheduledFor = copy.ScheduledFor,
            Reason = copy.Reason,
            ErrorCode = copy.ErrorCode,
            RetryAfter = copy.RetryAfter,
            Exception = copy.Exception,
            Recipients = copy.Recipients,
            Duration = copy.Duration,
            Targets = list,
        };
    }

    /// <summary>Returns a copy with <see cref="Duration"/> set.</summary>
    /// <param name="duration">The measured duration.</param>
    /// <returns>A copy of this outcome.</returns>
    internal DeliveryOutcome WithDuration(TimeSpan duration) => Copy(Recipients, duration);

    /// <inheritdoc />
    public override string ToString()
    {
        var text = Reason is null ? $"{Channel}: {Status}" : $"{Channel}: {Status} ({Reason})";
        return Recipients is { } counts ? text + " [" + counts.ToString() + "]" : text;
    }

    private DeliveryOutcome Copy(DeliveryCounts? recipients, TimeSpan duration) => new(Channel, Status)
    {
        ExternalId = ExternalId,
        ScheduledFor = ScheduledFor,
        Reason = Reason,
        ErrorCode = ErrorCode,
        RetryAfter = RetryAfter,
        Exception = Exception,
        Recipients = recipients,
        Duration = duration,
        Targets = Targets,
    };
}
