using System;
using System.Collections.Generic;
using System.Text.Json;
using NinhBinh.Comms.Zalo.Internal;

namespace NinhBinh.Comms.Zalo;

/// <summary>
/// A message: a resident wrote to the OA (<c>user_send_text|image|link|audio|video|sticker|gif|location|business_card|file</c>),
/// the OA sent one from another tool (<c>oa_send_text|image|gif|list|file|sticker</c>), or an anonymous visitor wrote
/// (<c>anonymous_send_*</c>).
/// </summary>
public sealed class ZaloMessageEvent : ZaloWebhookEvent
{
    internal ZaloMessageEvent(JsonElement root, string eventName, DateTimeOffset timestamp, string dedupeKey, string rawJson, ZaloWebhookMessageKind kind)
        : base(root, eventName, timestamp, dedupeKey, rawJson)
    {
        Kind = kind;
        IsFromOa = eventName.StartsWith("oa_", StringComparison.Ordinal);
        IsAnonymous = eventName.StartsWith("anonymous_", StringComparison.Ordinal);
        SenderId = ZaloWebhookJson.Text(root, "sender", "id");
        RecipientId = ZaloWebhookJson.Text(root, "recipient", "id");
        var message = ZaloWebhookJson.Child(root, "message");
        MessageId = ZaloWebhookJson.Text(message, "msg_id");
        Text = ZaloWebhookJson.Text(message, "text");
        ConversationId = ZaloWebhookJson.Text(message, "conversation_id") ?? ZaloWebhookJson.Text(root, "conversation_id");
        var attachments = new List<ZaloWebhookAttachment>();
        var list = ZaloWebhookJson.Child(message, "attachments");
        if (list.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in list.EnumerateArray())
            {
                var payload = ZaloWebhookJson.Child(item, "payload");
                attachments.Add(new ZaloWebhookAttachment(
                    ZaloWebhookJson.Text(item, "type"),
                    ZaloWebhookJson.Text(payload, "url"),
                    ZaloWebhookJson.Text(payload, "thumbnail"),
                    payload.ValueKind == JsonValueKind.Undefined ? null : payload.GetRawText()));
            }
        }

        Attachments = attachments;
    }

    /// <summary>What the message carries.</summary>
    public ZaloWebhookMessageKind Kind { get; }

    /// <summary>Whether the OA sent it (<c>oa_send_*</c>) rather than a user.</summary>
    public bool IsFromOa { get; }

    /// <summary>Whether an anonymous visitor sent it (<c>anonymous_send_*</c>).</summary>
    public bool IsAnonymous { get; }

    /// <summary>The sender's id (<c>sender.id</c>): the user, or the OA for <c>oa_send_*</c>.</summary>
    public string? SenderId { get; }

    /// <summary>The recipient's id (<c>recipient.id</c>): the OA, or the user for <c>oa_send_*</c>.</summary>
    public string? RecipientId { get; }

    /// <summary>Zalo's message id (<c>message.msg_id</c>).</summary>
    public string? MessageId { get; }

    /// <summary>The text (<c>message.text</c>), when there is one.</summary>
    public string? Text { get; }

    /// <summary>The anonymous conversation id, for anonymous messages.</summary>
    public string? ConversationId { get; }

    /// <summary>The attachments (<c>message.attachments</c>).</summary>
    public IReadOnlyList<ZaloWebhookAttachment> Attachments { get; }

    /// <summary>The resident's id: the sender of a user message, the recipient of an OA message.</summary>
    public string? UserId => IsFromOa ? RecipientId : SenderId;

    /// <inheritdoc />
    public override string? OaId => IsFromOa ? SenderId : RecipientId;
}
