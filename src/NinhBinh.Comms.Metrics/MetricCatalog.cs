using System;
using System.Collections.Generic;
using System.Linq;

namespace NinhBinh.Comms.Metrics;

/// <summary>
/// The canonical metric keys with their aggregation kind, and the mapping from each platform's own metric names
/// (Facebook's 2025–2026 renames included) to them.
/// </summary>
public static class MetricCatalog
{
    /// <summary>Content items published (sum).</summary>
    public const string ContentPublished = "content.published";

    /// <summary>Views / impressions: times content was displayed, not unique (sum).</summary>
    public const string ContentViews = "content.views";

    /// <summary>Reach: unique people (unique — never added across days, channels or platforms).</summary>
    public const string AudienceReach = "audience.reach";

    /// <summary>Reactions (sum).</summary>
    public const string EngagementReactions = "engagement.reactions";

    /// <summary>Comments (sum).</summary>
    public const string EngagementComments = "engagement.comments";

    /// <summary>Shares (sum).</summary>
    public const string EngagementShares = "engagement.shares";

    /// <summary>Interactions: reactions + comments + shares (+ clicks where the platform counts them) (sum).</summary>
    public const string EngagementInteractions = "engagement.interactions";

    /// <summary>Followers at a moment (snapshot: the last value at or before the period's end).</summary>
    public const string AudienceFollowers = "audience.followers";

    /// <summary>Watch time in seconds (sum).</summary>
    public const string VideoWatchTime = "video.watch_time";

    /// <summary>Engagement rate: interactions divided by reach, recomputed from its parts (ratio).</summary>
    public const string EngagementRate = "engagement.rate";

    /// <summary>A lifetime counter of views (a post's or channel's running total, read at moments): the period's figure is its growth.</summary>
    public const string ContentViewsLifetime = "content.views.lifetime";

    /// <summary>A lifetime counter of reactions (running total, read at moments): the period's figure is its growth.</summary>
    public const string EngagementReactionsLifetime = "engagement.reactions.lifetime";

    /// <summary>A lifetime counter of comments (running total, read at moments): the period's figure is its growth.</summary>
    public const string EngagementCommentsLifetime = "engagement.comments.lifetime";

    /// <summary>A lifetime counter of shares (running total, read at moments): the period's figure is its growth.</summary>
    public const string EngagementSharesLifetime = "engagement.shares.lifetime";

    private static readonly MetricDefinition[] AllDefinitions =
    {
        new(ContentPublished, AggregationKind.Sum, "{item}", "Content items published (tin bài, posts, videos, bulletins aired)."),
        new(ContentViews, AggregationKind.Sum, "{view}", "Times content was displayed or played (views, impressions; not unique)."),
        new(AudienceReach, AggregationKind.Unique, "{person}", "Unique people reached in the period, as the platform counts them."),
        new(EngagementReactions, AggregationKind.Sum, "{reaction}", "Reactions and likes."),
        new(EngagementComments, AggregationKind.Sum, "{comment}", "Comments."),
        new(EngagementShares, AggregationKind.Sum, "{share}", "Shares."),
        new(EngagementInteractions, AggregationKind.Sum, "{interaction}", "Interactions: reactions + comments + shares (+ clicks where counted)."),
        new(AudienceFollowers, AggregationKind.Snapshot, "{person}", "Followers or subscribers at the end of the period."),
        new(VideoWatchTime, AggregationKind.Sum, "s", "Time spent watching video, in seconds."),
        new(EngagementRate, AggregationKind.Ratio, "1", "Interactions divided by reach, recomputed from summed interactions and the period's reach."),
        new(ContentViewsLifetime, AggregationKind.Lifetime, "{view}", "Views as a running total read on a day (period_end); a period's figure is its growth."),
        new(EngagementReactionsLifetime, AggregationKind.Lifetime, "{reaction}", "Reactions as a running total read on a day; a period's figure is its growth."),
        new(EngagementCommentsLifetime, AggregationKind.Lifetime, "{comment}", "Comments as a running total read on a day; a period's figure is its growth."),
        new(EngagementSharesLifetime, AggregationKind.Lifetime, "{share}", "Shares as a running total read on a day; a period's figure is its growth."),
    };

    private static readonly Dictionary<string, MetricDefinition> ByKey = AllDefinitions.ToDictionary(d => d.Key, StringComparer.Ordinal);

    private static readonly Dictionary<(KpiPlatform, string), string> PlatformNames = new()
    {
        // Facebook Page Insights: the names retired on 2025-11-15 and their replacements (second wave 2026-06-15).
        [(KpiPlatform.Facebook, "page_impressions")] = ContentViews,
        [(KpiPlatform.Facebook, "post_impressions")] = ContentViews,
        [(KpiPlatform.Facebook, "page_media_view")] = ContentViews,
        [(KpiPlatform.Facebook, "post_media_view")] = ContentViews,
        [(KpiPlatform.Facebook, "page_impressions_unique")] = AudienceReach,
        [(KpiPlatform.Facebook, "post_impressions_unique")] = AudienceReach,
        [(KpiPlatform.Facebook, "page_total_media_view_unique")] = AudienceReach,
        [(KpiPlatform.Facebook, "post_total_media_view_unique")] = AudienceReach,
        [(KpiPlatform.Facebook, "page_fans")] = AudienceFollowers,
        [(KpiPlatform.Facebook, "page_follows")] = AudienceFollowers,
        [(KpiPlatform.Facebook, "page_post_engagements")] = EngagementInteractions,
        // A post's reactions.summary(total_count), comments.summary(true) and shares.count are running totals.
        [(KpiPlatform.Facebook, "reactions")] = EngagementReactionsLifetime,
        [(KpiPlatform.Facebook, "comments")] = EngagementCommentsLifetime,
        [(KpiPlatform.Facebook, "shares")] = EngagementSharesLifetime,
        [(KpiPlatform.Facebook, "page_video_views")] = ContentViews,

        // YouTube Analytics.
        [(KpiPlatform.YouTube, "views")] = ContentViews,
        [(KpiPlatform.YouTube, "likes")] = EngagementReactions,
        [(KpiPlatform.YouTube, "comments")] = EngagementComments,
        [(KpiPlatform.YouTube, "shares")] = EngagementShares,
        [(KpiPlatform.YouTube, "estimatedMinutesWatched")] = VideoWatchTime, // minutes: multiply by 60 when importing

        // TikTok Display API video object: the video's counters since it was posted (running totals).
        [(KpiPlatform.TikTok, "view_count")] = ContentViewsLifetime,
        [(KpiPlatform.TikTok, "like_count")] = EngagementReactionsLifetime,
        [(KpiPlatform.TikTok, "comment_count")] = EngagementCommentsLifetime,
        [(KpiPlatform.TikTok, "share_count")] = EngagementSharesLifetime,

        // Zalo OA (no insights API): the follower count, and each article's counters since it was published (running totals).
        [(KpiPlatform.Zalo, "num_follower")] = AudienceFollowers,
        [(KpiPlatform.Zalo, "total_view")] = ContentViewsLifetime,
        [(KpiPlatform.Zalo, "total_share")] = EngagementSharesLifetime,

        // Web portals (GA4 Data API).
        [(KpiPlatform.Web, "screenPageViews")] = ContentViews,
        [(KpiPlatform.Web, "activeUsers")] = AudienceReach,
        [(KpiPlatform.Web, "totalUsers")] = AudienceReach,
    };

    /// <summary>Every canonical metric.</summary>
    public static IReadOnlyList<MetricDefinition> All => AllDefinitions;

    /// <summary>Looks up a canonical key.</summary>
    /// <param name="key">The key.</param>
    /// <param name="definition">The definition, when the key is canonical.</param>
    /// <returns>Whether the key is known.</returns>
    public static bool TryGet(string key, out MetricDefinition definition)
    {
        if (key is not null && ByKey.TryGetValue(key, out var found))
        {
            definition = found;
            return true;
        }

        definition = null!;
        return false;
    }

    /// <summary>Gets a canonical metric.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The definition.</returns>
    /// <exception cref="ArgumentException">The key is not a canonical metric (the message lists them).</exception>
    public static MetricDefinition Get(string key) => TryGet(key, out var definition)
        ? definition
        : throw new ArgumentException($"'{key}' is not a canonical metric key; known keys: {string.Join(", ", AllDefinitions.Select(d => d.Key))}.", nameof(key));

    /// <summary>Maps a platform's own metric name to the canonical key (e.g. Facebook <c>page_media_view</c> to <c>content.views</c>).</summary>
    /// <param name="platform">The platform.</param>
    /// <param name="sourceMetric">The platform's metric name.</param>
    /// <returns>The canonical key, or null when the name is not mapped.</returns>
    public static string? MapPlatformMetric(KpiPlatform platform, string sourceMetric)
        => sourceMetric is not null && PlatformNames.TryGetValue((platform, sourceMetric), out var key) ? key : null;

    /// <summary>Parses a platform as written in the exchange formats (lowercase: zalo, facebook, youtube, tiktok, web, radio, board, other).</summary>
    /// <param name="text">The text.</param>
    /// <param name="platform">The platform.</param>
    /// <returns>Whether the text names a platform.</returns>
    public static bool TryParsePlatform(string text, out KpiPlatform platform)
    {
        switch (text)
        {
            case "zalo": platform = KpiPlatform.Zalo; return true;
            case "facebook": platform = KpiPlatform.Facebook; return true;
            case "youtube": platform = KpiPlatform.YouTube; return true;
            case "tiktok": platform = KpiPlatform.TikTok; return true;
            case "web": platform = KpiPlatform.Web; return true;
            case "radio": platform = KpiPlatform.Radio; return true;
            case "board": platform = KpiPlatform.Board; return true;
            case "other": platform = KpiPlatform.Other; return true;
            default: platform = KpiPlatform.Other; return false;
        }
    }

    /// <summary>The exchange-format name of a platform (lowercase).</summary>
    /// <param name="platform">The platform.</param>
    /// <returns>zalo, facebook, youtube, tiktok, web, radio, board or other.</returns>
    public static string PlatformName(KpiPlatform platform) => platform switch
    {
        KpiPlatform.Zalo => "zalo",
        KpiPlatform.Facebook => "facebook",
        KpiPlatform.YouTube => "youtube",
        KpiPlatform.TikTok => "tiktok",
        KpiPlatform.Web => "web",
        KpiPlatform.Radio => "radio",
        KpiPlatform.Board => "board",
        _ => "other",
    };
}
