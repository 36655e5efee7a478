using System;
using System.Collections.Generic;
using System.Linq;

namespace NinhBinh.Comms.Broadcast.Cap;

/// <summary>A CAP polygon: a closed ring of at least four points, the first equal to the last.</summary>
public sealed class CapPolygon : IEquatable<CapPolygon>
{
    /// <summary>Creates a polygon from its points (not checked here: <see cref="CapValidator"/> reports open rings and bad coordinates).</summary>
    /// <param name="points">The ring, first point repeated last.</param>
    public CapPolygon(IEnumerable<CapPoint> points)
    {
        Points = (points ?? throw new ArgumentNullException(nameof(points))).ToArray();
    }

    /// <summary>The points of the ring.</summary>
    public IReadOnlyList<CapPoint> Points { get; }

    /// <summary>Whether the ring has at least four points and ends where it starts.</summary>
    public bool IsClosed => Points.Count >= 4 && Points[0] == Points[Points.Count - 1];

    /// <summary>Parses the CAP form: space-separated <c>latitude,longitude</c> pairs.</summary>
    /// <param name="text">The polygon text.</param>
    /// <param name="polygon">The polygon, when every pair is a pair of numbers.</param>
    /// <returns>Whether the text was well-formed.</returns>
    public static bool TryParse(string? text, out CapPolygon? polygon)
    {
        polygon = null;
        if (text is null)
        {
            return false;
        }

        var points = new List<CapPoint>();
#if NET
        var rest = text.AsSpan();
        while (true)
        {
            var start = 0;
            while (start < rest.Length && IsSeparator(rest[start]))
            {
                start++;
            }

            if (start == rest.Length)
            {
                break;
            }

            rest = rest.Slice(start);
            var end = 0;
            while (end < rest.Length && !IsSeparator(rest[end]))
            {
                end++;
            }

            if (!CapPoint.TryParse(rest.Slice(0, end), out var point))
            {
                return false;
            }

            points.Add(point);
            rest = rest.Slice(end);
        }
#else
        foreach (var pair in text.Split(CapText.Whitespace, StringSplitOptions.RemoveEmptyEntries))
        {
            if (!CapPoint.TryParse(pair, out var point))
            {
                return false;
            }

            points.Add(point);
        }
#endif

        polygon = new CapPolygon(points);
        return points.Count > 0;
    }

#if NET
    private static bool IsSeparator(char c) => c is ' ' or '\t' or '\r' or '\n';
#endif

    /// <inheritdoc />
    public bool Equals(CapPolygon? other) => other is not null && Points.SequenceEqual(other.Points);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as CapPolygon);

    /// <inheritdoc />
    public override int GetHashCode() => Points.Count == 0 ? 0 : Points[0].GetHashCode() ^ Points.Count;

    /// <summary>The CAP form: space-separated <c>latitude,longitude</c> pairs.</summary>
    public override string ToString() => string.Join(" ", Points.Select(p => p.ToString()));
}
