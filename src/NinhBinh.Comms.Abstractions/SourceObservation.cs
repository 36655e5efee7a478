using System;

namespace NinhBinh.Comms;

/// <summary>
/// One figure read by an <see cref="IObservationSource"/>: a canonical metric over an inclusive period of Vietnam dates
/// (equal for a reading on one day), with the platform's own metric name and when it was read.
/// </summary>
/// <param name="Metric">The canonical metric key (e.g. <c>audience.followers</c>, <c>content.views.lifetime</c>).</param>
/// <param name="Value">The value, in the metric's unit.</param>
/// <param name="PeriodStart">First day of the period (Vietnam date).</param>
/// <param name="PeriodEnd">Last day of the period (Vietnam date); for a snapshot or a lifetime counter, the day it was read.</param>
public sealed record SourceObservation(string Metric, decimal Value, DateTime PeriodStart, DateTime PeriodEnd)
{
    /// <summary>The platform's own metric name with the API version when known (e.g. <c>num_follower@v2.0/oa/getoa</c>).</summary>
    public string? SourceMetric { get; init; }

    /// <summary>When the figure was read.</summary>
    public DateTimeOffset? RetrievedAt { get; init; }

    /// <summary>Whether the figure is an estimate.</summary>
    public bool Estimated { get; init; }
}
