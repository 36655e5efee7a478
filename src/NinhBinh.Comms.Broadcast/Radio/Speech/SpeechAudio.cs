using System;

namespace NinhBinh.Comms.Broadcast.Radio.Speech;

/// <summary>
/// Synthesized audio: either a URL (often temporary: <see cref="ExpiresAt"/> when known) that a speaker can play
/// directly, or the bytes, which must be hosted somewhere a speaker can reach before they can be played.
/// </summary>
public sealed class SpeechAudio
{
    private SpeechAudio(Uri? url, DateTimeOffset? expiresAt, ReadOnlyMemory<byte> bytes, string mediaType, TimeSpan? duration)
    {
        Url = url;
        ExpiresAt = expiresAt;
        Bytes = bytes;
        MediaType = mediaType;
        Duration = duration;
    }

    /// <summary>The audio's address, or <see langword="null"/> when the audio is <see cref="Bytes"/>.</summary>
    public Uri? Url { get; }

    /// <summary>When <see cref="Url"/> stops working, when known.</summary>
    public DateTimeOffset? ExpiresAt { get; }

    /// <summary>The audio itself; empty when the audio is a <see cref="Url"/>.</summary>
    public ReadOnlyMemory<byte> Bytes { get; }

    /// <summary>Whether the audio is a URL (otherwise bytes).</summary>
    public bool IsUrl => Url is not null;

    /// <summary>The media type, e.g. <c>audio/wav</c> or <c>audio/mpeg</c>.</summary>
    public string MediaType { get; }

    /// <summary>How long the audio plays, when known.</summary>
    public TimeSpan? Duration { get; }

    /// <summary>Audio at a URL.</summary>
    /// <param name="url">An absolute http or https URL.</param>
    /// <param name="mediaType">The media type.</param>
    /// <param name="expiresAt">When the URL stops working, when known.</param>
    /// <param name="duration">How long the audio plays, when known.</param>
    /// <returns>The audio.</returns>
    /// <exception cref="ArgumentException">The URL is not absolute http(s), or the media type is empty.</exception>
    public static SpeechAudio FromUrl(Uri url, string mediaType, DateTimeOffset? expiresAt = null, TimeSpan? duration = null)
    {
        if (url is null)
        {
            throw new ArgumentNullException(nameof(url));
        }

        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException("url: is not an absolute http or https URL.", nameof(url));
        }

        return new SpeechAudio(url, expiresAt, ReadOnlyMemory<byte>.Empty, CheckMediaType(mediaType), duration);
    }

    /// <summary>Audio as bytes.</summary>
    /// <param name="bytes">The audio file; not empty.</param>
    /// <param name="mediaType">The media type.</param>
    /// <param name="duration">How long the audio plays, when known.</param>
    /// <returns>The audio.</returns>
    /// <exception cref="ArgumentException">The bytes or the media type are empty.</exception>
    public static SpeechAudio FromBytes(ReadOnlyMemory<byte> bytes, string mediaType, TimeSpan? duration = null)
    {
        if (bytes.IsEmpty)
        {
            throw new ArgumentException("bytes: is empty.", nameof(bytes));
        }

        return new SpeechAudio(null, null, bytes, CheckMediaType(mediaType), duration);
    }

    private static string CheckMediaType(string mediaType) =>
        string.IsNullOrWhiteSpace(mediaType) ? throw new ArgumentException("mediaType: is empty.", nameof(mediaType)) : mediaType;
}
