using System;
using System.Collections.Generic;
using System.Linq;
using NinhBinh.Comms.Internal;

namespace NinhBinh.Comms.Broadcast.Radio;

/// <summary>
/// One entry of a device's local broadcast schedule (lịch phát), carried by a schedule-sync command: an audio URL
/// played on the given weekdays at the given times of day (Vietnam time) inside a validity window.
/// </summary>
public sealed class SpeakerScheduleEntry
{
    /// <summary>Creates an entry.</summary>
    /// <param name="id">The entry id (1 to 64 of <c>A-Z a-z 0-9 . _ -</c>).</param>
    /// <param name="url">The absolute http or https audio URL.</param>
    /// <param name="validFrom">The start of the validity window.</param>
    /// <param name="validTo">The end of the validity window, after <paramref name="validFrom"/>.</param>
    /// <param name="days">The weekdays it plays on (at least one).</param>
    /// <param name="times">The times of day, Vietnam time, it starts at (at least one, each under 24 hours).</param>
    /// <param name="duration">How long one play lasts (positive).</param>
    /// <param name="repeats">How many times the item plays back to back at each start (1 to 10).</param>
    /// <exception cref="ArgumentException">A value breaks a limit; the message names the field.</exception>
    public SpeakerScheduleEntry(string id, Uri url, DateTimeOffset validFrom, DateTimeOffset validTo, IEnumerable<DayOfWeek> days, IEnumerable<TimeSpan> times, TimeSpan duration, int repeats = 1)
    {
        Id = SpeakerProfile.CheckId(id, nameof(id));
        Url = SpeakerCommand.CheckUrl(url, nameof(url));
        if (validTo <= validFrom)
        {
            throw new ArgumentException("The validTo must be after validFrom.", nameof(validTo));
        }

        Days = Guard.NotNull(days).Distinct().OrderBy(d => d).ToArray();
        if (Days.Count == 0 || Days.Any(d => d < DayOfWeek.Sunday || d > DayOfWeek.Saturday))
        {
            throw new ArgumentException("The days must hold 1 to 7 valid weekdays.", nameof(days));
        }

        Times = Guard.NotNull(times).Distinct().OrderBy(t => t).ToArray();
        if (Times.Count == 0 || Times.Any(t => t < TimeSpan.Zero || t >= TimeSpan.FromDays(1) || t.Ticks % TimeSpan.TicksPerMinute != 0))
        {
            throw new ArgumentException("The times must hold at least one whole-minute time of day under 24:00.", nameof(times));
        }

        Duration = Guard.Positive(duration);
        if (repeats is < 1 or > 10)
        {
            throw new ArgumentOutOfRangeException(nameof(repeats), repeats, "The repeats must be 1 to 10.");
        }

        ValidFrom = validFrom;
        ValidTo = validTo;
        Repeats = repeats;
    }

    /// <summary>The entry id.</summary>
    public string Id { get; }

    /// <summary>The audio URL.</summary>
    public Uri Url { get; }

    /// <summary>The start of the validity window.</summary>
    public DateTimeOffset ValidFrom { get; }

    /// <summary>The end of the validity window.</summary>
    public DateTimeOffset ValidTo { get; }

    /// <summary>The weekdays it plays on, in order.</summary>
    public IReadOnlyList<DayOfWeek> Days { get; }

    /// <summary>The times of day, Vietnam time, it starts at, in order.</summary>
    public IReadOnlyList<TimeSpan> Times { get; }

    /// <summary>How long one play lasts.</summary>
    public TimeSpan Duration { get; }

    /// <summary>How many times it plays back to back at each start.</summary>
    public int Repeats { get; }
}
