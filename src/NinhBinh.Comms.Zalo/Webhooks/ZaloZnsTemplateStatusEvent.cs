using System;
using System.Text.Json;
using NinhBinh.Comms.Zalo.Internal;

namespace NinhBinh.Comms.Zalo;

/// <summary>A ZNS/ZBS template changed status, e.g. approved or rejected (<c>change_template_status</c>).</summary>
public sealed class ZaloZnsTemplateStatusEvent : ZaloWebhookEvent
{
    internal ZaloZnsTemplateStatusEvent(JsonElement root, string eventName, DateTimeOffset timestamp, string dedupeKey, string rawJson)
        : base(root, eventName, timestamp, dedupeKey, rawJson)
    {
        TemplateId = ZaloWebhookJson.Text(root, "template_id");
        var status = ZaloWebhookJson.Child(root, "status");
        NewStatus = status.ValueKind == JsonValueKind.Object ? ZaloWebhookJson.Text(status, "new_status") : ZaloWebhookJson.Text(status);
        OldStatus = status.ValueKind == JsonValueKind.Object ? ZaloWebhookJson.Text(status, "old_status") : null;
        Reason = ZaloWebhookJson.Text(root, "reason") ?? ZaloWebhookJson.Text(status, "reason");
        OaId = ZaloWebhookJson.Text(root, "oa_id");
    }

    /// <summary>The template id.</summary>
    public string? TemplateId { get; }

    /// <summary>The status now (e.g. <c>ENABLE</c>, <c>REJECT</c>).</summary>
    public string? NewStatus { get; }

    /// <summary>The status before, when given.</summary>
    public string? OldStatus { get; }

    /// <summary>Why, when given (a rejection's reason).</summary>
    public string? Reason { get; }

    /// <inheritdoc />
    public override string? OaId { get; }
}
