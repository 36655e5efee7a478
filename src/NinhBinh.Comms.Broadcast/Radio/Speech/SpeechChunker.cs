using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace NinhBinh.Comms.Broadcast.Radio.Speech;

/// <summary>
/// Splits a text into pieces a text-to-speech provider accepts in one request. The text is NFC-normalised (decomposed
/// Vietnamese from some editors becomes the precomposed letters providers expect), then split at sentence ends
/// (<c>. ! ? …</c> followed by a space, and line breaks); sentences are packed together up to the limit. A sentence
/// longer than the limit is split after <c>;</c> and <c>,</c>, then between words; a word is cut only when it alone is
/// longer than the limit (never between a letter and its combining mark or inside a surrogate pair). Chunks are
/// trimmed, runs of spaces inside them become one space, and joining the chunks with spaces gives the text back
/// modulo whitespace.
/// </summary>
public static class SpeechChunker
{
    /// <summary>The smallest limit accepted by <see cref="Split"/>.</summary>
    public const int MinMaxLength = 8;

    /// <summary>Splits <paramref name="text"/> into chunks of at most <paramref name="maxLength"/> characters.</summary>
    /// <param name="text">The text to speak.</param>
    /// <param name="maxLength">The provider's limit per request, at least <see cref="MinMaxLength"/>.</param>
    /// <returns>The chunks, in reading order; never empty.</returns>
    /// <exception cref="ArgumentException">The text is empty, only whitespace or only punctuation, or the limit is below <see cref="MinMaxLength"/>.</exception>
    public static IReadOnlyList<string> Split(string text, int maxLength)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        if (maxLength < MinMaxLength)
        {
            throw new ArgumentException($"maxLength: {maxLength.ToString(CultureInfo.InvariantCulture)} is below the minimum of {MinMaxLength.ToString(CultureInfo.InvariantCulture)} characters.", nameof(maxLength));
        }

        var normalized = text.Normalize(NormalizationForm.FormC);
        if (!HasSpeakableCharacter(normalized))
        {
            throw new ArgumentException("text: is empty or only whitespace and punctuation; there is nothing to speak.", nameof(text));
        }

        var chunks = new List<string>();
        var pending = new StringBuilder();
        foreach (var sentence in Sentences(normalized))
        {
            foreach (var piece in Fit(sentence, maxLength, level: 0))
            {
                Pack(chunks, pending, piece, maxLength);
            }
        }

        if (pending.Length > 0)
        {
            chunks.Add(pending.ToString());
        }

        return chunks;
    }

    internal static bool HasSpeakableCharacter(string text)
    {
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                return true;
            }
        }

        return false;
    }

    private static void Pack(List<string> chunks, StringBuilder pending, string piece, int maxLength)
    {
        if (pending.Length > 0 && pending.Length + 1 + piece.Length <= maxLength)
        {
            pending.Append(' ').Append(piece);
            return;
        }

        if (pending.Length > 0)
        {
            chunks.Add(pending.ToString());
            pending.Clear();
        }

        pending.Append(piece);
    }

    /// <summary>The sentences of a text, trimmed with inner whitespace collapsed; empty ones left out.</summary>
    private static IEnumerable<string> Sentences(string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\n' or '\r' or '\u2028' or '\u2029')
            {
                var sentence = Clean(text.Substring(start, i - start));
                if (sentence.Length > 0)
                {
                    yield return sentence;
                }

                start = i + 1;
            }
            else if (IsSentenceEnd(c))
            {
                var end = i + 1;
                while (end < text.Length && (IsSentenceEnd(text[end]) || IsClosing(text[end])))
                {
                    end++;
                }

                if (end == text.Length || char.IsWhiteSpace(text[end]))
                {
                    var sentence = Clean(text.Substring(start, end - start));
                    if (sentence.Length > 0)
                    {
                        yield return sentence;
                    }

                    start = end;
                }

                i = end - 1;
            }
        }

        var last = Clean(text.Substring(start));
        if (last.Length > 0)
        {
            yield return last;
        }
    }

    /// <summary>Pieces of at most <paramref name="maxLength"/>: level 0 splits after ; and ,, level 1 between words, level 2 inside a word.</summary>
    private static IEnumerable<string> Fit(string text, int maxLength, int level)
    {
        if (text.Length <= maxLength)
        {
            yield return text;
            yield break;
        }

        if (level == 2)
        {
            foreach (var cut in Cut(text, maxLength))
            {
                yield return cut;
            }

            yield break;
        }

        IEnumerable<string> parts = level == 0 ? SplitAfterClauses(text) : text.Split(' ');
        var pending = new StringBuilder();
        var packed = new List<string>();
        foreach (var part in parts)
        {
            if (part.Length == 0)
            {
                continue;
            }

            foreach (var piece in Fit(part, maxLength, level + 1))
            {
                Pack(packed, pending, piece, maxLength);
            }
        }

        if (pending.Length > 0)
        {
            packed.Add(pending.ToString());
        }

        foreach (var piece in packed)
        {
            yield return piece;
        }
    }

    private static List<string> SplitAfterClauses(string sentence)
    {
        var parts = new List<string>();
        var start = 0;
        for (var i = 0; i < sentence.Length - 1; i++)
        {
            if (sentence[i] is ';' or ',' && sentence[i + 1] == ' ')
            {
                parts.Add(sentence.Substring(start, i + 1 - start));
                start = i + 2;
            }
        }

        parts.Add(sentence.Substring(start));
        return parts;
    }

    /// <summary>Cuts one over-long word, never between a base letter and its combining marks or inside a surrogate pair.</summary>
    private static IEnumerable<string> Cut(string word, int maxLength)
    {
        var start = 0;
        while (word.Length - start > maxLength)
        {
            var end = start + maxLength;
            while (end > start + 1 && (char.IsLowSurrogate(word[end]) || IsCombining(word[end])))
            {
                end--;
            }

            yield return word.Substring(start, end - start);
            start = end;
        }

        yield return word.Substring(start);
    }

    private static bool IsCombining(char c) =>
        CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;

    private static bool IsSentenceEnd(char c) => c is '.' or '!' or '?' or '…';

    private static bool IsClosing(char c) => c is '"' or '\'' or ')' or ']' or '»' or '”' or '’';

    private static string Clean(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
