using System;
using System.Collections.Generic;
using System.Globalization;

namespace NinhBinh.Comms.Metrics;

/// <summary>One of the plan's indicators, evaluated for a unit on a date.</summary>
public sealed class IndicatorResult
{
    internal IndicatorResult(string key, string title, int numerator, int denominator, decimal target, DateTime deadline, IndicatorStatus status, IReadOnlyList<string> missing)
    {
        Key = key;
        Title = title;
        Numerator = numerator;
        Denominator = denominator;
        Target = target;
        Deadline = deadline;
        Status = status;
        Missing = missing;
    }

    /// <summary>The indicator's key, e.g. <c>zalo-oa-coverage</c>.</summary>
    public string Key { get; }

    /// <summary>What it measures, in Vietnamese.</summary>
    public string Title { get; }

    /// <summary>Units (or reports) that have it.</summary>
    public int Numerator { get; }

    /// <summary>Units (or reports) that should.</summary>
    public int Denominator { get; }

    /// <summary>The share to reach (1 = 100 %).</summary>
    public decimal Target { get; }

    /// <summary>The day by which the target must be reached.</summary>
    public DateTime Deadline { get; }

    /// <summary>Met, on track or behind.</summary>
    public IndicatorStatus Status { get; }

    /// <summary>Codes of the units that are missing it.</summary>
    public IReadOnlyList<string> Missing { get; }

    /// <summary>The share reached (0 when the denominator is 0).</summary>
    public decimal Share => Denominator == 0 ? 0 : (decimal)Numerator / Denominator;

    /// <summary>The status as scripts read it: <c>met</c>, <c>on-track</c> or <c>behind</c>.</summary>
    public string StatusText => Status switch
    {
        IndicatorStatus.Met => "met",
        IndicatorStatus.OnTrack => "on-track",
        _ => "behind",
    };

    /// <summary><c>&lt;key&gt; &lt;numerator&gt;/&lt;denominator&gt; &lt;status&gt;</c>, the line <c>nbcomms kpi indicators</c> prints.</summary>
    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "{0} {1}/{2} {3}", Key, Numerator, Denominator, StatusText);
}
