using System;
using System.Text.Json;
using NinhBinh.Comms.Zalo.Internal;

namespace NinhBinh.Comms.Zalo;

/// <summary>A follower was given a tag (<c>add_user_to_tag</c>).</summary>
public sealed class ZaloUserTaggedEvent : ZaloWebhookEvent
{
    internal ZaloUserTaggedEvent(JsonElement root, string eventName, DateTimeOffset timestamp, string dedupeKey, string rawJson)
        : base(root, eventName, timestamp, dedupeKey, rawJson)
    {
        UserId = ZaloWebhookJson.Text(root, "user_id") ?? ZaloWebhookJson.Text(root, "follower", "id") ?? ZaloWebhookJson.Text(root, "sender", "id");
        TagName = ZaloWebhookJson.Text(root, "tag_name") ?? ZaloWebhookJson.Text(root, "tag", "name") ?? ZaloWebhookJson.Text(root, "tag");
        OaId = ZaloWebhookJson.Text(root, "oa_id") ?? ZaloWebhookJson.Text(root, "recipient", "id");
    }

    /// <summary>The follower's user id.</summary>
    public string? UserId { get; }

    /// <summary>The tag's name.</summary>
    public string? TagName { get; }

    /// <inheritdoc />
    public override string? OaId { get; }
}
