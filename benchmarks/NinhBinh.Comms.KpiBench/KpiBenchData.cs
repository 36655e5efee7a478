using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using NinhBinh.Comms.Metrics;

namespace NinhBinh.Comms.Benchmarks;

/// <summary>
/// Deterministic KPI data sets for the benchmarks: 200 units of Ninh Bình (its communes in force, then pre-2025 codes
/// that were merged into one of them, so old codes are mapped through their successors), 6 channels each (one per
/// platform: zalo, facebook, youtube, tiktok, web, radio) and 8 measured metrics, daily figures. The same arguments
/// always give the same bytes.
/// </summary>
public static class KpiBenchData
{
    /// <summary>The day the data sets are read on ("today" in Vietnam): after the statistical year 2026.</summary>
    public static readonly DateTime Today = new(2026, 12, 20);

    /// <summary>The measured metrics (engagement.interactions and engagement.rate are computed from them).</summary>
    public static readonly string[] Metrics =
    {
        MetricCatalog.ContentPublished, MetricCatalog.ContentViews, MetricCatalog.AudienceReach, MetricCatalog.EngagementReactions,
        MetricCatalog.EngagementComments, MetricCatalog.EngagementShares, MetricCatalog.AudienceFollowers, MetricCatalog.VideoWatchTime,
    };

    /// <summary>One channel per platform.</summary>
    public static readonly string[] Platforms = { "zalo", "facebook", "youtube", "tiktok", "web", "radio" };

    /// <summary>The statistical year 2026 (2025-12-15 to 2026-12-14).</summary>
    public static ReportingPeriod Year => ReportingPeriod.Statistical(ReportingPeriodKind.Year, 2026);

    /// <summary>
    /// <paramref name="count"/> unit codes of Ninh Bình (37): the communes in force on <see cref="Today"/> by code, then
    /// codes that ended on 2025-06-30 and were merged into exactly one commune of 37.
    /// </summary>
    public static IReadOnlyList<string> Units(int count = 200)
    {
        var registry = AdministrativeUnitRegistry.Default;
        var current = registry.GetChildren("37", Today).Select(u => u.Code).OrderBy(c => c, StringComparer.Ordinal).ToList();
        var inForce = new HashSet<string>(current, StringComparer.Ordinal);
        var old = registry.Units
            .Where(u => u.Level != AdministrativeLevel.Province && u.ValidTo is not null && u.SuccessorCodes.Count == 1 && inForce.Contains(u.SuccessorCodes[0]) && !inForce.Contains(u.Code))
            .Select(u => u.Code).Distinct().OrderBy(c => c, StringComparer.Ordinal);
        var units = current.Concat(old).Take(count).ToList();
        if (units.Count < count)
        {
            throw new InvalidOperationException($"The registry has only {units.Count} usable unit codes of Ninh Bình, {count} asked.");
        }

        return units;
    }

    /// <summary>
    /// Writes an observation CSV of <paramref name="rows"/> daily figures: series by series (unit, channel, metric),
    /// each from <paramref name="firstDay"/> on, as many days as needed. Returns the path.
    /// </summary>
    public static string WriteDailyCsv(string path, int rows, DateTime firstDay)
    {
        var units = Units();
        var series = units.Count * Platforms.Length * Metrics.Length;
        var days = (rows + series - 1) / series;
        if (firstDay.AddDays(days - 1) > Today)
        {
            throw new ArgumentOutOfRangeException(nameof(rows), $"{rows} rows need {days} days from {firstDay:yyyy-MM-dd}, past {Today:yyyy-MM-dd}.");
        }

        using var writer = new StreamWriter(path, false, new UTF8Encoding(true), 1 << 16);
        writer.Write(KpiCsv.ObservationHeader + "\n");
        var written = 0;
        var dates = Enumerable.Range(0, days).Select(d => firstDay.AddDays(d).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).ToArray();
        for (var u = 0; u < units.Count && written < rows; u++)
        {
            for (var p = 0; p < Platforms.Length && written < rows; p++)
            {
                var channel = ChannelName(Platforms[p], units[u]);
                for (var m = 0; m < Metrics.Length && written < rows; m++)
                {
                    for (var d = 0; d < days && written < rows; d++, written++)
                    {
                        var value = Value(Metrics[m], u, p, (firstDay - Year.Start).Days + d);
                        writer.Write($"{units[u]},{channel},{Platforms[p]},{Metrics[m]},{value.ToString(CultureInfo.InvariantCulture)},{dates[d]},{dates[d]},,\n");
                    }
                }
            }
        }

        return path;
    }

    /// <summary>The channel of a platform in a unit.</summary>
    public static string ChannelName(string platform, string unit) => platform switch
    {
        "zalo" => "OA " + unit,
        "facebook" => "Trang " + unit,
        "youtube" => "Kênh video " + unit,
        "tiktok" => "TikTok " + unit,
        "web" => "Cổng TTĐT " + unit,
        _ => "Đài truyền thanh " + unit,
    };

    /// <summary>A deterministic figure for a metric of a channel on the <paramref name="day"/>-th day of the year.</summary>
    public static long Value(string metric, int unit, int platform, int day)
    {
        var h = Mix(((ulong)(uint)unit << 40) ^ ((ulong)(uint)platform << 32) ^ (ulong)(uint)(day + 1000) ^ ((ulong)metric.Length << 56));
        return metric switch
        {
            MetricCatalog.ContentPublished => (long)(h % 6),
            MetricCatalog.ContentViews => (long)(h % 5000),
            MetricCatalog.AudienceReach => (long)(h % 3000),
            MetricCatalog.EngagementReactions => (long)(h % 300),
            MetricCatalog.EngagementComments => (long)(h % 50),
            MetricCatalog.EngagementShares => (long)(h % 80),
            MetricCatalog.AudienceFollowers => 1000 + (unit * 13) + (platform * 7) + (day * 3) + (long)(h % 5),
            _ => (long)(h % 36000),
        };
    }

    /// <summary>SplitMix64's finalizer.</summary>
    private static ulong Mix(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }
}
