using System;
using NinhBinh.Comms.Internal;
using NinhBinh.Comms.Zalo.Internal;

namespace NinhBinh.Comms.Zalo;

/// <summary>The cover of a normal article: a photo by URL or a video uploaded to Zalo. Every article needs one.</summary>
public sealed class ZaloArticleCover
{
    private ZaloArticleCover(string? photoUrl, string? videoId, ZaloArticleCoverView view)
    {
        PhotoUrl = photoUrl;
        VideoId = videoId;
        View = view;
    }

    /// <summary>The photo's URL, percent-encoded (spaces and Vietnamese letters in its path as <c>%XX</c>); null for a video cover.</summary>
    public string? PhotoUrl { get; }

    /// <summary>The video's id; null for a photo cover.</summary>
    public string? VideoId { get; }

    /// <summary>How a video cover is framed.</summary>
    public ZaloArticleCoverView View { get; }

    /// <summary>A photo cover (<c>cover_type: "photo"</c>).</summary>
    /// <param name="photoUrl">An absolute http(s) URL of a JPG or PNG; percent-encoded for you.</param>
    /// <returns>The cover.</returns>
    public static ZaloArticleCover Photo(Uri photoUrl) => new(ZaloMediaUrl.Encode(photoUrl, nameof(photoUrl)), null, ZaloArticleCoverView.Horizontal);

    /// <summary>A video cover (<c>cover_type: "video"</c>) of a video already uploaded to Zalo.</summary>
    /// <param name="videoId">The video's id.</param>
    /// <param name="view">How the video is framed.</param>
    /// <returns>The cover.</returns>
    public static ZaloArticleCover Video(string videoId, ZaloArticleCoverView view = ZaloArticleCoverView.Horizontal)
        => new(null, Guard.NotNullOrWhiteSpace(videoId), view);

    internal ArticleCoverDto ToDto() => PhotoUrl is not null
        ? new ArticleCoverDto { CoverType = "photo", PhotoUrl = PhotoUrl, Status = "show" }
        : new ArticleCoverDto
        {
            CoverType = "video",
            VideoId = VideoId,
            CoverView = View switch { ZaloArticleCoverView.Vertical => "vertical", ZaloArticleCoverView.Square => "square", _ => "horizontal" },
            Status = "show",
        };
}
