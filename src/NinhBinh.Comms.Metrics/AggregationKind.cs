namespace NinhBinh.Comms.Metrics;

/// <summary>How a KPI's figures combine across days, units and platforms. Reports that ignore this double-count.</summary>
public enum AggregationKind
{
    /// <summary>Counts that add across days, units and platforms: views, shares, items published.</summary>
    Sum = 0,

    /// <summary>
    /// Unique counts (reach, active users) that never add across days, pages or platforms: take the platform's own
    /// figure for the period, or label a sum "sum of daily uniques".
    /// </summary>
    Unique = 1,

    /// <summary>Point-in-time values (followers): the last value at or before the cut-off.</summary>
    Snapshot = 2,

    /// <summary>Ratios (engagement rate): recomputed from summed numerators and denominators, never averaged.</summary>
    Ratio = 3,

    /// <summary>
    /// Lifetime (running-total) counters read at moments, such as a post's total views: stored as readings, never
    /// added. The figure for a period is the growth: the last reading at or before the period's end minus the last
    /// reading before its start, a decrease being treated as a reset to zero and flagged (see <see cref="KpiFigure.Warnings"/>).
    /// </summary>
    Lifetime = 4,
}
