using System;

namespace NinhBinh.Comms.Broadcast.Radio.Scheduling;

/// <summary>
/// A programme item a station plays (chương trình): a news bulletin, a relay, a recorded talk; its tier under
/// Thông tư 39/2020 and how long one play lasts.
/// </summary>
public sealed class RadioProgramme
{
    /// <summary>The longest programme title.</summary>
    public const int MaxTitleLength = 200;

    /// <summary>The longest play of one item: 12 hours.</summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromHours(12);

    /// <summary>Creates a programme item.</summary>
    /// <param name="id">The id (1 to 64 of <c>A-Z a-z 0-9 . _ -</c>).</param>
    /// <param name="title">The title, 1 to 200 characters.</param>
    /// <param name="duration">How long one play lasts: whole seconds, more than zero, at most 12 hours.</param>
    /// <param name="tier">The priority tier; <see cref="BulletinPriority.Normal"/> by default.</param>
    /// <param name="audioUrl">The audio it plays (an absolute http or https URL, file or stream), if already known.</param>
    /// <exception cref="ArgumentException">A value breaks a limit; the message names the field and the limit.</exception>
    public RadioProgramme(string id, string title, TimeSpan duration, BulletinPriority tier = BulletinPriority.Normal, Uri? audioUrl = null)
    {
        Id = SpeakerProfile.CheckId(id, nameof(id));
        if (string.IsNullOrWhiteSpace(title) || title.Length > MaxTitleLength)
        {
            throw new ArgumentException($"The title of programme '{Id}' must be 1 to {MaxTitleLength} characters.", nameof(title));
        }

        CheckDuration(duration, $"programme '{Id}'", nameof(duration));
        CheckTier(tier, nameof(tier));
        Title = title;
        Duration = duration;
        Tier = tier;
        AudioUrl = audioUrl is null ? null : SpeakerCommand.CheckUrl(audioUrl, nameof(audioUrl));
    }

    internal static void CheckDuration(TimeSpan duration, string owner, string field)
    {
        if (duration <= TimeSpan.Zero || duration > MaxDuration || duration.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            throw new ArgumentOutOfRangeException(field, duration, $"The {field} of {owner} must be whole seconds, more than 0 and at most {MaxDuration.TotalHours} hours.");
        }
    }

    internal static void CheckTier(BulletinPriority tier, string field)
    {
        if (tier is not (BulletinPriority.Normal or BulletinPriority.Priority or BulletinPriority.Emergency))
        {
            throw new ArgumentOutOfRangeException(field, tier, $"The {field} must be Normal, Priority or Emergency.");
        }
    }

    /// <summary>The id.</summary>
    public string Id { get; }

    /// <summary>The title.</summary>
    public string Title { get; }

    /// <summary>How long one play lasts.</summary>
    public TimeSpan Duration { get; }

    /// <summary>The priority tier.</summary>
    public BulletinPriority Tier { get; }

    /// <summary>The audio URL, or <see langword="null"/>.</summary>
    public Uri? AudioUrl { get; }
}
