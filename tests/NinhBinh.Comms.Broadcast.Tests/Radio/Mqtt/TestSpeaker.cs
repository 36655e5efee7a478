using System;
using System.Buffers;
using System.Threading;
using System.Threading.Tasks;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using NinhBinh.Comms.Broadcast.Radio;

namespace NinhBinh.Comms.Broadcast.Tests.Radio.Mqtt;

/// <summary>A minimal device of the profile for tests: last will, retained online state, and a fixed answer to commands.</summary>
internal sealed class TestSpeaker : IAsyncDisposable
{
    public enum Answer
    {
        Ack,
        Fail,
        Silent,
    }

    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private readonly string _commune;
    private readonly Answer _answer;
    private int _commands;

    private TestSpeaker(string deviceId, string commune, Answer answer)
    {
        DeviceId = deviceId;
        _commune = commune;
        _answer = answer;
    }

    public string DeviceId { get; }

    public int Commands => Volatile.Read(ref _commands);

    public static async Task<TestSpeaker> StartAsync(Uri broker, string commune, string deviceId, Answer answer)
    {
        var speaker = new TestSpeaker(deviceId, commune, answer);
        var state = SpeakerProfile.StateTopic("37", commune, deviceId);
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer(broker.Host, broker.Port)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithClientId(deviceId)
            .WithWillTopic(state)
            .WithWillPayload(SpeakerMessageSerializer.Serialize(SpeakerEvent.State(deviceId, false, DateTimeOffset.UtcNow)))
            .WithWillRetain(true)
            .WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
        speaker._client.ApplicationMessageReceivedAsync += speaker.OnCommandAsync;
        await speaker._client.ConnectAsync(options);
        await speaker._client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter(f => f.WithTopic(SpeakerProfile.DeviceCommandTopic("37", commune, deviceId)).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce))
            .Build());
        await speaker.PublishAsync(state, SpeakerMessageSerializer.Serialize(SpeakerEvent.State(deviceId, true, DateTimeOffset.UtcNow, 60, "test-1.0")), retain: true);
        return speaker;
    }

    /// <summary>Drops the connection so that the broker publishes the last will.</summary>
    public Task DropAsync() => _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().WithReason(MqttClientDisconnectOptionsReason.DisconnectWithWillMessage).Build());

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync();
        }

        _client.Dispose();
    }

    private async Task OnCommandAsync(MqttApplicationMessageReceivedEventArgs args)
    {
        var command = SpeakerMessageSerializer.ParseCommand(args.ApplicationMessage.Payload.ToArray());
        Interlocked.Increment(ref _commands);
        var evt = SpeakerProfile.EventTopic("37", _commune, DeviceId);
        switch (_answer)
        {
            case Answer.Ack:
                await PublishAsync(evt, SpeakerMessageSerializer.Serialize(SpeakerEvent.Ack(DeviceId, command.CommandId, DateTimeOffset.UtcNow)), retain: false);
                break;
            case Answer.Fail:
                await PublishAsync(evt, SpeakerMessageSerializer.Serialize(SpeakerEvent.Failed(DeviceId, command.CommandId, "the URL is not audio", DateTimeOffset.UtcNow)), retain: false);
                break;
        }
    }

    private Task PublishAsync(string topic, byte[] payload, bool retain) => _client.PublishAsync(new MqttApplicationMessageBuilder()
        .WithTopic(topic).WithPayload(payload).WithRetainFlag(retain).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
}
