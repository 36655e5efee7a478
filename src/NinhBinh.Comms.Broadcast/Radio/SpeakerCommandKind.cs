namespace NinhBinh.Comms.Broadcast.Radio;

/// <summary>The kinds of command of the speaker profile (the <c>kind</c> field on the wire in brackets).</summary>
public enum SpeakerCommandKind
{
    /// <summary>Play an audio URL (<c>play</c>): an MP3/AAC/WAV file or an HTTP/M3U/Icecast stream.</summary>
    PlayAudio = 0,

    /// <summary>Speak a text with the device's own text-to-speech (<c>speak</c>).</summary>
    SpeakText = 1,

    /// <summary>Stop what plays (<c>stop</c>), or only the given command.</summary>
    Stop = 2,

    /// <summary>Set the volume (<c>volume</c>), 0 to 100.</summary>
    Volume = 3,

    /// <summary>Replace the device's local broadcast schedule (<c>schedule-sync</c>).</summary>
    ScheduleSync = 4,

    /// <summary>Restart the device (<c>reboot</c>).</summary>
    Reboot = 5,

    /// <summary>Ask for an acknowledgement (<c>ping</c>), to check the device answers.</summary>
    Ping = 6,
}
