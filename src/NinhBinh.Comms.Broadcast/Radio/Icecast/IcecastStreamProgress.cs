using System;

namespace NinhBinh.Comms.Broadcast.Radio.Icecast;

/// <summary>A progress report of <see cref="IcecastSourceClient"/>: connected, bytes sent, reconnecting, reconnected, completed.</summary>
public sealed class IcecastStreamProgress
{
    /// <summary>Creates a report.</summary>
    /// <param name="event">What happened.</param>
    /// <param name="bytesSent">Bytes sent so far.</param>
    /// <param name="reconnects">Successful reconnects so far.</param>
    /// <param name="attempt">The reconnect attempt (1-based) for <see cref="IcecastStreamEvent.Reconnecting"/>, else 0.</param>
    /// <param name="delay">The wait before that attempt, else <see cref="TimeSpan.Zero"/>.</param>
    /// <param name="reason">Why the connection dropped or the last attempt failed, for <see cref="IcecastStreamEvent.Reconnecting"/>.</param>
    public IcecastStreamProgress(IcecastStreamEvent @event, long bytesSent, int reconnects, int attempt = 0, TimeSpan delay = default, string? reason = null)
    {
        Event = @event;
        BytesSent = bytesSent;
        Reconnects = reconnects;
        Attempt = attempt;
        Delay = delay;
        Reason = reason;
    }

    /// <summary>What happened.</summary>
    public IcecastStreamEvent Event { get; }

    /// <summary>Bytes sent so far (for a file: the offset the stream continues from after a reconnect).</summary>
    public long BytesSent { get; }

    /// <summary>Successful reconnects so far.</summary>
    public int Reconnects { get; }

    /// <summary>The reconnect attempt (1-based) of a <see cref="IcecastStreamEvent.Reconnecting"/> report, else 0.</summary>
    public int Attempt { get; }

    /// <summary>The wait before that attempt.</summary>
    public TimeSpan Delay { get; }

    /// <summary>Why the connection dropped or the last attempt failed (never the password), or <see langword="null"/>.</summary>
    public string? Reason { get; }
}
