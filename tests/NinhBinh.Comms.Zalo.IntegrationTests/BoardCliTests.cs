using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using NinhBinh.Comms.Emulator.Boards.Xibo;

namespace NinhBinh.Comms.Zalo.IntegrationTests;

/// <summary><c>nbcomms board …</c> as processes against the emulated Xibo CMS: the output lines and exit codes of issue 8.</summary>
[Collection("processes")]
public class BoardCliTests
{
    private static Dictionary<string, string> Config(XiboEmulator cms, string? secret = null) => new()
    {
        ["NBCOMMS_Boards__Xibo__BaseUrl"] = cms.BaseUri.AbsoluteUri,
        ["NBCOMMS_Boards__Xibo__ClientId"] = cms.ClientId,
        ["NBCOMMS_Boards__Xibo__ClientSecret"] = secret ?? cms.ClientSecret,
    };

    private static async Task<XiboEmulator> StartAsync()
    {
        var cms = await XiboEmulator.StartAsync();
        cms.SeedDemo();
        return cms;
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    [Fact]
    public async Task Interrupt_shows_the_bulletin_prints_what_it_created_and_revert_returns_the_group_to_its_schedule()
    {
        await using var cms = await StartAsync();

        var run = await Harness.RunCliAsync(Config(cms), "board", "interrupt", "--display-group", "1", "--title", "Cảnh báo lũ trên sông Hoàng Long",
            "--body", "Người dân ven sông di chuyển tài sản lên cao.", "--duration", "600", "--qr", "https://ninhbinh.gov.vn/canh-bao/1");

        Assert.Equal((0, string.Empty), (run.ExitCode, run.Stderr));
        var lines = Lines(run.Stdout);
        Assert.Equal(6, lines.Length);
        var screen = cms.GetScreen(11);
        Assert.Equal("layout\t" + screen.LayoutId, lines[0]);
        Assert.Matches(@"^campaign\t\d+$", lines[1]);
        Assert.Matches(@"^until\t\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00$", lines[2]);
        Assert.Equal("display\t11\tshown\tNhà văn hoá thôn Đông\t-", lines[3]);
        Assert.Equal("display\t12\tshown\tChợ Gia Viễn\t-", lines[4]);
        Assert.StartsWith("display\t13\toffline\tTrạm y tế xã\toffline, last seen 2026-11-25 08:00 +07:00", lines[5], StringComparison.Ordinal);
        Assert.True(screen.IsInterrupt);
        Assert.Contains("Cảnh báo lũ trên sông Hoàng Long", WebUtility.HtmlDecode(screen.Content), StringComparison.Ordinal);
        Assert.Contains("Ủy ban nhân dân", WebUtility.HtmlDecode(screen.Content), StringComparison.Ordinal); // the fallback agency

        var revert = await Harness.RunCliAsync(Config(cms), "board", "revert", "--display-group", "1");

        Assert.Equal(0, revert.ExitCode);
        Assert.Equal("display\t11\tscheduled\tNhà văn hoá thôn Đông\t-", Lines(revert.Stdout)[0]);
        Assert.False(cms.GetScreen(11).IsInterrupt);
        Assert.False(cms.GetScreen(12).IsInterrupt);
    }

    [Fact]
    public async Task Status_lists_each_display_with_online_last_seen_and_what_it_shows()
    {
        await using var cms = await StartAsync();

        var group = await Harness.RunCliAsync(Config(cms), "board", "status", "--display-group", "1");
        var all = await Harness.RunCliAsync(Config(cms), "board", "status");

        Assert.Equal(0, group.ExitCode);
        var lines = Lines(group.Stdout).Select(l => l.Split('\t')).ToList();
        Assert.Equal(["11", "12", "13"], lines.Select(f => f[0]));
        Assert.Equal(["13", "Trạm y tế xã", "offline", "2026-11-25T08:00:00+07:00"], lines[2][..4]);
        Assert.Equal("online", lines[0][2]);
        Assert.StartsWith("Lịch thường - Nhà văn hoá thôn Đông", lines[0][4], StringComparison.Ordinal);
        Assert.Equal((0, 4), (all.ExitCode, Lines(all.Stdout).Length));
    }

    [Fact]
    public async Task An_unknown_display_group_exits_1_with_one_line_naming_it()
    {
        await using var cms = await StartAsync();

        var run = await Harness.RunCliAsync(Config(cms), "board", "interrupt", "--display-group", "999", "--title", "Thông báo", "--body", "Nội dung.");
        var revert = await Harness.RunCliAsync(Config(cms), "board", "revert", "--display-group", "999");

        Assert.Equal((1, string.Empty), (run.ExitCode, run.Stdout));
        Assert.Single(Lines(run.Stderr));
        Assert.Contains("GET /api/displaygroup/999 (display group 999) failed: 404 Display Group not found", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, revert.ExitCode);
    }

    [Fact]
    public async Task A_refused_secret_exits_1_without_the_secret_in_the_message()
    {
        await using var cms = await StartAsync();

        var run = await Harness.RunCliAsync(Config(cms, secret: "sai-mat-khau-7781"), "board", "status");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("refused the client credentials", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("sai-mat-khau-7781", run.Stderr + run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_configuration_and_bad_options_exit_2_and_oversized_text_exits_1_before_anything_is_sent()
    {
        await using var cms = await StartAsync();
        var noUrl = Config(cms);
        noUrl.Remove("NBCOMMS_Boards__Xibo__BaseUrl");
        var noSecret = Config(cms);
        noSecret.Remove("NBCOMMS_Boards__Xibo__ClientSecret");

        var missingUrl = await Harness.RunCliAsync(noUrl, "board", "status");
        var missingSecret = await Harness.RunCliAsync(noSecret, "board", "revert", "--display-group", "1");
        var zero = await Harness.RunCliAsync(Config(cms), "board", "interrupt", "--display-group", "1", "--title", "T", "--body", "B", "--duration", "0");
        var qr = await Harness.RunCliAsync(Config(cms), "board", "interrupt", "--display-group", "1", "--title", "T", "--body", "B", "--qr", "not a url");
        var group = await Harness.RunCliAsync(Config(cms), "board", "revert", "--display-group", "nhom-1");
        var oversized = await Harness.RunCliAsync(Config(cms), "board", "interrupt", "--display-group", "1", "--title", "T", "--body", new string('ữ', 1201));

        Assert.Equal(2, missingUrl.ExitCode);
        Assert.Contains("Boards:Xibo:BaseUrl", missingUrl.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, missingSecret.ExitCode);
        Assert.Contains("Boards:Xibo:ClientSecret", missingSecret.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, zero.ExitCode);
        Assert.Contains("--duration", zero.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, qr.ExitCode);
        Assert.Contains("--qr", qr.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, group.ExitCode);
        Assert.Contains("--display-group", group.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, oversized.ExitCode);
        Assert.Contains("body: 1201 characters, over the limit of 1200", oversized.Stderr, StringComparison.Ordinal);
        Assert.Equal((0, 0), (cms.TokensIssued, cms.ApiRequests));
    }

    [Fact]
    public async Task Emulator_xibo_runs_the_demo_CMS_prints_its_settings_and_stops_on_SIGTERM()
    {
        using var process = Harness.Start(Harness.Cli, ["emulator", "xibo"]);
        try
        {
            var settings = new Dictionary<string, string>();
            using var timeout = new System.Threading.CancellationTokenSource(TimeSpan.FromSeconds(60));
            while (settings.Count < 3)
            {
                var line = await process.StandardOutput.ReadLineAsync(timeout.Token);
                Assert.NotNull(line);
                if (line.StartsWith("NBCOMMS_", StringComparison.Ordinal))
                {
                    var equals = line.IndexOf('=', StringComparison.Ordinal);
                    settings[line[..equals]] = line[(equals + 1)..];
                }
            }

            var status = await Harness.RunCliAsync(settings, "board", "status", "--display-group", "2");

            Assert.Equal(0, status.ExitCode);
            Assert.StartsWith("21\tCổng UBND phường\tonline\t", status.Stdout, StringComparison.Ordinal);
        }
        finally
        {
            using (var kill = System.Diagnostics.Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            using var stopped = new System.Threading.CancellationTokenSource(TimeSpan.FromSeconds(30));
            await process.WaitForExitAsync(stopped.Token);
        }

        Assert.Equal(0, process.ExitCode);
    }
}
