using System;
using System.Text;
using NinhBinh.Comms.Internal;

namespace NinhBinh.Comms.Zalo.Internal;

/// <summary>
/// Media URLs of articles as Zalo fetches them: absolute http(s), with every character that may not appear in a URL
/// (a space, a Vietnamese letter, a stray <c>%</c>) percent-encoded as UTF-8; what is already encoded stays as it is.
/// </summary>
internal static class ZaloMediaUrl
{
    private const string Hex = "0123456789ABCDEF";

    public static string Encode(Uri url, string field)
    {
        Guard.NotNull(url, field);
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"{field} must be an absolute http or https URL.", field);
        }

        return Encode(url.OriginalString.Trim());
    }

    /// <summary>Percent-encodes what a URL may not carry as it is; leaves <c>%XX</c> escapes and URL delimiters alone.</summary>
    public static string Encode(string url)
    {
        var sb = new StringBuilder(url.Length + 16);
        var utf8 = new byte[4];
        for (var i = 0; i < url.Length; i++)
        {
            var c = url[i];
            if (c == '%' && i + 2 < url.Length && IsHex(url[i + 1]) && IsHex(url[i + 2]))
            {
                sb.Append(c);
                continue;
            }

            if (c < 0x80 && IsAllowed(c))
            {
                sb.Append(c);
                continue;
            }

            var count = char.IsHighSurrogate(c) && i + 1 < url.Length && char.IsLowSurrogate(url[i + 1])
                ? Encoding.UTF8.GetBytes(url.ToCharArray(i++, 2), 0, 2, utf8, 0)
                : Encoding.UTF8.GetBytes(new[] { c }, 0, 1, utf8, 0);
            for (var b = 0; b < count; b++)
            {
                sb.Append('%').Append(Hex[utf8[b] >> 4]).Append(Hex[utf8[b] & 0xF]);
            }
        }

        return sb.ToString();
    }

    private static bool IsHex(char c) => c is (>= '0' and <= '9') or (>= 'A' and <= 'F') or (>= 'a' and <= 'f');

    /// <summary>RFC 3986 unreserved and reserved characters.</summary>
    private static bool IsAllowed(char c)
        => c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9')
            or '-' or '.' or '_' or '~' or ':' or '/' or '?' or '#' or '[' or ']' or '@'
            or '!' or '$' or '&' or '\'' or '(' or ')' or '*' or '+' or ',' or ';' or '=';
}
