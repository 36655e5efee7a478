namespace NinhBinh.Comms.Metrics;

/// <summary>The length of a reporting period.</summary>
public enum ReportingPeriodKind
{
    /// <summary>One month.</summary>
    Month = 0,

    /// <summary>One quarter.</summary>
    Quarter = 1,

    /// <summary>The first six months of the year (cumulative).</summary>
    SixMonths = 2,

    /// <summary>The first nine months of the year (cumulative).</summary>
    NineMonths = 3,

    /// <summary>The whole year.</summary>
    Year = 4,
}
