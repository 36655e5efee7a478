using System;

namespace NinhBinh.Comms.Broadcast.Boards;

/// <summary>
/// One content item for a board: a text bulletin, an image, a video or a web page, with how long it stays on screen
/// each time and the window in which it may be shown. Create it with <see cref="Text"/>, <see cref="Image"/>,
/// <see cref="Video"/> or <see cref="WebPage"/>.
/// </summary>
public sealed class BoardContent
{
    /// <summary>The longest duration of one showing: one hour.</summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromHours(1);

    private BoardContent(BoardContentKind kind, string name, BoardTextBulletin? text, Uri? uri, TimeSpan? duration)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException("name: is empty.", nameof(name));
        }

        if (name.Length > 100)
        {
            throw new ArgumentException($"name: {name.Length} characters, over the limit of 100.", nameof(name));
        }

        if (duration is { } d && (d <= TimeSpan.Zero || d > MaxDuration))
        {
            throw new ArgumentOutOfRangeException(nameof(duration), d, $"duration: must be more than 0 and at most {MaxDuration.TotalMinutes:0} minutes.");
        }

        if (uri is not null && !(uri.IsAbsoluteUri && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)))
        {
            throw new ArgumentException($"uri: '{uri}' is not an absolute http(s) URL.", nameof(uri));
        }

        Kind = kind;
        Name = name.Trim();
        TextBulletin = text;
        Uri = uri;
        Duration = duration;
    }

    /// <summary>What the item is.</summary>
    public BoardContentKind Kind { get; }

    /// <summary>The item's name as the board system lists it.</summary>
    public string Name { get; }

    /// <summary>The text bulletin, for <see cref="BoardContentKind.TextBulletin"/>; otherwise <see langword="null"/>.</summary>
    public BoardTextBulletin? TextBulletin { get; }

    /// <summary>The media or page URL, for images, videos and web pages; otherwise <see langword="null"/>.</summary>
    public Uri? Uri { get; }

    /// <summary>How long one showing lasts; <see langword="null"/> for a video shown for its own length.</summary>
    public TimeSpan? Duration { get; }

    /// <summary>The start of the window in which the item may be shown, or <see langword="null"/> for now.</summary>
    public DateTimeOffset? ValidFrom { get; private init; }

    /// <summary>The end of the window in which the item may be shown, or <see langword="null"/> for no end.</summary>
    public DateTimeOffset? ValidUntil { get; private init; }

    /// <summary>A text bulletin shown for <paramref name="duration"/> each time.</summary>
    /// <param name="text">The bulletin.</param>
    /// <param name="duration">How long one showing lasts (more than 0, at most an hour).</param>
    /// <param name="name">The item's name; the bulletin's title when omitted (cut to 100 characters).</param>
    /// <returns>The content item.</returns>
    public static BoardContent Text(BoardTextBulletin text, TimeSpan duration, string? name = null)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        return new(BoardContentKind.TextBulletin, name ?? Cut(text.Title), text, null, duration);
    }

    /// <summary>An image at an http(s) URL shown for <paramref name="duration"/> each time.</summary>
    /// <param name="uri">The image URL.</param>
    /// <param name="duration">How long one showing lasts.</param>
    /// <param name="name">The item's name; the URL's last segment when omitted.</param>
    /// <returns>The content item.</returns>
    public static BoardContent Image(Uri uri, TimeSpan duration, string? name = null)
        => new(BoardContentKind.Image, name ?? NameOf(uri), null, Required(uri), duration);

    /// <summary>A video at an http(s) URL, shown for its own length or for <paramref name="duration"/>.</summary>
    /// <param name="uri">The video URL.</param>
    /// <param name="duration">How long one showing lasts, or <see langword="null"/> for the video's own length.</param>
    /// <param name="name">The item's name; the URL's last segment when omitted.</param>
    /// <returns>The content item.</returns>
    public static BoardContent Video(Uri uri, TimeSpan? duration = null, string? name = null)
        => new(BoardContentKind.Video, name ?? NameOf(uri), null, Required(uri), duration);

    /// <summary>A web page at an http(s) URL shown for <paramref name="duration"/> each time.</summary>
    /// <param name="uri">The page URL.</param>
    /// <param name="duration">How long one showing lasts.</param>
    /// <param name="name">The item's name; the URL's host when omitted.</param>
    /// <returns>The content item.</returns>
    public static BoardContent WebPage(Uri uri, TimeSpan duration, string? name = null)
        => new(BoardContentKind.WebPage, name ?? Required(uri).Host, null, uri, duration);

    /// <summary>Returns a copy that may be shown only from <paramref name="from"/> until <paramref name="until"/>.</summary>
    /// <param name="from">The start, or <see langword="null"/> for now.</param>
    /// <param name="until">The end, or <see langword="null"/> for no end.</param>
    /// <returns>The copy.</returns>
    /// <exception cref="ArgumentException"><paramref name="until"/> is not after <paramref name="from"/>.</exception>
    public BoardContent WithValidity(DateTimeOffset? from, DateTimeOffset? until)
    {
        if (from is { } f && until is { } u && u <= f)
        {
            throw new ArgumentException($"until ({u:O}) is not after from ({f:O}).", nameof(until));
        }

        return new BoardContent(Kind, Name, TextBulletin, Uri, Duration) { ValidFrom = from, ValidUntil = until };
    }

    /// <inheritdoc />
    public override string ToString() => $"{Kind} '{Name}'";

    private static Uri Required(Uri uri) => uri ?? throw new ArgumentNullException(nameof(uri));

    private static string NameOf(Uri uri)
    {
        var path = Required(uri).IsAbsoluteUri ? uri.AbsolutePath.TrimEnd('/') : uri.OriginalString;
        var slash = path.LastIndexOf('/');
        var last = slash >= 0 ? path.Substring(slash + 1) : path;
        return Cut(last.Length == 0 ? uri.IsAbsoluteUri ? uri.Host : "media" : Uri.UnescapeDataString(last));
    }

    private static string Cut(string value) => value.Length <= 100 ? value : value.Substring(0, 100);
}
