using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace NinhBinh.Comms.Broadcast.Boards.Rendering;

/// <summary>
/// Text as the renderer draws it: NFC-normalised (Vietnamese letters as single precomposed characters, which a simple
/// shaper draws right), one <c>\n</c> per line break, no control characters, tabs as spaces.
/// </summary>
internal static class BoardText
{
    /// <summary>The character that ends a cut line.</summary>
    public const string Ellipsis = "\u2026";

    public static string Clean(string text)
    {
        var normalized = text.Replace("\r\n", "\n").Replace('\r', '\n').Normalize(NormalizationForm.FormC);
        var clean = new StringBuilder(normalized.Length);
        foreach (var c in normalized)
        {
            if (c == '\n')
            {
                clean.Append(c);
            }
            else if (c == '\t')
            {
                clean.Append(' ');
            }
            else if (!char.IsControl(c))
            {
                clean.Append(c);
            }
        }

        return clean.ToString();
    }

    /// <summary>The text's characters as the user sees them (a letter with its marks, a surrogate pair), in order.</summary>
    public static List<string> TextElements(string text)
    {
        var elements = new List<string>(text.Length);
        var enumerator = StringInfo.GetTextElementEnumerator(text);
        while (enumerator.MoveNext())
        {
            elements.Add(enumerator.GetTextElement());
        }

        return elements;
    }
}
