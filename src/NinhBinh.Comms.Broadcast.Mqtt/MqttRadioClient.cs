using System;
using System.Buffers;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MQTTnet;
using MQTTnet.Protocol;

namespace NinhBinh.Comms.Broadcast.Radio.Mqtt;

/// <summary>
/// Drives speakers of the open MQTT speaker profile through a broker (MQTTnet, QoS 1): learns a commune's devices
/// from their retained states, sends a command to each and reports one <see cref="SpeakerDelivery"/> per device.
/// Devices known to be offline are reported at once, without waiting for the timeout. Available on .NET 10 only
/// (MQTTnet 5 has no netstandard2.0 build).
/// </summary>
public sealed class MqttRadioClient : IAsyncDisposable
{
    private readonly MqttRadioOptions _options;
    private readonly TimeProvider _time;
    private readonly IMqttClient _client;
    private readonly ConcurrentDictionary<string, SpeakerEvent> _states = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Device, string Command), TaskCompletionSource<SpeakerDelivery>> _pending = new();
    private readonly HashSet<string> _subscribed = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _subscribeGate = new(1, 1);
    private long _rejected;

    /// <summary>Creates the client; call <see cref="ConnectAsync"/> before anything else.</summary>
    /// <param name="options">The options; <see cref="MqttRadioOptions.Server"/> is required.</param>
    /// <param name="timeProvider">The clock, <see cref="TimeProvider.System"/> by default.</param>
    /// <exception cref="ArgumentException">The server is missing or not an mqtt:// or mqtts:// URI.</exception>
    public MqttRadioClient(MqttRadioOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        var server = options.Server ?? throw new ArgumentException("The Server (Broadcast:Mqtt:Server) is required.", nameof(options));
        if (!server.IsAbsoluteUri || (server.Scheme != "mqtt" && server.Scheme != "mqtts") || string.IsNullOrEmpty(server.Host))
        {
            throw new ArgumentException("The Server must be mqtt://host:port or mqtts://host:port.", nameof(options));
        }

        _time = timeProvider ?? TimeProvider.System;
        _client = new MqttClientFactory().CreateMqttClient();
        _client.ApplicationMessageReceivedAsync += OnMessageAsync;
    }

    /// <summary>How many device messages were rejected as malformed, oversized or unexpected (logged, never thrown).</summary>
    public long RejectedMessages => Interlocked.Read(ref _rejected);

    /// <summary>
    /// Raised for every well-formed device event of a watched commune (ack, started, finished, failed, heartbeat,
    /// state) after the client has used it, e.g. to feed a play log (<c>RadioPlayLogRecorder.RecordAsync(e.CommuneCode, e.Event)</c>).
    /// Handlers run on the receive loop: keep them short (queue slow work). An exception from a handler is counted in
    /// <see cref="EventHandlerFailures"/> and never stops the listener.
    /// </summary>
    public event EventHandler<SpeakerEventReceivedEventArgs>? EventReceived;

    /// <summary>How many times an <see cref="EventReceived"/> handler threw.</summary>
    public long EventHandlerFailures => Interlocked.Read(ref _handlerFailures);

    // Kept next to the event it counts for (a small additive change).
    private long _handlerFailures;

    /// <summary>Connects to the broker.</summary>
    /// <param name="cancellationToken">Cancels the connection attempt.</param>
    /// <returns>A task that completes once connected.</returns>
    public async Task ConnectAsync(CancellationToken cancellationToken = default)
    {
        var server = _options.Server!;
        var tls = server.Scheme == "mqtts";
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(server.Host, server.IsDefaultPort || server.Port <= 0 ? (tls ? 8883 : 1883) : server.Port)
            .WithClientId(_options.ClientId ?? "nbcomms-radio-" + Guid.NewGuid().ToString("N")[..12])
            .WithCleanSession(true)
            .WithTimeout(_options.ConnectTimeout);
        if (_options.Username is not null)
        {
            builder = builder.WithCredentials(_options.Username, _options.Password ?? string.Empty);
        }

        if (tls)
        {
            builder = builder.WithTlsOptions(o => o.UseTls());
        }

        await _client.ConnectAsync(builder.Build(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The devices of a commune known from their retained states, online or not, ordered by id.</summary>
    /// <param name="communeCode">The commune's administrative code.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The latest state event of each device.</returns>
    public async Task<IReadOnlyList<SpeakerEvent>> GetDevicesAsync(string communeCode, CancellationToken cancellationToken = default)
    {
        await WatchCommuneAsync(communeCode, cancellationToken).ConfigureAwait(false);
        var prefix = Prefix(communeCode);
        return _states.Where(kv => kv.Key.StartsWith(prefix, StringComparison.Ordinal)).Select(kv => kv.Value).OrderBy(e => e.DeviceId, StringComparer.Ordinal).ToArray();
    }

    /// <summary>
    /// Sends a command to every known device of a commune, one QoS 1 message per device, and waits for each
    /// device's answer: acked, failed, or timed out; devices known to be offline are reported as offline at once.
    /// </summary>
    /// <param name="communeCode">The commune's administrative code.</param>
    /// <param name="command">The command.</param>
    /// <param name="timeout">How long to wait for the devices' answers (positive).</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>One delivery per known device, ordered by device id.</returns>
    public async Task<IReadOnlyList<SpeakerDelivery>> SendAsync(string communeCode, SpeakerCommand command, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        var devices = await GetDevicesAsync(communeCode, cancellationToken).ConfigureAwait(false);
        var payload = SpeakerMessageSerializer.Serialize(command);
        var waits = new List<Task<SpeakerDelivery>>();
        foreach (var device in devices)
        {
            if (device.Online != true)
            {
                waits.Add(Task.FromResult(new SpeakerDelivery(device.DeviceId, SpeakerOutcome.Offline)));
                continue;
            }

            var tcs = new TaskCompletionSource<SpeakerDelivery>(TaskCreationOptions.RunContinuationsAsynchronously);
            _pending[(device.DeviceId, command.CommandId)] = tcs;
            waits.Add(tcs.Task);
            var message = new MqttApplicationMessageBuilder()
                .WithTopic(SpeakerProfile.DeviceCommandTopic(_options.ProvinceCode, communeCode, device.DeviceId))
                .WithPayload(payload)
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                .Build();
            await _client.PublishAsync(message, cancellationToken).ConfigureAwait(false);
        }

        using var timer = new CancellationTokenSource(timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timer.Token, cancellationToken);
        using (linked.Token.Register(() =>
        {
            foreach (var device in devices)
            {
                if (_pending.TryRemove((device.DeviceId, command.CommandId), out var open))
                {
                    open.TrySetResult(new SpeakerDelivery(device.DeviceId, SpeakerOutcome.TimedOut));
                }
            }
        }))
        {
            var results = await Task.WhenAll(waits).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            return results;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync().ConfigureAwait(false);
        }

        _client.Dispose();
        _subscribeGate.Dispose();
    }

    private string Prefix(string communeCode) => SpeakerProfile.CommuneCommandTopic(_options.ProvinceCode, communeCode).Replace("/all/cmd", "/", StringComparison.Ordinal);

    private async Task WatchCommuneAsync(string communeCode, CancellationToken cancellationToken)
    {
        var (events, states) = SpeakerProfile.CommuneDeviceFilters(_options.ProvinceCode, communeCode);
        await _subscribeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_subscribed.Add(states))
            {
                return;
            }

            var subscribe = new MqttClientSubscribeOptionsBuilder()
                .WithTopicFilter(f => f.WithTopic(events).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce))
                .WithTopicFilter(f => f.WithTopic(states).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce))
                .Build();
            await _client.SubscribeAsync(subscribe, cancellationToken).ConfigureAwait(false);

            // Retained states arrive right after the subscription; MQTT has no end-of-retained marker.
            await Task.Delay(_options.DiscoveryWindow, _time, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _subscribeGate.Release();
        }
    }

    private Task OnMessageAsync(MqttApplicationMessageReceivedEventArgs args)
    {
        var topic = args.ApplicationMessage.Topic;
        var levels = topic.Split('/');
        var payload = args.ApplicationMessage.Payload;
        if (payload.Length > SpeakerProfile.MaxPayloadBytes)
        {
            Interlocked.Increment(ref _rejected);
            return Task.CompletedTask;
        }

        try
        {
            var speakerEvent = SpeakerMessageSerializer.ParseEvent(payload.ToArray());
            if (levels.Length != 6 || !string.Equals(levels[4], speakerEvent.DeviceId, StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _rejected);
                return Task.CompletedTask;
            }

            var key = string.Join("/", levels.Take(4)) + "/" + speakerEvent.DeviceId;
            switch (speakerEvent.Kind)
            {
                case SpeakerEventKind.State when levels[5] == "state":
                    _states[key] = speakerEvent;
                    break;
                case SpeakerEventKind.Ack when _pending.TryRemove((speakerEvent.DeviceId, speakerEvent.CommandId!), out var acked):
                    acked.TrySetResult(new SpeakerDelivery(speakerEvent.DeviceId, SpeakerOutcome.Acked));
                    break;
                case SpeakerEventKind.Failed when _pending.TryRemove((speakerEvent.DeviceId, speakerEvent.CommandId!), out var failed):
                    failed.TrySetResult(new SpeakerDelivery(speakerEvent.DeviceId, SpeakerOutcome.Failed, speakerEvent.Reason));
                    break;
            }

            Raise(levels[3], speakerEvent);
        }
        catch (SpeakerMessageException)
        {
            Interlocked.Increment(ref _rejected);
        }

        return Task.CompletedTask;
    }

    private void Raise(string communeCode, SpeakerEvent speakerEvent)
    {
        try
        {
            EventReceived?.Invoke(this, new SpeakerEventReceivedEventArgs(communeCode, speakerEvent));
        }
#pragma warning disable CA1031 // A subscriber's failure must never stop the listener; it is counted.
        catch (Exception)
#pragma warning restore CA1031
        {
            Interlocked.Increment(ref _handlerFailures);
        }
    }
}
