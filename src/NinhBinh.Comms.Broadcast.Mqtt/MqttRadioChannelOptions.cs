using System;
using NinhBinh.Comms.Broadcast.Radio.Speech;

namespace NinhBinh.Comms.Broadcast.Radio.Mqtt;

/// <summary>Settings of a <see cref="MqttRadioChannel"/>.</summary>
public sealed class MqttRadioChannelOptions
{
    /// <summary>The channel's name in dispatch results; <c>radio</c> by default.</summary>
    public string Name { get; set; } = "radio";

    /// <summary>How long to wait for the speakers' acknowledgements; 10 seconds by default, at most 5 minutes.</summary>
    public TimeSpan AckTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The text the speakers read for a bulletin without an audio attachment; by default the title, then the summary
    /// (or the body), cut at the last sentence end within <see cref="SpeakerProfile.MaxTextLength"/> characters.
    /// </summary>
    public Func<Bulletin, string>? SpeechText { get; set; }

    /// <summary>
    /// Whether an audio attachment's URL is checked before anything is sent (it must answer as audio, an Icecast
    /// mount or an M3U playlist, which is resolved to its first entry); <see langword="true"/> by default. A URL that
    /// is not audio makes the outcome <c>Rejected</c> with <c>INVALID_AUDIO</c>, and no speaker gets a command.
    /// </summary>
    public bool CheckAudioUrls { get; set; } = true;

    /// <summary>
    /// Text-to-speech for bulletins without an audio attachment: when set, the speech text is synthesized (Zalo AI,
    /// FPT.AI, Viettel AI, …) and the speakers get one play command per audio part, in order; when not set — or when
    /// the provider fails or returns bytes that are not hosted anywhere — they get a speak command with the text and
    /// speak it themselves, so an emergency is never dropped for want of audio. <see langword="null"/> by default.
    /// </summary>
    public SpeechSynthesizer? Speech { get; set; }

    /// <summary>Checks the settings.</summary>
    /// <exception cref="ArgumentException">A setting is out of range; the message names it and the limit.</exception>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Name))
        {
            throw new ArgumentException("Name: is empty.", nameof(Name));
        }

        if (AckTimeout <= TimeSpan.Zero || AckTimeout > TimeSpan.FromMinutes(5))
        {
            throw new ArgumentException($"AckTimeout: {AckTimeout} is not more than 0 and at most 5 minutes.", nameof(AckTimeout));
        }
    }
}
