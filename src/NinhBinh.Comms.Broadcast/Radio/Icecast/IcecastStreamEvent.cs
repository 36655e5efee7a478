namespace NinhBinh.Comms.Broadcast.Radio.Icecast;

/// <summary>What an <see cref="IcecastStreamProgress"/> report is about.</summary>
public enum IcecastStreamEvent
{
    /// <summary>The server accepted the source; streaming starts.</summary>
    Connected,

    /// <summary>Bytes were sent.</summary>
    Sent,

    /// <summary>The connection dropped; a reconnect attempt follows after <see cref="IcecastStreamProgress.Delay"/>.</summary>
    Reconnecting,

    /// <summary>The server accepted the source again; streaming continues with the next unsent byte.</summary>
    Reconnected,

    /// <summary>The source ended and every byte was sent.</summary>
    Completed,
}
