using System;

namespace NinhBinh.Comms.Zalo;

/// <summary>The verdict on one webhook delivery: valid, or refused with the reason.</summary>
public sealed class ZaloWebhookVerification
{
    /// <summary>A valid delivery.</summary>
    internal static ZaloWebhookVerification Valid(DateTimeOffset timestamp) => new(ZaloWebhookFailure.None, "The signature is valid.", timestamp);

    internal ZaloWebhookVerification(ZaloWebhookFailure failure, string reason, DateTimeOffset? timestamp = null)
    {
        Failure = failure;
        Reason = reason;
        Timestamp = timestamp;
    }

    /// <summary>Whether the delivery is authentic and inside the replay window.</summary>
    public bool IsValid => Failure == ZaloWebhookFailure.None;

    /// <summary>Why it was refused; <see cref="ZaloWebhookFailure.None"/> when valid.</summary>
    public ZaloWebhookFailure Failure { get; }

    /// <summary>A one-line explanation; never contains the secret or the expected signature.</summary>
    public string Reason { get; }

    /// <summary>The event's timestamp from the body, when it could be read.</summary>
    public DateTimeOffset? Timestamp { get; }

    /// <inheritdoc />
    public override string ToString() => IsValid ? Reason : $"{Failure}: {Reason}";
}
