using System;
using System.IO;
using System.Text;
using System.Threading.Tasks;

namespace NinhBinh.Comms.Zalo.IntegrationTests;

/// <summary><c>nbcomms kpi import</c> of record files, <c>kpi rollup</c> and lifetime counters in <c>kpi total</c>, as processes.</summary>
[Collection("processes")]
public sealed class KpiRecordCliTests : IDisposable
{
    private const string Topics = "topic,name\nchuyen-doi-so,Chuyển đổi số\nsap-nhap,Sắp xếp đơn vị hành chính\n";

    private const string Campaigns = "campaign,name,starts_on,ends_on\nsap-nhap-2025,Tuyên truyền sắp xếp ĐVHC,2025-06-01,2026-06-30\n";

    private const string Items = """
        id,unit_code,channel,platform,published_at,format,topics,campaign
        a1,14329,OA Hoa Lư,zalo,2026-01-05T09:00:00+07:00,article,chuyen-doi-so;sap-nhap,sap-nhap-2025
        a2,14329,OA Hoa Lư,zalo,2026-02-10T09:00:00+07:00,article,chuyen-doi-so,
        p1,14329,Trang Hoa Lư,facebook,2026-03-01T20:00:00+07:00,post,sap-nhap,sap-nhap-2025
        v1,14674,Kênh Lai Thành,youtube,2026-04-01T08:00:00+07:00,video,,
        """;

    private const string Readings = """
        unit_code,channel,platform,metric,value,period_start,period_end,source_metric,retrieved_at
        14329,OA Hoa Lư,zalo,content.views.lifetime,1000,2025-12-10,2025-12-10,total_view,
        14329,OA Hoa Lư,zalo,content.views.lifetime,1300,2026-01-10,2026-01-10,total_view,
        14329,OA Hoa Lư,zalo,content.views.lifetime,900,2026-02-10,2026-02-10,total_view,
        14329,OA Hoa Lư,zalo,content.views.lifetime,1500,2026-03-10,2026-03-10,total_view,
        """;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "nbcomms-kpirec-" + Guid.NewGuid().ToString("N"));

    public KpiRecordCliTests() => Directory.CreateDirectory(_folder);

    private string Store => Path.Combine(_folder, "kpi.db");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text.Replace("\r\n", "\n"), new UTF8Encoding(true));
        return path;
    }

    [Fact]
    public async Task Record_files_import_by_header_and_roll_up_by_topic_and_campaign()
    {
        var topics = Write("topics.csv", Topics);
        var campaigns = Write("campaigns.csv", Campaigns);
        var items = Write("items.csv", Items);

        var import = await Harness.RunCliAsync(null, "kpi", "import", "--store", Store, topics, campaigns, items);
        var again = await Harness.RunCliAsync(null, "kpi", "import", "--store", Store, items);
        var byTopic = await Harness.RunCliAsync(null, "kpi", "rollup", "--store", Store, "--unit", "37", "--by", "topic", "--period", "year:2026");
        var byCampaign = await Harness.RunCliAsync(null, "kpi", "rollup", "--store", Store, "--unit", "37", "--by", "campaign", "--period", "year:2026", "--platform", "zalo");
        var badBy = await Harness.RunCliAsync(null, "kpi", "rollup", "--store", Store, "--unit", "37", "--by", "channel", "--period", "year:2026");

        Assert.True(import.ExitCode == 0, import.Stdout + import.Stderr);
        Assert.Equal(new[] { $"{topics}: 2 imported, 0 already there", $"{campaigns}: 1 imported, 0 already there", $"{items}: 4 imported, 0 already there" }, Lines(import.Stdout));
        Assert.Equal($"{items}: 0 imported, 4 already there", Assert.Single(Lines(again.Stdout)));
        Assert.Equal(0, byTopic.ExitCode);
        Assert.Equal(new[] { "chuyen-doi-so\t2\t1\tChuyển đổi số", "sap-nhap\t2\t2\tSắp xếp đơn vị hành chính", "-\t1\t1\t(none)" }, Lines(byTopic.Stdout));
        Assert.Equal(new[] { "sap-nhap-2025\t1\t1\tTuyên truyền sắp xếp ĐVHC", "-\t1\t1\t(none)" }, Lines(byCampaign.Stdout));
        Assert.Equal(2, badBy.ExitCode);
        Assert.Contains("--by: 'channel' is not topic or campaign", badBy.Stderr);
    }

    [Fact]
    public async Task A_record_file_with_bad_rows_names_file_and_line_and_an_unknown_topic_is_refused()
    {
        var bad = Write("bad-items.csv", "id,unit_code,channel,platform,published_at,format,topics,campaign\n"
            + "a1,14329,OA,zalo,2026-01-05T09:00:00+07:00,article,,\n"
            + "a2,14329,OA,zalo,2026-01-05T09:00:00+07:00,podcast,,\n");
        var orphan = Write("orphan.csv", "id,unit_code,channel,platform,published_at,format,topics,campaign\n"
            + "a3,14329,OA,zalo,2026-01-05T09:00:00+07:00,article,khong-co,\n");

        var run = await Harness.RunCliAsync(null, "kpi", "import", "--store", Store, bad);
        var refused = await Harness.RunCliAsync(null, "kpi", "import", "--store", Store, orphan);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(new[] { $"{bad}:3: format 'podcast' is not one of article, post, video, image, audio, notice, other", $"{bad}: 0 imported (1 bad rows; nothing imported from this file)" }, Lines(run.Stdout));
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("'khong-co'", refused.Stderr);
    }

    [Fact]
    public async Task A_lifetime_counter_total_is_its_growth_with_a_reset_flagged_on_stderr()
    {
        var readings = Write("readings.csv", Readings);
        await Harness.RunCliAsync(null, "kpi", "import", "--store", Store, readings);

        // Statistical March 2026 (2026-02-15 .. 2026-03-14): baseline 900 (02-10) -> 1500 = 600.
        var march = await Harness.RunCliAsync(null, "kpi", "total", "--store", Store, "--unit", "14329", "--metric", "content.views.lifetime", "--period", "month:2026-03");

        // Calendar 2026-01-01 .. 2026-03-31: 1000 -> 1300 (+300), reset to 900 (+900), -> 1500 (+600) = 1800.
        var quarter = await Harness.RunCliAsync(null, "kpi", "total", "--store", Store, "--unit", "14329", "--metric", "content.views.lifetime", "--from", "2026-01-01", "--to", "2026-03-31");

        Assert.Equal((0, "600", string.Empty), (march.ExitCode, Lines(march.Stdout)[0], march.Stderr.Trim()));
        Assert.Equal(0, quarter.ExitCode);
        Assert.Equal("1800", Lines(quarter.Stdout)[0]);
        Assert.StartsWith("warning: zalo/14329/OA Hoa Lư: went down from 1300 (2026-01-10) to 900 (2026-02-10)", quarter.Stderr.Trim());
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
