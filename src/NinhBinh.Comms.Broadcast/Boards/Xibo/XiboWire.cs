using System;
using System.Globalization;
using System.Text.Json;

namespace NinhBinh.Comms.Broadcast.Boards.Xibo;

/// <summary>The CMS's wire formats: local date strings, ids, fields of the bare entities it answers.</summary>
internal static class XiboWire
{
    public const string DateFormat = "yyyy-MM-dd HH:mm:ss";

    /// <summary>Finds a time zone by IANA or Windows id; Vietnam's ids work everywhere (a fixed +07:00 zone when the system lacks them).</summary>
    public static TimeZoneInfo FindTimeZone(string? defaultTimeZone)
    {
        var id = defaultTimeZone;
        if (string.IsNullOrWhiteSpace(id))
        {
            throw new ArgumentException("Xibo DefaultTimeZone: is empty.", nameof(defaultTimeZone));
        }

        if (id is "Asia/Ho_Chi_Minh" or "SE Asia Standard Time" or "Asia/Saigon")
        {
            return VietnamTime.TimeZone;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (TimeZoneNotFoundException)
        {
            throw new ArgumentException($"Xibo DefaultTimeZone: '{id}' is not a time zone known to this system.", nameof(defaultTimeZone));
        }
        catch (InvalidTimeZoneException)
        {
            throw new ArgumentException($"Xibo DefaultTimeZone: '{id}' is not a valid time zone.", nameof(defaultTimeZone));
        }
    }

    /// <summary>An instant as the CMS's local date string (no offset).</summary>
    public static string ToCmsTime(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString(DateFormat, CultureInfo.InvariantCulture);

    /// <summary>A CMS local date string as an instant, or null when it is not one.</summary>
    public static DateTimeOffset? FromCmsTime(string? text, TimeZoneInfo zone)
    {
        if (string.IsNullOrWhiteSpace(text)
            || !DateTime.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return null;
        }

        var offset = zone.GetUtcOffset(local);
        return new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), offset);
    }

    public static string Id(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>An integer field (the CMS sends numbers, sometimes as strings), or null.</summary>
    public static int? Int(JsonElement entity, string name)
    {
        if (entity.ValueKind != JsonValueKind.Object || !entity.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetInt32(out var number) => number,
            JsonValueKind.String when int.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => null,
        };
    }

    /// <summary>A 64-bit integer field, or null.</summary>
    public static long? Long(JsonElement entity, string name)
    {
        if (entity.ValueKind != JsonValueKind.Object || !entity.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetInt64(out var number) => number,
            JsonValueKind.String when long.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => null,
        };
    }

    /// <summary>A string field (a number's text for numbers), or null.</summary>
    public static string? String(JsonElement entity, string name)
    {
        if (entity.ValueKind != JsonValueKind.Object || !entity.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
    }
}
