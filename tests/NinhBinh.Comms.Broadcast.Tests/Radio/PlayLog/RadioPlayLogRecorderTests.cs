using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using NinhBinh.Comms.Broadcast.Radio;
using NinhBinh.Comms.Broadcast.Radio.PlayLog;

namespace NinhBinh.Comms.Broadcast.Tests.Radio.PlayLog;

public sealed class RadioPlayLogRecorderTests
{
    private static readonly TimeSpan Vn = TimeSpan.FromHours(7);

    private static DateTimeOffset At(int s) => new(2026, 3, 2, 9, 0, s, Vn);

    [Fact]
    public async Task Issued_commands_and_device_events_become_entries_heartbeats_and_states_do_not()
    {
        var log = new InMemoryRadioPlayLog();
        var recorder = new RadioPlayLogRecorder(log);
        var command = SpeakerCommand.SpeakText("c-1", "Thông báo lịch tiêm chủng", BulletinPriority.Normal, At(0));

        Assert.Equal(2, await recorder.RecordIssuedAsync("14329", command, new[] { "spk-1", "spk-2" }, At(0)));
        Assert.True(await recorder.RecordAsync("14329", SpeakerEvent.Ack("spk-1", "c-1", At(1))));
        Assert.True(await recorder.RecordAsync("14329", SpeakerEvent.Started("spk-1", "c-1", At(2))));
        Assert.True(await recorder.RecordAsync("14329", SpeakerEvent.Finished("spk-1", "c-1", At(40))));
        Assert.True(await recorder.RecordAsync("14329", SpeakerEvent.Failed("spk-2", "c-1", "audio unreachable", At(3))));
        Assert.False(await recorder.RecordAsync("14329", SpeakerEvent.Heartbeat("spk-1", 80, At(30), "c-1")));
        Assert.False(await recorder.RecordAsync("14329", SpeakerEvent.State("spk-1", online: true, At(30))));

        var entries = await log.QueryAsync("14329", new DateTime(2026, 3, 2), new DateTime(2026, 3, 2));
        Assert.Equal(
            new[] { "spk-1 issued 0", "spk-2 issued 0", "spk-1 acked 1", "spk-1 started 2", "spk-2 failed 3", "spk-1 finished 40" },
            entries.Select(e => $"{e.DeviceId} {RadioPlayLogEntry.StageWord(e.Stage)} {e.At.Second}"));
        Assert.Equal("audio unreachable", entries.Single(e => e.Stage == RadioPlayStage.Failed).Reason);
    }

    [Fact]
    public async Task A_device_that_acks_twice_is_logged_as_a_rejection_and_recorded_once()
    {
        var log = new InMemoryRadioPlayLog();
        var logger = new FakeLogger<RadioPlayLogRecorder>();
        var recorder = new RadioPlayLogRecorder(log, logger);

        Assert.True(await recorder.RecordAsync("14329", SpeakerEvent.Ack("spk-1", "c-1", At(1))));
        Assert.False(await recorder.RecordAsync("14329", SpeakerEvent.Ack("spk-1", "c-1", At(5))));

        Assert.Equal(1, log.Count);
        var record = Assert.Single(logger.Collector.GetSnapshot());
        Assert.Equal(LogLevel.Warning, record.Level);
        Assert.Equal("Device spk-1 of commune 14329 reported acked for command c-1 again; the first report is kept", record.Message);
    }
}
