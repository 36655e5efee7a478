using System;

namespace NinhBinh.Comms.Broadcast.Radio.Icecast;

/// <summary>
/// A URL given as a play source is not playable audio: the server answered with something else (an HTML page, JSON),
/// refused it (404: for an Icecast mount, no source is streaming), a playlist had no entry, or it could not be reached.
/// The message names the URL (without user information or query) and what was found.
/// </summary>
public class PlaySourceException : CommsException
{
    /// <summary>Creates an exception.</summary>
    public PlaySourceException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What is wrong.</param>
    public PlaySourceException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and its cause.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The cause.</param>
    public PlaySourceException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The URL that is not playable, or <see langword="null"/>.</summary>
    public Uri? Url { get; init; }

    /// <summary>The content type the server gave, or <see langword="null"/>.</summary>
    public string? ContentType { get; init; }
}
