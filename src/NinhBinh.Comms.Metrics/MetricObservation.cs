using System;

namespace NinhBinh.Comms.Metrics;

/// <summary>
/// One figure: a metric of one channel of a unit over an inclusive period of Vietnam dates (equal for a daily figure),
/// with where it came from. One row of the observation CSV.
/// </summary>
/// <param name="UnitCode">The unit the channel belongs to: a province (2 digits) or commune (5 digits) code; old codes are mapped through their successors as of <paramref name="PeriodEnd"/>.</param>
/// <param name="Channel">The channel's name within the unit (e.g. the OA or page name, or its id).</param>
/// <param name="Platform">The platform.</param>
/// <param name="Metric">The canonical metric key (<see cref="MetricCatalog"/>).</param>
/// <param name="Value">The value, in the metric's unit.</param>
/// <param name="PeriodStart">First day of the period (Vietnam date, inclusive).</param>
/// <param name="PeriodEnd">Last day of the period (Vietnam date, inclusive).</param>
public sealed record MetricObservation(string UnitCode, string Channel, KpiPlatform Platform, string Metric, decimal Value, DateTime PeriodStart, DateTime PeriodEnd)
{
    /// <summary>The platform's own metric name, with its API version when known (e.g. <c>page_media_view@v23.0</c>).</summary>
    public string? SourceMetric { get; init; }

    /// <summary>When the figure was read from the platform; a later retrieval of the same figure replaces an earlier one.</summary>
    public DateTimeOffset? RetrievedAt { get; init; }

    /// <summary>Whether the figure is an estimate.</summary>
    public bool Estimated { get; init; }
}
