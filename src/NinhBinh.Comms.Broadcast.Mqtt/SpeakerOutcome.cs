namespace NinhBinh.Comms.Broadcast.Radio.Mqtt;

/// <summary>What became of a command at one device (the words the CLI prints in brackets).</summary>
public enum SpeakerOutcome
{
    /// <summary>The device acknowledged the command (<c>acked</c>).</summary>
    Acked = 0,

    /// <summary>The device is known to be offline (retained state or last will), so nothing was sent (<c>offline</c>).</summary>
    Offline = 1,

    /// <summary>The device reported that it could not carry the command out (<c>failed</c>).</summary>
    Failed = 2,

    /// <summary>The device did not answer within the timeout (<c>timed-out</c>).</summary>
    TimedOut = 3,
}
