using System;

namespace NinhBinh.Comms.Metrics;

/// <summary>Which stored figures to read: one metric of a unit in force (with its communes when it is a province), between two dates.</summary>
/// <param name="UnitCode">A unit in force (province or commune code).</param>
/// <param name="Metric">The canonical metric key.</param>
/// <param name="From">Figures whose period ends on or after this day (ignored when <see cref="UpToOnly"/>).</param>
/// <param name="To">Figures whose period starts on or before this day.</param>
public sealed record KpiQuery(string UnitCode, string Metric, DateTime From, DateTime To)
{
    /// <summary>Only figures of this platform, or null for all.</summary>
    public KpiPlatform? Platform { get; init; }

    /// <summary>Every figure whose period ends on or before <see cref="To"/>, however early (snapshots).</summary>
    public bool UpToOnly { get; init; }
}
