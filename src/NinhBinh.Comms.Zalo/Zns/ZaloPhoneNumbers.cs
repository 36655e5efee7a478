using System;
using System.Text;

namespace NinhBinh.Comms.Zalo;

/// <summary>
/// Vietnamese mobile numbers as ZNS / ZBS template messages take them: <c>84</c> followed by the 9 digits of the
/// subscriber number. <c>0912 345 678</c>, <c>+84 912.345.678</c> and <c>84-912-345-678</c> all become
/// <c>84912345678</c>; anything else (landlines, other countries, letters, a wrong length) is refused.
/// </summary>
/// <remarks>A phone number is personal data: no message of this class ever repeats the number it was given.</remarks>
public static class ZaloPhoneNumbers
{
    /// <summary>The digits of a normalized number: <c>84</c> and 9 more.</summary>
    public const int NormalizedLength = 11;

    private const string Rule =
        "must be a Vietnamese mobile number written 0…, +84… or 84… followed by 9 digits, the first of them 3, 5, 7, 8 or 9 (spaces, dots and dashes are allowed)";

    /// <summary>Normalizes a Vietnamese mobile number to <c>84…</c>.</summary>
    /// <param name="phone">The number as written: <c>0…</c>, <c>+84…</c> or <c>84…</c>, with spaces, dots or dashes.</param>
    /// <returns>The number as <c>84</c> and 9 digits.</returns>
    /// <exception cref="ArgumentException">The number is not a Vietnamese mobile number; the message names the parameter and the rule, never the number.</exception>
    public static string Normalize(string phone)
        => TryNormalize(phone, out var normalized) ? normalized : throw new ArgumentException("phone " + Rule + ".", nameof(phone));

    /// <summary>Normalizes a Vietnamese mobile number to <c>84…</c>, without throwing.</summary>
    /// <param name="phone">The number as written: <c>0…</c>, <c>+84…</c> or <c>84…</c>, with spaces, dots or dashes.</param>
    /// <param name="normalized">The number as <c>84</c> and 9 digits, or an empty string when it is not one.</param>
    /// <returns>Whether <paramref name="phone"/> is a Vietnamese mobile number.</returns>
    public static bool TryNormalize(string? phone, out string normalized)
    {
        normalized = string.Empty;
        if (phone is null)
        {
            return false;
        }

        var text = phone.Trim();
        var digits = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is >= '0' and <= '9')
            {
                digits.Append(c);
            }
            else if (c == '+' && i == 0)
            {
                digits.Append(c);
            }
            else if (c is ' ' or '.' or '-')
            {
                // Separators only between digits: "0912 345 678", not "-0912345678" or "0912345678.".
                if (digits.Length == 0 || i == text.Length - 1 || text[i - 1] is ' ' or '.' or '-')
                {
                    return false;
                }
            }
            else
            {
                return false;
            }
        }

        var all = digits.ToString();
        string subscriber;
        if (all.StartsWith("+84", StringComparison.Ordinal))
        {
            subscriber = all.Substring(3);
        }
        else if (all.StartsWith("84", StringComparison.Ordinal) && all.Length == NormalizedLength)
        {
            subscriber = all.Substring(2);
        }
        else if (all.StartsWith("0", StringComparison.Ordinal))
        {
            subscriber = all.Substring(1);
        }
        else
        {
            return false;
        }

        if (subscriber.Length != NormalizedLength - 2 || subscriber[0] is not ('3' or '5' or '7' or '8' or '9'))
        {
            return false;
        }

        foreach (var c in subscriber)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        normalized = "84" + subscriber;
        return true;
    }
}
