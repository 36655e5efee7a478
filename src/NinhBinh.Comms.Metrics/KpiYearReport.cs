using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace NinhBinh.Comms.Metrics;

/// <summary>
/// The yearly report of a commune or the whole province over the statistical year (15 December of the previous year
/// to 14 December): every canonical metric computed by the rules, totals by platform, the monthly trend of views per
/// channel, and the plan's indicators. Written as JSON, CSV (UTF-8 with BOM) and one self-contained HTML page with
/// inline SVG charts (no network needed).
/// </summary>
public sealed class KpiYearReport
{
    private static readonly KpiPlatform[] AllPlatforms =
    {
        KpiPlatform.Zalo, KpiPlatform.Facebook, KpiPlatform.YouTube, KpiPlatform.TikTok, KpiPlatform.Web, KpiPlatform.Radio, KpiPlatform.Board, KpiPlatform.Other,
    };

    private static readonly string[] PlatformMetrics = { MetricCatalog.ContentPublished, MetricCatalog.ContentViews, MetricCatalog.EngagementInteractions, MetricCatalog.EngagementShares };

    private KpiYearReport(AdministrativeUnit unit, int year, ReportingPeriod period, DateTimeOffset producedAt, IReadOnlyList<KpiFigure> totals,
        IReadOnlyList<(KpiPlatform Platform, KpiFigure Figure)> byPlatform, IReadOnlyList<(string Channel, decimal[] Months)> trend, IReadOnlyList<IndicatorResult> indicators, DateTime indicatorsAsOf, IReadOnlyList<KpiRollup> topics)
    {
        Topics = topics;
        Unit = unit;
        Year = year;
        Period = period;
        ProducedAt = producedAt;
        Totals = totals;
        ByPlatform = byPlatform;
        Trend = trend;
        Indicators = indicators;
        IndicatorsAsOf = indicatorsAsOf;
    }

    /// <summary>The unit reported on (in force).</summary>
    public AdministrativeUnit Unit { get; }

    /// <summary>The report's year.</summary>
    public int Year { get; }

    /// <summary>The statistical year.</summary>
    public ReportingPeriod Period { get; }

    /// <summary>When the report was produced.</summary>
    public DateTimeOffset ProducedAt { get; }

    /// <summary>Every canonical metric for the year (a unique metric may have no figure, with the reason).</summary>
    public IReadOnlyList<KpiFigure> Totals { get; }

    /// <summary>Sums by platform (items published, views, interactions, shares).</summary>
    public IReadOnlyList<(KpiPlatform Platform, KpiFigure Figure)> ByPlatform { get; }

    /// <summary>Views per channel (<c>platform/unit/channel</c>) in each of the year's 12 statistical months.</summary>
    public IReadOnlyList<(string Channel, decimal[] Months)> Trend { get; }

    /// <summary>The plan's indicators.</summary>
    public IReadOnlyList<IndicatorResult> Indicators { get; }

    /// <summary>The day the indicators were evaluated for (the year's end, or today when earlier).</summary>
    public DateTime IndicatorsAsOf { get; }

    /// <summary>Content items published in the year by topic, most first (<see cref="KpiAggregator.ByTopicAsync"/>); empty when no content items are recorded.</summary>
    public IReadOnlyList<KpiRollup> Topics { get; }

    /// <summary>Builds the report from a store, and records in it that the report was produced (for <c>report-on-time</c>).</summary>
    /// <param name="store">The figures.</param>
    /// <param name="unitCode">A province or commune code.</param>
    /// <param name="year">The year (its statistical year: 15 December of the year before to 14 December).</param>
    /// <param name="registry">Administrative units (default <see cref="AdministrativeUnitRegistry.Default"/>).</param>
    /// <param name="timeProvider">The clock (default: the system clock).</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>The report.</returns>
    public static async Task<KpiYearReport> CreateAsync(IKpiStore store, string unitCode, int year, AdministrativeUnitRegistry? registry = null, TimeProvider? timeProvider = null, CancellationToken cancellationToken = default)
    {
        if (store is null)
        {
            throw new ArgumentNullException(nameof(store));
        }

        var time = timeProvider ?? TimeProvider.System;
        var period = ReportingPeriod.Statistical(ReportingPeriodKind.Year, year);
        var aggregator = new KpiAggregator(store, registry, time);
        var unit = aggregator.ResolveUnit(unitCode, period.End);
        var months = Enumerable.Range(1, 12).Select(m => ReportingPeriod.Statistical(ReportingPeriodKind.Month, year, m)).ToList();
        var series = store is SqliteKpiStore sqlite ? await sqlite.SummarizeAsync(unit.Code, period.Start, period.End, months, cancellationToken).ConfigureAwait(false) : null;
        var (totals, byPlatform, trend) = series is null
            ? await FromFiguresAsync(store, aggregator, unit, period, months, cancellationToken).ConfigureAwait(false)
            : await FromSeriesAsync(series, aggregator, unit, period, cancellationToken).ConfigureAwait(false);

        var today = time.GetVietnamToday();
        var asOf = today < period.End ? today : period.End;
        var producedAt = time.GetUtcNow();
        await store.RecordReportAsync(unit.Code, year, producedAt, cancellationToken).ConfigureAwait(false);
        var indicators = await new KpiIndicators(store, registry, time).EvaluateAsync(unit.Code, asOf, cancellationToken).ConfigureAwait(false);
        var topics = await aggregator.ByTopicAsync(unit.Code, period, null, cancellationToken).ConfigureAwait(false);
        return new KpiYearReport(unit, year, period, producedAt, totals, byPlatform, trend, indicators, asOf, topics);
    }

    /// <summary>Totals, platforms and trend through the store's figure queries (any <see cref="IKpiStore"/>).</summary>
    private static async Task<(List<KpiFigure>, List<(KpiPlatform, KpiFigure)>, List<(string, decimal[])>)> FromFiguresAsync(
        IKpiStore store, KpiAggregator aggregator, AdministrativeUnit unit, ReportingPeriod period, IReadOnlyList<ReportingPeriod> months, CancellationToken cancellationToken)
    {
        var totals = new List<KpiFigure>();
        foreach (var metric in MetricCatalog.All)
        {
            totals.Add(await aggregator.TotalAsync(unit.Code, metric.Key, period, null, cancellationToken).ConfigureAwait(false));
        }

        var byPlatform = new List<(KpiPlatform, KpiFigure)>();
        foreach (var platform in AllPlatforms)
        {
            foreach (var metric in PlatformMetrics)
            {
                var figure = await aggregator.TotalAsync(unit.Code, metric, period, platform, cancellationToken).ConfigureAwait(false);
                if (figure.Channels > 0)
                {
                    byPlatform.Add((platform, figure));
                }
            }
        }

        var views = await store.QueryAsync(new KpiQuery(unit.Code, MetricCatalog.ContentViews, period.Start, period.End), cancellationToken).ConfigureAwait(false);
        var trend = new List<(string, decimal[])>();
        foreach (var channel in views.GroupBy(o => (o.Platform, o.UnitCode, o.Channel)).OrderBy(g => g.Key.Platform).ThenBy(g => g.Key.UnitCode).ThenBy(g => g.Key.Channel, StringComparer.Ordinal))
        {
            var sums = months.Select(month => KpiAggregator.Cover(channel, month.Start, month.End).Sum(o => o.Value)).ToArray();
            trend.Add(($"{MetricCatalog.PlatformName(channel.Key.Platform)}/{channel.Key.UnitCode}/{channel.Key.Channel}", sums));
        }

        return (totals, byPlatform, trend);
    }

    /// <summary>The same from series the SQLite store reduced in one pass (<see cref="SqliteKpiStore.SummarizeAsync"/>), by the same rules.</summary>
    private static async Task<(List<KpiFigure>, List<(KpiPlatform, KpiFigure)>, List<(string, decimal[])>)> FromSeriesAsync(KpiSeriesSet series,
        KpiAggregator aggregator, AdministrativeUnit unit, ReportingPeriod period, CancellationToken cancellationToken)
    {
        var totals = new List<KpiFigure>();
        foreach (var metric in MetricCatalog.All)
        {
            totals.Add(metric.Kind == AggregationKind.Lifetime
                ? await aggregator.TotalAsync(unit.Code, metric.Key, period, null, cancellationToken).ConfigureAwait(false) // deltas need the readings themselves
                : await KpiAggregator.ComputeAsync(metric, period.Start, period.End, (m, _) => Task.FromResult(series.Of(m))).ConfigureAwait(false));
        }

        var byPlatform = new List<(KpiPlatform, KpiFigure)>();
        foreach (var platform in AllPlatforms)
        {
            foreach (var metric in PlatformMetrics)
            {
                var figure = await KpiAggregator.ComputeAsync(MetricCatalog.Get(metric), period.Start, period.End, (m, _) => Task.FromResult(series.Of(m, platform))).ConfigureAwait(false);
                if (figure.Channels > 0)
                {
                    byPlatform.Add((platform, figure));
                }
            }
        }

        var trend = series.Of(MetricCatalog.ContentViews).OrderBy(s => s.Platform).ThenBy(s => s.UnitCode).ThenBy(s => s.Channel, StringComparer.Ordinal)
            .Select(s => ($"{MetricCatalog.PlatformName(s.Platform)}/{s.UnitCode}/{s.Channel}", s.Months!)).ToList();
        return (totals, byPlatform, trend);
    }

    /// <summary>Writes the JSON, CSV and HTML files into a folder (created when missing).</summary>
    /// <param name="folder">The folder.</param>
    /// <returns>The three paths: JSON, CSV, HTML.</returns>
    public IReadOnlyList<string> WriteFiles(string folder)
    {
        Directory.CreateDirectory(folder);
        var stem = Path.Combine(folder, $"kpi-report-{Unit.Code}-{Year.ToString(CultureInfo.InvariantCulture)}");
        using (var json = File.Create(stem + ".json"))
        {
            WriteJson(json);
        }

        using (var csv = new StreamWriter(stem + ".csv", false, new UTF8Encoding(true)))
        {
            WriteCsv(csv);
        }

        using (var html = new StreamWriter(stem + ".html", false, new UTF8Encoding(false)))
        {
            WriteHtml(html);
        }

        return new[] { stem + ".json", stem + ".csv", stem + ".html" };
    }

    /// <summary>Writes the report as UTF-8 JSON.</summary>
    /// <param name="stream">Where to write.</param>
    public void WriteJson(Stream stream)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteString("unit", Unit.Code);
        json.WriteString("unitName", Unit.Name);
        json.WriteNumber("year", Year);
        json.WriteString("periodStart", KpiCsv.Date(Period.Start));
        json.WriteString("periodEnd", KpiCsv.Date(Period.End));
        json.WriteString("producedAt", VietnamTime.ToVietnamTime(ProducedAt).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));
        json.WriteStartArray("metrics");
        foreach (var f in Totals)
        {
            WriteFigure(json, f, null);
        }

        json.WriteEndArray();
        json.WriteStartArray("byPlatform");
        foreach (var (platform, f) in ByPlatform)
        {
            WriteFigure(json, f, platform);
        }

        json.WriteEndArray();
        json.WriteStartArray("viewsTrend");
        foreach (var (channel, months) in Trend)
        {
            json.WriteStartObject();
            json.WriteString("channel", channel);
            json.WriteStartArray("months");
            foreach (var m in months)
            {
                json.WriteNumberValue(m);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteString("indicatorsAsOf", KpiCsv.Date(IndicatorsAsOf));
        json.WriteStartArray("indicators");
        foreach (var i in Indicators)
        {
            json.WriteStartObject();
            json.WriteString("key", i.Key);
            json.WriteString("title", i.Title);
            json.WriteNumber("numerator", i.Numerator);
            json.WriteNumber("denominator", i.Denominator);
            json.WriteNumber("target", i.Target);
            json.WriteString("deadline", KpiCsv.Date(i.Deadline));
            json.WriteString("status", i.StatusText);
            json.WriteStartArray("missing");
            foreach (var m in i.Missing)
            {
                json.WriteStringValue(m);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("topics");
        foreach (var t in Topics)
        {
            json.WriteStartObject();
            if (t.Key is null)
            {
                json.WriteNull("key");
            }
            else
            {
                json.WriteString("key", t.Key);
            }

            json.WriteString("name", t.Name);
            json.WriteNumber("items", t.Items);
            json.WriteNumber("channels", t.Channels);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>Writes the report as CSV rows <c>section,key,platform,value,note</c> (write it UTF-8 with a BOM for Excel).</summary>
    /// <param name="writer">Where to write.</param>
    public void WriteCsv(TextWriter writer)
    {
        if (writer is null)
        {
            throw new ArgumentNullException(nameof(writer));
        }

        writer.Write("section,key,platform,value,note\r\n");
        void Row(string section, string key, string platform, string value, string note)
            => writer.Write(string.Join(",", KpiCsv.Quote(section), KpiCsv.Quote(key), platform, value, KpiCsv.Quote(note)) + "\r\n");
        foreach (var f in Totals)
        {
            Row("metric", f.Metric, string.Empty, f.Value is { } v ? KpiAggregator.Format(v) : string.Empty, f.Explanation);
        }

        foreach (var (platform, f) in ByPlatform)
        {
            Row("platform", f.Metric, MetricCatalog.PlatformName(platform), f.Value is { } v ? KpiAggregator.Format(v) : string.Empty, f.Explanation);
        }

        foreach (var (channel, months) in Trend)
        {
            for (var m = 0; m < 12; m++)
            {
                Row("views-trend", channel, string.Empty, KpiAggregator.Format(months[m]), ReportingPeriod.Statistical(ReportingPeriodKind.Month, Year, m + 1).ToString());
            }
        }

        foreach (var i in Indicators)
        {
            Row("indicator", i.Key, string.Empty, $"{i.Numerator.ToString(CultureInfo.InvariantCulture)}/{i.Denominator.ToString(CultureInfo.InvariantCulture)}", $"{i.StatusText}; target {(i.Target * 100).ToString("0", CultureInfo.InvariantCulture)}% by {KpiCsv.Date(i.Deadline)}; as of {KpiCsv.Date(IndicatorsAsOf)}");
        }

        foreach (var t in Topics)
        {
            Row("topic", t.Key ?? string.Empty, string.Empty, t.Items.ToString(CultureInfo.InvariantCulture), $"{t.Name}; {t.Channels.ToString(CultureInfo.InvariantCulture)} channels; content items published");
        }
    }

    /// <summary>Writes one self-contained HTML page (inline CSS and SVG, no script, no network) in Vietnamese.</summary>
    /// <param name="writer">Where to write (UTF-8).</param>
    public void WriteHtml(TextWriter writer)
    {
        if (writer is null)
        {
            throw new ArgumentNullException(nameof(writer));
        }

        var s = new StringBuilder();
        s.Append("<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\"><title>")
            .Append(H($"Báo cáo truyền thông chính sách năm {Year} — {Unit.Name}")).Append("</title>\n<style>")
            .Append("body{font-family:'Noto Sans','DejaVu Sans',Arial,sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:1em 0}")
            .Append("td,th{border:1px solid #ccc;padding:4px 8px;text-align:left}td.n{text-align:right}.met{color:#1a7f37}.on-track{color:#9a6700}.behind{color:#cf222e}")
            .Append("</style></head><body>\n");
        s.Append("<h1>").Append(H($"Báo cáo kết quả truyền thông chính sách năm {Year}")).Append("</h1>\n<p>")
            .Append(H($"{Unit.Name} ({Unit.Code}). Kỳ thống kê năm (Nghị định 09/2019): {Period.Start:dd/MM/yyyy} – {Period.End:dd/MM/yyyy}. Lập lúc {VietnamTime.ToVietnamTime(ProducedAt):dd/MM/yyyy HH:mm} (giờ Việt Nam)."))
            .Append("</p>\n");

        s.Append("<h2>Chỉ tiêu của Kế hoạch</h2>\n").Append(IndicatorChart()).Append("<table><tr><th>Chỉ tiêu</th><th>Đạt</th><th>Hạn</th><th>Tình trạng</th><th>Đơn vị còn thiếu</th></tr>\n");
        foreach (var i in Indicators)
        {
            s.Append("<tr><td>").Append(H(i.Title)).Append(" <small>(").Append(H(i.Key)).Append(")</small></td><td class=\"n\">")
                .Append(i.Numerator).Append('/').Append(i.Denominator).Append("</td><td>").Append(i.Deadline.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture))
                .Append("</td><td class=\"").Append(i.StatusText).Append("\">").Append(H(i.Status switch { IndicatorStatus.Met => "Đạt", IndicatorStatus.OnTrack => "Đúng tiến độ", _ => "Chậm" }))
                .Append("</td><td>").Append(H(i.Missing.Count > 8 ? string.Join(", ", i.Missing.Take(8)) + $" (+{i.Missing.Count - 8})" : string.Join(", ", i.Missing))).Append("</td></tr>\n");
        }

        s.Append("</table>\n<h2>Số liệu cả năm</h2>\n<table><tr><th>Chỉ số</th><th>Giá trị</th><th>Cách tính</th></tr>\n");
        foreach (var f in Totals)
        {
            s.Append("<tr><td>").Append(H(MetricTitle(f.Metric))).Append(" <small>(").Append(H(f.Metric)).Append(")</small></td><td class=\"n\">")
                .Append(f.Value is { } v ? H(v.ToString("#,0.####", CultureInfo.GetCultureInfo("vi-VN"))) : "—").Append("</td><td>").Append(H(f.Explanation)).Append("</td></tr>\n");
        }

        s.Append("</table>\n<h2>Xu hướng lượt xem theo kênh (tháng thống kê)</h2>\n").Append(TrendChart());
        s.Append("<h2>Theo nền tảng</h2>\n<table><tr><th>Nền tảng</th><th>Chỉ số</th><th>Giá trị</th></tr>\n");
        foreach (var (platform, f) in ByPlatform)
        {
            s.Append("<tr><td>").Append(H(MetricCatalog.PlatformName(platform))).Append("</td><td>").Append(H(MetricTitle(f.Metric))).Append("</td><td class=\"n\">")
                .Append(f.Value is { } v ? H(v.ToString("#,0.####", CultureInfo.GetCultureInfo("vi-VN"))) : "—").Append("</td></tr>\n");
        }

        s.Append("</table>\n<h2>Chủ đề nổi bật</h2>\n");
        if (Topics.Count == 0)
        {
            s.Append("<p>").Append(H("Chưa có tin bài kèm chủ đề trong kho số liệu (nhập tệp tin bài, chủ đề để có mục này).")).Append("</p>\n");
        }
        else
        {
            s.Append(TopicChart()).Append("<p><small>")
                .Append(H("Số tin bài đã đăng theo chủ đề; một tin bài thuộc nhiều chủ đề được đếm ở mỗi chủ đề."))
                .Append("</small></p>\n");
        }

        s.Append("</body></html>\n");
        writer.Write(s.ToString());
    }

    /// <summary>Escapes text for HTML, leaving Vietnamese letters as they are (the page is UTF-8).</summary>
    private static string H(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;");

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string MetricTitle(string key) => key switch
    {
        MetricCatalog.ContentPublished => "Tin bài đã đăng",
        MetricCatalog.ContentViews => "Lượt xem",
        MetricCatalog.AudienceReach => "Số người tiếp cận",
        MetricCatalog.EngagementReactions => "Lượt bày tỏ cảm xúc",
        MetricCatalog.EngagementComments => "Bình luận",
        MetricCatalog.EngagementShares => "Lượt chia sẻ",
        MetricCatalog.EngagementInteractions => "Lượt tương tác",
        MetricCatalog.AudienceFollowers => "Người theo dõi",
        MetricCatalog.VideoWatchTime => "Thời gian xem video (giây)",
        MetricCatalog.EngagementRate => "Tỷ lệ tương tác",
        MetricCatalog.ContentViewsLifetime => "Lượt xem tăng thêm (bộ đếm lũy kế)",
        MetricCatalog.EngagementReactionsLifetime => "Lượt bày tỏ cảm xúc tăng thêm (bộ đếm lũy kế)",
        MetricCatalog.EngagementCommentsLifetime => "Bình luận tăng thêm (bộ đếm lũy kế)",
        MetricCatalog.EngagementSharesLifetime => "Lượt chia sẻ tăng thêm (bộ đếm lũy kế)",
        _ => key,
    };

    private static void WriteFigure(Utf8JsonWriter json, KpiFigure f, KpiPlatform? platform)
    {
        json.WriteStartObject();
        json.WriteString("metric", f.Metric);
        if (platform is { } p)
        {
            json.WriteString("platform", MetricCatalog.PlatformName(p));
        }

        json.WriteString("aggregation", f.Kind.ToString().ToLowerInvariant());
        if (f.Value is { } v)
        {
            json.WriteNumber("value", v);
        }
        else
        {
            json.WriteNull("value");
        }

        json.WriteString("explanation", f.Explanation);
        json.WriteNumber("channels", f.Channels);
        if (f.IsFlagged)
        {
            json.WriteStartArray("warnings");
            foreach (var warning in f.Warnings)
            {
                json.WriteStringValue(warning);
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    private string TopicChart()
    {
        const int Row = 26;
        var top = Topics.Take(10).ToList();
        var most = Math.Max(1, top.Max(t => t.Items));
        var s = new StringBuilder();
        s.Append(Inv($"<svg class=\"chart\" id=\"topics-chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"640\" height=\"{(top.Count * Row) + 10}\" role=\"img\" aria-label=\"Chủ đề nổi bật\">"));
        for (var i = 0; i < top.Count; i++)
        {
            var y = (i * Row) + 5;
            var width = (int)Math.Round(300.0 * top[i].Items / most);
            var name = top[i].Name.Length > 34 ? top[i].Name.Substring(0, 33) + "…" : top[i].Name;
            s.Append(Inv($"<text x=\"0\" y=\"{y + 15}\" font-size=\"12\">{H(name)}</text>"))
                .Append(Inv($"<rect class=\"bar\" x=\"250\" y=\"{y}\" width=\"{width}\" height=\"18\" fill=\"#0969da\"/>"))
                .Append(Inv($"<text x=\"{255 + width}\" y=\"{y + 15}\" font-size=\"12\">{top[i].Items}</text>"));
        }

        return s.Append("</svg>\n").ToString();
    }

    private string IndicatorChart()
    {
        const int Row = 28;
        var s = new StringBuilder();
        s.Append(Inv($"<svg class=\"chart\" id=\"indicators-chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"640\" height=\"{(Indicators.Count * Row) + 10}\" role=\"img\" aria-label=\"Chỉ tiêu so với mục tiêu\">"));
        for (var i = 0; i < Indicators.Count; i++)
        {
            var indicator = Indicators[i];
            var y = (i * Row) + 5;
            var width = (int)Math.Round(300 * Math.Min(1m, indicator.Share));
            var color = indicator.Status switch { IndicatorStatus.Met => "#1a7f37", IndicatorStatus.OnTrack => "#bf8700", _ => "#cf222e" };
            s.Append(Inv($"<text x=\"0\" y=\"{y + 16}\" font-size=\"12\">{H(indicator.Key)}</text>"))
                .Append(Inv($"<rect x=\"220\" y=\"{y}\" width=\"300\" height=\"20\" fill=\"#eee\"/>"))
                .Append(Inv($"<rect class=\"bar\" x=\"220\" y=\"{y}\" width=\"{width}\" height=\"20\" fill=\"{color}\"/>"))
                .Append(Inv($"<line x1=\"520\" y1=\"{y - 2}\" x2=\"520\" y2=\"{y + 22}\" stroke=\"#000\"/>"))
                .Append(Inv($"<text x=\"530\" y=\"{y + 16}\" font-size=\"12\">{indicator.Numerator}/{indicator.Denominator}</text>"));
        }

        return s.Append("</svg>\n").ToString();
    }

    private string TrendChart()
    {
        if (Trend.Count == 0)
        {
            return "<p>Chưa có số liệu lượt xem trong năm.</p>\n";
        }

        string[] colors = { "#0969da", "#1a7f37", "#bf8700", "#8250df", "#cf222e", "#1b7c83", "#6e7781", "#953800" };
        const int Width = 640, Height = 260, Left = 60, Bottom = 30;
        var max = Math.Max(1m, Trend.SelectMany(t => t.Months).Max());
        var s = new StringBuilder();
        s.Append(Inv($"<svg class=\"chart\" id=\"trend-chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height + (Trend.Count * 16)}\" role=\"img\" aria-label=\"Lượt xem theo tháng\">"))
            .Append(Inv($"<line x1=\"{Left}\" y1=\"{Height - Bottom}\" x2=\"{Width - 10}\" y2=\"{Height - Bottom}\" stroke=\"#000\"/>"))
            .Append(Inv($"<line x1=\"{Left}\" y1=\"10\" x2=\"{Left}\" y2=\"{Height - Bottom}\" stroke=\"#000\"/>"))
            .Append(Inv($"<text x=\"0\" y=\"20\" font-size=\"11\">{max.ToString("#,0", CultureInfo.InvariantCulture)}</text>"));
        var step = (Width - Left - 20) / 11.0;
        for (var m = 0; m < 12; m++)
        {
            s.Append(Inv($"<text x=\"{Left + (m * step) - 8:0}\" y=\"{Height - 10}\" font-size=\"11\">T{m + 1}</text>"));
        }

        for (var c = 0; c < Trend.Count; c++)
        {
            var (channel, months) = Trend[c];
            var points = string.Join(" ", months.Select((v, m) => string.Format(CultureInfo.InvariantCulture, "{0:0.#},{1:0.#}", Left + (m * step), Height - Bottom - ((double)(v / max) * (Height - Bottom - 20)))));
            var color = colors[c % colors.Length];
            s.Append(Inv($"<polyline class=\"series\" fill=\"none\" stroke=\"{color}\" stroke-width=\"2\" points=\"{points}\"/>"))
                .Append(Inv($"<text x=\"{Left}\" y=\"{Height + (c * 16) + 4}\" font-size=\"12\" fill=\"{color}\">{H(channel)}</text>"));
        }

        return s.Append("</svg>\n").ToString();
    }
}
