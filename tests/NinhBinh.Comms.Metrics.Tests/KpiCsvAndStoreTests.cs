using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;

namespace NinhBinh.Comms.Metrics.Tests;

public class KpiCsvAndStoreTests
{
    private static readonly DateTime Today = new(2026, 11, 28);

    [Fact]
    public void Every_bad_row_is_reported_with_its_line_and_reason()
    {
        var csv = KpiCsv.ObservationHeader + "\n" +
            "14329,OA,zalo,content.views,10,2026-01-01,2026-01-01,,\n" +        // 2: good
            "99999,OA,zalo,content.views,10,2026-01-01,2026-01-01,,\n" +        // 3: unknown unit
            "14329,OA,myspace,content.views,10,2026-01-01,2026-01-01,,\n" +     // 4: platform
            "14329,OA,zalo,content.likes,10,2026-01-01,2026-01-01,,\n" +        // 5: metric
            "14329,OA,zalo,content.views,-3,2026-01-01,2026-01-01,,\n" +        // 6: negative
            "14329,OA,zalo,content.views,10,2026-12-01,2026-12-01,,\n" +        // 7: future
            "14329,OA,zalo,content.views,10,2026-01-02,2026-01-01,,\n" +        // 8: end before start
            "14329,OA,zalo,content.views,11,2026-01-01,2026-01-01,,\n" +        // 9: same key, other value than line 2
            "14329,OA,zalo,content.views,10\n" +                                // 10: columns
            "14329,\"OA, \"\"Hoa Lư\"\"\",zalo,content.views,5,2026-01-03,2026-01-03,,2026-01-04T08:00:00\n"; // 11: good, quoted

        var content = KpiCsv.Read(new StringReader(csv), today: Today);

        Assert.False(content.IsInventory);
        Assert.Equal(new[] { 3, 4, 5, 6, 7, 8, 9, 10 }, content.Problems.Select(p => p.Line));
        Assert.Contains("99999", content.Problems[0].Reason);
        Assert.Contains("myspace", content.Problems[1].Reason);
        Assert.Contains("content.likes", content.Problems[2].Reason);
        Assert.Contains("negative", content.Problems[3].Reason);
        Assert.Contains("future", content.Problems[4].Reason);
        Assert.Contains("before period_start", content.Problems[5].Reason);
        Assert.Contains("line 2", content.Problems[6].Reason);
        Assert.Contains("columns", content.Problems[7].Reason);
        Assert.Equal(2, content.Observations.Count);
        Assert.Equal("OA, \"Hoa Lư\"", content.Observations[1].Channel);
        Assert.Equal(new DateTimeOffset(2026, 1, 4, 8, 0, 0, TimeSpan.FromHours(7)), content.Observations[1].RetrievedAt);
    }

    [Fact]
    public void The_header_tells_observations_from_inventory_and_a_bom_is_optional()
    {
        var inventory = KpiCsv.Read(new StringReader("\uFEFF" + KpiCsv.InventoryHeader + "\n14329,OA,zalo,true,2025-07-01,\n14329,Loa,radio,maybe,,\n"), today: Today);
        var unknown = KpiCsv.Read(new StringReader("a,b,c\n1,2,3\n"), today: Today);

        Assert.True(inventory.IsInventory);
        Assert.Single(inventory.Channels);
        Assert.Equal(3, Assert.Single(inventory.Problems).Line);
        Assert.Equal(1, Assert.Single(unknown.Problems).Line);
    }

    [Fact]
    public void Written_csv_has_a_bom_and_reads_back_equal()
    {
        var path = Path.Combine(Path.GetTempPath(), "kpi-" + Guid.NewGuid().ToString("N") + ".csv");
        var o = new MetricObservation("14329", "Trang, \"Hoa Lư\"", KpiPlatform.Facebook, MetricCatalog.ContentViews, 12.5m, new DateTime(2026, 1, 1), new DateTime(2026, 1, 31))
        {
            SourceMetric = "page_media_view",
            RetrievedAt = new DateTimeOffset(2026, 2, 1, 8, 0, 0, TimeSpan.FromHours(7)),
        };
        try
        {
            KpiCsv.WriteObservationsFile(path, new[] { o });
            var bytes = File.ReadAllBytes(path);
            var read = KpiCsv.ReadFile(path, today: Today);

            Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes.Take(3));
            Assert.Empty(read.Problems);
            Assert.Equal(o, Assert.Single(read.Observations));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Importing_again_never_double_counts_and_a_later_retrieval_replaces()
    {
        var path = Path.Combine(Path.GetTempPath(), "kpi-" + Guid.NewGuid().ToString("N") + ".db");
        try
        {
            var first = new MetricObservation("14329", "OA", KpiPlatform.Zalo, MetricCatalog.ContentViews, 100, new DateTime(2026, 1, 1), new DateTime(2026, 1, 1))
            { RetrievedAt = new DateTimeOffset(2026, 1, 2, 0, 0, 0, TimeSpan.Zero) };
            var revised = first with { Value = 120, RetrievedAt = new DateTimeOffset(2026, 1, 5, 0, 0, 0, TimeSpan.Zero) };
            var stale = first with { Value = 90, RetrievedAt = new DateTimeOffset(2026, 1, 3, 0, 0, 0, TimeSpan.Zero) };
            using (var store = SqliteKpiStore.Open(path, timeProvider: KpiFixture.Clock))
            {
                var a = await store.ImportAsync(new[] { first });
                var b = await store.ImportAsync(new[] { first });
                var c = await store.ImportAsync(new[] { revised });
                var d = await store.ImportAsync(new[] { stale });

                Assert.Equal((1, 0), (a.Imported, a.AlreadyThere));
                Assert.Equal((0, 1), (b.Imported, b.AlreadyThere));
                Assert.Equal(revised, Assert.Single(c.Replaced));
                Assert.Equal(stale, Assert.Single(d.KeptEarlier));
            }

            using (var reopened = SqliteKpiStore.Open(path, timeProvider: KpiFixture.Clock))
            {
                var total = await new KpiAggregator(reopened, timeProvider: KpiFixture.Clock).TotalAsync("14329", MetricCatalog.ContentViews, new DateTime(2026, 1, 1), new DateTime(2026, 1, 31));
                Assert.Equal(120m, total.Value);
            }
        }
        finally
        {
            foreach (var file in Directory.GetFiles(Path.GetDirectoryName(path)!, Path.GetFileName(path) + "*"))
            {
                File.Delete(file);
            }
        }
    }

    [Fact]
    public void Platform_metric_names_map_to_canonical_keys_including_facebooks_renames()
    {
        Assert.Equal(MetricCatalog.ContentViews, MetricCatalog.MapPlatformMetric(KpiPlatform.Facebook, "page_impressions"));
        Assert.Equal(MetricCatalog.ContentViews, MetricCatalog.MapPlatformMetric(KpiPlatform.Facebook, "page_media_view"));
        Assert.Equal(MetricCatalog.AudienceReach, MetricCatalog.MapPlatformMetric(KpiPlatform.Facebook, "page_total_media_view_unique"));
        Assert.Equal(MetricCatalog.AudienceFollowers, MetricCatalog.MapPlatformMetric(KpiPlatform.Zalo, "num_follower"));
        Assert.Null(MetricCatalog.MapPlatformMetric(KpiPlatform.TikTok, "page_media_view"));
        Assert.Equal(AggregationKind.Unique, MetricCatalog.Get(MetricCatalog.AudienceReach).Kind);
        Assert.Equal(AggregationKind.Ratio, MetricCatalog.Get(MetricCatalog.EngagementRate).Kind);
    }

    [Fact]
    public async Task The_yearly_report_writes_json_csv_with_bom_and_html_with_charts_in_vietnamese()
    {
        using var store = await KpiFixture.LoadAsync();
        var folder = Path.Combine(Path.GetTempPath(), "kpi-report-" + Guid.NewGuid().ToString("N"));
        try
        {
            var report = await KpiYearReport.CreateAsync(store, "37", 2025, timeProvider: KpiFixture.Clock);
            var paths = report.WriteFiles(folder);

            var json = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(paths[0])).RootElement;
            Assert.Equal("37", json.GetProperty("unit").GetString());
            Assert.Equal(1000m, json.GetProperty("metrics").EnumerateArray().Single(m => m.GetProperty("metric").GetString() == "content.views").GetProperty("value").GetDecimal());
            Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, File.ReadAllBytes(paths[1]).Take(3));
            var html = File.ReadAllText(paths[2], Encoding.UTF8);
            Assert.Contains("<svg class=\"chart\" id=\"indicators-chart\"", html);
            Assert.Contains("<svg class=\"chart\" id=\"trend-chart\"", html);
            Assert.Contains("Báo cáo kết quả truyền thông chính sách năm 2025", html);
            Assert.Contains("zalo/14329/OA Hoa Lư", html);
            Assert.DoesNotContain("http://", html.Replace("http://www.w3.org/2000/svg", string.Empty, StringComparison.Ordinal));
            Assert.NotNull(await store.GetReportProducedAtAsync("37", 2025));
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
