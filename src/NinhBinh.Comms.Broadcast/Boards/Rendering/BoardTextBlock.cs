using System;
using System.Collections.Generic;
using System.Linq;

namespace NinhBinh.Comms.Broadcast.Boards.Rendering;

/// <summary>
/// Text fitted into a box: greedy word wrap by measured width (a word longer than a line is broken between
/// characters), the largest font size from <c>maxSize</c> down to <c>minSize</c> at which every line fits the height;
/// at the smallest size, the lines that fit, the last one ending with "…". Never taller or wider than the box.
/// </summary>
internal sealed class BoardTextBlock
{
    private static readonly char[] Space = { ' ' };

    private BoardTextBlock(IReadOnlyList<string> lines, float fontSize, float lineHeight, bool truncated)
    {
        Lines = lines;
        FontSize = fontSize;
        LineHeight = lineHeight;
        Truncated = truncated;
    }

    /// <summary>The lines to draw, top to bottom.</summary>
    public IReadOnlyList<string> Lines { get; }

    /// <summary>The font size, in pixels.</summary>
    public float FontSize { get; }

    /// <summary>The distance between two baselines, in pixels.</summary>
    public float LineHeight { get; }

    /// <summary><see langword="true"/> when the text did not fit and was cut with "…".</summary>
    public bool Truncated { get; }

    /// <summary>The height the lines take.</summary>
    public float Height => Lines.Count * LineHeight;

    /// <summary>Fits <paramref name="text"/> (cleaned: see <see cref="BoardText.Clean"/>) into a box.</summary>
    /// <param name="text">The text; <c>\n</c> breaks a line.</param>
    /// <param name="width">The box width.</param>
    /// <param name="height">The box height.</param>
    /// <param name="maxSize">The font size to start from.</param>
    /// <param name="minSize">The smallest font size.</param>
    /// <param name="lineSpacing">Line height as a multiple of the font size.</param>
    /// <param name="maxLines">The most lines, at any size.</param>
    /// <param name="measurer">Measures a line's width at a font size.</param>
    public static BoardTextBlock Fit(string text, float width, float height, float maxSize, float minSize, float lineSpacing, int maxLines, Func<float, Func<string, float>> measurer)
    {
        minSize = Math.Min(minSize, maxSize);
        var size = maxSize;
        while (true)
        {
            var measure = measurer(size);
            var lineHeight = size * lineSpacing;
            var lines = Wrap(text, width, measure);
            var fitting = Math.Min(maxLines, (int)Math.Floor((height + 0.01f) / lineHeight));
            if (lines.Count <= fitting)
            {
                return new BoardTextBlock(lines, size, lineHeight, truncated: false);
            }

            if (size <= minSize)
            {
                var kept = lines.Take(Math.Max(0, fitting)).ToList();
                if (kept.Count > 0)
                {
                    kept[kept.Count - 1] = WithEllipsis(kept[kept.Count - 1], width, measure);
                }

                return new BoardTextBlock(kept, size, lineHeight, truncated: true);
            }

            size = Math.Max(minSize, size * 0.93f);
        }
    }

    /// <summary>Greedy wrap: as many words on a line as fit; a word wider than the line is broken between characters.</summary>
    public static List<string> Wrap(string text, float width, Func<string, float> measure)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Split('\n'))
        {
            var words = paragraph.Split(Space, StringSplitOptions.RemoveEmptyEntries);
            var current = string.Empty;
            foreach (var word in words)
            {
                var candidate = current.Length == 0 ? word : current + " " + word;
                if (measure(candidate) <= width)
                {
                    current = candidate;
                    continue;
                }

                if (current.Length > 0)
                {
                    lines.Add(current);
                }

                current = word;
                while (measure(current) > width)
                {
                    var (head, rest) = BreakWord(current, width, measure);
                    lines.Add(head);
                    current = rest;
                }
            }

            lines.Add(current);
        }

        return lines;
    }

    /// <summary>The line shortened until it fits with "…" after it.</summary>
    public static string WithEllipsis(string line, float width, Func<string, float> measure)
    {
        var elements = BoardText.TextElements(line);
        var count = elements.Count;
        while (true)
        {
            var head = string.Concat(elements.Take(count)).TrimEnd(' ', ',', ';', ':', '.', '-', '\u2013');
            var candidate = head + BoardText.Ellipsis;
            if (count == 0 || measure(candidate) <= width)
            {
                return candidate;
            }

            count--;
        }
    }

    private static (string Head, string Tail) BreakWord(string word, float width, Func<string, float> measure)
    {
        var elements = BoardText.TextElements(word);
        var take = 1;
        while (take < elements.Count && measure(string.Concat(elements.Take(take + 1))) <= width)
        {
            take++;
        }

        return (string.Concat(elements.Take(take)), string.Concat(elements.Skip(take)));
    }
}
