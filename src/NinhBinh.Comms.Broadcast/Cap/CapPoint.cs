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
#if NET
        return TryParse(text.AsSpan(), out point);
    }

    internal static bool TryParse(ReadOnlySpan<char> text, out CapPoint point)
    {
        point = default;
        var comma = text.IndexOf(',');
        if (comma <= 0 || comma == text.Length - 1
            || !TryParseCoordinate(text.Slice(0, comma), out var lat)
            || !TryParseCoordinate(text.Slice(comma + 1), out var lon))
        {
            return false;
        }
#else
        const NumberStyles Styles = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;
        point = default;
        var comma = text.IndexOf(',');
        if (comma <= 0 || comma == text.Length - 1
            || !decimal.TryParse(text.Substring(0, comma), Styles, CultureInfo.InvariantCulture, out var lat)
            || !decimal.TryParse(text.Substring(comma + 1), Styles, CultureInfo.InvariantCulture, out var lon))
        {
            return false;
        }
#endif

        point = new CapPoint(lat, lon);
        return true;
    }

#if NET
    /// <summary>
    /// A coordinate: an optional sign, digits, an optional decimal point and digits. Up to 18 digits are read directly
    /// (the usual case, several times faster than <see cref="decimal.TryParse(ReadOnlySpan{char}, NumberStyles, IFormatProvider, out decimal)"/>);
    /// anything longer goes to <c>decimal.TryParse</c> with the same styles.
    /// </summary>
    private static bool TryParseCoordinate(ReadOnlySpan<char> text, out decimal value)
    {
        var i = 0;
        var negative = false;
        if (text.Length > 0 && (text[0] == '-' || text[0] == '+'))
        {
            negative = text[0] == '-';
            i = 1;
        }

        long mantissa = 0;
        var digits = 0;
        var scale = -1; // digits after the point, -1 before the point
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (c >= '0' && c <= '9')
            {
                if (++digits > 18)
                {
                    return decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
                }

                mantissa = (mantissa * 10) + (c - '0');
                if (scale >= 0)
                {
                    scale++;
                }
            }
            else if (c == '.' && scale < 0)
            {
                scale = 0;
            }
            else
            {
                value = default;
                return false;
            }
        }

        if (digits == 0)
        {
            value = default;
            return false;
        }

        value = new decimal((int)(mantissa & 0xFFFFFFFF), (int)(mantissa >> 32), 0, negative, (byte)Math.Max(scale, 0));
        return true;
    }
#endif
}
