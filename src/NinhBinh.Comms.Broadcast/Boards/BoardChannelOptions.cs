using System;

namespace NinhBinh.Comms.Broadcast.Boards;

/// <summary>Settings of a <see cref="BoardBulletinChannel"/>.</summary>
public sealed class BoardChannelOptions
{
    /// <summary>The channel's name in dispatch results; <c>boards</c> by default.</summary>
    public string Name { get; set; } = "boards";

    /// <summary>
    /// How long an emergency interrupts the boards before their schedule resumes; 15 minutes by default, never longer
    /// than the bulletin is valid. At most a day.
    /// </summary>
    public TimeSpan EmergencyDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a bulletin stays on screen each time it comes round in the schedule; 20 seconds by default.</summary>
    public TimeSpan SlideDuration { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>How many board targets are sent to at once; 8 by default.</summary>
    public int MaxParallelism { get; set; } = 8;

    /// <summary>The URL of a bulletin's full text, shown as a QR code on the board; none by default.</summary>
    public Func<Bulletin, Uri?>? FullTextUrl { get; set; }

    /// <summary>Checks the settings.</summary>
    /// <exception cref="ArgumentException">A setting is out of range; the message names it and the limit.</exception>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Name))
        {
            throw new ArgumentException("Name: is empty.", nameof(Name));
        }

        if (EmergencyDuration <= TimeSpan.Zero || EmergencyDuration > TimeSpan.FromDays(1))
        {
            throw new ArgumentException($"EmergencyDuration: {EmergencyDuration} is not more than 0 and at most a day.", nameof(EmergencyDuration));
        }

        if (SlideDuration <= TimeSpan.Zero || SlideDuration > BoardContent.MaxDuration)
        {
            throw new ArgumentException($"SlideDuration: {SlideDuration} is not more than 0 and at most {BoardContent.MaxDuration.TotalMinutes:0} minutes.", nameof(SlideDuration));
        }

        if (MaxParallelism is < 1 or > 256)
        {
            throw new ArgumentException($"MaxParallelism: {MaxParallelism} is not between 1 and 256.", nameof(MaxParallelism));
        }
    }
}
