using System;
using System.Globalization;

namespace NinhBinh.Comms.Broadcast.Cap;

/// <summary>A WGS 84 point of a CAP polygon or circle, written <c>latitude,longitude</c>.</summary>
public readonly struct CapPoint : IEquatable<CapPoint>
{
    /// <summary>Creates a point (not checked: <see cref="CapValidator"/> reports coordinates out of range).</summary>
    /// <param name="latitude">Latitude in degrees, −90 to 90.</param>
    /// <param name="longitude">Longitude in degrees, −180 to 180.</param>
    public CapPoint(decimal latitude, decimal longitude)
    {
        Latitude = latitude;
        Longitude = longitude;
    }

    /// <summary>Latitude in degrees.</summary>
    public decimal Latitude { get; }

    /// <summary>Longitude in degrees.</summary>
    public decimal Longitude { get; }

    /// <summary>Whether both coordinates are in range.</summary>
    public bool IsInRange => Latitude is >= -90m and <= 90m && Longitude is >= -180m and <= 180m;

    /// <inheritdoc />
    public bool Equals(CapPoint other) => Latitude == other.Latitude && Longitude == other.Longitude;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is CapPoint other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Latitude.GetHashCode() ^ (Longitude.GetHashCode() * 31);

    /// <summary>The CAP form, <c>latitude,longitude</c>.</summary>
    public override string ToString() => Latitude.ToString(CultureInfo.InvariantCulture) + "," + Longitude.ToString(CultureInfo.InvariantCulture);

    /// <summary>Equality of two points.</summary>
    public static bool operator ==(CapPoint left, CapPoint right) => left.Equals(right);

    /// <summary>Inequality of two points.</summary>
    public static bool operator !=(CapPoint left, CapPoint right) => !left.Equals(right);

    internal static bool TryParse(string text, out CapPoint point)
    {
        point = default;
        var comma = text.IndexOf(',');
        if (comma <= 0 || comma == text.Length - 1)
        {
            return false;
        }

        if (!decimal.TryParse(text.Substring(0, comma), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var lat)
            || !decimal.TryParse(text.Substring(comma + 1), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var lon))
        {
            return false;
        }

        point = new CapPoint(lat, lon);
        return true;
    }
}
