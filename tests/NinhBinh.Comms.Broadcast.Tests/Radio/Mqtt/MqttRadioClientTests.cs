using System;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using MQTTnet;
using NinhBinh.Comms.Broadcast.Radio;
using NinhBinh.Comms.Broadcast.Radio.Mqtt;

namespace NinhBinh.Comms.Broadcast.Tests.Radio.Mqtt;

public sealed class MqttRadioClientTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 28, 15, 30, 0, TimeSpan.FromHours(7));

    [MosquittoFact]
    public async Task Each_device_gets_its_own_outcome_acked_failed_timed_out_or_offline_through_the_last_will()
    {
        using var broker = await MosquittoBroker.StartAsync();
        var commune = "14350";
        await using var acking = await TestSpeaker.StartAsync(broker.Uri, commune, "spk-a", TestSpeaker.Answer.Ack);
        await using var failing = await TestSpeaker.StartAsync(broker.Uri, commune, "spk-b", TestSpeaker.Answer.Fail);
        await using var silent = await TestSpeaker.StartAsync(broker.Uri, commune, "spk-c", TestSpeaker.Answer.Silent);
        await using var dropped = await TestSpeaker.StartAsync(broker.Uri, commune, "spk-d", TestSpeaker.Answer.Ack);
        await using var other = await TestSpeaker.StartAsync(broker.Uri, "14351", "spk-e", TestSpeaker.Answer.Ack);
        await dropped.DropAsync();

        await using var client = new MqttRadioClient(new MqttRadioOptions { Server = broker.Uri });
        await client.ConnectAsync();
        var deliveries = await client.SendAsync(commune, SpeakerCommand.SpeakText("cmd-1", "Bão số 3 đổ bộ vào Ninh Bình.", BulletinPriority.Emergency, At), TimeSpan.FromSeconds(2));

        Assert.Equal(
            new[] { ("spk-a", SpeakerOutcome.Acked), ("spk-b", SpeakerOutcome.Failed), ("spk-c", SpeakerOutcome.TimedOut), ("spk-d", SpeakerOutcome.Offline) },
            deliveries.Select(d => (d.DeviceId, d.Outcome)));
        Assert.Equal("the URL is not audio", deliveries[1].Reason);
        Assert.Equal(0, dropped.Commands);
        Assert.Equal(0, other.Commands);
        Assert.Equal(1, silent.Commands);
    }

    [MosquittoFact]
    public async Task Devices_known_offline_are_reported_at_once_not_after_the_timeout()
    {
        using var broker = await MosquittoBroker.StartAsync();
        await using var dropped = await TestSpeaker.StartAsync(broker.Uri, "14352", "spk-x", TestSpeaker.Answer.Ack);
        await dropped.DropAsync();

        await using var client = new MqttRadioClient(new MqttRadioOptions { Server = broker.Uri });
        await client.ConnectAsync();
        var watch = Stopwatch.StartNew();
        var deliveries = await client.SendAsync("14352", SpeakerCommand.Ping("cmd-2", At), TimeSpan.FromMinutes(5));

        Assert.Equal(SpeakerOutcome.Offline, Assert.Single(deliveries).Outcome);
        Assert.True(watch.Elapsed < TimeSpan.FromMinutes(1), "offline was reported after " + watch.Elapsed);
        var state = Assert.Single(await client.GetDevicesAsync("14352"));
        Assert.False(state.Online);
    }

    [MosquittoFact]
    public async Task A_malformed_device_event_is_counted_as_rejected_and_the_listener_keeps_working()
    {
        using var broker = await MosquittoBroker.StartAsync();
        await using var acking = await TestSpeaker.StartAsync(broker.Uri, "14353", "spk-y", TestSpeaker.Answer.Ack);
        await using var client = new MqttRadioClient(new MqttRadioOptions { Server = broker.Uri });
        await client.ConnectAsync();
        await client.GetDevicesAsync("14353");

        using (var raw = new MqttClientFactory().CreateMqttClient())
        {
            await raw.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", broker.Port).Build());
            await raw.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(SpeakerProfile.EventTopic("37", "14353", "spk-y")).WithPayload("{not json").WithQualityOfServiceLevel(MQTTnet.Protocol.MqttQualityOfServiceLevel.AtLeastOnce).Build());
            await raw.DisconnectAsync();
        }

        var deliveries = await client.SendAsync("14353", SpeakerCommand.Ping("cmd-3", At), TimeSpan.FromSeconds(10));

        Assert.Equal(SpeakerOutcome.Acked, Assert.Single(deliveries).Outcome);
        Assert.Equal(1, client.RejectedMessages);
    }

    [MosquittoFact]
    public async Task A_device_whose_last_will_arrives_while_a_command_waits_is_reported_offline_then_not_at_the_timeout()
    {
        using var broker = await MosquittoBroker.StartAsync();
        await using var silent = await TestSpeaker.StartAsync(broker.Uri, "14354", "spk-s", TestSpeaker.Answer.Silent);
        await using var client = new MqttRadioClient(new MqttRadioOptions { Server = broker.Uri });
        await client.ConnectAsync();
        Assert.True(Assert.Single(await client.GetDevicesAsync("14354")).Online);

        var sending = client.SendAsync("14354", SpeakerCommand.Ping("cmd-4", At), TimeSpan.FromMinutes(5));
        await Wait.Until(() => silent.Commands == 1); // the command reached the device, which does not answer
        Assert.False(sending.IsCompleted);
        await silent.DropAsync(); // the broker publishes its last will: offline

        var delivery = Assert.Single(await sending.WaitAsync(TimeSpan.FromMinutes(1)));
        Assert.Equal(("spk-s", SpeakerOutcome.Offline), (delivery.DeviceId, delivery.Outcome));
    }

    [MosquittoFact]
    public async Task Discovery_waits_for_the_brokers_echo_of_its_marker_not_for_a_time_window()
    {
        using var broker = await MosquittoBroker.StartAsync();
        await using var a = await TestSpeaker.StartAsync(broker.Uri, "14355", "spk-1", TestSpeaker.Answer.Ack);
        await using var b = await TestSpeaker.StartAsync(broker.Uri, "14355", "spk-2", TestSpeaker.Answer.Ack);
        var gone = await TestSpeaker.StartAsync(broker.Uri, "14355", "spk-3", TestSpeaker.Answer.Ack);
        await gone.DisposeAsync();

        // A window far too short for any retained message: only the marker can make discovery complete.
        await using var client = new MqttRadioClient(new MqttRadioOptions { Server = broker.Uri, DiscoveryWindow = TimeSpan.FromTicks(1) });
        await client.ConnectAsync();
        var devices = await client.GetDevicesAsync("14355");

        Assert.Equal(new[] { "spk-1", "spk-2", "spk-3" }, devices.Select(d => d.DeviceId));
    }

    [MosquittoFact]
    public async Task A_broker_that_refuses_the_sync_topic_gets_the_discovery_window_instead()
    {
        var folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "nbcomms-acl-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(folder);
        try
        {
            using var broker = await MosquittoBroker.StartWithAclAsync(folder, "topic readwrite nbcomms/v1/37/+/+/+");
            await using var device = await TestSpeaker.StartAsync(broker.Uri, "14356", "spk-9", TestSpeaker.Answer.Ack);
            await using var client = new MqttRadioClient(new MqttRadioOptions { Server = broker.Uri, DiscoveryWindow = TimeSpan.FromSeconds(1) });
            await client.ConnectAsync();

            var watch = Stopwatch.StartNew();
            var devices = await client.GetDevicesAsync("14356");

            Assert.Equal("spk-9", Assert.Single(devices).DeviceId);
            Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(0.9), "discovery ended after " + watch.Elapsed + ", before the window");
            var deliveries = await client.SendAsync("14356", SpeakerCommand.Ping("cmd-5", At), TimeSpan.FromSeconds(20));
            Assert.Equal(SpeakerOutcome.Acked, Assert.Single(deliveries).Outcome);
        }
        finally
        {
            System.IO.Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("http://127.0.0.1:1883")]
    [InlineData("mqtt:relative")]
    public void A_server_that_is_not_mqtt_or_mqtts_is_rejected(string server)
    {
        var ex = Assert.Throws<ArgumentException>(() => new MqttRadioClient(new MqttRadioOptions { Server = new Uri(server, UriKind.RelativeOrAbsolute) }));
        Assert.Equal("options", ex.ParamName);
    }
}
