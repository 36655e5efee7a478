using System;
using System.Linq;
using System.Threading.Tasks;
using NinhBinh.Comms.Broadcast.Radio;
using NinhBinh.Comms.Broadcast.Radio.Mqtt;
using NinhBinh.Comms.Emulator.Speakers;

namespace NinhBinh.Comms.Emulator.Tests.Speakers;

public sealed class EmbeddedMqttBrokerTests
{
    [Fact]
    public async Task The_embedded_broker_carries_commands_acks_and_retained_offline_state_with_nothing_installed()
    {
        await using var broker = await EmbeddedMqttBroker.StartAsync();
        await using var online = await SimulatedSpeaker.StartAsync(broker.Uri, "37", "14390", "spk-1");
        var stopped = await SimulatedSpeaker.StartAsync(broker.Uri, "37", "14390", "spk-2");
        await stopped.DisposeAsync(); // a clean shutdown publishes the retained offline state

        await using var client = new MqttRadioClient(new MqttRadioOptions { Server = broker.Uri });
        await client.ConnectAsync();
        var deliveries = await client.SendAsync("14390", SpeakerCommand.SpeakText("c1", "Bão số 3.", BulletinPriority.Emergency, DateTimeOffset.UtcNow), TimeSpan.FromSeconds(20));

        Assert.Equal(new[] { ("spk-1", SpeakerOutcome.Acked), ("spk-2", SpeakerOutcome.Offline) }, deliveries.Select(d => (d.DeviceId, d.Outcome)));
        Assert.Equal(new[] { "c1" }, online.Played);
        Assert.Empty(stopped.Played);
    }

    [Fact]
    public async Task A_speaker_that_drops_off_the_network_is_offline_through_its_last_will_on_the_embedded_broker()
    {
        await using var broker = await EmbeddedMqttBroker.StartAsync();
        await using var dropped = await SimulatedSpeaker.StartAsync(broker.Uri, "37", "14390", "spk-lost");
        await using var client = new MqttRadioClient(new MqttRadioOptions { Server = broker.Uri });
        await client.ConnectAsync();

        await dropped.GoOfflineAsync(); // no clean shutdown: only the broker's last will can say it is gone
        var deliveries = await client.SendAsync("14390", SpeakerCommand.SpeakText("c2", "Bão số 3.", BulletinPriority.Emergency, DateTimeOffset.UtcNow), TimeSpan.FromSeconds(20));

        Assert.Equal(new[] { ("spk-lost", SpeakerOutcome.Offline) }, deliveries.Select(d => (d.DeviceId, d.Outcome)));
        Assert.Empty(dropped.Played);
    }
}
