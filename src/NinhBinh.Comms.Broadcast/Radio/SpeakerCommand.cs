using System;
using System.Collections.Generic;
using System.Linq;
using NinhBinh.Comms.Internal;

namespace NinhBinh.Comms.Broadcast.Radio;

/// <summary>
/// A command of the speaker profile. Create one with the factory methods, which check every limit before anything
/// is sent; <see cref="SpeakerMessageSerializer"/> turns it into the JSON payload. The <see cref="CommandId"/> is
/// what a device deduplicates on: a redelivered command (QoS 1 may deliver twice) is acknowledged again but never
/// played twice.
/// </summary>
public sealed class SpeakerCommand
{
    private SpeakerCommand(SpeakerCommandKind kind, string commandId, DateTimeOffset issuedAt)
    {
        Kind = kind;
        CommandId = SpeakerProfile.CheckId(commandId, nameof(commandId));
        IssuedAt = issuedAt;
    }

    /// <summary>The kind of command.</summary>
    public SpeakerCommandKind Kind { get; }

    /// <summary>The command id, unique per command; devices deduplicate on it.</summary>
    public string CommandId { get; }

    /// <summary>When the command was issued.</summary>
    public DateTimeOffset IssuedAt { get; }

    /// <summary>The tier of a play or speak command; <see cref="BulletinPriority.Normal"/> for the others.</summary>
    public BulletinPriority Priority { get; private set; }

    /// <summary>The audio URL of a play command, else <see langword="null"/>.</summary>
    public Uri? Url { get; private set; }

    /// <summary>How long a play command's item lasts when known, else <see langword="null"/>.</summary>
    public TimeSpan? Duration { get; private set; }

    /// <summary>The text of a speak command, else <see langword="null"/>.</summary>
    public string? Text { get; private set; }

    /// <summary>The BCP 47 language of a speak command (<c>vi</c> by default), else <see langword="null"/>.</summary>
    public string? Language { get; private set; }

    /// <summary>The command a stop command stops, or <see langword="null"/> to stop whatever plays.</summary>
    public string? TargetCommandId { get; private set; }

    /// <summary>The level of a volume command (0 to 100), else <see langword="null"/>.</summary>
    public int? VolumeLevel { get; private set; }

    /// <summary>The entries of a schedule-sync command (empty clears the schedule); empty for the other kinds.</summary>
    public IReadOnlyList<SpeakerScheduleEntry> Schedule { get; private set; } = Array.Empty<SpeakerScheduleEntry>();

    /// <summary>A command to play an audio URL.</summary>
    /// <param name="commandId">The command id.</param>
    /// <param name="url">The absolute http or https URL of the audio file or stream.</param>
    /// <param name="priority">The tier.</param>
    /// <param name="issuedAt">When it is issued.</param>
    /// <param name="duration">How long the item lasts, when known.</param>
    /// <returns>The command.</returns>
    /// <exception cref="ArgumentException">A value breaks a limit; the message names the field.</exception>
    public static SpeakerCommand PlayAudio(string commandId, Uri url, BulletinPriority priority, DateTimeOffset issuedAt, TimeSpan? duration = null)
    {
        return new SpeakerCommand(SpeakerCommandKind.PlayAudio, commandId, issuedAt)
        {
            Url = CheckUrl(url, nameof(url)),
            Priority = CheckPriority(priority),
            Duration = duration is { } d ? Guard.Positive(d, nameof(duration)) : null,
        };
    }

    /// <summary>A command to speak a text with the device's text-to-speech.</summary>
    /// <param name="commandId">The command id.</param>
    /// <param name="text">The text, 1 to 5000 characters.</param>
    /// <param name="priority">The tier.</param>
    /// <param name="issuedAt">When it is issued.</param>
    /// <param name="language">The BCP 47 language, <c>vi</c> by default.</param>
    /// <returns>The command.</returns>
    /// <exception cref="ArgumentException">A value breaks a limit; the message names the field.</exception>
    public static SpeakerCommand SpeakText(string commandId, string text, BulletinPriority priority, DateTimeOffset issuedAt, string language = "vi")
    {
        Guard.NotNullOrWhiteSpace(text);
        if (text.Length > SpeakerProfile.MaxTextLength)
        {
            throw new ArgumentException($"The text is {text.Length} characters; the limit is {SpeakerProfile.MaxTextLength}.", nameof(text));
        }

        Guard.NotNullOrWhiteSpace(language);
        if (language.Length > 35)
        {
            throw new ArgumentException("The language must be a BCP 47 tag of at most 35 characters.", nameof(language));
        }

        return new SpeakerCommand(SpeakerCommandKind.SpeakText, commandId, issuedAt)
        {
            Text = text,
            Language = language,
            Priority = CheckPriority(priority),
        };
    }

    /// <summary>A command to stop what plays, or only the given command.</summary>
    /// <param name="commandId">The command id.</param>
    /// <param name="issuedAt">When it is issued.</param>
    /// <param name="targetCommandId">The command to stop, or <see langword="null"/> for whatever plays.</param>
    /// <returns>The command.</returns>
    public static SpeakerCommand Stop(string commandId, DateTimeOffset issuedAt, string? targetCommandId = null)
        => new(SpeakerCommandKind.Stop, commandId, issuedAt)
        {
            TargetCommandId = targetCommandId is null ? null : SpeakerProfile.CheckId(targetCommandId, nameof(targetCommandId)),
        };

    /// <summary>A command to set the volume.</summary>
    /// <param name="commandId">The command id.</param>
    /// <param name="level">The level, 0 to 100.</param>
    /// <param name="issuedAt">When it is issued.</param>
    /// <returns>The command.</returns>
    public static SpeakerCommand Volume(string commandId, int level, DateTimeOffset issuedAt)
    {
        if (level is < 0 or > SpeakerProfile.MaxVolume)
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, $"The level must be 0 to {SpeakerProfile.MaxVolume}.");
        }

        return new SpeakerCommand(SpeakerCommandKind.Volume, commandId, issuedAt) { VolumeLevel = level };
    }

    /// <summary>A command that replaces the device's local schedule.</summary>
    /// <param name="commandId">The command id.</param>
    /// <param name="entries">The entries (at most 500, ids unique); none clears the schedule.</param>
    /// <param name="issuedAt">When it is issued.</param>
    /// <returns>The command.</returns>
    public static SpeakerCommand ScheduleSync(string commandId, IEnumerable<SpeakerScheduleEntry> entries, DateTimeOffset issuedAt)
    {
        var list = Guard.NotNull(entries).ToArray();
        if (list.Length > SpeakerProfile.MaxScheduleEntries)
        {
            throw new ArgumentException($"The entries hold {list.Length} items; the limit is {SpeakerProfile.MaxScheduleEntries}.", nameof(entries));
        }

        if (list.Any(e => e is null))
        {
            throw new ArgumentException("The entries must not contain null.", nameof(entries));
        }

        var duplicate = list.GroupBy(e => e.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"The entries hold the id '{duplicate.Key}' more than once.", nameof(entries));
        }

        return new SpeakerCommand(SpeakerCommandKind.ScheduleSync, commandId, issuedAt) { Schedule = list };
    }

    /// <summary>A command to restart the device.</summary>
    /// <param name="commandId">The command id.</param>
    /// <param name="issuedAt">When it is issued.</param>
    /// <returns>The command.</returns>
    public static SpeakerCommand Reboot(string commandId, DateTimeOffset issuedAt) => new(SpeakerCommandKind.Reboot, commandId, issuedAt);

    /// <summary>A command the device only acknowledges.</summary>
    /// <param name="commandId">The command id.</param>
    /// <param name="issuedAt">When it is issued.</param>
    /// <returns>The command.</returns>
    public static SpeakerCommand Ping(string commandId, DateTimeOffset issuedAt) => new(SpeakerCommandKind.Ping, commandId, issuedAt);

    internal static Uri CheckUrl(Uri? url, string field)
    {
        Guard.NotNull(url, field);
        if (!url!.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"The {field} must be an absolute http or https URL.", field);
        }

        if (url.AbsoluteUri.Length > SpeakerProfile.MaxUrlLength)
        {
            throw new ArgumentException($"The {field} is {url.AbsoluteUri.Length} characters; the limit is {SpeakerProfile.MaxUrlLength}.", field);
        }

        return url;
    }

    private static BulletinPriority CheckPriority(BulletinPriority priority)
        => priority is BulletinPriority.Normal or BulletinPriority.Priority or BulletinPriority.Emergency
            ? priority
            : throw new ArgumentOutOfRangeException(nameof(priority), priority, "Unknown priority tier.");
}
