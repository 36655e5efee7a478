using System;

namespace NinhBinh.Comms.Broadcast.Radio;

/// <summary>A speaker-profile payload is malformed, oversized or breaks a limit; the message names the field.</summary>
public sealed class SpeakerMessageException : FormatException
{
    /// <summary>Creates the exception with a generic message.</summary>
    public SpeakerMessageException()
        : base("The speaker-profile payload is not valid.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What is wrong.</param>
    public SpeakerMessageException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The cause.</param>
    public SpeakerMessageException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The payload field at fault, or <see langword="null"/> when the payload as a whole is.</summary>
    public string? Field { get; init; }
}
