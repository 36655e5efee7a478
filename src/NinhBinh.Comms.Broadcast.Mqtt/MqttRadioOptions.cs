using System;

namespace NinhBinh.Comms.Broadcast.Radio.Mqtt;

/// <summary>Options of <see cref="MqttRadioClient"/> (configuration section <c>Broadcast:Mqtt</c>).</summary>
public sealed class MqttRadioOptions
{
    /// <summary>The broker, <c>mqtt://host:port</c> (default port 1883) or <c>mqtts://host:port</c> (TLS, default 8883).</summary>
    public Uri? Server { get; set; }

    /// <summary>The user name, or <see langword="null"/> for an anonymous connection.</summary>
    public string? Username { get; set; }

    /// <summary>The password; never logged.</summary>
    public string? Password { get; set; }

    /// <summary>The province's administrative code, the first level under <see cref="SpeakerProfile.TopicRoot"/>. Ninh Bình (<c>37</c>) by default.</summary>
    public string ProvinceCode { get; set; } = "37";

    /// <summary>The MQTT client id, or <see langword="null"/> for a unique generated one.</summary>
    public string? ClientId { get; set; }

    /// <summary>
    /// How long to collect the retained device states after subscribing, to learn a commune's devices, when the broker
    /// does not echo the client's sync marker (its access rules forbid the client's <c>nbcomms/v1/{province}/_sync/…</c>
    /// topic). Otherwise discovery ends as soon as the marker comes back, which the broker queues behind every retained
    /// state (waiting at most <see cref="ConnectTimeout"/>). 500 ms by default.
    /// </summary>
    public TimeSpan DiscoveryWindow { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How long to wait for the broker to accept the connection. 10 s by default.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// A file that keeps the commands not yet accepted by the broker (appended and flushed to disk before they are
    /// published), so that commands issued while the broker is down, or before the process stopped, go out in order
    /// when it is back. <see langword="null"/> (the default) keeps them in memory only.
    /// </summary>
    public string? OutboxPath { get; set; }

    /// <summary>The first wait before reconnecting after the broker went away; doubles up to <see cref="MaxReconnectDelay"/>. 1 s by default.</summary>
    public TimeSpan ReconnectDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between reconnection attempts. 30 s by default.</summary>
    public TimeSpan MaxReconnectDelay { get; set; } = TimeSpan.FromSeconds(30);
}
