using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace NinhBinh.Comms.Broadcast.Tests.Boards.Rendering;

/// <summary>
/// The 134 Vietnamese letters with diacritics, built from their parts: the 12 vowels a ă â e ê i o ô ơ u ư y under
/// the 6 tones (none, huyền, sắc, hỏi, ngã, nặng), less the 6 plain vowels, in lower and upper case, plus đ and Đ.
/// </summary>
public static class VietnameseAlphabet
{
    private static readonly string[] Vowels = { "a", "a\u0306", "a\u0302", "e", "e\u0302", "i", "o", "o\u0302", "o\u031B", "u", "u\u031B", "y" };
    private static readonly string[] Tones = { string.Empty, "\u0300", "\u0301", "\u0309", "\u0303", "\u0323" };

    /// <summary>Each letter, precomposed (NFC), one character each.</summary>
    public static IReadOnlyList<string> Letters { get; } = Build();

    /// <summary>All the letters in one NFC string.</summary>
    public static string Nfc => string.Concat(Letters);

    private static List<string> Build()
    {
        var lower = new List<string>();
        foreach (var vowel in Vowels)
        {
            foreach (var tone in Tones)
            {
                var letter = (vowel + tone).Normalize(NormalizationForm.FormC);
                if (letter is "a" or "e" or "i" or "o" or "u" or "y")
                {
                    continue;
                }

                lower.Add(letter);
            }
        }

        lower.Add("đ");
        var letters = lower.Concat(lower.Select(l => l.ToUpperInvariant())).ToList();
        if (letters.Count != 134 || letters.Any(l => l.Length != 1) || letters.Distinct(StringComparer.Ordinal).Count() != 134)
        {
            throw new InvalidOperationException("The Vietnamese alphabet was not built as 134 distinct precomposed letters.");
        }

        return letters;
    }
}
