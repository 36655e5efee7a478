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
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _markers = new(StringComparer.Ordinal);
    private readonly string _syncTopic;
    private volatile bool _brokerEchoesMarkers;
    private readonly SemaphoreSlim _outboxSignal = new(0);
    private readonly CancellationTokenSource _stopping = new();
    private readonly MqttOutbox _outbox;
    private MqttClientOptions? _connectOptions;
    private Task? _sender;
    private int _reconnecting;
    private long _rejected;
    private long _reconnects;

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
        if (options.ReconnectDelay <= TimeSpan.Zero || options.MaxReconnectDelay < options.ReconnectDelay)
        {
            throw new ArgumentException("ReconnectDelay must be positive and MaxReconnectDelay at least as long.", nameof(options));
        }

        // The client's own sync topic, nbcomms/v1/{province}/_sync/{id}: no device publishes or subscribes there.
        _syncTopic = SpeakerProfile.TopicRoot + "/" + options.ProvinceCode + "/_sync/" + Guid.NewGuid().ToString("N");
        _client = new MqttClientFactory().CreateMqttClient();
        _client.ApplicationMessageReceivedAsync += OnMessageAsync;
        _client.DisconnectedAsync += OnDisconnectedAsync;
        _outbox = new MqttOutbox(options.OutboxPath);
    }

    /// <summary>How many commands wait for the broker (issued while it was unreachable, or not yet acknowledged by it).</summary>
    public int PendingCommands => _outbox.Count;

    /// <summary>How many times the client reconnected after the broker went away.</summary>
    public long Reconnects => Interlocked.Read(ref _reconnects);

    /// <summary>Whether the client is connected to the broker now.</summary>
    public bool IsConnected => _client.IsConnected;

    /// <summary>The province whose topics the client uses (<see cref="MqttRadioOptions.ProvinceCode"/>).</summary>
    public string ProvinceCode => _options.ProvinceCode;

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

        _connectOptions = builder.Build();
        await _client.ConnectAsync(_connectOptions, cancellationToken).ConfigureAwait(false);
        await StartSyncAsync(cancellationToken).ConfigureAwait(false);
        _sender ??= Task.Run(SendLoopAsync, CancellationToken.None);
        _outboxSignal.Release(); // commands left in the outbox by an earlier run go out first, in order
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
        var topics = new List<string>();
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
            topics.Add(SpeakerProfile.DeviceCommandTopic(_options.ProvinceCode, communeCode, device.DeviceId));
        }

        if (topics.Count > 0)
        {
            _outbox.AddRange(topics, payload); // one flush to disk for the whole commune
            _outboxSignal.Release();
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
        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_sender is not null)
        {
            await _sender.ConfigureAwait(false);
        }

        if (_client.IsConnected)
        {
            await DropQuietlyAsync().ConfigureAwait(false); // a broker that just died must not make disposal throw
        }

        _client.Dispose();
        _subscribeGate.Dispose();
        _outboxSignal.Dispose();
        _outbox.Dispose();
        _stopping.Dispose();
    }

    /// <summary>
    /// Publishes the outbox whenever the client is connected: up to 256 commands in flight at once, but never two for
    /// the same device topic, so each device gets its commands in the order they were issued. A command leaves the
    /// outbox when the broker acknowledged it; at the first failure the rest wait for the reconnection.
    /// </summary>
    private async Task SendLoopAsync()
    {
        const int Window = 256;
        var token = _stopping.Token;
        try
        {
            while (!token.IsCancellationRequested)
            {
                await _outboxSignal.WaitAsync(token).ConfigureAwait(false);
                var inFlight = new List<Task<bool>>(Window);
                var topics = new HashSet<string>(StringComparer.Ordinal);
                var failed = false;
                foreach (var (sequence, topic, payload) in _outbox.Pending())
                {
                    if (inFlight.Count >= Window || topics.Contains(topic))
                    {
                        failed = !(await Task.WhenAll(inFlight).ConfigureAwait(false)).All(ok => ok);
                        inFlight.Clear();
                        topics.Clear();
                    }

                    if (failed || !_client.IsConnected)
                    {
                        break; // the reconnection signals again
                    }

                    topics.Add(topic);
                    inFlight.Add(PublishAsync(sequence, topic, payload, token));
                }

                await Task.WhenAll(inFlight).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // disposed
        }
    }

    private async Task<bool> PublishAsync(long sequence, string topic, byte[] payload, CancellationToken cancellationToken)
    {
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
        try
        {
            await _client.PublishAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return false; // not accepted: it stays in the outbox and goes out after the reconnection
        }

        _outbox.Complete(sequence);
        return true;
    }

    private Task OnDisconnectedAsync(MqttClientDisconnectedEventArgs args)
    {
        StartReconnecting();
        return Task.CompletedTask;
    }

    private void StartReconnecting()
    {
        if (!_stopping.IsCancellationRequested && _connectOptions is not null && Interlocked.Exchange(ref _reconnecting, 1) == 0)
        {
            _ = Task.Run(ReconnectAsync, CancellationToken.None);
        }
    }

    private async Task ReconnectAsync()
    {
        var delay = _options.ReconnectDelay;
        var token = _stopping.Token;
        try
        {
            while (!token.IsCancellationRequested && !_client.IsConnected)
            {
                await Task.Delay(delay, _time, token).ConfigureAwait(false);
                try
                {
                    await _client.ConnectAsync(_connectOptions!, token).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !token.IsCancellationRequested)
                {
                    delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.MaxReconnectDelay.Ticks));
                    continue;
                }

                if (!await ResubscribeAsync(token).ConfigureAwait(false))
                {
                    // Connected but not listening: acknowledgements would be lost. Drop the connection and try again.
                    await DropQuietlyAsync().ConfigureAwait(false);
                    continue;
                }

                Interlocked.Increment(ref _reconnects);
                _outboxSignal.Release();
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // disposed
        }
        finally
        {
            Volatile.Write(ref _reconnecting, 0);
        }

        if (!_client.IsConnected)
        {
            StartReconnecting(); // lost again between the connection and the end of the loop
        }
    }

    private async Task DropQuietlyAsync()
    {
        try
        {
            await _client.DisconnectAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // already gone
        }
    }

    private async Task<bool> ResubscribeAsync(CancellationToken cancellationToken)
    {
        string[] filters;
        await _subscribeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            filters = _subscribed.ToArray();
        }
        finally
        {
            _subscribeGate.Release();
        }

        if (filters.Length == 0)
        {
            return true;
        }

        var subscribe = new MqttClientSubscribeOptionsBuilder();
        foreach (var filter in filters)
        {
            subscribe = subscribe.WithTopicFilter(f => f.WithTopic(filter).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce));
        }

        try
        {
            await _client.SubscribeAsync(subscribe.Build(), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return false; // the caller reconnects and subscribes again
        }
    }

    private string Prefix(string communeCode) => SpeakerProfile.CommuneCommandTopic(_options.ProvinceCode, communeCode).Replace("/all/cmd", "/", StringComparison.Ordinal);

    private async Task WatchCommuneAsync(string communeCode, CancellationToken cancellationToken)
    {
        var (events, states) = SpeakerProfile.CommuneDeviceFilters(_options.ProvinceCode, communeCode);
        await _subscribeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_subscribed.Contains(states))
            {
                return;
            }

            if (!_client.IsConnected)
            {
                throw new InvalidOperationException($"The broker {_options.Server} is unreachable and the devices of commune {communeCode} are not known yet; try again when it is back.");
            }

            var subscribe = new MqttClientSubscribeOptionsBuilder()
                .WithTopicFilter(f => f.WithTopic(events).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce))
                .WithTopicFilter(f => f.WithTopic(states).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce))
                .Build();
            await _client.SubscribeAsync(subscribe, cancellationToken).ConfigureAwait(false);
            _subscribed.Add(events);
            _subscribed.Add(states);

            // Retained states arrive right after the subscription, and MQTT has no end-of-retained marker: the client
            // publishes its own to its sync topic, which the broker queues behind them; without one, a time window.
            if (!_brokerEchoesMarkers || !await SyncAsync(_options.ConnectTimeout, cancellationToken).ConfigureAwait(false))
            {
                await Task.Delay(_options.DiscoveryWindow, _time, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _subscribeGate.Release();
        }
    }

    /// <summary>
    /// Subscribes to the client's own sync topic and sends one marker through the broker, to learn whether it echoes
    /// them (a broker whose access rules forbid the topic does not: discovery then waits <see cref="MqttRadioOptions.DiscoveryWindow"/>).
    /// </summary>
    private async Task StartSyncAsync(CancellationToken cancellationToken)
    {
        try
        {
            var result = await _client.SubscribeAsync(
                new MqttClientSubscribeOptionsBuilder().WithTopicFilter(f => f.WithTopic(_syncTopic).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)).Build(),
                cancellationToken).ConfigureAwait(false);
            if (result.Items.Any(i => (int)i.ResultCode > (int)MqttClientSubscribeResultCode.GrantedQoS2))
            {
                return; // refused
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return;
        }

        await _subscribeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _subscribed.Add(_syncTopic); // subscribed again after a reconnection, with the communes
        }
        finally
        {
            _subscribeGate.Release();
        }

        _brokerEchoesMarkers = await SyncAsync(_options.ConnectTimeout, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Publishes a marker to the client's sync topic and waits (at most <paramref name="limit"/>) until it comes back:
    /// the broker delivers a client's messages in order, so everything queued for the client before the marker, such
    /// as the retained states of a subscription just made, has then been received.
    /// </summary>
    /// <returns>Whether the marker came back in time.</returns>
    private async Task<bool> SyncAsync(TimeSpan limit, CancellationToken cancellationToken)
    {
        var nonce = Guid.NewGuid().ToString("N");
        var back = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _markers[nonce] = back;
        try
        {
            try
            {
                await _client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(_syncTopic).WithPayload(nonce).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build(), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                return false;
            }

            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var timeUp = Task.Delay(limit, _time, stop.Token);
            var first = await Task.WhenAny(back.Task, timeUp).ConfigureAwait(false);
            await stop.CancelAsync().ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            return first == back.Task;
        }
        finally
        {
            _markers.TryRemove(nonce, out _);
        }
    }

    private Task OnMessageAsync(MqttApplicationMessageReceivedEventArgs args)
    {
        var topic = args.ApplicationMessage.Topic;
        if (string.Equals(topic, _syncTopic, StringComparison.Ordinal))
        {
            var nonce = System.Text.Encoding.UTF8.GetString(args.ApplicationMessage.Payload.ToArray());
            if (_markers.TryRemove(nonce, out var marker))
            {
                marker.TrySetResult();
            }

            return Task.CompletedTask;
        }

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
                    if (speakerEvent.Online == false)
                    {
                        ReportOffline(speakerEvent.DeviceId); // its last will, or a clean shutdown: no answer will come
                    }

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

    /// <summary>Ends every command awaiting an answer from a device that has just gone offline, as <see cref="SpeakerOutcome.Offline"/>.</summary>
    private void ReportOffline(string deviceId)
    {
        foreach (var key in _pending.Keys)
        {
            if (string.Equals(key.Device, deviceId, StringComparison.Ordinal) && _pending.TryRemove(key, out var open))
            {
                open.TrySetResult(new SpeakerDelivery(deviceId, SpeakerOutcome.Offline));
            }
        }
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
