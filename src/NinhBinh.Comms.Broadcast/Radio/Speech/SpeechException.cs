using System;

namespace NinhBinh.Comms.Broadcast.Radio.Speech;

/// <summary>
/// A text-to-speech provider refused or failed a request: its own error code and message
/// (<see cref="CommsException.ErrorCode"/>, <see cref="ProviderMessage"/>), an HTTP status
/// (<see cref="CommsException.Status"/>), a timeout, or a missing program (espeak-ng). The message names the provider;
/// it never contains an API key or token. <see cref="CommsException.IsTransient"/> is true for 5xx, 429 and timeouts.
/// </summary>
public class SpeechException : CommsException
{
    /// <summary>Creates an exception.</summary>
    public SpeechException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What failed.</param>
    public SpeechException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and its cause.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="innerException">The cause.</param>
    public SpeechException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The provider's name (<see cref="ITextToSpeech.Name"/>), or <see langword="null"/>.</summary>
    public string? Provider { get; init; }

    /// <summary>The provider's own error message, or <see langword="null"/>.</summary>
    public string? ProviderMessage { get; init; }
}
