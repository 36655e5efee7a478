using System;
using NinhBinh.Comms.Internal;

namespace NinhBinh.Comms;

/// <summary>
/// Vietnam time (Asia/Ho_Chi_Minh): UTC+07:00 all year, no daylight saving time. Every helper reads the clock through
/// a <see cref="TimeProvider"/>, so tests can move time.
/// </summary>
public static class VietnamTime
{
    /// <summary>The IANA time zone identifier, <c>Asia/Ho_Chi_Minh</c>.</summary>
    public const string TimeZoneId = "Asia/Ho_Chi_Minh";

    /// <summary>The offset from UTC: +07:00.</summary>
    public static TimeSpan UtcOffset { get; } = TimeSpan.FromHours(7);

    /// <summary>
    /// The Vietnam time zone: the system's <c>Asia/Ho_Chi_Minh</c> (or Windows' <c>SE Asia Standard Time</c>) when
    /// present, otherwise a fixed +07:00 zone with the same identifier.
    /// </summary>
    public static TimeZoneInfo TimeZone { get; } = FindTimeZone();

    /// <summary>The current time in Vietnam.</summary>
    /// <param name="timeProvider">The clock.</param>
    /// <returns>The current instant with offset +07:00.</returns>
    public static DateTimeOffset GetVietnamNow(this TimeProvider timeProvider)
        => Guard.NotNull(timeProvider).GetUtcNow().ToOffset(UtcOffset);

    /// <summary>Today's date in Vietnam.</summary>
    /// <param name="timeProvider">The clock.</param>
    /// <returns>The calendar date in Vietnam (time of day zero, <see cref="DateTimeKind.Unspecified"/>).</returns>
    public static DateTime GetVietnamToday(this TimeProvider timeProvider)
        => DateTime.SpecifyKind(GetVietnamNow(timeProvider).Date, DateTimeKind.Unspecified);

    /// <summary>Converts an instant to Vietnam time.</summary>
    /// <param name="instant">Any instant.</param>
    /// <returns>The same instant with offset +07:00.</returns>
    public static DateTimeOffset ToVietnamTime(DateTimeOffset instant) => instant.ToOffset(UtcOffset);

    /// <summary>The instant a Vietnam calendar day starts.</summary>
    /// <param name="date">The calendar date (its time of day is ignored).</param>
    /// <returns>00:00 on that date, +07:00.</returns>
    public static DateTimeOffset StartOfDay(DateTime date) => new(date.Date, UtcOffset);

    /// <summary>
    /// Whether an instant falls within a daily window of Vietnam local time. Windows that cross midnight are
    /// supported: 22:00–06:00 contains 23:30 and 05:59 but not 06:00.
    /// </summary>
    /// <param name="instant">The instant to test.</param>
    /// <param name="start">Local time of day the window opens (inclusive), 00:00–23:59:59.</param>
    /// <param name="end">Local time of day the window closes (exclusive).</param>
    /// <returns><see langword="true"/> when the Vietnam local time of <paramref name="instant"/> is in the window.</returns>
    public static bool IsWithinDailyWindow(DateTimeOffset instant, TimeSpan start, TimeSpan end)
    {
        CheckTimeOfDay(start, nameof(start));
        CheckTimeOfDay(end, nameof(end));
        var local = ToVietnamTime(instant).TimeOfDay;
        return start <= end
            ? local >= start && local < end
            : local >= start || local < end;
    }

    private static void CheckTimeOfDay(TimeSpan value, string paramName)
    {
        if (value < TimeSpan.Zero || value >= TimeSpan.FromDays(1))
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} must be a time of day between 00:00 and 23:59:59.");
        }
    }

    private static TimeZoneInfo FindTimeZone()
    {
        foreach (var id in new[] { TimeZoneId, "SE Asia Standard Time" })
        {
            try
            {
                return TimeZoneInfo.FindSystemTimeZoneById(id);
            }
            catch (TimeZoneNotFoundException)
            {
            }
            catch (InvalidTimeZoneException)
            {
            }
        }

        return TimeZoneInfo.CreateCustomTimeZone(TimeZoneId, TimeSpan.FromHours(7), "(UTC+07:00) Vietnam", "Indochina Time");
    }
}
