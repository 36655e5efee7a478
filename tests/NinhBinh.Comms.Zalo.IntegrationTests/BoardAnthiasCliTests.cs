using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using NinhBinh.Comms.Emulator.Boards.Anthias;

namespace NinhBinh.Comms.Zalo.IntegrationTests;

/// <summary><c>nbcomms board anthias …</c> as processes against the emulated Anthias player.</summary>
[Collection("processes")]
public sealed class BoardAnthiasCliTests : IAsyncLifetime
{
    private const string Display = "hall-1";
    private const string Prefix = "nbcomms-interrupt:";

    /// <summary>
    /// The command path. On h/anthias the group is registered at the top level; at the merge it moves under
    /// <c>board</c>, and this becomes <c>["board", "anthias"]</c>.
    /// </summary>
    private static readonly string[] Group = ["board", "anthias"];

    private AnthiasEmulator _emulator = null!;
    private string _scheduled = null!;

    public async Task InitializeAsync()
    {
        _emulator = await AnthiasEmulator.StartAsync(new AnthiasEmulatorOptions { DisplayId = Display });
        _scheduled = _emulator.AddAsset("Lịch tiếp công dân", new Uri("http://127.0.0.1/lich.html"), "webpage", 30);
    }

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    private Dictionary<string, string> Env(Uri? baseUrl = null) => new()
    {
        ["NBCOMMS_Boards__Anthias__BaseUrl"] = (baseUrl ?? _emulator.BaseUri).AbsoluteUri,
        ["NBCOMMS_Boards__Anthias__DisplayId"] = Display,
    };

    private static Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(IDictionary<string, string>? env, params string[] args) =>
        Harness.RunCliAsync(env, Group.Concat(args).ToArray());

    [Fact]
    public async Task Interrupt_shows_the_bulletin_now_and_revert_returns_to_the_playlist()
    {
        var interrupt = await RunAsync(Env(), "interrupt", "--title", "Cảnh báo lũ quét", "--body", "Người dân vùng trũng di chuyển lên nơi cao ngay.",
            "--duration", "600", "--agency", "UBND xã Gia Viễn");

        Assert.Equal(0, interrupt.ExitCode);
        Assert.Empty(interrupt.Stderr);
        var onScreen = _emulator.GetOnScreen(Display)!;
        Assert.Equal(Prefix + "Cảnh báo lũ quét", onScreen.Name);
        Assert.Matches($"^hall-1 shown asset={onScreen.AssetId} until=\\d{{4}}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+07:00\n$", interrupt.Stdout.Replace("\r", string.Empty, StringComparison.Ordinal));
        Assert.Equal(600, onScreen.Duration);
        Assert.Equal(TimeSpan.FromMinutes(10), onScreen.EndDate - onScreen.StartDate);

        var status = await RunAsync(Env(), "status");
        Assert.Equal(0, status.ExitCode);
        Assert.Equal("hall-1 online showing=" + Prefix + "Cảnh báo lũ quét", status.Stdout.Trim());

        var revert = await RunAsync(Env(), "revert");

        Assert.Equal(0, revert.ExitCode);
        Assert.Equal("hall-1 reverted", revert.Stdout.Trim());
        Assert.Equal(_scheduled, _emulator.GetOnScreen(Display)!.AssetId);
        Assert.DoesNotContain(_emulator.GetAssets(), a => a.Name.StartsWith(Prefix, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_offline_player_exits_1_with_an_offline_line_and_status_says_so()
    {
        _emulator.SetOnline(Display, false);

        var interrupt = await RunAsync(Env(), "interrupt", "--title", "Cảnh báo", "--body", "Nội dung");
        var status = await RunAsync(Env(), "status");

        Assert.Equal(1, interrupt.ExitCode);
        Assert.True(interrupt.Stdout.StartsWith("hall-1 offline, not seen since this adapter started (", StringComparison.Ordinal), "stdout: " + interrupt.Stdout + " stderr: " + interrupt.Stderr);
        Assert.Equal(1, status.ExitCode);
        Assert.Equal("hall-1 offline", status.Stdout.Trim());
    }

    [Fact]
    public async Task Oversized_text_exits_1_naming_the_field_and_sends_nothing()
    {
        var run = await RunAsync(Env(), "interrupt", "--title", "Cảnh báo", "--body", new string('x', 1201));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("body: 1201 characters, over the limit of 1200", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, _emulator.TotalRequests);
        Assert.Empty(run.Stdout);
    }

    [Fact]
    public async Task Refusals_exit_1_with_one_line_naming_the_request_and_never_the_password()
    {
        await using var secured = await AnthiasEmulator.StartAsync(new AnthiasEmulatorOptions { DisplayId = Display, User = "op", Password = "right" });
        var env = Env(secured.BaseUri);
        env["NBCOMMS_Boards__Anthias__User"] = "op";
        env["NBCOMMS_Boards__Anthias__Password"] = "S3cret-Wrong";
        _emulator.FailNext(500);

        var unauthorized = await RunAsync(env, "revert");
        var failed = await RunAsync(Env(), "revert");

        Assert.Equal(1, unauthorized.ExitCode);
        Assert.Equal("nbcomms: anthias:hall-1: GET /api/v2/assets was refused (401 Unauthorized): the device did not accept the user name and password (Invalid username/password.).",
            unauthorized.Stderr.Trim());
        Assert.DoesNotContain("S3cret-Wrong", unauthorized.Stderr + unauthorized.Stdout, StringComparison.Ordinal);
        Assert.Equal(1, failed.ExitCode);
        Assert.Single(failed.Stderr.Trim().Split('\n'));
        Assert.Contains("GET /api/v2/assets answered 500", failed.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_or_bad_configuration_and_bad_options_exit_2()
    {
        var missing = await RunAsync(null, "status");
        var credentialsInUrl = await RunAsync(new Dictionary<string, string> { ["NBCOMMS_Boards__Anthias__BaseUrl"] = "http://op:pw@127.0.0.1:9/" }, "status");
        var badDuration = await RunAsync(Env(), "interrupt", "--title", "t", "--body", "b", "--duration", "0");
        var noTitle = await RunAsync(Env(), "interrupt", "--body", "b");

        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("Boards:Anthias:BaseUrl is required", missing.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, credentialsInUrl.ExitCode);
        Assert.Contains("Boards:Anthias:BaseUrl: must not hold a user name or password", credentialsInUrl.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("pw@", credentialsInUrl.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, badDuration.ExitCode);
        Assert.Contains("--duration", badDuration.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, noTitle.ExitCode);
        Assert.Contains("--title", noTitle.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, _emulator.TotalRequests);
    }

    [Fact]
    public async Task Help_documents_the_commands()
    {
        var help = await RunAsync(null, "--help");

        Assert.Equal(0, help.ExitCode);
        Assert.Contains("interrupt", help.Stdout, StringComparison.Ordinal);
        Assert.Contains("revert", help.Stdout, StringComparison.Ordinal);
        Assert.Contains("status", help.Stdout, StringComparison.Ordinal);
        Assert.Contains("Boards:Anthias:BaseUrl", help.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Emulator_anthias_runs_a_player_the_commands_can_use()
    {
        using var process = Harness.Start(Harness.Cli, ["emulator", "anthias", "--display-id", Display]);
        try
        {
            string? baseUrl = null;
            for (var i = 0; i < 5; i++)
            {
                var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
                Assert.NotNull(line);
                if (line!.StartsWith("Anthias: ", StringComparison.Ordinal))
                {
                    baseUrl = line["Anthias: ".Length..];
                }

                if (line.StartsWith("Running", StringComparison.Ordinal))
                {
                    break;
                }
            }

            Assert.StartsWith("http://127.0.0.1:", baseUrl, StringComparison.Ordinal);
            var status = await RunAsync(Env(new Uri(baseUrl!)), "status");
            Assert.Equal(0, status.ExitCode);
            Assert.Equal("hall-1 online showing=Lịch tiếp công dân", status.Stdout.Trim());
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }
}
