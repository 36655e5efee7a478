using System;
using System.Text.Json;
using NinhBinh.Comms.Zalo.Internal;

namespace NinhBinh.Comms.Zalo;

/// <summary>The OA's daily ZNS/ZBS quota changed (<c>change_oa_daily_quota</c>).</summary>
public sealed class ZaloZnsQuotaEvent : ZaloWebhookEvent
{
    internal ZaloZnsQuotaEvent(JsonElement root, string eventName, DateTimeOffset timestamp, string dedupeKey, string rawJson)
        : base(root, eventName, timestamp, dedupeKey, rawJson)
    {
        var quota = ZaloWebhookJson.Child(root, "quota");
        var source = quota.ValueKind == JsonValueKind.Object ? quota : root;
        DailyQuota = ZaloWebhookJson.Text(source, "daily_quota") ?? ZaloWebhookJson.Text(source, "dailyQuota") ?? ZaloWebhookJson.Text(source, "new_quota");
        PreviousDailyQuota = ZaloWebhookJson.Text(source, "old_quota") ?? ZaloWebhookJson.Text(source, "previous_quota");
        OaId = ZaloWebhookJson.Text(root, "oa_id");
    }

    /// <summary>The daily quota now, as Zalo sent it.</summary>
    public string? DailyQuota { get; }

    /// <summary>The daily quota before, when given.</summary>
    public string? PreviousDailyQuota { get; }

    /// <inheritdoc />
    public override string? OaId { get; }
}
