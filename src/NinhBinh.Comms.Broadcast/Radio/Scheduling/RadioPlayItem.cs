using System;

namespace NinhBinh.Comms.Broadcast.Radio.Scheduling;

/// <summary>
/// An item a station has to play, as the conflict resolver sees it: its tier, when it was issued, how long it lasts,
/// and for a normal item whether the commune accepted it and the slot it gave it.
/// </summary>
public sealed class RadioPlayItem
{
    /// <summary>Creates an item.</summary>
    /// <param name="id">The item id (a bulletin or command id; 1 to 64 of <c>A-Z a-z 0-9 . _ -</c>).</param>
    /// <param name="tier">The tier under Thông tư 39/2020.</param>
    /// <param name="issuedAt">When its issuer issued it (orders emergencies and priority items).</param>
    /// <param name="duration">How long it plays: whole seconds, more than zero, at most 12 hours.</param>
    /// <exception cref="ArgumentException">A value breaks a limit; the message names the field.</exception>
    public RadioPlayItem(string id, BulletinPriority tier, DateTimeOffset issuedAt, TimeSpan duration)
    {
        Id = SpeakerProfile.CheckId(id, nameof(id));
        RadioProgramme.CheckDuration(duration, $"item '{Id}'", nameof(duration));
        RadioProgramme.CheckTier(tier, nameof(tier));
        Tier = tier;
        IssuedAt = issuedAt;
        Duration = duration;
    }

    /// <summary>The item id.</summary>
    public string Id { get; }

    /// <summary>The tier.</summary>
    public BulletinPriority Tier { get; }

    /// <summary>When it was issued.</summary>
    public DateTimeOffset IssuedAt { get; }

    /// <summary>How long it plays.</summary>
    public TimeSpan Duration { get; }

    /// <summary>A normal item: whether the commune accepted it into its schedule. Ignored for the other tiers.</summary>
    public bool AcceptedByCommune { get; init; }

    /// <summary>A normal item: the slot the commune gave it (when it should start), or <see langword="null"/>. Ignored for the other tiers.</summary>
    public DateTimeOffset? Slot { get; init; }

    /// <summary>When it must have finished playing, or <see langword="null"/> for no limit (decides whether an interrupted item resumes).</summary>
    public DateTimeOffset? WindowEnd { get; init; }

    /// <inheritdoc />
    public override string ToString() => RadioConflictResolver.TierWord(Tier) + " " + Id;
}
