using System;

namespace NinhBinh.Comms.Zalo;

/// <summary>An article as <c>article/getslice</c> lists it, with its view and share counters.</summary>
public sealed class ZaloArticleSummary
{
    internal ZaloArticleSummary(string id, ZaloArticleType type, string title, bool visible, long views, long shares,
        DateTimeOffset? createdAt, DateTimeOffset? updatedAt, string? thumbnailUrl, string? link)
    {
        Id = id;
        Type = type;
        Title = title;
        Visible = visible;
        Views = views;
        Shares = shares;
        CreatedAt = createdAt;
        UpdatedAt = updatedAt;
        ThumbnailUrl = thumbnailUrl;
        Link = link;
    }

    /// <summary>The article id.</summary>
    public string Id { get; }

    /// <summary>Normal or video.</summary>
    public ZaloArticleType Type { get; }

    /// <summary>The title.</summary>
    public string Title { get; }

    /// <summary>Whether the article is shown on the OA.</summary>
    public bool Visible { get; }

    /// <summary>How many times the article was viewed (<c>total_view</c>).</summary>
    public long Views { get; }

    /// <summary>How many times the article was shared (<c>total_share</c>).</summary>
    public long Shares { get; }

    /// <summary>When the article was created, if Zalo said.</summary>
    public DateTimeOffset? CreatedAt { get; }

    /// <summary>When the article was last updated, if Zalo said.</summary>
    public DateTimeOffset? UpdatedAt { get; }

    /// <summary>The cover or thumbnail shown in lists, if any.</summary>
    public string? ThumbnailUrl { get; }

    /// <summary>The article's public link, if any.</summary>
    public string? Link { get; }
}
