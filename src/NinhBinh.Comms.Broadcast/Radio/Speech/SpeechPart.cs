namespace NinhBinh.Comms.Broadcast.Radio.Speech;

/// <summary>One chunk of a synthesized text and its audio.</summary>
public sealed class SpeechPart
{
    /// <summary>Creates a part.</summary>
    /// <param name="text">The text sent to the provider (pause markup included).</param>
    /// <param name="audio">Its audio.</param>
    /// <param name="fromCache">Whether the audio came from the cache (no request was made).</param>
    public SpeechPart(string text, SpeechAudio audio, bool fromCache)
    {
        Text = text;
        Audio = audio;
        FromCache = fromCache;
    }

    /// <summary>The text sent to the provider (pause markup included).</summary>
    public string Text { get; }

    /// <summary>The audio.</summary>
    public SpeechAudio Audio { get; }

    /// <summary>Whether the audio came from the cache (no request was made).</summary>
    public bool FromCache { get; }
}
