using System;
using System.Text.Json;
using NinhBinh.Comms.Zalo.Internal;

namespace NinhBinh.Comms.Zalo;

/// <summary>
/// An event whose name this version does not know (new event names, group chat variants): nothing is lost, read
/// <see cref="ZaloWebhookEvent.RawJson"/>.
/// </summary>
public sealed class ZaloUnknownEvent : ZaloWebhookEvent
{
    internal ZaloUnknownEvent(JsonElement root, string eventName, DateTimeOffset timestamp, string dedupeKey, string rawJson)
        : base(root, eventName, timestamp, dedupeKey, rawJson)
    {
        OaId = ZaloWebhookJson.Text(root, "oa_id") ?? ZaloWebhookJson.Text(root, "recipient", "id");
    }

    /// <inheritdoc />
    public override string? OaId { get; }
}
