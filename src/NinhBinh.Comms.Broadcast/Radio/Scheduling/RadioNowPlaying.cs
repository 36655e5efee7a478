using System;
using NinhBinh.Comms.Internal;

namespace NinhBinh.Comms.Broadcast.Radio.Scheduling;

/// <summary>What a station plays now: the item, when this stretch of it started, and how much of it had played before (a resumed item).</summary>
public sealed class RadioNowPlaying
{
    /// <summary>Creates the state.</summary>
    /// <param name="item">The item.</param>
    /// <param name="startedAt">When this stretch started (the start, or the resume).</param>
    /// <param name="alreadyPlayed">How much had played before <paramref name="startedAt"/> (zero unless resumed; less than the duration).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="alreadyPlayed"/> is negative or not less than the item's duration.</exception>
    public RadioNowPlaying(RadioPlayItem item, DateTimeOffset startedAt, TimeSpan alreadyPlayed = default)
    {
        Item = Guard.NotNull(item);
        if (alreadyPlayed < TimeSpan.Zero || alreadyPlayed >= item.Duration)
        {
            throw new ArgumentOutOfRangeException(nameof(alreadyPlayed), alreadyPlayed, "The alreadyPlayed must be at least 0 and less than the item's duration.");
        }

        StartedAt = startedAt;
        AlreadyPlayed = alreadyPlayed;
    }

    /// <summary>The item.</summary>
    public RadioPlayItem Item { get; }

    /// <summary>When this stretch started.</summary>
    public DateTimeOffset StartedAt { get; }

    /// <summary>How much had played before <see cref="StartedAt"/>.</summary>
    public TimeSpan AlreadyPlayed { get; }

    /// <summary>How much is left to play at an instant (zero once it has ended).</summary>
    /// <param name="now">The instant.</param>
    /// <returns>The time left.</returns>
    public TimeSpan RemainingAt(DateTimeOffset now)
    {
        var elapsed = now < StartedAt ? TimeSpan.Zero : now - StartedAt;
        var left = Item.Duration - AlreadyPlayed - elapsed;
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }
}
