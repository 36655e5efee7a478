using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;

namespace NinhBinh.Comms.Zalo.IntegrationTests;

/// <summary><c>nbcomms kpi …</c> as processes: the output lines and exit codes the issue fixes.</summary>
[Collection("processes")]
public sealed class KpiCliTests : IDisposable
{
    private const string Observations = """
        unit_code,channel,platform,metric,value,period_start,period_end,source_metric,retrieved_at
        14320,OA Đông Thành,zalo,content.views,100,2025-01-10,2025-01-10,total_view,
        14320,OA Đông Thành,zalo,content.views,200,2025-01-11,2025-01-11,total_view,
        14329,OA Hoa Lư,zalo,content.views,400,2025-08-01,2025-08-01,total_view,
        14329,OA Hoa Lư,zalo,content.views,400,2025-07-15,2025-08-14,total_view,
        14329,OA Hoa Lư,zalo,audience.reach,600,2025-08-01,2025-08-01,,
        14329,OA Hoa Lư,zalo,audience.reach,1000,2024-12-15,2025-12-14,,
        14329,Trang Hoa Lư,facebook,audience.reach,500,2024-12-15,2025-12-14,,
        14329,OA Hoa Lư,zalo,engagement.interactions,50,2025-08-01,2025-08-01,,
        """;

    private const string Inventory = """
        unit_code,channel,platform,official,established_on,closed_on
        14329,OA Hoa Lư,zalo,true,2025-07-01,
        14329,Trang Hoa Lư,facebook,true,2023-01-01,
        14674,OA Lai Thành,zalo,true,2025-03-01,
        """;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "nbcomms-kpi-" + Guid.NewGuid().ToString("N"));

    public KpiCliTests() => Directory.CreateDirectory(_folder);

    private string Store => Path.Combine(_folder, "kpi.db");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string text, bool bom = true)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text.Replace("\r\n", "\n"), new UTF8Encoding(bom));
        return path;
    }

    private async Task ImportFixtureAsync()
    {
        var run = await Harness.RunCliAsync(null, "kpi", "import", "--store", Store, Write("obs.csv", Observations), Write("inv.csv", Inventory, bom: false));
        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
    }

    [Fact]
    public async Task Import_prints_what_was_imported_and_what_was_already_there()
    {
        var obs = Write("obs.csv", Observations);
        var inv = Write("inv.csv", Inventory, bom: false);

        var first = await Harness.RunCliAsync(null, "kpi", "import", "--store", Store, obs, inv);
        var again = await Harness.RunCliAsync(null, "kpi", "import", "--store", Store, obs);

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(new[] { $"{obs}: 8 imported, 0 already there", $"{inv}: 3 imported, 0 already there" }, Lines(first.Stdout));
        Assert.Equal(0, again.ExitCode);
        Assert.Equal($"{obs}: 0 imported, 8 already there", Assert.Single(Lines(again.Stdout)));
    }

    [Fact]
    public async Task A_file_with_bad_rows_prints_file_line_reason_imports_nothing_and_exits_1()
    {
        var bad = Write("bad.csv", "unit_code,channel,platform,metric,value,period_start,period_end,source_metric,retrieved_at\n"
            + "14329,OA,zalo,content.views,10,2025-01-01,2025-01-01,,\n"
            + "14329,OA,zalo,content.views,-1,2025-01-02,2025-01-02,,\n"
            + "14329,OA,zalo,content.likes,1,2025-01-03,2025-01-03,,\n");

        var run = await Harness.RunCliAsync(null, "kpi", "import", "--store", Store, bad);
        var total = await Harness.RunCliAsync(null, "kpi", "total", "--store", Store, "--unit", "14329", "--metric", "content.views", "--from", "2025-01-01", "--to", "2025-01-31");

        Assert.Equal(1, run.ExitCode);
        var lines = Lines(run.Stdout);
        Assert.StartsWith($"{bad}:3: value -1 is negative", lines[0], StringComparison.Ordinal);
        Assert.StartsWith($"{bad}:4: metric 'content.likes'", lines[1], StringComparison.Ordinal);
        Assert.Equal("0", Lines(total.Stdout)[0]); // nothing from the file, not even its good row
    }

    [Theory]
    [InlineData("content.views", "year:2025", null, "700")]        // 100 + 200 (old commune 14320, now 14329) + 400 (the month figure overlaps the day)
    [InlineData("content.views", "month:2025-08", null, "400")]    // statistical August: 2025-07-15..2025-08-14
    [InlineData("audience.reach", "year:2025", "zalo", "1000")]
    [InlineData("engagement.rate", "year:2025", "zalo", "0.05")]
    public async Task Total_prints_the_figure_alone_on_the_first_line(string metric, string period, string? platform, string expected)
    {
        await ImportFixtureAsync();
        var args = new[] { "kpi", "total", "--store", Store, "--unit", "37", "--metric", metric, "--period", period }
            .Concat(platform is null ? Array.Empty<string>() : new[] { "--platform", platform }).ToArray();

        var run = await Harness.RunCliAsync(null, args);

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal(expected, Lines(run.Stdout)[0]);
    }

    [Fact]
    public async Task Total_of_a_unique_metric_that_cannot_be_computed_says_why_on_stderr_and_exits_1()
    {
        await ImportFixtureAsync();

        var acrossChannels = await Harness.RunCliAsync(null, "kpi", "total", "--store", Store, "--unit", "14329", "--metric", "audience.reach", "--period", "year:2025");
        var noFigure = await Harness.RunCliAsync(null, "kpi", "total", "--store", Store, "--unit", "14329", "--metric", "audience.reach", "--period", "quarter:2025-3", "--platform", "zalo");

        Assert.Equal(1, acrossChannels.ExitCode);
        Assert.Equal(string.Empty, acrossChannels.Stdout);
        Assert.Contains("cannot be added across channels", acrossChannels.Stderr);
        Assert.Equal(1, noFigure.ExitCode);
        Assert.Contains("no audience.reach figure for exactly 2025-06-15..2025-09-14", noFigure.Stderr);
    }

    [Fact]
    public async Task Total_refuses_unknown_units_and_metrics_with_1_and_a_bad_command_line_with_2()
    {
        await ImportFixtureAsync();

        var unit = await Harness.RunCliAsync(null, "kpi", "total", "--store", Store, "--unit", "99999", "--metric", "content.views", "--period", "year:2025");
        var metric = await Harness.RunCliAsync(null, "kpi", "total", "--store", Store, "--unit", "37", "--metric", "content.likes", "--period", "year:2025");
        var period = await Harness.RunCliAsync(null, "kpi", "total", "--store", Store, "--unit", "37", "--metric", "content.views", "--period", "month:2025-13");
        var both = await Harness.RunCliAsync(null, "kpi", "total", "--store", Store, "--unit", "37", "--metric", "content.views");

        Assert.Equal((1, 1, 2, 2), (unit.ExitCode, metric.ExitCode, period.ExitCode, both.ExitCode));
        Assert.Contains("99999", unit.Stderr);
        Assert.Contains("content.likes", metric.Stderr);
    }

    [Fact]
    public async Task Indicators_prints_one_line_per_indicator()
    {
        await ImportFixtureAsync();

        var run = await Harness.RunCliAsync(null, "kpi", "indicators", "--store", Store, "--unit", "37", "--as-of", "2026-01-01");

        Assert.Equal(0, run.ExitCode);
        var lines = Lines(run.Stdout);
        Assert.Equal(new[] { "zalo-oa-coverage", "ip-radio-coverage", "eboard-coverage", "social-accounts-per-agency", "training-coverage", "report-on-time" },
            lines.Select(l => l.Split(' ')[0]));
        Assert.Equal("zalo-oa-coverage 2/129 behind", lines[0]);
        Assert.All(lines, l => Assert.Matches(@"^[a-z-]+ \d+/\d+ (met|on-track|behind)$", l));
    }

    [Fact]
    public async Task Report_writes_json_csv_and_html_and_prints_their_paths()
    {
        await ImportFixtureAsync();
        var output = Path.Combine(_folder, "report");

        var run = await Harness.RunCliAsync(null, "kpi", "report", "--store", Store, "--unit", "37", "--year", "2025", "--out", output);

        Assert.Equal(0, run.ExitCode);
        var paths = Lines(run.Stdout);
        Assert.Equal(new[] { ".json", ".csv", ".html" }, paths.Select(Path.GetExtension));
        Assert.All(paths, p => Assert.True(File.Exists(p), p));
        Assert.Contains("<svg", File.ReadAllText(paths[2]));
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
