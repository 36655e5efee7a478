using System;

namespace NinhBinh.Comms;

/// <summary>Settings of a <see cref="BulletinDispatcher"/>.</summary>
public sealed class BulletinDispatcherOptions
{
    /// <summary>The largest allowed <see cref="MaxDegreeOfParallelism"/>: 1,024.</summary>
    public const int MaxParallelismLimit = 1_024;

    /// <summary>How many channels are delivered to at the same time; 1–1,024, default 16.</summary>
    public int MaxDegreeOfParallelism { get; set; } = 16;

    /// <summary>
    /// How long one channel may take before its outcome is a transient failure; default 30 seconds, at most one hour.
    /// For a <see cref="IFanOutChannel"/> it is the longest silence instead: the timeout starts again with each
    /// progress report, and <see cref="MaxFanOutDuration"/> bounds the whole fan-out.
    /// </summary>
    public TimeSpan ChannelTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a <see cref="IFanOutChannel"/> that keeps reporting progress may run in all; default 1 hour, at most
    /// 24 hours. (Zalo allows about 4,000 requests a minute per app: 100,000 followers take about 25 minutes.)
    /// </summary>
    public TimeSpan MaxFanOutDuration { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Whether <see cref="BulletinPriority.Emergency"/> bulletins go to every channel at once, ignoring
    /// <see cref="MaxDegreeOfParallelism"/>; default <see langword="true"/> (emergencies pre-empt everything).
    /// </summary>
    public bool EmergencyIgnoresParallelismLimit { get; set; } = true;

    /// <summary>Checks the settings.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range; the message names it and the limit.</exception>
    public void Validate()
    {
        if (MaxDegreeOfParallelism < 1 || MaxDegreeOfParallelism > MaxParallelismLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxDegreeOfParallelism), MaxDegreeOfParallelism,
                $"{nameof(MaxDegreeOfParallelism)} must be between 1 and {MaxParallelismLimit}.");
        }

        if (ChannelTimeout <= TimeSpan.Zero || ChannelTimeout > TimeSpan.FromHours(1))
        {
            throw new ArgumentOutOfRangeException(nameof(ChannelTimeout), ChannelTimeout,
                $"{nameof(ChannelTimeout)} must be greater than zero and at most one hour.");
        }

        if (MaxFanOutDuration <= TimeSpan.Zero || MaxFanOutDuration > TimeSpan.FromHours(24))
        {
            throw new ArgumentOutOfRangeException(nameof(MaxFanOutDuration), MaxFanOutDuration,
                $"{nameof(MaxFanOutDuration)} must be greater than zero and at most 24 hours.");
        }
    }
}
