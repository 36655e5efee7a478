using System;
using System.Collections.Generic;
using NinhBinh.Comms.Internal;
using NinhBinh.Comms.Zalo.Internal;

namespace NinhBinh.Comms.Zalo;

/// <summary>
/// One item of a normal article's body: text, an image, a video or a product. Every factory checks its values and
/// throws <see cref="ArgumentException"/> naming the field, so nothing invalid is sent; media URLs are percent-encoded.
/// </summary>
public sealed class ZaloArticleBodyItem
{
    private ZaloArticleBodyItem(ZaloArticleBodyItemKind kind, string? text = null, string? url = null, string? caption = null, string? videoId = null, string? thumbnailUrl = null, string? productId = null)
    {
        Kind = kind;
        Text = text;
        Url = url;
        Caption = caption;
        VideoId = videoId;
        ThumbnailUrl = thumbnailUrl;
        ProductId = productId;
    }

    /// <summary>What the item is.</summary>
    public ZaloArticleBodyItemKind Kind { get; }

    /// <summary>The paragraph of a text item.</summary>
    public string? Text { get; }

    /// <summary>The percent-encoded URL of an image, or of a video given by URL.</summary>
    public string? Url { get; }

    /// <summary>The caption of an image, if any.</summary>
    public string? Caption { get; }

    /// <summary>The Zalo id of a video given by id.</summary>
    public string? VideoId { get; }

    /// <summary>The percent-encoded thumbnail URL of a video, if any.</summary>
    public string? ThumbnailUrl { get; }

    /// <summary>The id of a product.</summary>
    public string? ProductId { get; }

    /// <summary>A paragraph of text.</summary>
    /// <param name="text">The paragraph; not empty.</param>
    /// <returns>The item.</returns>
    public static ZaloArticleBodyItem CreateText(string text)
    {
        Guard.NotNull(text);
        return string.IsNullOrWhiteSpace(text)
            ? throw new ArgumentException("text must not be empty: a text item of an article body needs content.", nameof(text))
            : new(ZaloArticleBodyItemKind.Text, text: text);
    }

    /// <summary>An image by URL.</summary>
    /// <param name="imageUrl">An absolute http(s) URL; percent-encoded for you.</param>
    /// <param name="caption">An optional caption.</param>
    /// <returns>The item.</returns>
    public static ZaloArticleBodyItem CreateImage(Uri imageUrl, string? caption = null)
        => new(ZaloArticleBodyItemKind.Image, url: ZaloMediaUrl.Encode(imageUrl, nameof(imageUrl)), caption: Empty(caption));

    /// <summary>A video by URL.</summary>
    /// <param name="videoUrl">An absolute http(s) URL; percent-encoded for you.</param>
    /// <param name="thumbnailUrl">An optional thumbnail URL; percent-encoded for you.</param>
    /// <returns>The item.</returns>
    public static ZaloArticleBodyItem CreateVideo(Uri videoUrl, Uri? thumbnailUrl = null)
        => new(ZaloArticleBodyItemKind.Video, url: ZaloMediaUrl.Encode(videoUrl, nameof(videoUrl)),
            thumbnailUrl: thumbnailUrl is null ? null : ZaloMediaUrl.Encode(thumbnailUrl, nameof(thumbnailUrl)));

    /// <summary>A video already uploaded to Zalo, by its id.</summary>
    /// <param name="videoId">The video's id.</param>
    /// <param name="thumbnailUrl">An optional thumbnail URL; percent-encoded for you.</param>
    /// <returns>The item.</returns>
    public static ZaloArticleBodyItem CreateVideo(string videoId, Uri? thumbnailUrl = null)
        => new(ZaloArticleBodyItemKind.Video, videoId: Guard.NotNullOrWhiteSpace(videoId),
            thumbnailUrl: thumbnailUrl is null ? null : ZaloMediaUrl.Encode(thumbnailUrl, nameof(thumbnailUrl)));

    /// <summary>A product of the OA's shop.</summary>
    /// <param name="productId">The product's id.</param>
    /// <returns>The item.</returns>
    public static ZaloArticleBodyItem CreateProduct(string productId)
        => new(ZaloArticleBodyItemKind.Product, productId: Guard.NotNullOrWhiteSpace(productId));

    /// <summary>
    /// Text items from plain text: paragraphs are separated by blank lines (lines that are empty or only spaces); the
    /// lines within a paragraph stay together, joined by a line break; leading and trailing spaces of a paragraph are
    /// dropped. This is how <c>nbcomms zalo article publish --body-file</c> reads its file.
    /// </summary>
    /// <param name="text">The text (<c>\r\n</c> or <c>\n</c> line breaks).</param>
    /// <returns>One text item per paragraph; empty when the text has none.</returns>
    public static IReadOnlyList<ZaloArticleBodyItem> CreateParagraphs(string text)
    {
        Guard.NotNull(text);
        var items = new List<ZaloArticleBodyItem>();
        var paragraph = new List<string>();
        foreach (var line in text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n'))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                Flush();
            }
            else
            {
                paragraph.Add(line.TrimEnd());
            }
        }

        Flush();
        return items;

        void Flush()
        {
            if (paragraph.Count > 0)
            {
                items.Add(CreateText(string.Join("\n", paragraph).Trim()));
                paragraph.Clear();
            }
        }
    }

    internal ArticleBodyItemDto ToDto() => Kind switch
    {
        ZaloArticleBodyItemKind.Text => new ArticleBodyItemDto { Type = "text", Content = Text },
        ZaloArticleBodyItemKind.Image => new ArticleBodyItemDto { Type = "image", Url = Url, Caption = Caption },
        ZaloArticleBodyItemKind.Video => new ArticleBodyItemDto { Type = "video", Url = Url, VideoId = VideoId, Thumb = ThumbnailUrl },
        _ => new ArticleBodyItemDto { Type = "product", Id = ProductId },
    };

    /// <summary>An item as Zalo returned it (no checks: Zalo had accepted it); null for a kind this SDK does not know.</summary>
    internal static ZaloArticleBodyItem? FromDto(ArticleBodyItemDto dto) => dto.Type switch
    {
        "text" => new(ZaloArticleBodyItemKind.Text, text: dto.Content ?? string.Empty),
        "image" => new(ZaloArticleBodyItemKind.Image, url: dto.Url, caption: dto.Caption),
        "video" => new(ZaloArticleBodyItemKind.Video, url: dto.Url, videoId: dto.VideoId, thumbnailUrl: dto.Thumb),
        "product" => new(ZaloArticleBodyItemKind.Product, productId: dto.Id),
        _ => null,
    };

    private static string? Empty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
