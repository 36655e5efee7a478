using System;

namespace NinhBinh.Comms.Broadcast.Radio.Speech;

/// <summary>Settings of <see cref="EspeakTextToSpeech"/>.</summary>
public sealed class EspeakSpeechOptions
{
    /// <summary>The program; <c>espeak-ng</c> (looked up on PATH) by default.</summary>
    public string ExecutablePath { get; set; } = "espeak-ng";

    /// <summary>The default voice (<c>-v</c>); <c>vi</c> by default.</summary>
    public string Voice { get; set; } = "vi";

    /// <summary>The default speed in words per minute (<c>-s</c>), 80–450; 160 by default.</summary>
    public int WordsPerMinute { get; set; } = 160;

    /// <summary>The most characters per run; 4,000 by default (100–100,000).</summary>
    public int MaxTextLength { get; set; } = 4000;

    /// <summary>How long one run may take; 60 seconds by default (1 second – 10 minutes).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Checks the settings.</summary>
    /// <exception cref="ArgumentException">A setting is missing or out of range; the message names it and the range.</exception>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(ExecutablePath))
        {
            throw new ArgumentException("ExecutablePath: is empty.", nameof(ExecutablePath));
        }

        EspeakTextToSpeech.CheckVoice(Voice, nameof(Voice));
        SpeechOptionChecks.Range(WordsPerMinute, 80, 450, nameof(WordsPerMinute));
        SpeechOptionChecks.Range(MaxTextLength, 100, 100_000, nameof(MaxTextLength));
        SpeechOptionChecks.Range(Timeout, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10), nameof(Timeout));
    }
}
