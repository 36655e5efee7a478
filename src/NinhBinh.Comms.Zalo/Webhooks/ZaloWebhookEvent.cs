using System;
using System.Text.Json;
using NinhBinh.Comms.Zalo.Internal;

namespace NinhBinh.Comms.Zalo;

/// <summary>
/// An event Zalo delivered to the webhook. Read with <see cref="ZaloWebhookParser"/>; switch on the subtype
/// (<see cref="ZaloMessageEvent"/>, <see cref="ZaloFollowEvent"/>, … and <see cref="ZaloUnknownEvent"/> for names this
/// version does not know). Ids are strings (they exceed 2^53); the raw JSON is kept.
/// </summary>
public abstract class ZaloWebhookEvent
{
    private protected ZaloWebhookEvent(JsonElement root, string eventName, DateTimeOffset timestamp, string dedupeKey, string rawJson)
    {
        EventName = eventName;
        Timestamp = timestamp;
        DedupeKey = dedupeKey;
        RawJson = rawJson;
        AppId = ZaloWebhookJson.Text(root, "app_id");
        UserIdByApp = ZaloWebhookJson.Text(root, "user_id_by_app");
    }

    /// <summary>Zalo's event name, e.g. <c>user_send_text</c>.</summary>
    public string EventName { get; }

    /// <summary>The app the event was delivered for (<c>app_id</c>).</summary>
    public string? AppId { get; }

    /// <summary>The user's id for the app (<c>user_id_by_app</c>), when present.</summary>
    public string? UserIdByApp { get; }

    /// <summary>When the event happened (<c>timestamp</c>, epoch milliseconds).</summary>
    public DateTimeOffset Timestamp { get; }

    /// <summary>
    /// The key that identifies the event across redeliveries: the event name and <c>message.msg_id</c> when there is
    /// one, otherwise a SHA-256 fingerprint of the body (a redelivery carries the same bytes).
    /// </summary>
    public string DedupeKey { get; }

    /// <summary>The body as received.</summary>
    public string RawJson { get; }

    /// <summary>The OA the event concerns, when the payload names it.</summary>
    public abstract string? OaId { get; }

    /// <inheritdoc />
    public override string ToString() => $"{GetType().Name} {EventName} at {Timestamp:O} ({DedupeKey})";
}
