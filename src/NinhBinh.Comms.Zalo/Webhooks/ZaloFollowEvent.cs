using System;
using System.Text.Json;
using NinhBinh.Comms.Zalo.Internal;

namespace NinhBinh.Comms.Zalo;

/// <summary>A resident followed (<c>follow</c>) or unfollowed (<c>unfollow</c>) the OA.</summary>
public sealed class ZaloFollowEvent : ZaloWebhookEvent
{
    internal ZaloFollowEvent(JsonElement root, string eventName, DateTimeOffset timestamp, string dedupeKey, string rawJson)
        : base(root, eventName, timestamp, dedupeKey, rawJson)
    {
        IsFollow = eventName == "follow";
        FollowerId = ZaloWebhookJson.Text(root, "follower", "id");
        Source = ZaloWebhookJson.Text(root, "source");
        OaId = ZaloWebhookJson.Text(root, "oa_id");
    }

    /// <summary>True for <c>follow</c>, false for <c>unfollow</c>.</summary>
    public bool IsFollow { get; }

    /// <summary>The resident's user id (<c>follower.id</c>).</summary>
    public string? FollowerId { get; }

    /// <summary>Where the follow came from (<c>source</c>), when given.</summary>
    public string? Source { get; }

    /// <inheritdoc />
    public override string? OaId { get; }
}
