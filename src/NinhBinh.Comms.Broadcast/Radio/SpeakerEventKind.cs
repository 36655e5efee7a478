namespace NinhBinh.Comms.Broadcast.Radio;

/// <summary>The kinds of event a device publishes (the <c>kind</c> field on the wire in brackets).</summary>
public enum SpeakerEventKind
{
    /// <summary>The device received and accepted a command (<c>ack</c>).</summary>
    Ack = 0,

    /// <summary>Playback of a command started (<c>started</c>).</summary>
    Started = 1,

    /// <summary>Playback of a command finished or was stopped (<c>finished</c>).</summary>
    Finished = 2,

    /// <summary>A command could not be carried out (<c>failed</c>), with a reason.</summary>
    Failed = 3,

    /// <summary>The periodic sign of life (<c>heartbeat</c>), with volume, what plays and signal strength.</summary>
    Heartbeat = 4,

    /// <summary>The device's retained state (<c>state</c>): online or offline (last will), volume, firmware.</summary>
    State = 5,
}
