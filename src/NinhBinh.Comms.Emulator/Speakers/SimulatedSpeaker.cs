using System;
using System.Buffers;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using NinhBinh.Comms.Broadcast.Radio;

namespace NinhBinh.Comms.Emulator.Speakers;

/// <summary>
/// A simulated IP speaker box speaking the open MQTT speaker profile: last will and retained state, acks every
/// command, "plays" play and speak commands for their duration (started, then finished), honours stop and volume,
/// sends heartbeats, and never plays a command id twice (a redelivered command is acked again only). It can be told
/// to fail commands or to go offline.
/// </summary>
public sealed class SimulatedSpeaker : IAsyncDisposable
{
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private int _dropped;
    private readonly TimeProvider _time;
    private readonly string _province;
    private readonly string _commune;
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly object _gate = new();
    private readonly List<string> _played = new();
    private ITimer? _heartbeat;
    private ITimer? _playback;
    private string? _playing;
    private int _volume = 60;

    private SimulatedSpeaker(string province, string commune, string deviceId, TimeProvider time)
    {
        _province = province;
        _commune = commune;
        DeviceId = deviceId;
        _time = time;
    }

    /// <summary>The device id.</summary>
    public string DeviceId { get; }

    /// <summary>When set, every command is answered with a failed event carrying this reason instead of being played.</summary>
    public string? FailWith { get; set; }

    /// <summary>The ids of the play and speak commands the speaker has taken to play, in order; a command id appears once at most.</summary>
    public IReadOnlyList<string> Played
    {
        get
        {
            lock (_gate)
            {
                return _played.ToArray();
            }
        }
    }

    /// <summary>The current volume, 0 to 100.</summary>
    public int Volume => Volatile.Read(ref _volume);

    /// <summary>The command that plays now, or <see langword="null"/>.</summary>
    public string? Playing
    {
        get
        {
            lock (_gate)
            {
                return _playing;
            }
        }
    }

    /// <summary>How long a speak command "plays" per character of text (a play command without a duration plays 30 s).</summary>
    public static TimeSpan SpeechPerCharacter { get; } = TimeSpan.FromMilliseconds(60);

    /// <summary>Connects a speaker to a broker, subscribes to its command topics and publishes its online state.</summary>
    /// <param name="broker">The broker, <c>mqtt://host:port</c>.</param>
    /// <param name="provinceCode">The province's administrative code.</param>
    /// <param name="communeCode">The commune's administrative code.</param>
    /// <param name="deviceId">The device id.</param>
    /// <param name="timeProvider">The clock for playback and heartbeats, <see cref="TimeProvider.System"/> by default.</param>
    /// <param name="heartbeatInterval">The heartbeat period, 60 s by default.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running speaker.</returns>
    public static async Task<SimulatedSpeaker> StartAsync(Uri broker, string provinceCode, string communeCode, string deviceId, TimeProvider? timeProvider = null, TimeSpan? heartbeatInterval = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(broker);
        var speaker = new SimulatedSpeaker(provinceCode, communeCode, deviceId, timeProvider ?? TimeProvider.System);
        var state = SpeakerProfile.StateTopic(provinceCode, communeCode, deviceId);
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer(broker.Host, broker.Port > 0 ? broker.Port : 1883)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithClientId("speaker-" + deviceId)
            .WithWillTopic(state)
            .WithWillPayload(SpeakerMessageSerializer.Serialize(SpeakerEvent.State(deviceId, false, speaker.Now())))
            .WithWillRetain(true)
            .WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
        speaker._client.ApplicationMessageReceivedAsync += speaker.OnCommandAsync;
        await speaker._client.ConnectAsync(options, cancellationToken).ConfigureAwait(false);
        await speaker._client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter(f => f.WithTopic(SpeakerProfile.DeviceCommandTopic(provinceCode, communeCode, deviceId)).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce))
            .WithTopicFilter(f => f.WithTopic(SpeakerProfile.CommuneCommandTopic(provinceCode, communeCode)).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce))
            .Build(), cancellationToken).ConfigureAwait(false);
        await speaker.PublishStateAsync(true).ConfigureAwait(false);
        var period = heartbeatInterval ?? TimeSpan.FromSeconds(60);
        speaker._heartbeat = speaker._time.CreateTimer(_ => _ = speaker.SafePublishAsync(SpeakerEvent.Heartbeat(deviceId, speaker.Volume, speaker.Now(), speaker.Playing, -85)), null, period, period);
        return speaker;
    }

    /// <summary>Drops the connection the way a device losing power does: the broker publishes its last will (offline).</summary>
    /// <returns>A task that completes once disconnected.</returns>
    /// <remarks>
    /// The connection is closed without a DISCONNECT packet, so every broker publishes the will: MQTTnet's server
    /// (the emulator's embedded broker) treats any DISCONNECT, even reason 0x04 "with will message", as clean.
    /// </remarks>
    public Task GoOfflineAsync()
    {
        _heartbeat?.Dispose();
        _playback?.Dispose();
        if (Interlocked.Exchange(ref _dropped, 1) == 0)
        {
            _client.Dispose(); // closes the socket; no DISCONNECT is sent
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _heartbeat?.Dispose();
        _playback?.Dispose();
        if (Volatile.Read(ref _dropped) == 0 && _client.IsConnected)
        {
            await PublishStateAsync(false).ConfigureAwait(false);
            await _client.DisconnectAsync().ConfigureAwait(false);
        }

        _client.Dispose();
    }

    private DateTimeOffset Now() => _time.GetUtcNow().ToOffset(TimeSpan.FromHours(7));

    private Task<MqttClientPublishResult> PublishStateAsync(bool online)
        => PublishAsync(SpeakerProfile.StateTopic(_province, _commune, DeviceId), SpeakerMessageSerializer.Serialize(SpeakerEvent.State(DeviceId, online, Now(), Volume, "emulator-1.0", online ? Playing : null, online ? -85 : null)), retain: true);

    private async Task SafePublishAsync(SpeakerEvent speakerEvent)
    {
        try
        {
            if (Volatile.Read(ref _dropped) == 0 && _client.IsConnected)
            {
                await PublishAsync(SpeakerProfile.EventTopic(_province, _commune, DeviceId), SpeakerMessageSerializer.Serialize(speakerEvent), retain: false).ConfigureAwait(false);
            }
        }
#pragma warning disable CA1031 // A simulated device never crashes on a failed publish (the broker may be gone).
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    private Task<MqttClientPublishResult> PublishAsync(string topic, byte[] payload, bool retain) => _client.PublishAsync(new MqttApplicationMessageBuilder()
        .WithTopic(topic).WithPayload(payload).WithRetainFlag(retain).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());

    private async Task OnCommandAsync(MqttApplicationMessageReceivedEventArgs args)
    {
        SpeakerCommand command;
        try
        {
            command = SpeakerMessageSerializer.ParseCommand(args.ApplicationMessage.Payload.ToArray());
        }
        catch (SpeakerMessageException)
        {
            return; // a real device logs and drops a malformed command; it has no id to answer to
        }

        if (FailWith is { } reason)
        {
            await SafePublishAsync(SpeakerEvent.Failed(DeviceId, command.CommandId, reason, Now())).ConfigureAwait(false);
            return;
        }

        bool firstTime;
        lock (_gate)
        {
            firstTime = _seen.Add(command.CommandId);
            if (firstTime && command.Kind is SpeakerCommandKind.PlayAudio or SpeakerCommandKind.SpeakText)
            {
                _played.Add(command.CommandId); // recorded before the ack, so an acked command is already in Played
            }
        }

        await SafePublishAsync(SpeakerEvent.Ack(DeviceId, command.CommandId, Now())).ConfigureAwait(false);
        if (!firstTime)
        {
            return; // redelivered: acked again, never played twice
        }

        switch (command.Kind)
        {
            case SpeakerCommandKind.PlayAudio:
            case SpeakerCommandKind.SpeakText:
                var duration = command.Duration ?? (command.Text is { } text ? TimeSpan.FromTicks(SpeechPerCharacter.Ticks * text.Length) : TimeSpan.FromSeconds(30));
                await StartPlayingAsync(command.CommandId, duration).ConfigureAwait(false);
                break;
            case SpeakerCommandKind.Stop:
                await StopAsync(command.TargetCommandId).ConfigureAwait(false);
                break;
            case SpeakerCommandKind.Volume:
                Volatile.Write(ref _volume, command.VolumeLevel!.Value);
                await PublishStateAsync(true).ConfigureAwait(false);
                break;
        }
    }

    private async Task StartPlayingAsync(string commandId, TimeSpan duration)
    {
        await StopAsync(null).ConfigureAwait(false); // a newer command pre-empts what plays
        lock (_gate)
        {
            _playing = commandId;
            _playback = _time.CreateTimer(_ => _ = FinishAsync(commandId), null, duration, Timeout.InfiniteTimeSpan);
        }

        await SafePublishAsync(SpeakerEvent.Started(DeviceId, commandId, Now())).ConfigureAwait(false);
    }

    private async Task StopAsync(string? target)
    {
        string? stopped;
        lock (_gate)
        {
            stopped = _playing is not null && (target is null || target == _playing) ? _playing : null;
        }

        if (stopped is not null)
        {
            await FinishAsync(stopped).ConfigureAwait(false);
        }
    }

    private async Task FinishAsync(string commandId)
    {
        lock (_gate)
        {
            if (_playing != commandId)
            {
                return;
            }

            _playing = null;
            _playback?.Dispose();
            _playback = null;
        }

        await SafePublishAsync(SpeakerEvent.Finished(DeviceId, commandId, Now())).ConfigureAwait(false);
    }
}
