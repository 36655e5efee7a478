using System;
using System.Globalization;

namespace NinhBinh.Comms.Zalo.Internal;

/// <summary>Reads the dates and times Zalo sends as strings; times without an offset are Vietnam time (+07:00).</summary>
internal static class ZaloDates
{
    private static readonly string[] DateFormats = { "dd/MM/yyyy", "d/M/yyyy" };

    private static readonly string[] LocalTimeFormats =
    {
        "dd/MM/yyyy HH:mm:ss", "dd/MM/yyyy HH:mm", "HH:mm:ss dd/MM/yyyy", "HH:mm dd/MM/yyyy",
    };

    /// <summary>A Vietnam calendar date (<c>dd/MM/yyyy</c>) as the instant that day starts, 00:00 +07:00.</summary>
    public static DateTimeOffset? ParseVietnamDate(string? value)
        => DateTime.TryParseExact(value?.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? VietnamTime.StartOfDay(date)
            : null;

    /// <summary>
    /// An instant: ISO 8601 with an offset as given; epoch milliseconds (or seconds) as UTC; a time without an offset
    /// (ISO or <c>dd/MM/yyyy HH:mm[:ss]</c>) as Vietnam time; a bare date as the start of that Vietnam day.
    /// </summary>
    public static DateTimeOffset? ParseInstant(string? value)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var epoch))
        {
            // Zalo's timestamps are epoch milliseconds; ten digits or fewer are seconds.
            return epoch >= 100_000_000_000 ? DateTimeOffset.FromUnixTimeMilliseconds(epoch) : DateTimeOffset.FromUnixTimeSeconds(epoch);
        }

        if (DateTime.TryParseExact(text, LocalTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return new DateTimeOffset(local, VietnamTime.UtcOffset);
        }

        if (ParseVietnamDate(text) is { } day)
        {
            return day;
        }

        // ISO 8601 and the like: RoundtripKind tells whether the text carried an offset (Utc, Local) or not (Unspecified).
        if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed))
        {
            return null;
        }

        return parsed.Kind == DateTimeKind.Unspecified
            ? new DateTimeOffset(parsed, VietnamTime.UtcOffset)
            : DateTimeOffset.Parse(text!, CultureInfo.InvariantCulture, DateTimeStyles.None);
    }
}
