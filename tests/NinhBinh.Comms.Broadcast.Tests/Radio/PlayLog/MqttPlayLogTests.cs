using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading.Tasks;
using NinhBinh.Comms.Broadcast.Radio;
using NinhBinh.Comms.Broadcast.Radio.Mqtt;
using NinhBinh.Comms.Broadcast.Radio.PlayLog;
using NinhBinh.Comms.Broadcast.Tests.Radio.Mqtt;

namespace NinhBinh.Comms.Broadcast.Tests.Radio.PlayLog;

/// <summary>The play log fed from a real mosquitto through <see cref="MqttRadioClient.EventReceived"/>.</summary>
public sealed class MqttPlayLogTests
{
    [MosquittoFact]
    public async Task Events_from_the_broker_become_play_log_entries_with_the_commune_of_their_topic()
    {
        using var broker = await MosquittoBroker.StartAsync();
        const string commune = "14352";
        await using var acking = await TestSpeaker.StartAsync(broker.Uri, commune, "spk-a", TestSpeaker.Answer.Ack);
        await using var failing = await TestSpeaker.StartAsync(broker.Uri, commune, "spk-b", TestSpeaker.Answer.Fail);
        await using var client = new MqttRadioClient(new MqttRadioOptions { Server = broker.Uri });
        var received = new ConcurrentQueue<SpeakerEventReceivedEventArgs>();
        var answered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        client.EventReceived += (_, e) =>
        {
            received.Enqueue(e);
            if (received.Count(r => r.Event.Kind is SpeakerEventKind.Ack or SpeakerEventKind.Failed) == 2)
            {
                answered.TrySetResult();
            }
        };
        client.EventReceived += (_, _) => throw new InvalidOperationException("a broken subscriber");
        await client.ConnectAsync();
        var issuedAt = DateTimeOffset.UtcNow;
        var command = SpeakerCommand.SpeakText("cmd-log-1", "Thông báo lịch tiêm chủng.", BulletinPriority.Normal, issuedAt);

        var deliveries = await client.SendAsync(commune, command, TimeSpan.FromSeconds(10));
        await answered.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var log = new InMemoryRadioPlayLog();
        var recorder = new RadioPlayLogRecorder(log);
        await recorder.RecordIssuedAsync(commune, command, deliveries.Select(d => d.DeviceId), issuedAt);
        foreach (var e in received)
        {
            await recorder.RecordAsync(e.CommuneCode, e.Event);
        }

        Assert.Equal(new[] { SpeakerOutcome.Acked, SpeakerOutcome.Failed }, deliveries.Select(d => d.Outcome));
        Assert.All(received, e => Assert.Equal(commune, e.CommuneCode));
        Assert.True(client.EventHandlerFailures >= 2, $"{client.EventHandlerFailures} handler failures counted");
        var today = VietnamTime.ToVietnamTime(issuedAt).Date;
        var entries = await log.QueryAsync(commune, today.AddDays(-1), today.AddDays(1));
        Assert.Equal(new[] { "issued", "acked" }, entries.Where(e => e.DeviceId == "spk-a").Select(e => RadioPlayLogEntry.StageWord(e.Stage)));
        Assert.Equal(new[] { "issued", "failed" }, entries.Where(e => e.DeviceId == "spk-b").Select(e => RadioPlayLogEntry.StageWord(e.Stage)));
        Assert.Equal("the URL is not audio", entries.Single(e => e.Stage == RadioPlayStage.Failed).Reason);
    }
}
