using System;
using System.Buffers;
using System.Collections.Concurrent;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Json.Schema;
using Microsoft.Extensions.Time.Testing;
using MQTTnet;
using MQTTnet.Protocol;
using NinhBinh.Comms.Broadcast.Radio;
using NinhBinh.Comms.Broadcast.Tests.Radio.Mqtt;
using NinhBinh.Comms.Emulator.Speakers;

namespace NinhBinh.Comms.Emulator.Tests.Speakers;

public sealed class SimulatedSpeakerTests
{
    private const string Commune = "14370";
    private static readonly ConcurrentDictionary<SpeakerEventKind, JsonSchema> Schemas = new();
    private static readonly DateTimeOffset At = new(2026, 11, 28, 15, 30, 0, TimeSpan.FromHours(7));

    [MosquittoFact]
    public async Task A_redelivered_command_is_acked_twice_and_played_once()
    {
        using var broker = await MosquittoBroker.StartAsync();
        var time = new FakeTimeProvider(At);
        await using var speaker = await SimulatedSpeaker.StartAsync(broker.Uri, "37", Commune, "spk-1", time);
        await using var watcher = await Watcher.StartAsync(broker);
        var payload = SpeakerMessageSerializer.Serialize(SpeakerCommand.SpeakText("c1", "Thông báo lịch tiêm chủng.", BulletinPriority.Normal, At));

        await watcher.PublishAsync(SpeakerProfile.DeviceCommandTopic("37", Commune, "spk-1"), payload);
        await watcher.PublishAsync(SpeakerProfile.DeviceCommandTopic("37", Commune, "spk-1"), payload);
        await watcher.WaitForAsync(e => e.Count(x => x.Kind == SpeakerEventKind.Ack) == 2);

        Assert.Equal(new[] { "c1" }, speaker.Played);
        Assert.Single(watcher.Events, e => e.Kind == SpeakerEventKind.Started);
    }

    [MosquittoFact]
    public async Task Every_payload_the_emulated_speaker_publishes_validates_against_the_published_schemas()
    {
        using var broker = await MosquittoBroker.StartAsync();
        var time = new FakeTimeProvider(At);
        await using var watcher = await Watcher.StartAsync(broker);
        var speaker = await SimulatedSpeaker.StartAsync(broker.Uri, "37", Commune, "spk-2", time, TimeSpan.FromSeconds(60));
        var topic = SpeakerProfile.DeviceCommandTopic("37", Commune, "spk-2");

        await watcher.PublishAsync(topic, SpeakerMessageSerializer.Serialize(SpeakerCommand.PlayAudio("c1", new Uri("https://a.vn/a.mp3"), BulletinPriority.Emergency, At, TimeSpan.FromSeconds(30))));
        await watcher.PublishAsync(topic, SpeakerMessageSerializer.Serialize(SpeakerCommand.Volume("c2", 80, At)));
        await watcher.WaitForAsync(e => e.Any(x => x.Kind == SpeakerEventKind.Started) && e.Count(x => x.Kind == SpeakerEventKind.Ack) == 2);
        time.Advance(TimeSpan.FromSeconds(60));
        await watcher.WaitForAsync(e => e.Any(x => x.Kind == SpeakerEventKind.Finished) && e.Any(x => x.Kind == SpeakerEventKind.Heartbeat));
        speaker.FailWith = "Không tải được tệp âm thanh.";
        await watcher.PublishAsync(topic, SpeakerMessageSerializer.Serialize(SpeakerCommand.Ping("c3", At)));
        await watcher.WaitForAsync(e => e.Any(x => x.Kind == SpeakerEventKind.Failed));
        await speaker.GoOfflineAsync();
        await watcher.WaitForAsync(e => e.Any(x => x.Kind == SpeakerEventKind.State && x.Online == false));
        await speaker.DisposeAsync();

        Assert.Equal(6, watcher.Raw.Select(r => SpeakerMessageSerializer.ParseEvent(r).Kind).Distinct().Count());
        foreach (var raw in watcher.Raw)
        {
            var kind = SpeakerMessageSerializer.ParseEvent(raw).Kind;
            var schema = Schemas.GetOrAdd(kind, k => JsonSchema.FromText(SpeakerProfileSchemas.GetSchemaText(SpeakerProfileSchemas.EventFileName(k))));
            using var doc = JsonDocument.Parse(raw);
            Assert.True(schema.Evaluate(doc.RootElement, new EvaluationOptions { RequireFormatValidation = true }).IsValid, System.Text.Encoding.UTF8.GetString(raw));
        }

        Assert.Equal(80, speaker.Volume);
    }

    private sealed class Watcher : IAsyncDisposable
    {
        private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
        private readonly ConcurrentQueue<byte[]> _raw = new();

        public byte[][] Raw => _raw.ToArray();

        public SpeakerEvent[] Events => Raw.Select(SpeakerMessageSerializer.ParseEvent).ToArray();

        public static async Task<Watcher> StartAsync(MosquittoBroker broker)
        {
            var watcher = new Watcher();
            watcher._client.ApplicationMessageReceivedAsync += e =>
            {
                watcher._raw.Enqueue(e.ApplicationMessage.Payload.ToArray());
                return Task.CompletedTask;
            };
            await watcher._client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", broker.Port).Build());
            var (events, states) = SpeakerProfile.CommuneDeviceFilters("37", Commune);
            await watcher._client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder()
                .WithTopicFilter(f => f.WithTopic(events).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce))
                .WithTopicFilter(f => f.WithTopic(states).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce))
                .Build());
            return watcher;
        }

        public Task PublishAsync(string topic, byte[] payload) => _client.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic(topic).WithPayload(payload).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());

        /// <summary>Waits (up to 10 s) for something that must happen; never used to show that something did not.</summary>
        public async Task WaitForAsync(Func<SpeakerEvent[], bool> condition)
        {
            for (var i = 0; i < 500 && !condition(Events); i++)
            {
                await Task.Delay(20);
            }

            Assert.True(condition(Events), "events seen: " + string.Join(", ", Events.Select(e => e.Kind)));
        }

        public async ValueTask DisposeAsync()
        {
            await _client.DisconnectAsync();
            _client.Dispose();
        }
    }
}
