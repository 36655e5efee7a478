namespace NinhBinh.Comms.Broadcast.Radio.Speech;

/// <summary>Viettel AI's <c>tts_return_option</c>: the format of the returned audio bytes.</summary>
public enum ViettelAiAudioFormat
{
    /// <summary>WAV (<c>tts_return_option=2</c>).</summary>
    Wav = 2,

    /// <summary>MP3 (<c>tts_return_option=3</c>).</summary>
    Mp3 = 3,
}
