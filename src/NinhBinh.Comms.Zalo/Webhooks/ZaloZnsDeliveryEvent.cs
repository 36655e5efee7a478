using System;
using System.Text.Json;
using NinhBinh.Comms.Zalo.Internal;

namespace NinhBinh.Comms.Zalo;

/// <summary>
/// A ZNS/ZBS template message reached the resident's phone (<c>user_received_message</c> delivered by the ZNS server:
/// <c>X-ZEvent-Server: ZNS</c>, or a <c>message.tracking_id</c> in the body). The phone number is never shown.
/// </summary>
public sealed class ZaloZnsDeliveryEvent : ZaloWebhookEvent
{
    internal ZaloZnsDeliveryEvent(JsonElement root, string eventName, DateTimeOffset timestamp, string dedupeKey, string rawJson)
        : base(root, eventName, timestamp, dedupeKey, rawJson)
    {
        var message = ZaloWebhookJson.Child(root, "message");
        MessageId = ZaloWebhookJson.Text(message, "msg_id");
        TrackingId = ZaloWebhookJson.Text(message, "tracking_id");
        DeliveryTime = ZaloWebhookJson.Time(message, "delivery_time");
        OaId = ZaloWebhookJson.Text(root, "oa_id") ?? ZaloWebhookJson.Text(root, "sender", "id");
    }

    /// <summary>The ZNS message id (<c>message.msg_id</c>).</summary>
    public string? MessageId { get; }

    /// <summary>The sender's tracking id given when sending (<c>message.tracking_id</c>).</summary>
    public string? TrackingId { get; }

    /// <summary>When it reached the phone (<c>message.delivery_time</c>).</summary>
    public DateTimeOffset? DeliveryTime { get; }

    /// <inheritdoc />
    public override string? OaId { get; }
}
