using System;
using NinhBinh.Comms.Internal;

namespace NinhBinh.Comms;

/// <summary>
/// What happened to one target inside a channel's delivery: one display of an e-board channel, one speaker of a
/// radio station. A channel that reaches several devices lists them in <see cref="DeliveryOutcome.Targets"/>, so a
/// caller sees that display 3 was offline while the others showed the bulletin.
/// </summary>
public sealed class TargetOutcome
{
    /// <summary>Creates the outcome of one target.</summary>
    /// <param name="target">The target's id as the channel names it (for example <c>xibo:7</c> for Xibo display 7).</param>
    /// <param name="status">What happened to it.</param>
    /// <param name="name">A human-readable name (the display's name), or <see langword="null"/>.</param>
    /// <param name="reason">Why, when it did not simply succeed; required for every status but <see cref="DeliveryStatus.Accepted"/> and <see cref="DeliveryStatus.Scheduled"/>.</param>
    /// <param name="errorCode">A short machine-readable code (<c>OFFLINE</c>, the platform's error code), or <see langword="null"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="target"/> is empty, or a failure has no reason.</exception>
    public TargetOutcome(string target, DeliveryStatus status, string? name = null, string? reason = null, string? errorCode = null)
    {
        Target = Guard.NotNullOrWhiteSpace(target);
        if (status is not (DeliveryStatus.Accepted or DeliveryStatus.Scheduled) && string.IsNullOrWhiteSpace(reason))
        {
            throw new ArgumentException($"A target outcome of status {status} needs a reason.", nameof(reason));
        }

        Status = status;
        Name = string.IsNullOrWhiteSpace(name) ? null : name;
        Reason = string.IsNullOrWhiteSpace(reason) ? null : reason;
        ErrorCode = string.IsNullOrWhiteSpace(errorCode) ? null : errorCode;
    }

    /// <summary>The target's id as the channel names it.</summary>
    public string Target { get; }

    /// <summary>A human-readable name, or <see langword="null"/>.</summary>
    public string? Name { get; }

    /// <summary>What happened to this target.</summary>
    public DeliveryStatus Status { get; }

    /// <summary><see langword="true"/> when the target took the content (now or on schedule).</summary>
    public bool IsSuccess => Status is DeliveryStatus.Accepted or DeliveryStatus.Scheduled;

    /// <summary>Why, when it did not simply succeed.</summary>
    public string? Reason { get; }

    /// <summary>A short machine-readable code, or <see langword="null"/>.</summary>
    public string? ErrorCode { get; }

    /// <inheritdoc />
    public override string ToString() => Reason is null ? $"{Target}: {Status}" : $"{Target}: {Status} ({Reason})";
}
