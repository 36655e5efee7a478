using System;

namespace NinhBinh.Comms.Broadcast.Boards;

/// <summary>A screenshot of a display.</summary>
public sealed class BoardScreenshot
{
    /// <summary>Creates a screenshot.</summary>
    /// <param name="displayId">The display's id.</param>
    /// <param name="contentType">The image's media type (<c>image/png</c>, <c>image/jpeg</c>).</param>
    /// <param name="image">The image bytes.</param>
    /// <param name="takenAt">When it was taken, or <see langword="null"/> when the system does not say.</param>
    public BoardScreenshot(string displayId, string contentType, ReadOnlyMemory<byte> image, DateTimeOffset? takenAt = null)
    {
        DisplayId = displayId ?? throw new ArgumentNullException(nameof(displayId));
        ContentType = contentType ?? throw new ArgumentNullException(nameof(contentType));
        Image = image;
        TakenAt = takenAt;
    }

    /// <summary>The display's id.</summary>
    public string DisplayId { get; }

    /// <summary>The image's media type.</summary>
    public string ContentType { get; }

    /// <summary>The image bytes.</summary>
    public ReadOnlyMemory<byte> Image { get; }

    /// <summary>When it was taken, or <see langword="null"/>.</summary>
    public DateTimeOffset? TakenAt { get; }
}
