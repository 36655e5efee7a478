using System;
using System.Collections.Generic;
using System.Text.Json;
using NinhBinh.Comms.Zalo.Internal;

namespace NinhBinh.Comms.Zalo;

/// <summary>A resident received (<c>user_received_message</c>) or saw (<c>user_seen_message</c>) messages of the OA.</summary>
public sealed class ZaloMessageStatusEvent : ZaloWebhookEvent
{
    internal ZaloMessageStatusEvent(JsonElement root, string eventName, DateTimeOffset timestamp, string dedupeKey, string rawJson)
        : base(root, eventName, timestamp, dedupeKey, rawJson)
    {
        IsSeen = eventName == "user_seen_message";
        UserId = ZaloWebhookJson.Text(root, "sender", "id");
        OaId = ZaloWebhookJson.Text(root, "recipient", "id");
        var message = ZaloWebhookJson.Child(root, "message");
        var ids = new List<string>(ZaloWebhookJson.TextList(message, "msg_ids"));
        var single = ZaloWebhookJson.Text(message, "msg_id");
        if (single is not null && !ids.Contains(single))
        {
            ids.Add(single);
        }

        MessageIds = ids;
    }

    /// <summary>True for <c>user_seen_message</c>, false for <c>user_received_message</c>.</summary>
    public bool IsSeen { get; }

    /// <summary>The resident's user id (<c>sender.id</c>).</summary>
    public string? UserId { get; }

    /// <summary>The OA's messages concerned (<c>message.msg_ids</c> or <c>message.msg_id</c>).</summary>
    public IReadOnlyList<string> MessageIds { get; }

    /// <inheritdoc />
    public override string? OaId { get; }
}
