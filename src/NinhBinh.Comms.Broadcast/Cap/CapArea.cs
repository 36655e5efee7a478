using System;
using System.Collections.Generic;

namespace NinhBinh.Comms.Broadcast.Cap;

/// <summary>A CAP 1.2 <c>area</c>: a description plus polygons, circles and geocodes.</summary>
public sealed class CapArea
{
    /// <summary>The <c>areaDesc</c> (required), for example "Phường Hoa Lư, tỉnh Ninh Bình".</summary>
    public string Description { get; init; } = string.Empty;

    /// <summary>The <c>polygon</c>s.</summary>
    public IReadOnlyList<CapPolygon> Polygons { get; init; } = Array.Empty<CapPolygon>();

    /// <summary>The <c>circle</c>s.</summary>
    public IReadOnlyList<CapCircle> Circles { get; init; } = Array.Empty<CapCircle>();

    /// <summary>The <c>geocode</c>s (Vietnamese administrative units: value name <c>VN-ADM</c>, the unit code as value).</summary>
    public IReadOnlyList<CapNamedValue> Geocodes { get; init; } = Array.Empty<CapNamedValue>();

    /// <summary>The <c>altitude</c> in feet above mean sea level (the floor when <see cref="Ceiling"/> is given).</summary>
    public decimal? Altitude { get; init; }

    /// <summary>The <c>ceiling</c> in feet above mean sea level; CAP requires <see cref="Altitude"/> with it.</summary>
    public decimal? Ceiling { get; init; }
}
