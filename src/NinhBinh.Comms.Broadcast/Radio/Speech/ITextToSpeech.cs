using System;
using System.Threading;
using System.Threading.Tasks;

namespace NinhBinh.Comms.Broadcast.Radio.Speech;

/// <summary>
/// A text-to-speech provider: turns one piece of text, no longer than <see cref="MaxTextLength"/>, into audio.
/// Users normally call a <see cref="SpeechSynthesizer"/>, which splits long texts, retries and caches.
/// </summary>
public interface ITextToSpeech
{
    /// <summary>The provider's name, e.g. <c>zalo-ai</c>; part of the cache key.</summary>
    string Name { get; }

    /// <summary>The longest text, in UTF-16 characters after NFC normalisation, that one request may carry.</summary>
    int MaxTextLength { get; }

    /// <summary>
    /// The provider's markup for a pause of <paramref name="pause"/> inside a text (Zalo AI: <c>&lt;&lt;&lt;sil#500&gt;&gt;&gt;</c>),
    /// or <see langword="null"/> when the provider has none.
    /// </summary>
    /// <param name="pause">How long the silence lasts.</param>
    /// <returns>The markup, or <see langword="null"/>.</returns>
    string? PauseMarkup(TimeSpan pause);

    /// <summary>Synthesizes one text.</summary>
    /// <param name="text">The text; at most <see cref="MaxTextLength"/> characters.</param>
    /// <param name="options">Voice and speed for this request; the provider's configured defaults when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The audio: a (temporary) URL or the bytes.</returns>
    /// <exception cref="ArgumentException">The text is empty or too long, or an option is out of range.</exception>
    /// <exception cref="SpeechException">The provider refused or failed; <see cref="CommsException.IsTransient"/> says whether to retry.</exception>
    Task<SpeechAudio> SynthesizeAsync(string text, SpeechRequestOptions? options, CancellationToken cancellationToken);
}
