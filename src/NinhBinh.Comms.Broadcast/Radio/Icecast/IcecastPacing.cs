using System;

namespace NinhBinh.Comms.Broadcast.Radio.Icecast;

/// <summary>
/// How <see cref="IcecastSourceClient.StreamFileAsync"/> paces a file so listeners are not flooded: at the bitrate of
/// the first MPEG audio frame (<see cref="Auto"/>), at a given rate (<see cref="FromBytesPerSecond"/>) or not at all
/// (<see cref="None"/>, for tests and for servers that pace themselves).
/// </summary>
public sealed class IcecastPacing
{
    private IcecastPacing(long bytesPerSecond) => BytesPerSecond = bytesPerSecond;

    /// <summary>Paced at the bitrate in the first MPEG audio (MP3) frame header of the file; other files need <see cref="FromBytesPerSecond"/>.</summary>
    public static IcecastPacing Auto { get; } = new(-1);

    /// <summary>Not paced: the file is sent as fast as the connection takes it.</summary>
    public static IcecastPacing None { get; } = new(0);

    /// <summary>The rate in bytes per second; 0 for <see cref="None"/>, -1 for <see cref="Auto"/>.</summary>
    public long BytesPerSecond { get; }

    /// <summary>Paced at a fixed rate.</summary>
    /// <param name="bytesPerSecond">Bytes per second, 1 to 10,000,000 (a 128 kbit/s MP3 is 16,000).</param>
    /// <returns>The pacing.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The rate is out of range.</exception>
    public static IcecastPacing FromBytesPerSecond(long bytesPerSecond)
    {
        if (bytesPerSecond is < 1 or > 10_000_000)
        {
            throw new ArgumentOutOfRangeException(nameof(bytesPerSecond), bytesPerSecond, "The pacing rate must be 1 to 10,000,000 bytes per second.");
        }

        return new IcecastPacing(bytesPerSecond);
    }

    /// <inheritdoc />
    public override string ToString() => BytesPerSecond switch
    {
        -1 => "auto",
        0 => "none",
        _ => BytesPerSecond.ToString(System.Globalization.CultureInfo.InvariantCulture) + " B/s",
    };
}
