using System;
using System.Collections.Generic;

namespace NinhBinh.Comms.Metrics;

/// <summary>
/// The answer to "how much": the figure when it can be computed honestly, otherwise why not (a unique metric asked
/// for a period no platform reported, or across channels whose audiences overlap).
/// </summary>
public sealed class KpiFigure
{
    internal KpiFigure(string metric, AggregationKind kind, decimal? value, string explanation, int channels, int figures, IReadOnlyList<string>? warnings = null)
    {
        Warnings = warnings ?? Array.Empty<string>();
        Metric = metric;
        Kind = kind;
        Value = value;
        Explanation = explanation;
        Channels = channels;
        Figures = figures;
    }

    /// <summary>The canonical metric key.</summary>
    public string Metric { get; }

    /// <summary>How the metric aggregates.</summary>
    public AggregationKind Kind { get; }

    /// <summary>The figure, or null when it cannot be computed honestly (see <see cref="Explanation"/>).</summary>
    public decimal? Value { get; }

    /// <summary>Whether there is a figure.</summary>
    public bool IsAvailable => Value.HasValue;

    /// <summary>How the figure was made, or why there is none.</summary>
    public string Explanation { get; }

    /// <summary>How many channels contributed.</summary>
    public int Channels { get; }

    /// <summary>How many stored figures were used.</summary>
    public int Figures { get; }

    /// <summary>
    /// What makes the figure less than certain, one line each (a lifetime counter with no reading before the period,
    /// or one that went down and was treated as a reset); empty when nothing is flagged.
    /// </summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>Whether anything is flagged in <see cref="Warnings"/>.</summary>
    public bool IsFlagged => Warnings.Count > 0;

    /// <inheritdoc />
    public override string ToString() => Value is { } v ? $"{v} ({Explanation})" : "n/a: " + Explanation;
}
