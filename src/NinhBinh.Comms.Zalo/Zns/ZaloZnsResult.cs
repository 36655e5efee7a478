using System;

namespace NinhBinh.Comms.Zalo;

/// <summary>What Zalo answered to a ZNS / ZBS template message. Build one in tests with <see cref="ZaloModelFactory.ZaloZnsResult"/>.</summary>
public sealed class ZaloZnsResult
{
    internal ZaloZnsResult(string messageId, DateTimeOffset? sentAt, ZaloZnsQuota? quota)
    {
        MessageId = messageId;
        SentAt = sentAt;
        Quota = quota;
    }

    /// <summary>Zalo's id of the message (for <see cref="ZaloOfficialAccountClient.GetZnsMessageStatusAsync"/>).</summary>
    public string MessageId { get; }

    /// <summary>When Zalo accepted the message, when it said.</summary>
    public DateTimeOffset? SentAt { get; }

    /// <summary>The OA's daily quota after this message, when Zalo said.</summary>
    public ZaloZnsQuota? Quota { get; }
}
