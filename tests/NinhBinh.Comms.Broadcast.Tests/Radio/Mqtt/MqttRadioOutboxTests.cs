using System;
using System.Buffers;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using MQTTnet;
using MQTTnet.Protocol;
using NinhBinh.Comms.Broadcast.Radio;
using NinhBinh.Comms.Broadcast.Radio.Mqtt;

namespace NinhBinh.Comms.Broadcast.Tests.Radio.Mqtt;

/// <summary>The broker going away: reconnection, and the outbox that keeps commands in order until it is back.</summary>
public sealed class MqttRadioOutboxTests : IDisposable
{
    private const string Commune = "14359";
    private static readonly DateTimeOffset At = new(2026, 11, 28, 15, 30, 0, TimeSpan.FromHours(7));
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "nbcomms-outbox-" + Guid.NewGuid().ToString("N"));

    public MqttRadioOutboxTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [MosquittoFact]
    public async Task Commands_issued_while_the_broker_is_down_go_out_in_order_when_it_returns_and_are_acked()
    {
        var broker = await MosquittoBroker.StartAsync(persistenceDirectory: _folder);
        var port = broker.Port;
        await using var speaker = await PersistentSpeaker.StartAsync(port, "spk-r");
        await using var radio = new MqttRadioClient(new MqttRadioOptions
        {
            Server = broker.Uri,
            ReconnectDelay = TimeSpan.FromMilliseconds(100),
            MaxReconnectDelay = TimeSpan.FromMilliseconds(400),
        });
        await radio.ConnectAsync();
        Assert.Single(await radio.GetDevicesAsync(Commune));

        await broker.StopAsync();
        broker.Dispose();
        await Wait.Until(() => !radio.IsConnected);
        var first = radio.SendAsync(Commune, SpeakerCommand.SpeakText("cmd-a", "Bản tin thứ nhất.", BulletinPriority.Emergency, At), TimeSpan.FromSeconds(60));
        var second = radio.SendAsync(Commune, SpeakerCommand.SpeakText("cmd-b", "Bản tin thứ hai.", BulletinPriority.Emergency, At), TimeSpan.FromSeconds(60));
        await Wait.Until(() => radio.PendingCommands == 2);

        using var restarted = await MosquittoBroker.StartAsync(port, _folder);
        await speaker.ReconnectAsync();

        Assert.Equal(SpeakerOutcome.Acked, Assert.Single(await first).Outcome);
        Assert.Equal(SpeakerOutcome.Acked, Assert.Single(await second).Outcome);
        Assert.Equal(new[] { "cmd-a", "cmd-b" }, speaker.Received); // in order, none lost, none delivered twice
        Assert.Equal(0, radio.PendingCommands);
        Assert.True(radio.Reconnects >= 1);
    }

    [MosquittoFact]
    public async Task The_outbox_file_keeps_commands_across_a_restart_of_the_sender_and_sends_each_once()
    {
        var outbox = Path.Combine(_folder, "radio.outbox");
        var broker = await MosquittoBroker.StartAsync();
        var port = broker.Port;
        await using (var speaker = await PersistentSpeaker.StartAsync(port, "spk-o"))
        {
            await using var radio = new MqttRadioClient(new MqttRadioOptions { Server = broker.Uri, OutboxPath = outbox, ReconnectDelay = TimeSpan.FromMinutes(1), MaxReconnectDelay = TimeSpan.FromMinutes(1) });
            await radio.ConnectAsync();
            Assert.Single(await radio.GetDevicesAsync(Commune));
            await broker.StopAsync();
            broker.Dispose();
            await Wait.Until(() => !radio.IsConnected);

            var first = await radio.SendAsync(Commune, SpeakerCommand.SpeakText("cmd-1", "Một.", BulletinPriority.Normal, At), TimeSpan.FromMilliseconds(200));
            var second = await radio.SendAsync(Commune, SpeakerCommand.SpeakText("cmd-2", "Hai.", BulletinPriority.Normal, At), TimeSpan.FromMilliseconds(200));

            Assert.Equal(SpeakerOutcome.TimedOut, Assert.Single(first).Outcome);
            Assert.Equal(SpeakerOutcome.TimedOut, Assert.Single(second).Outcome);
            Assert.Equal(2, radio.PendingCommands);
        }

        // The sender process "restarts": a new client with the same outbox file sends what was left, in order.
        using var restarted = await MosquittoBroker.StartAsync(port);
        var received = new ConcurrentQueue<string>();
        using var device = new MqttClientFactory().CreateMqttClient();
        device.ApplicationMessageReceivedAsync += e =>
        {
            received.Enqueue(SpeakerMessageSerializer.ParseCommand(e.ApplicationMessage.Payload.ToArray()).CommandId);
            return Task.CompletedTask;
        };
        await device.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).Build());
        await device.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter(f => f.WithTopic(SpeakerProfile.DeviceCommandTopic("37", Commune, "spk-o")).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)).Build());

        await using (var again = new MqttRadioClient(new MqttRadioOptions { Server = restarted.Uri, OutboxPath = outbox }))
        {
            Assert.Equal(2, again.PendingCommands);
            await again.ConnectAsync();
            await Wait.Until(() => again.PendingCommands == 0 && received.Count >= 2);
        }

        Assert.Equal(new[] { "cmd-1", "cmd-2" }, received);
        Assert.Equal(0, new FileInfo(outbox).Length); // everything accepted: nothing left to send a second time
        await using var third = new MqttRadioClient(new MqttRadioOptions { Server = restarted.Uri, OutboxPath = outbox });
        Assert.Equal(0, third.PendingCommands);
    }

    [Fact]
    public async Task A_line_cut_short_by_a_crash_is_ignored_and_completed_commands_are_not_pending()
    {
        var path = Path.Combine(_folder, "cut.outbox");
        var payload = Convert.ToBase64String("{}"u8.ToArray());
        File.WriteAllText(path, $"P 1 a/cmd {payload}\nP 2 b/cmd {payload}\nD 1\nP 3 c/cmd {payload[..2]}");

        await using var client = new MqttRadioClient(new MqttRadioOptions { Server = new Uri("mqtt://127.0.0.1:1"), OutboxPath = path });

        Assert.Equal(1, client.PendingCommands);
    }

    [Fact]
    public void Reconnect_delays_are_checked()
        => Assert.Throws<ArgumentException>(() => new MqttRadioClient(new MqttRadioOptions { Server = new Uri("mqtt://127.0.0.1:1883"), ReconnectDelay = TimeSpan.Zero }));

    /// <summary>A device with a persistent session (clean session off): the broker keeps its subscription and queues its QoS 1 commands while it is away.</summary>
    private sealed class PersistentSpeaker : IAsyncDisposable
    {
        private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
        private readonly MqttClientOptions _options;
        private readonly string _deviceId;

        private PersistentSpeaker(int port, string deviceId)
        {
            _deviceId = deviceId;
            _options = new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).WithClientId(deviceId).WithCleanSession(false).WithSessionExpiryInterval(600).Build();
            _client.ApplicationMessageReceivedAsync += OnCommandAsync;
        }

        public ConcurrentQueue<string> Received { get; } = new();

        public static async Task<PersistentSpeaker> StartAsync(int port, string deviceId)
        {
            var speaker = new PersistentSpeaker(port, deviceId);
            await speaker._client.ConnectAsync(speaker._options);
            await speaker._client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder()
                .WithTopicFilter(f => f.WithTopic(SpeakerProfile.DeviceCommandTopic("37", Commune, deviceId)).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)).Build());
            await speaker._client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(SpeakerProfile.StateTopic("37", Commune, deviceId))
                .WithPayload(SpeakerMessageSerializer.Serialize(SpeakerEvent.State(deviceId, true, At, 60, "test-1.0"))).WithRetainFlag().WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
            return speaker;
        }

        public async Task ReconnectAsync()
        {
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    await _client.ConnectAsync(_options);
                    return;
                }
                catch (Exception) when (attempt < 50)
                {
                    await Task.Delay(100);
                }
            }
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                if (_client.IsConnected)
                {
                    await _client.DisconnectAsync();
                }
            }
            catch (MQTTnet.Exceptions.MqttCommunicationException)
            {
                // the broker was stopped first (disposal runs in reverse order): nothing to say goodbye to
            }

            _client.Dispose();
        }

        private async Task OnCommandAsync(MqttApplicationMessageReceivedEventArgs args)
        {
            var command = SpeakerMessageSerializer.ParseCommand(args.ApplicationMessage.Payload.ToArray());
            Received.Enqueue(command.CommandId);
            await _client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(SpeakerProfile.EventTopic("37", Commune, _deviceId))
                .WithPayload(SpeakerMessageSerializer.Serialize(SpeakerEvent.Ack(_deviceId, command.CommandId, At))).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
        }
    }
}
