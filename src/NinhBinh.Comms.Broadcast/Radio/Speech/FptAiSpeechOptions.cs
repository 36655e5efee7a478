using System;

namespace NinhBinh.Comms.Broadcast.Radio.Speech;

/// <summary>Settings of <see cref="FptAiTextToSpeech"/>.</summary>
public sealed class FptAiSpeechOptions
{
    /// <summary>The most characters FPT.AI accepts in one request (its v5 documentation: 3 to 5,000).</summary>
    public const int MaxInputLength = 5000;

    /// <summary>The fewest characters FPT.AI accepts in one request.</summary>
    public const int MinInputLength = 3;

    /// <summary>The API's root; <c>https://api.fpt.ai/</c> by default.</summary>
    public Uri BaseUrl { get; set; } = new("https://api.fpt.ai/");

    /// <summary>The API key (header <c>api-key</c>); required. Never logged or put in messages.</summary>
    public string ApiKey { get; set; } = string.Empty;

    /// <summary>The default voice (header <c>voice</c>): <c>banmai</c>, <c>leminh</c>, <c>thuminh</c>, <c>giahuy</c>, <c>myan</c>, <c>lannhi</c>, <c>linhsan</c>, <c>minhquang</c>…; <c>banmai</c> by default.</summary>
    public string Voice { get; set; } = "banmai";

    /// <summary>The default speed (header <c>speed</c>), −3 (slowest) to 3; 0 by default.</summary>
    public int Speed { get; set; }

    /// <summary>The wait before the first look at the <c>async</c> URL, grown by half before each further look up to 5 seconds; 1 second by default (0–10 seconds).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long to wait for the <c>async</c> URL to answer 200 with audio; 60 seconds by default (1 second – 10 minutes).</summary>
    public TimeSpan PollTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long a returned URL is assumed to work (FPT.AI does not say in the answer); 1 hour by default (1 minute – 3 days).</summary>
    public TimeSpan UrlLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Checks the settings.</summary>
    /// <exception cref="ArgumentException">A setting is missing or out of range; the message names it and the range.</exception>
    public void Validate()
    {
        SpeechOptionChecks.BaseUrl(BaseUrl, nameof(BaseUrl));
        SpeechOptionChecks.Secret(ApiKey, nameof(ApiKey));
        FptAiTextToSpeech.CheckVoice(Voice, nameof(Voice));
        SpeechOptionChecks.Range(Speed, -3, 3, nameof(Speed));
        SpeechOptionChecks.Range(PollInterval, TimeSpan.Zero, TimeSpan.FromSeconds(10), nameof(PollInterval));
        SpeechOptionChecks.Range(PollTimeout, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10), nameof(PollTimeout));
        SpeechOptionChecks.Range(UrlLifetime, TimeSpan.FromMinutes(1), TimeSpan.FromDays(3), nameof(UrlLifetime));
    }
}
