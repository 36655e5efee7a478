using System;
using System.Text.Json;
using NinhBinh.Comms.Zalo.Internal;

namespace NinhBinh.Comms.Zalo;

/// <summary>
/// A resident submitted their details in answer to a <c>request_user_info</c> message (<c>user_submit_info</c>).
/// The phone number is personal data: <see cref="ZaloWebhookEvent.ToString"/> never shows it; do not log it.
/// </summary>
public sealed class ZaloUserSubmitInfoEvent : ZaloWebhookEvent
{
    internal ZaloUserSubmitInfoEvent(JsonElement root, string eventName, DateTimeOffset timestamp, string dedupeKey, string rawJson)
        : base(root, eventName, timestamp, dedupeKey, rawJson)
    {
        UserId = ZaloWebhookJson.Text(root, "sender", "id");
        OaId = ZaloWebhookJson.Text(root, "recipient", "id") ?? ZaloWebhookJson.Text(root, "oa_id");
        var info = ZaloWebhookJson.Child(root, "info");
        Name = ZaloWebhookJson.Text(info, "name");
        Phone = ZaloWebhookJson.Text(info, "phone");
        Address = ZaloWebhookJson.Text(info, "address");
        Ward = ZaloWebhookJson.Text(info, "ward");
        District = ZaloWebhookJson.Text(info, "district");
        City = ZaloWebhookJson.Text(info, "city");
    }

    /// <summary>The resident's user id (<c>sender.id</c>).</summary>
    public string? UserId { get; }

    /// <summary>The name given.</summary>
    public string? Name { get; }

    /// <summary>The phone number given (personal data: never logged by the SDK).</summary>
    public string? Phone { get; }

    /// <summary>The address given.</summary>
    public string? Address { get; }

    /// <summary>The ward (<c>ward</c>), when given.</summary>
    public string? Ward { get; }

    /// <summary>The district (<c>district</c>) as Zalo still asks for it, when given.</summary>
    public string? District { get; }

    /// <summary>The city or province given.</summary>
    public string? City { get; }

    /// <inheritdoc />
    public override string? OaId { get; }
}
