using System;
using System.Collections.Generic;

namespace NinhBinh.Comms.Zalo;

/// <summary>An article as <c>article/getdetail</c> returns it: the listing's fields, its counters and its content.</summary>
public sealed class ZaloArticleDetail : ZaloArticleSummary
{
    internal ZaloArticleDetail(string id, ZaloArticleType type, string title, bool visible, long views, long shares,
        DateTimeOffset? createdAt, DateTimeOffset? updatedAt, string? thumbnailUrl, string? link,
        string? author, string? description, string? coverPhotoUrl, bool commentsEnabled, IReadOnlyList<ZaloArticleBodyItem> body)
        : base(id, type, title, visible, views, shares, createdAt, updatedAt, thumbnailUrl, link)
    {
        Author = author;
        Description = description;
        CoverPhotoUrl = coverPhotoUrl;
        CommentsEnabled = commentsEnabled;
        Body = body;
    }

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
