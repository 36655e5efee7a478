namespace NinhBinh.Comms.Broadcast.Radio.Icecast;

/// <summary>The result of a completed stream.</summary>
public sealed class IcecastStreamResult
{
    /// <summary>Creates a result.</summary>
    /// <param name="bytesSent">Bytes sent.</param>
    /// <param name="reconnects">Successful reconnects.</param>
    public IcecastStreamResult(long bytesSent, int reconnects)
    {
        BytesSent = bytesSent;
        Reconnects = reconnects;
    }

    /// <summary>Bytes sent (the whole source).</summary>
    public long BytesSent { get; }

    /// <summary>How many times the connection dropped and was made again.</summary>
    public int Reconnects { get; }
}
