using System;
using System.Globalization;

namespace NinhBinh.Comms.Broadcast.Cap;

/// <summary>Text forms shared by the reader, the writer and the validator.</summary>
internal static class CapText
{
    public const string Cap12Namespace = "urn:oasis:names:tc:emergency:cap:1.2";
    public const string Cap11Namespace = "urn:oasis:names:tc:emergency:cap:1.1";
    public const string DateTimeFormat = "yyyy-MM-dd'T'HH:mm:sszzz";

    public static readonly char[] Whitespace = { ' ', '\t', '\r', '\n' };

    public static string FormatDateTime(DateTimeOffset value) => value.ToString(DateTimeFormat, CultureInfo.InvariantCulture);

    public static bool TryParseDateTime(string text, out DateTimeOffset value)
    {
        if (!DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out value))
        {
            return false;
        }

        value = new DateTimeOffset(value.Ticks - (value.Ticks % TimeSpan.TicksPerSecond), value.Offset);
        return true;
    }
}
