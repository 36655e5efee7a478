using System.Text.RegularExpressions;

namespace NinhBinh.Comms.Zalo.Internal;

/// <summary>Removes phone numbers and token-like strings from text that reaches logs or exception messages.</summary>
internal static class Redaction
{
    private static readonly Regex PhoneNumbers = new(@"(?<![0-9])(\+?84|0)[0-9][0-9 .-]{7,12}[0-9](?![0-9])", RegexOptions.CultureInvariant);
    private static readonly Regex TokenLike = new("[A-Za-z0-9_-]{32,}", RegexOptions.CultureInvariant);

    public static string Scrub(string? text, params string?[] secrets)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var scrubbed = text!;
        foreach (var secret in secrets)
        {
            if (!string.IsNullOrEmpty(secret))
            {
                scrubbed = scrubbed.Replace(secret, "[redacted]");
            }
        }

        scrubbed = TokenLike.Replace(scrubbed, "[redacted]");
        return PhoneNumbers.Replace(scrubbed, "[phone]");
    }
}
