using System;

namespace NinhBinh.Comms.Broadcast.Radio.Speech;

/// <summary>Settings of <see cref="ZaloAiTextToSpeech"/>.</summary>
public sealed class ZaloAiSpeechOptions
{
    /// <summary>The most characters Zalo AI accepts in <c>input</c>.</summary>
    public const int MaxInputLength = 2000;

    /// <summary>The API's root; <c>https://api.zalo.ai/</c> by default.</summary>
    public Uri BaseUrl { get; set; } = new("https://api.zalo.ai/");

    /// <summary>The API key (header <c>apikey</c>); required. Never logged or put in messages.</summary>
    public string ApiKey { get; set; } = string.Empty;

    /// <summary>The default <c>speaker_id</c>, 1–6 (northern/southern, female/male voices); 1 by default.</summary>
    public int SpeakerId { get; set; } = 1;

    /// <summary>The default <c>speed</c>, 0.8–1.2; 1.0 by default.</summary>
    public double Speed { get; set; } = 1.0;

    /// <summary>The audio format (<c>encode_type</c>); MP3 by default.</summary>
    public ZaloAiAudioEncoding Encoding { get; set; } = ZaloAiAudioEncoding.Mp3;

    /// <summary>
    /// How long a returned URL is assumed to work (Zalo AI's answer does not say; its files are temporary); 10 minutes
    /// by default (1 minute – 1 day). Sets <see cref="SpeechAudio.ExpiresAt"/>, which bounds caching.
    /// </summary>
    public TimeSpan UrlLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Checks the settings.</summary>
    /// <exception cref="ArgumentException">A setting is missing or out of range; the message names it and the range.</exception>
    public void Validate()
    {
        SpeechOptionChecks.BaseUrl(BaseUrl, nameof(BaseUrl));
        SpeechOptionChecks.Secret(ApiKey, nameof(ApiKey));
        SpeechOptionChecks.Range(SpeakerId, 1, 6, nameof(SpeakerId));
        SpeechOptionChecks.Range(Speed, 0.8, 1.2, nameof(Speed));
        if (Encoding is not (ZaloAiAudioEncoding.Wav or ZaloAiAudioEncoding.Mp3 or ZaloAiAudioEncoding.Aac))
        {
            throw new ArgumentException($"Encoding: {(int)Encoding} is not 0 (wav), 1 (mp3) or 2 (aac).", nameof(Encoding));
        }

        SpeechOptionChecks.Range(UrlLifetime, TimeSpan.FromMinutes(1), TimeSpan.FromDays(1), nameof(UrlLifetime));
    }
}
