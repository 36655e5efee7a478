using System;

namespace NinhBinh.Comms.Zalo;

/// <summary>Whether a ZNS / ZBS template message reached the recipient's phone. Build one in tests with <see cref="ZaloModelFactory.ZaloZnsMessageStatus"/>.</summary>
public sealed class ZaloZnsMessageStatus
{
    internal ZaloZnsMessageStatus(string messageId, bool isDelivered, DateTimeOffset? deliveredAt, string? description)
    {
        MessageId = messageId;
        IsDelivered = isDelivered;
        DeliveredAt = deliveredAt;
        Description = description;
    }

    /// <summary>The message id.</summary>
    public string MessageId { get; }

    /// <summary>Whether the message reached the recipient's device (Zalo's status 1; -1 while it has not).</summary>
    public bool IsDelivered { get; }

    /// <summary>When it was delivered, when it was.</summary>
    public DateTimeOffset? DeliveredAt { get; }

    /// <summary>Zalo's description of the status, if any.</summary>
    public string? Description { get; }
}
