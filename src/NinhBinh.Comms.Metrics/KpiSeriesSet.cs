using System.Collections.Generic;
using System.Linq;

namespace NinhBinh.Comms.Metrics;

/// <summary>The series of every metric of a unit for a period, by metric (<see cref="SqliteKpiStore"/>'s yearly-report read).</summary>
internal sealed class KpiSeriesSet
{
    private readonly Dictionary<string, List<KpiSeries>> _byMetric = new();

    public void Add(KpiSeries series)
    {
        if (!_byMetric.TryGetValue(series.Metric, out var list))
        {
            _byMetric[series.Metric] = list = new List<KpiSeries>();
        }

        list.Add(series);
    }

    /// <summary>The series of a metric, of one platform or all.</summary>
    public IReadOnlyList<KpiSeries> Of(string metric, KpiPlatform? platform = null)
        => !_byMetric.TryGetValue(metric, out var list) ? new List<KpiSeries>()
            : platform is { } p ? list.Where(s => s.Platform == p).ToList()
            : list;
}
