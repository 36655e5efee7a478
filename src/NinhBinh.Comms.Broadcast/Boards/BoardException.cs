using System;

namespace NinhBinh.Comms.Broadcast.Boards;

/// <summary>
/// A board system refused or failed a request: an unknown display group (404), credentials refused (401), a server
/// error (5xx), an answer that is not what the API returns (HTML instead of JSON). The message names the system, the
/// request and what failed; it never contains a token or secret.
/// </summary>
public class BoardException : CommsException
{
    /// <summary>Creates an exception.</summary>
    public BoardException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What failed.</param>
    public BoardException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and its cause.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="innerException">The cause.</param>
    public BoardException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The board system's name, or <see langword="null"/>.</summary>
    public string? System { get; init; }
}
