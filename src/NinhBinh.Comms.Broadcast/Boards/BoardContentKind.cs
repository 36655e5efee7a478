namespace NinhBinh.Comms.Broadcast.Boards;

/// <summary>What a board content item is.</summary>
public enum BoardContentKind
{
    /// <summary>A text bulletin (title, body, issuing agency, time, optional QR code), rendered by <see cref="BoardRenderer"/>.</summary>
    TextBulletin,

    /// <summary>An image at a URL (PNG, JPEG, …).</summary>
    Image,

    /// <summary>A video at a URL; shown for its own length unless a duration is given.</summary>
    Video,

    /// <summary>A web page at an http(s) URL.</summary>
    WebPage,
}
