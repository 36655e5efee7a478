using System;

namespace NinhBinh.Comms.Metrics;

/// <summary>A canonical metric: its key, how it aggregates, its UCUM unit and what it means.</summary>
public sealed class MetricDefinition
{
    /// <summary>Creates a definition.</summary>
    /// <param name="key">The canonical key, e.g. <c>content.views</c>.</param>
    /// <param name="kind">How figures of this metric combine.</param>
    /// <param name="unit">The UCUM unit, e.g. <c>{view}</c> or <c>s</c>.</param>
    /// <param name="description">What the metric counts.</param>
    public MetricDefinition(string key, AggregationKind kind, string unit, string description)
    {
        Key = key ?? throw new ArgumentNullException(nameof(key));
        Kind = kind;
        Unit = unit ?? throw new ArgumentNullException(nameof(unit));
        Description = description ?? throw new ArgumentNullException(nameof(description));
    }

    /// <summary>The canonical key.</summary>
    public string Key { get; }

    /// <summary>How figures combine: sums add, uniques never add, snapshots take the last value, ratios are recomputed.</summary>
    public AggregationKind Kind { get; }

    /// <summary>The UCUM unit.</summary>
    public string Unit { get; }

    /// <summary>What the metric counts.</summary>
    public string Description { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Key} ({Kind}, {Unit})";
}
