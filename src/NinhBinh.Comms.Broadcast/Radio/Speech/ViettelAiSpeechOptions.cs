using System;

namespace NinhBinh.Comms.Broadcast.Radio.Speech;

/// <summary>Settings of <see cref="ViettelAiTextToSpeech"/>.</summary>
public sealed class ViettelAiSpeechOptions
{
    /// <summary>The most characters sent in one request (Viettel AI's public page does not state one; 2,000 is assumed).</summary>
    public const int MaxInputLength = 2000;

    /// <summary>The API's root; <c>https://viettelai.vn/</c> by default.</summary>
    public Uri BaseUrl { get; set; } = new("https://viettelai.vn/");

    /// <summary>The token (JSON field <c>token</c>); required. Never logged or put in messages.</summary>
    public string Token { get; set; } = string.Empty;

    /// <summary>The default voice: <c>hn-quynhanh</c>, <c>hn-thanhtung</c>, <c>hcm-diemmy</c>, <c>hue-baoquoc</c>…; <c>hn-quynhanh</c> by default.</summary>
    public string Voice { get; set; } = "hn-quynhanh";

    /// <summary>The default speed, 0.7–1.3; 1.0 by default.</summary>
    public double Speed { get; set; } = 1.0;

    /// <summary>The audio format (<c>tts_return_option</c>); WAV by default.</summary>
    public ViettelAiAudioFormat Format { get; set; } = ViettelAiAudioFormat.Wav;

    /// <summary>Checks the settings.</summary>
    /// <exception cref="ArgumentException">A setting is missing or out of range; the message names it and the range.</exception>
    public void Validate()
    {
        SpeechOptionChecks.BaseUrl(BaseUrl, nameof(BaseUrl));
        SpeechOptionChecks.Secret(Token, nameof(Token));
        if (string.IsNullOrWhiteSpace(Voice))
        {
            throw new ArgumentException("Voice: is empty (e.g. hn-quynhanh).", nameof(Voice));
        }

        SpeechOptionChecks.Range(Speed, 0.7, 1.3, nameof(Speed));
        if (Format is not (ViettelAiAudioFormat.Wav or ViettelAiAudioFormat.Mp3))
        {
            throw new ArgumentException($"Format: {(int)Format} is not 2 (wav) or 3 (mp3).", nameof(Format));
        }
    }
}
