namespace NinhBinh.Comms.Broadcast.Radio.PlayLog;

/// <summary>The stages of a command at one device, as the play log records them (the CSV word in brackets).</summary>
public enum RadioPlayStage
{
    /// <summary>The SDK issued the command to the device (<c>issued</c>).</summary>
    Issued = 0,

    /// <summary>The device acknowledged it (<c>acked</c>).</summary>
    Acked = 1,

    /// <summary>The device started playing it (<c>started</c>).</summary>
    Started = 2,

    /// <summary>The device finished playing it, or it was stopped (<c>finished</c>).</summary>
    Finished = 3,

    /// <summary>The device could not carry it out (<c>failed</c>), with a reason.</summary>
    Failed = 4,
}
