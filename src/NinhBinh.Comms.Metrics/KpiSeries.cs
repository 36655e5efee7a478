using System;
using System.Collections.Generic;
using System.Linq;

namespace NinhBinh.Comms.Metrics;

/// <summary>
/// One channel's figures of one metric, reduced for a period by the rules (<see cref="KpiAggregator"/>): what a sum
/// takes from it, its figure for exactly the period, its last figure. Made from the figures themselves, or by the
/// SQLite store in SQL when every figure of the channel is daily (daily figures never overlap, so a sum takes them all).
/// </summary>
internal sealed class KpiSeries
{
    public KpiSeries(string unitCode, string channel, KpiPlatform platform, string metric)
    {
        UnitCode = unitCode;
        Channel = channel;
        Platform = platform;
        Metric = metric;
    }

    public string UnitCode { get; }

    public string Channel { get; }

    public KpiPlatform Platform { get; }

    public string Metric { get; }

    /// <summary>The channel: its unit code as imported, name and platform.</summary>
    public (string, string, KpiPlatform) Key => (UnitCode, Channel, Platform);

    /// <summary>Figures that touch the period (or, for a snapshot, end on or before its end).</summary>
    public int Figures { get; set; }

    /// <summary>The sum of the figures a sum takes (<see cref="KpiAggregator.Cover"/>).</summary>
    public decimal Sum { get; set; }

    /// <summary>How many figures the sum takes.</summary>
    public int Used { get; set; }

    /// <summary>The figure for exactly the period, when there is one.</summary>
    public decimal? Exact { get; set; }

    /// <summary>The last figure on or before the period's end (latest end, then shortest period), for snapshots.</summary>
    public decimal? Last { get; set; }

    /// <summary>The end of <see cref="Last"/>'s period.</summary>
    public DateTime LastEnd { get; set; }

    /// <summary>For views in the yearly report: the sum of each statistical month (same rule as <see cref="Sum"/>).</summary>
    public decimal[]? Months { get; set; }

    /// <summary>Reduces one channel's figures of one metric for [<paramref name="from"/>, <paramref name="to"/>].</summary>
    /// <param name="figures">The channel's figures (all of one unit code, channel, platform and metric).</param>
    /// <param name="from">The first day.</param>
    /// <param name="to">The last day.</param>
    /// <param name="snapshot">Whether the figures are those on or before <paramref name="to"/>, for the last one.</param>
    public static KpiSeries OfChannel(IReadOnlyCollection<MetricObservation> figures, DateTime from, DateTime to, bool snapshot)
    {
        var first = figures.First();
        var series = new KpiSeries(first.UnitCode, first.Channel, first.Platform, first.Metric) { Figures = figures.Count };
        if (snapshot)
        {
            var last = figures.OrderByDescending(o => o.PeriodEnd).ThenBy(o => o.PeriodEnd - o.PeriodStart).First();
            series.Last = last.Value;
            series.LastEnd = last.PeriodEnd;
            return series;
        }

        var chosen = KpiAggregator.Cover(figures, from, to);
        series.Sum = chosen.Sum(o => o.Value);
        series.Used = chosen.Count;
        series.Exact = figures.FirstOrDefault(o => o.PeriodStart == from && o.PeriodEnd == to)?.Value;
        return series;
    }

    /// <summary>Reduces figures of one metric, channel by channel.</summary>
    public static List<KpiSeries> Of(IEnumerable<MetricObservation> figures, DateTime from, DateTime to, bool snapshot)
        => figures.GroupBy(o => (o.UnitCode, o.Channel, o.Platform)).Select(g => OfChannel(g.ToList(), from, to, snapshot)).ToList();
}
