using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using NinhBinh.Comms.Broadcast.Radio.PlayLog;

namespace NinhBinh.Comms.Broadcast.Tests.Radio.PlayLog;

/// <summary>What every <see cref="IRadioPlayLog"/> does; run against the in-memory and the SQLite log.</summary>
public abstract class RadioPlayLogContractTests
{
    protected static readonly TimeSpan Vn = TimeSpan.FromHours(7);

    protected abstract IRadioPlayLog Log { get; }

    protected static RadioPlayLogEntry Entry(string device, string command, RadioPlayStage stage, DateTimeOffset at, string commune = "14329", string? reason = null)
        => new(commune, device, command, stage, at, reason);

    [Fact]
    public async Task A_query_returns_the_commune_s_entries_of_the_Vietnam_dates_in_time_order()
    {
        var lateOnFirst = Entry("spk-1", "c-1", RadioPlayStage.Issued, new DateTimeOffset(2026, 3, 1, 23, 30, 0, Vn));
        var justAfterMidnight = Entry("spk-1", "c-1", RadioPlayStage.Acked, new DateTimeOffset(2026, 3, 1, 17, 10, 0, TimeSpan.Zero)); // 00:10 on 2 March in Vietnam
        var started = Entry("spk-2", "c-1", RadioPlayStage.Started, new DateTimeOffset(2026, 3, 2, 0, 10, 0, Vn));
        var otherCommune = Entry("spk-9", "c-1", RadioPlayStage.Acked, new DateTimeOffset(2026, 3, 2, 8, 0, 0, Vn), commune: "14674");
        var nextDay = Entry("spk-1", "c-1", RadioPlayStage.Finished, new DateTimeOffset(2026, 3, 3, 0, 0, 0, Vn));
        foreach (var e in new[] { nextDay, started, otherCommune, justAfterMidnight, lateOnFirst })
        {
            Assert.True(await Log.RecordAsync(e));
        }

        var second = await Log.QueryAsync("14329", new DateTime(2026, 3, 2), new DateTime(2026, 3, 2));
        var all = await Log.QueryAsync("14329", new DateTime(2026, 3, 1), new DateTime(2026, 3, 31));

        Assert.Equal(new[] { "spk-1 acked", "spk-2 started" }, second.Select(e => e.DeviceId + " " + RadioPlayLogEntry.StageWord(e.Stage)));
        Assert.All(second, e => Assert.Equal(Vn, e.At.Offset));
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 0, 10, 0, Vn), second[0].At);
        Assert.Equal(new[] { RadioPlayStage.Issued, RadioPlayStage.Acked, RadioPlayStage.Started, RadioPlayStage.Finished }, all.Select(e => e.Stage));
    }

    [Fact]
    public async Task A_stage_reported_twice_is_kept_once_with_its_first_time()
    {
        var first = Entry("spk-1", "c-1", RadioPlayStage.Acked, new DateTimeOffset(2026, 3, 2, 9, 0, 1, Vn));
        var again = Entry("spk-1", "c-1", RadioPlayStage.Acked, new DateTimeOffset(2026, 3, 2, 9, 0, 4, Vn));

        Assert.True(await Log.RecordAsync(first));
        Assert.False(await Log.RecordAsync(again));

        var only = Assert.Single(await Log.QueryAsync("14329", new DateTime(2026, 3, 2), new DateTime(2026, 3, 2)));
        Assert.Equal(first.At, only.At);
    }

    [Fact]
    public async Task A_failed_entry_keeps_its_reason()
    {
        await Log.RecordAsync(Entry("spk-1", "c-1", RadioPlayStage.Failed, new DateTimeOffset(2026, 3, 2, 9, 0, 1, Vn), reason: "không tải được âm thanh, \"404\""));

        var only = Assert.Single(await Log.QueryAsync("14329", new DateTime(2026, 3, 2), new DateTime(2026, 3, 2)));
        Assert.Equal("không tải được âm thanh, \"404\"", only.Reason);
    }

    [Fact]
    public async Task Bad_queries_are_refused_naming_the_field()
    {
        Assert.Equal("lastDate", (await Assert.ThrowsAsync<ArgumentException>(() => Log.QueryAsync("14329", new DateTime(2026, 3, 2), new DateTime(2026, 3, 1)))).ParamName);
        Assert.Equal("communeCode", (await Assert.ThrowsAsync<ArgumentException>(() => Log.QueryAsync("143", new DateTime(2026, 3, 2), new DateTime(2026, 3, 2)))).ParamName);
    }
}

public sealed class InMemoryRadioPlayLogTests : RadioPlayLogContractTests
{
    protected override IRadioPlayLog Log { get; } = new InMemoryRadioPlayLog();
}

public sealed class SqliteRadioPlayLogTests : RadioPlayLogContractTests, IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "nbcomms-playlog-" + Guid.NewGuid().ToString("N"));
    private readonly SqliteRadioPlayLog _log;

    public SqliteRadioPlayLogTests()
    {
        Directory.CreateDirectory(_folder);
        _log = SqliteRadioPlayLog.Open(Path.Combine(_folder, "play-log.db"));
    }

    protected override IRadioPlayLog Log => _log;

    public void Dispose()
    {
        _log.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Entries_survive_closing_and_opening_the_file_again()
    {
        var path = Path.Combine(_folder, "again.db");
        using (var first = SqliteRadioPlayLog.Open(path))
        {
            await first.RecordAsync(Entry("spk-1", "c-1", RadioPlayStage.Finished, new DateTimeOffset(2026, 3, 2, 9, 3, 0, Vn)));
        }

        using var reopened = SqliteRadioPlayLog.Open(path);
        var only = Assert.Single(await reopened.QueryAsync("14329", new DateTime(2026, 3, 2), new DateTime(2026, 3, 2)));
        Assert.Equal((RadioPlayStage.Finished, new DateTimeOffset(2026, 3, 2, 9, 3, 0, Vn)), (only.Stage, only.At));
    }

    [Fact]
    public void A_file_in_a_missing_folder_is_refused_naming_the_folder()
    {
        var ex = Assert.Throws<ArgumentException>(() => SqliteRadioPlayLog.Open(Path.Combine(_folder, "missing", "x.db")));

        Assert.Equal("path", ex.ParamName);
        Assert.Contains("missing", ex.Message, StringComparison.Ordinal);
    }
}
