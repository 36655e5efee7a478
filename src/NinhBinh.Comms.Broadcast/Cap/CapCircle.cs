using System;
using System.Globalization;

namespace NinhBinh.Comms.Broadcast.Cap;

/// <summary>A CAP circle: a centre point and a radius in kilometres, written <c>latitude,longitude radius</c>.</summary>
public sealed class CapCircle : IEquatable<CapCircle>
{
    /// <summary>Creates a circle (not checked here: <see cref="CapValidator"/> reports bad coordinates or a negative radius).</summary>
    /// <param name="center">The centre.</param>
    /// <param name="radiusKm">The radius in kilometres (0 for a point).</param>
    public CapCircle(CapPoint center, decimal radiusKm)
    {
        Center = center;
        RadiusKm = radiusKm;
    }

    /// <summary>The centre.</summary>
    public CapPoint Center { get; }

    /// <summary>The radius in kilometres.</summary>
    public decimal RadiusKm { get; }

    /// <summary>Parses the CAP form <c>latitude,longitude radius</c>.</summary>
    /// <param name="text">The circle text.</param>
    /// <param name="circle">The circle, when the text is well-formed.</param>
    /// <returns>Whether the text was well-formed.</returns>
    public static bool TryParse(string? text, out CapCircle? circle)
    {
        circle = null;
        var parts = text?.Split(CapText.Whitespace, StringSplitOptions.RemoveEmptyEntries);
        if (parts is not { Length: 2 } || !CapPoint.TryParse(parts[0], out var center)
            || !decimal.TryParse(parts[1], NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var radius))
        {
            return false;
        }

        circle = new CapCircle(center, radius);
        return true;
    }

    /// <inheritdoc />
    public bool Equals(CapCircle? other) => other is not null && Center == other.Center && RadiusKm == other.RadiusKm;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as CapCircle);

    /// <inheritdoc />
    public override int GetHashCode() => Center.GetHashCode() ^ RadiusKm.GetHashCode();

    /// <summary>The CAP form, <c>latitude,longitude radius</c>.</summary>
    public override string ToString() => Center + " " + RadiusKm.ToString(CultureInfo.InvariantCulture);
}
