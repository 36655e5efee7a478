// Emergency to N simulated devices through a real broker on loopback: the time from the dispatch until every device
// acknowledged, per round, with the median and the 99th percentile over the rounds.
// Usage: dotnet NinhBinh.Comms.RadioBench.dll <mqtt://host:port> [devices=1000] [communes=10] [rounds=30]
using System;
using System.Buffers;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using MQTTnet;
using MQTTnet.Protocol;
using NinhBinh.Comms;
using NinhBinh.Comms.Broadcast.Radio;
using NinhBinh.Comms.Broadcast.Radio.Mqtt;

var broker = new Uri(args[0]);
var deviceCount = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1000;
var communeCount = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 10;
var rounds = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 30;
var today = TimeProvider.System.GetVietnamToday();
var communes = AdministrativeUnitRegistry.Default.GetChildren("37", today).Take(communeCount).Select(c => c.Code).ToArray();

var devices = new List<IMqttClient>();
var factory = new MqttClientFactory();
var started = Stopwatch.StartNew();
for (var i = 0; i < deviceCount; i++)
{
    var commune = communes[i % communes.Length];
    var id = $"bench-{commune}-{i:D4}";
    var client = factory.CreateMqttClient();
    client.ApplicationMessageReceivedAsync += async e =>
    {
        var command = SpeakerMessageSerializer.ParseCommand(e.ApplicationMessage.Payload.ToArray());
        await client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(SpeakerProfile.EventTopic("37", commune, id))
            .WithPayload(SpeakerMessageSerializer.Serialize(SpeakerEvent.Ack(id, command.CommandId, DateTimeOffset.UtcNow)))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
    };
    await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer(broker.Host, broker.Port).WithClientId(id)
        .WithWillTopic(SpeakerProfile.StateTopic("37", commune, id)).WithWillRetain(true)
        .WithWillPayload(SpeakerMessageSerializer.Serialize(SpeakerEvent.State(id, false, DateTimeOffset.UtcNow))).Build());
    await client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter(f => f.WithTopic(SpeakerProfile.DeviceCommandTopic("37", commune, id)).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)).Build());
    await client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(SpeakerProfile.StateTopic("37", commune, id)).WithRetainFlag()
        .WithPayload(SpeakerMessageSerializer.Serialize(SpeakerEvent.State(id, true, DateTimeOffset.UtcNow, 60, "bench"))).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
    devices.Add(client);
}

Console.WriteLine($"{deviceCount} devices in {communes.Length} communes connected in {started.Elapsed.TotalSeconds:0.0} s");
// NBCOMMS_BENCH_OUTBOX=<file> measures with the durable outbox (one fsync per commune and dispatch).
await using var radio = new MqttRadioClient(new MqttRadioOptions { Server = broker, DiscoveryWindow = TimeSpan.FromSeconds(2), OutboxPath = Environment.GetEnvironmentVariable("NBCOMMS_BENCH_OUTBOX") });
await radio.ConnectAsync();
var known = 0;
foreach (var commune in communes)
{
    known += (await radio.GetDevicesAsync(commune)).Count;
}

Console.WriteLine($"the radio client knows {known} devices");
var channel = new MqttRadioChannel(radio, new MqttRadioChannelOptions { AckTimeout = TimeSpan.FromSeconds(30) });
var times = new List<double>();
for (var round = 0; round <= rounds; round++)
{
    var bulletin = Bulletin.CreateBuilder().WithId($"bench-{round}-{Guid.NewGuid():N}").WithTitle("Cảnh báo lũ quét").WithBody("Người dân di chuyển lên vùng cao ngay.")
        .WithIssuingAgency("UBND tỉnh Ninh Bình").WithPriority(BulletinPriority.Emergency).WithTargetAreas(communes).Build();
    var watch = Stopwatch.StartNew();
    var outcome = await channel.DeliverAsync(bulletin);
    watch.Stop();
    var acked = outcome.Targets.Count(t => t.IsSuccess);
    if (acked != deviceCount)
    {
        Console.WriteLine($"round {round}: only {acked} of {deviceCount} acked: {outcome.Reason}");
    }

    if (round > 0) // round 0 warms up
    {
        times.Add(watch.Elapsed.TotalMilliseconds);
        Console.WriteLine($"round {round}: {acked} of {deviceCount} acked in {watch.Elapsed.TotalMilliseconds:0.0} ms");
    }
}

times.Sort();
double Percentile(double p) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(p * times.Count) - 1)];
Console.WriteLine($"summary devices={deviceCount} communes={communes.Length} rounds={rounds}: every device acked in median {Percentile(0.5):0.0} ms, p99 {Percentile(0.99):0.0} ms, max {times[^1]:0.0} ms (target p99 < 1000 ms)");
foreach (var device in devices)
{
    await device.DisconnectAsync();
    device.Dispose();
}
