using System;
using NinhBinh.Comms.Internal;

namespace NinhBinh.Comms;

/// <summary>A file that goes with a bulletin: an audio recording for speakers, an image for boards, a document.</summary>
public sealed class BulletinAttachment
{
    /// <summary>Describes an attachment. Values are checked when the bulletin is built.</summary>
    /// <param name="uri">Where the file can be fetched (absolute http or https URI).</param>
    /// <param name="mediaType">The MIME type, for example <c>audio/mpeg</c> or <c>image/png</c>.</param>
    /// <param name="sizeBytes">The size in bytes; greater than zero.</param>
    /// <param name="duration">The play time of audio or video, if known.</param>
    public BulletinAttachment(Uri uri, string mediaType, long sizeBytes, TimeSpan? duration = null)
    {
        Uri = Guard.NotNull(uri);
        MediaType = Guard.NotNull(mediaType);
        SizeBytes = sizeBytes;
        Duration = duration;
    }

    /// <summary>Where the file can be fetched.</summary>
    public Uri Uri { get; }

    /// <summary>The MIME type, for example <c>audio/mpeg</c>.</summary>
    public string MediaType { get; }

    /// <summary>The size in bytes.</summary>
    public long SizeBytes { get; }

    /// <summary>The play time of audio or video, if known.</summary>
    public TimeSpan? Duration { get; }

    /// <summary>Whether the attachment is audio (its media type starts with <c>audio/</c>).</summary>
    public bool IsAudio => MediaType.StartsWith("audio/", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether the attachment is an image (its media type starts with <c>image/</c>).</summary>
    public bool IsImage => MediaType.StartsWith("image/", StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override string ToString() => $"{MediaType} {SizeBytes} B {Uri}";
}
