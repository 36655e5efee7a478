namespace NinhBinh.Comms.Broadcast.Radio.Speech;

/// <summary>Zalo AI's <c>encode_type</c>: the audio format of the returned file.</summary>
public enum ZaloAiAudioEncoding
{
    /// <summary>WAV (<c>encode_type=0</c>).</summary>
    Wav = 0,

    /// <summary>MP3 (<c>encode_type=1</c>).</summary>
    Mp3 = 1,

    /// <summary>AAC (<c>encode_type=2</c>).</summary>
    Aac = 2,
}
