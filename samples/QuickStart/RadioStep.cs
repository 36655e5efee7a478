using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using NinhBinh.Comms;
using NinhBinh.Comms.Broadcast.Radio.Mqtt;
using NinhBinh.Comms.Emulator.Speakers;

/// <summary>
/// The QuickStart's radio step: the emulator's embedded MQTT broker and simulated speakers of the commune, driven by
/// <see cref="MqttRadioClient"/> over the open speaker profile (nothing to install).
/// </summary>
internal sealed class RadioStep : IAsyncDisposable
{
    private readonly EmbeddedMqttBroker _broker;
    private readonly List<SimulatedSpeaker> _speakers;
    private readonly MqttRadioClient _client;

    private RadioStep(EmbeddedMqttBroker broker, List<SimulatedSpeaker> speakers, MqttRadioClient client, string communeCode)
    {
        _broker = broker;
        _speakers = speakers;
        _client = client;
        Channel = new MqttRadioChannel(client, new MqttRadioChannelOptions { Name = "radio:" + communeCode, AckTimeout = TimeSpan.FromSeconds(3) });
    }

    /// <summary>The radio as a dispatcher channel: the bulletin spoken on every speaker of the communes it targets, one outcome per speaker.</summary>
    public IBulletinChannel Channel { get; }

    public static async Task<RadioStep> StartAsync(string communeCode, int speakers)
    {
        var broker = await EmbeddedMqttBroker.StartAsync();
        var list = new List<SimulatedSpeaker>();
        for (var i = 1; i <= speakers; i++)
        {
            list.Add(await SimulatedSpeaker.StartAsync(broker.Uri, "37", communeCode, $"loa-{communeCode}-{i}"));
        }

        var client = new MqttRadioClient(new MqttRadioOptions { Server = broker.Uri });
        await client.ConnectAsync();
        Console.WriteLine($"   IP radio: embedded MQTT broker {broker.Uri}, {speakers} simulated speakers of commune {communeCode}");
        return new RadioStep(broker, list, client, communeCode);
    }

    public async ValueTask DisposeAsync()
    {
        await _client.DisposeAsync();
        foreach (var speaker in _speakers)
        {
            await speaker.DisposeAsync();
        }

        await _broker.DisposeAsync();
    }
}
