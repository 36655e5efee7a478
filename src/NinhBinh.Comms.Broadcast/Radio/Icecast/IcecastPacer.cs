using System;

namespace NinhBinh.Comms.Broadcast.Radio.Icecast;

/// <summary>
/// Keeps a stream at a fixed byte rate: after <c>n</c> bytes since <see cref="Restart"/>, the stream should be
/// <c>n / rate</c> seconds in. A restart (after a reconnect) starts a new baseline.
/// </summary>
internal sealed class IcecastPacer
{
    private readonly long _bytesPerSecond;
    private readonly TimeProvider _time;
    private long _start;
    private long _base;

    public IcecastPacer(long bytesPerSecond, TimeProvider time)
    {
        _bytesPerSecond = bytesPerSecond;
        _time = time;
    }

    /// <summary>The chunk size: a quarter of a second of audio, 256 bytes to 64 KB.</summary>
    public int ChunkSize => (int)Math.Min(64 * 1024, Math.Max(256, _bytesPerSecond / 4));

    public void Restart(long sent)
    {
        _start = _time.GetTimestamp();
        _base = sent;
    }

    /// <summary>How long to wait, after <paramref name="sent"/> bytes in all, before sending more.</summary>
    public TimeSpan WaitAfter(long sent)
    {
        var due = TimeSpan.FromTicks((sent - _base) * TimeSpan.TicksPerSecond / _bytesPerSecond);
        var wait = due - _time.GetElapsedTime(_start);
        return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
    }
}
