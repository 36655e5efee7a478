using System;
using System.Globalization;

namespace NinhBinh.Comms.Emulator;

/// <summary>Vietnam time (Asia/Ho_Chi_Minh): UTC+7, no daylight saving time.</summary>
internal static class VietnamTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    public static DateTimeOffset ToVietnam(DateTimeOffset instant) => instant.ToOffset(Offset);

    public static DateOnly Date(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(Offset).DateTime);

    /// <summary>Promotion night ban: 22:00 (inclusive) to 06:00 (exclusive), Vietnam time.</summary>
    public static bool IsNight(DateTimeOffset instant)
    {
        var hour = instant.ToOffset(Offset).Hour;
        return hour >= 22 || hour < 6;
    }

    public static string FormatIso(DateTimeOffset instant) =>
        instant.ToOffset(Offset).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    public static string FormatDate(DateTimeOffset instant) =>
        instant.ToOffset(Offset).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
