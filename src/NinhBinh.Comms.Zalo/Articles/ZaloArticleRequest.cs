using System;
using System.Collections.Generic;
using System.Linq;
using NinhBinh.Comms.Internal;
using NinhBinh.Comms.Zalo.Internal;

namespace NinhBinh.Comms.Zalo;

/// <summary>
/// The content of an article to create or update: a normal article (title, author, description, cover, body) or a
/// video article. The factories check Zalo's limits (<see cref="ZaloArticleLimits"/>) and throw
/// <see cref="ArgumentException"/> naming the field and the limit, so nothing invalid is ever sent.
/// </summary>
public sealed class ZaloArticleRequest
{
    private ZaloArticleRequest(ZaloArticleType type, string title, string? author, string description, ZaloArticleCover? cover,
        IReadOnlyList<ZaloArticleBodyItem> body, string? videoId, string? thumbnailUrl, bool visible, bool commentsEnabled)
    {
        Type = type;
        Title = title;
        Author = author;
        Description = description;
        Cover = cover;
        Body = body;
        VideoId = videoId;
        ThumbnailUrl = thumbnailUrl;
        Visible = visible;
        CommentsEnabled = commentsEnabled;
    }

    /// <summary>Normal or video.</summary>
    public ZaloArticleType Type { get; }

    /// <summary>The title (fewer than 150 characters).</summary>
    public string Title { get; }

    /// <summary>The author of a normal article (at most 50 characters); null for a video article.</summary>
    public string? Author { get; }

    /// <summary>The description (at most 300 characters).</summary>
    public string Description { get; }

    /// <summary>The cover of a normal article; null for a video article.</summary>
    public ZaloArticleCover? Cover { get; }

    /// <summary>The body of a normal article, in order; empty for a video article.</summary>
    public IReadOnlyList<ZaloArticleBodyItem> Body { get; }

    /// <summary>The video of a video article.</summary>
    public string? VideoId { get; }

    /// <summary>The percent-encoded thumbnail URL of a video article.</summary>
    public string? ThumbnailUrl { get; }

    /// <summary>Whether the article is shown on the OA (<c>status: show</c>) or kept hidden (<c>hide</c>).</summary>
    public bool Visible { get; }

    /// <summary>Whether readers may comment (<c>comment: show</c>).</summary>
    public bool CommentsEnabled { get; }

    /// <summary>A normal article.</summary>
    /// <param name="title">The title: not empty, fewer than 150 characters.</param>
    /// <param name="author">The author (usually the issuing agency): not empty, at most 50 characters.</param>
    /// <param name="description">The summary shown in lists: not empty, at most 300 characters.</param>
    /// <param name="cover">The cover (required).</param>
    /// <param name="body">The body: at least one item.</param>
    /// <param name="visible">Whether the article is shown on the OA once published.</param>
    /// <param name="commentsEnabled">Whether readers may comment.</param>
    /// <returns>The request.</returns>
    public static ZaloArticleRequest CreateNormal(string title, string author, string description, ZaloArticleCover cover,
        IEnumerable<ZaloArticleBodyItem> body, bool visible = true, bool commentsEnabled = true)
    {
        CheckText(title, nameof(title), ZaloArticleLimits.MaxTitleLength, "shorter than 150 characters");
        CheckText(author, nameof(author), ZaloArticleLimits.MaxAuthorLength, "at most 50 characters");
        CheckText(description, nameof(description), ZaloArticleLimits.MaxDescriptionLength, "at most 300 characters");
        if (cover is null)
        {
            throw new ArgumentNullException(nameof(cover), "cover is required: every article needs a cover photo (ZaloArticleCover.Photo) or video (ZaloArticleCover.Video).");
        }

        Guard.NotNull(body);
        var items = body.ToArray();
        for (var i = 0; i < items.Length; i++)
        {
            if (items[i] is null)
            {
                throw new ArgumentException($"body[{i}] is null.", nameof(body));
            }
        }

        if (items.Length == 0)
        {
            throw new ArgumentException("body must have at least one item (text, image, video or product).", nameof(body));
        }

        return new(ZaloArticleType.Normal, title, author, description, cover, items, null, null, visible, commentsEnabled);
    }

    /// <summary>A video article.</summary>
    /// <param name="title">The title: not empty, fewer than 150 characters.</param>
    /// <param name="description">The description: not empty, at most 300 characters.</param>
    /// <param name="videoId">The id of a video uploaded to Zalo.</param>
    /// <param name="thumbnailUrl">The thumbnail shown in lists (required); percent-encoded for you.</param>
    /// <param name="visible">Whether the article is shown on the OA once published.</param>
    /// <param name="commentsEnabled">Whether readers may comment.</param>
    /// <returns>The request.</returns>
    public static ZaloArticleRequest CreateVideo(string title, string description, string videoId, Uri thumbnailUrl, bool visible = true, bool commentsEnabled = true)
    {
        CheckText(title, nameof(title), ZaloArticleLimits.MaxTitleLength, "shorter than 150 characters");
        CheckText(description, nameof(description), ZaloArticleLimits.MaxDescriptionLength, "at most 300 characters");
        Guard.NotNullOrWhiteSpace(videoId);
        if (thumbnailUrl is null)
        {
            throw new ArgumentNullException(nameof(thumbnailUrl), "thumbnailUrl is required: a video article needs a thumbnail (its cover).");
        }

        var thumbnail = ZaloMediaUrl.Encode(thumbnailUrl, nameof(thumbnailUrl));
        return new(ZaloArticleType.Video, title, null, description, null, Array.Empty<ZaloArticleBodyItem>(), videoId, thumbnail, visible, commentsEnabled);
    }

    /// <summary>
    /// A normal article from a bulletin: its title; its issuing agency as the author; its summary (or, without one, its
    /// body, shortened at a word to 300 characters) as the description; its body's paragraphs (separated by blank
    /// lines) as text items; then its attachments: images as image items, videos as video items, and every other file
    /// (documents, audio) as a text item naming the file with its link, since an article body has no file item.
    /// </summary>
    /// <param name="bulletin">The bulletin.</param>
    /// <param name="cover">The cover photo; the bulletin's first image attachment when <see langword="null"/>.</param>
    /// <returns>The request.</returns>
    /// <exception cref="ArgumentException">
    /// The bulletin has no image and no cover is given, or a value breaks an article limit (title of 150 characters or
    /// more, issuing agency over 50 characters as the author).
    /// </exception>
    public static ZaloArticleRequest FromBulletin(Bulletin bulletin, Uri? cover = null)
    {
        Guard.NotNull(bulletin);
        var coverUrl = cover ?? bulletin.Attachments.FirstOrDefault(a => a.IsImage)?.Uri
            ?? throw new ArgumentException("cover is required: give a cover photo URL or attach an image to the bulletin.", nameof(cover));
        var description = Shorten(bulletin.Summary is { Length: > 0 } summary ? summary : bulletin.Body, ZaloArticleLimits.MaxDescriptionLength);
        var body = new List<ZaloArticleBodyItem>(ZaloArticleBodyItem.CreateParagraphs(bulletin.Body));
        foreach (var attachment in bulletin.Attachments)
        {
            if (attachment.IsImage)
            {
                body.Add(ZaloArticleBodyItem.CreateImage(attachment.Uri));
            }
            else if (attachment.MediaType.StartsWith("video/", StringComparison.OrdinalIgnoreCase))
            {
                body.Add(ZaloArticleBodyItem.CreateVideo(attachment.Uri));
            }
            else
            {
                var name = Uri.UnescapeDataString(System.IO.Path.GetFileName(attachment.Uri.AbsolutePath));
                var link = ZaloMediaUrl.Encode(attachment.Uri, "attachment");
                body.Add(ZaloArticleBodyItem.CreateText(string.IsNullOrEmpty(name) ? "Tệp đính kèm: " + link : $"Tệp đính kèm: {name} — {link}"));
            }
        }

        return CreateNormal(bulletin.Title, bulletin.IssuingAgency, description, ZaloArticleCover.Photo(coverUrl), body);
    }

    internal ArticleRequestDto ToDto(string? articleId = null) => Type == ZaloArticleType.Normal
        ? new ArticleRequestDto
        {
            Id = articleId,
            Type = "normal",
            Title = Title,
            Author = Author,
            Description = Description,
            Cover = Cover!.ToDto(),
            Body = Body.Select(b => b.ToDto()).ToList(),
            Status = Visible ? "show" : "hide",
            Comment = CommentsEnabled ? "show" : "hide",
        }
        : new ArticleRequestDto
        {
            Id = articleId,
            Type = "video",
            Title = Title,
            Description = Description,
            VideoId = VideoId,
            Avatar = ThumbnailUrl,
            Status = Visible ? "show" : "hide",
            Comment = CommentsEnabled ? "show" : "hide",
        };

    /// <summary>The text, or its start cut at a word and ended with an ellipsis so it fits in <paramref name="max"/> characters.</summary>
    private static string Shorten(string text, int max)
    {
        text = text.Trim();
        if (text.Length <= max)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', max - 1);
        return text.Substring(0, cut > max / 2 ? cut : max - 1).TrimEnd() + "…";
    }

    private static void CheckText(string value, string name, int max, string limit)
    {
        if (value is null)
        {
            throw new ArgumentNullException(name, $"{name} is required.");
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"{name} must not be empty.", name);
        }

        if (value.Length > max)
        {
            throw new ArgumentException($"{name} is {value.Length} characters long; it must be {limit}.", name);
        }
    }
}
