using System;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using MQTTnet.Server;

namespace NinhBinh.Comms.Emulator.Speakers;

/// <summary>
/// An MQTT broker inside the emulator (MQTTnet.Server) on 127.0.0.1, so samples and tests need nothing installed.
/// It keeps retained messages in memory and publishes a client's last will when its connection drops without a DISCONNECT
/// (MQTTnet treats every DISCONNECT as clean, even MQTT 5 reason 0x04), which is all the speaker profile needs.
/// </summary>
public sealed class EmbeddedMqttBroker : IAsyncDisposable
{
    private readonly MqttServer _server;

    private EmbeddedMqttBroker(MqttServer server, int port)
    {
        _server = server;
        Uri = new Uri("mqtt://127.0.0.1:" + port);
    }

    /// <summary>The broker's address, <c>mqtt://127.0.0.1:port</c>.</summary>
    public Uri Uri { get; }

    /// <summary>Starts a broker on 127.0.0.1.</summary>
    /// <param name="port">The port; 0 picks a free one.</param>
    /// <returns>The running broker.</returns>
    public static async Task<EmbeddedMqttBroker> StartAsync(int port = 0)
    {
        if (port == 0)
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
        }

        var options = new MqttServerOptionsBuilder()
            .WithDefaultEndpoint()
            .WithDefaultEndpointBoundIPAddress(IPAddress.Loopback)
            .WithDefaultEndpointPort(port)
            .Build();
        var server = new MqttServerFactory().CreateMqttServer(options);
        await server.StartAsync().ConfigureAwait(false);
        return new EmbeddedMqttBroker(server, port);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _server.StopAsync().ConfigureAwait(false);
        _server.Dispose();
    }
}
