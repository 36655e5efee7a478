using System;
using System.Collections.Generic;

namespace NinhBinh.Comms.Zalo;

/// <summary>An article as <c>article/getdetail</c> returns it: its counters and its content.</summary>
public sealed class ZaloArticleDetail
{
    internal ZaloArticleDetail(string id, ZaloArticleType type, string title, bool visible, long views, long shares,
        DateTimeOffset? createdAt, DateTimeOffset? updatedAt, string? thumbnailUrl, string? link,
        string? author, string? description, string? coverPhotoUrl, bool commentsEnabled, IReadOnlyList<ZaloArticleBodyItem> body)
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
        Author = author;
        Description = description;
        CoverPhotoUrl = coverPhotoUrl;
        CommentsEnabled = commentsEnabled;
        Body = body;
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

    /// <summary>The author of a normal article.</summary>
    public string? Author { get; }

    /// <summary>The description.</summary>
    public string? Description { get; }

    /// <summary>The cover photo's URL, when the cover is a photo.</summary>
    public string? CoverPhotoUrl { get; }

    /// <summary>Whether readers may comment.</summary>
    public bool CommentsEnabled { get; }

    /// <summary>The body of a normal article (items of a kind this SDK does not know are left out).</summary>
    public IReadOnlyList<ZaloArticleBodyItem> Body { get; }
}
