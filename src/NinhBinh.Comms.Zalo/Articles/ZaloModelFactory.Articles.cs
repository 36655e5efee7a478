using System;
using System.Collections.Generic;
using System.Linq;
using NinhBinh.Comms.Internal;

namespace NinhBinh.Comms.Zalo;

/// <content>The article models.</content>
public static partial class ZaloModelFactory
{
    /// <summary>Builds an article as <c>article/getslice</c> lists it.</summary>
    /// <param name="id">The article id.</param>
    /// <param name="title">The title.</param>
    /// <param name="views">The views.</param>
    /// <param name="shares">The shares.</param>
    /// <param name="type">Normal or video.</param>
    /// <param name="visible">Whether it is shown on the OA.</param>
    /// <param name="createdAt">When it was created.</param>
    /// <param name="updatedAt">When it was last updated.</param>
    /// <param name="thumbnailUrl">The cover or thumbnail.</param>
    /// <param name="link">The public link.</param>
    /// <returns>The article.</returns>
    public static ZaloArticleSummary ZaloArticleSummary(string id, string title, long views = 0, long shares = 0, ZaloArticleType type = ZaloArticleType.Normal,
        bool visible = true, DateTimeOffset? createdAt = null, DateTimeOffset? updatedAt = null, string? thumbnailUrl = null, string? link = null)
        => new(Guard.NotNullOrWhiteSpace(id), type, Guard.NotNull(title), visible, views, shares, createdAt, updatedAt, thumbnailUrl, link);

    /// <summary>Builds an article as <c>article/getdetail</c> returns it.</summary>
    /// <param name="id">The article id.</param>
    /// <param name="title">The title.</param>
    /// <param name="views">The views.</param>
    /// <param name="shares">The shares.</param>
    /// <param name="author">The author.</param>
    /// <param name="description">The description.</param>
    /// <param name="coverPhotoUrl">The cover photo's URL.</param>
    /// <param name="body">The body; empty when <see langword="null"/>.</param>
    /// <param name="type">Normal or video.</param>
    /// <param name="visible">Whether it is shown on the OA.</param>
    /// <param name="commentsEnabled">Whether readers may comment.</param>
    /// <returns>The article.</returns>
    public static ZaloArticleDetail ZaloArticleDetail(string id, string title, long views = 0, long shares = 0, string? author = null, string? description = null,
        string? coverPhotoUrl = null, IEnumerable<ZaloArticleBodyItem>? body = null, ZaloArticleType type = ZaloArticleType.Normal, bool visible = true, bool commentsEnabled = true)
        => new(Guard.NotNullOrWhiteSpace(id), type, Guard.NotNull(title), visible, views, shares, null, null, coverPhotoUrl, null,
            author, description, coverPhotoUrl, commentsEnabled, body?.ToArray() ?? Array.Empty<ZaloArticleBodyItem>());

    /// <summary>Builds one page of <c>article/getslice</c>.</summary>
    /// <param name="articles">The articles on the page; none when <see langword="null"/>.</param>
    /// <param name="total">Articles of the type; <paramref name="offset"/> plus the page's size when <see langword="null"/>.</param>
    /// <param name="offset">The offset of the page.</param>
    /// <returns>The page.</returns>
    public static ZaloArticlePage ZaloArticlePage(IEnumerable<ZaloArticleSummary>? articles = null, int? total = null, int offset = 0)
    {
        var items = articles?.ToArray() ?? Array.Empty<ZaloArticleSummary>();
        return new(total ?? offset + items.Length, offset, items);
    }
}
