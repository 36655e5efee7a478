using System;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using NinhBinh.Comms.Broadcast.Radio.PlayLog;

namespace NinhBinh.Comms.Zalo.IntegrationTests;

/// <summary><c>nbcomms radio log</c> as a process over a real SQLite play log: output lines, CSV and exit codes.</summary>
[Collection("processes")]
public sealed class RadioLogCliTests : IDisposable
{
    private static readonly TimeSpan Vn = TimeSpan.FromHours(7);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "nbcomms-radiolog-" + Guid.NewGuid().ToString("N"));

    public RadioLogCliTests() => Directory.CreateDirectory(_folder);

    private string Store => Path.Combine(_folder, "play-log.db");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private async Task FillAsync()
    {
        using var log = SqliteRadioPlayLog.Open(Store);
        await log.RecordAsync(new RadioPlayLogEntry("14329", "spk-1", "c-1", RadioPlayStage.Issued, new DateTimeOffset(2026, 3, 2, 9, 0, 0, Vn)));
        await log.RecordAsync(new RadioPlayLogEntry("14329", "spk-1", "c-1", RadioPlayStage.Acked, new DateTimeOffset(2026, 3, 2, 2, 0, 1, TimeSpan.Zero)));
        await log.RecordAsync(new RadioPlayLogEntry("14329", "spk-2", "c-1", RadioPlayStage.Failed, new DateTimeOffset(2026, 3, 2, 9, 0, 2, Vn), "không tải được, lỗi 404\nthử lại"));
        await log.RecordAsync(new RadioPlayLogEntry("14329", "spk-1", "c-2", RadioPlayStage.Finished, new DateTimeOffset(2026, 3, 3, 6, 30, 0, Vn)));
        await log.RecordAsync(new RadioPlayLogEntry("14674", "spk-7", "c-1", RadioPlayStage.Acked, new DateTimeOffset(2026, 3, 2, 9, 0, 1, Vn)));
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    [Fact]
    public async Task Log_prints_one_line_per_entry_of_the_commune_and_period_and_exits_0()
    {
        await FillAsync();

        var run = await Harness.RunCliAsync(null, "radio", "log", "--store", Store, "--commune", "14329", "--from", "2026-03-02", "--to", "2026-03-02");

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal(new[]
        {
            "2026-03-02T09:00:00+07:00 spk-1 c-1 issued",
            "2026-03-02T09:00:01+07:00 spk-1 c-1 acked",
            "2026-03-02T09:00:02+07:00 spk-2 c-1 failed không tải được, lỗi 404 thử lại",
        }, Lines(run.Stdout));
    }

    [Fact]
    public async Task Log_with_csv_writes_the_file_with_BOM_and_says_how_many()
    {
        await FillAsync();
        var csv = Path.Combine(_folder, "14329-2026-03.csv");

        var run = await Harness.RunCliAsync(null, "radio", "log", "--store", Store, "--commune", "14329", "--from", "2026-03-01", "--to", "2026-03-31", "--csv", csv);

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal($"4 entries written to {csv}", run.Stdout.Trim());
        var text = Encoding.UTF8.GetString(File.ReadAllBytes(csv));
        Assert.Equal(
            "\uFEFFcommune_code,device_id,command_id,stage,at,reason\r\n"
            + "14329,spk-1,c-1,issued,2026-03-02T09:00:00+07:00,\r\n"
            + "14329,spk-1,c-1,acked,2026-03-02T09:00:01+07:00,\r\n"
            + "14329,spk-2,c-1,failed,2026-03-02T09:00:02+07:00,\"không tải được, lỗi 404\nthử lại\"\r\n"
            + "14329,spk-1,c-2,finished,2026-03-03T06:30:00+07:00,\r\n",
            text);
    }

    [Fact]
    public async Task Log_exits_1_when_the_period_holds_no_entry_and_writes_nothing()
    {
        await FillAsync();
        var csv = Path.Combine(_folder, "none.csv");

        var run = await Harness.RunCliAsync(null, "radio", "log", "--store", Store, "--commune", "14329", "--from", "2026-04-01", "--to", "2026-04-30", "--csv", csv);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.Equal("nbcomms: no play-log entry for commune 14329 from 2026-04-01 to 2026-04-30.", run.Stderr.Trim());
        Assert.False(File.Exists(csv));
    }

    [Theory]
    [InlineData("--from", "2026-3-1", "--from: '2026-3-1' is not a date of the form 2026-03-15.")]
    [InlineData("--to", "2026-02-28", "--from 2026-03-01 is after --to 2026-02-28.")]
    [InlineData("--commune", "1432", "--commune: '1432' is not a 5-digit commune code.")]
    public async Task Log_exits_2_on_a_bad_command_line_naming_the_option(string option, string value, string message)
    {
        await FillAsync();
        var args = new[] { "radio", "log", "--store", Store, "--commune", "14329", "--from", "2026-03-01", "--to", "2026-03-31" };
        args[Array.IndexOf(args, option) + 1] = value;

        var run = await Harness.RunCliAsync(null, args);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("nbcomms: " + message, run.Stderr.Trim());
    }

    [Fact]
    public async Task Log_exits_2_when_the_store_is_missing_or_required_options_are_missing()
    {
        var missing = Path.Combine(_folder, "missing.db");

        var noStore = await Harness.RunCliAsync(null, "radio", "log", "--store", missing, "--commune", "14329");
        var noCommune = await Harness.RunCliAsync(null, "radio", "log", "--store", missing);

        Assert.Equal(2, noStore.ExitCode);
        Assert.Equal($"nbcomms: --store: the file '{missing}' does not exist.", noStore.Stderr.Trim());
        Assert.False(File.Exists(missing));
        Assert.Equal(2, noCommune.ExitCode);
        Assert.Contains("--commune", noCommune.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Log_help_documents_the_line_format_and_exit_codes()
    {
        var run = await Harness.RunCliAsync(null, "radio", "log", "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("<time +07:00> <deviceId> <commandId> <stage> [<reason>]", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Exit 0 when there is at least one entry; 1 when there is none", run.Stdout, StringComparison.Ordinal);
    }
}
