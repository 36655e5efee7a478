using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;

namespace NinhBinh.Comms.Broadcast.Tests.Radio.Mqtt;

/// <summary>A real mosquitto on a free loopback port, started as a plain process and stopped by its process id.</summary>
public sealed class MosquittoBroker : IDisposable
{
    private readonly Process _process;

    private MosquittoBroker(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public static string? Executable { get; } = new[] { "/usr/sbin/mosquitto", "/usr/bin/mosquitto", "/usr/local/sbin/mosquitto" }.FirstOrDefault(File.Exists);

    public int Port { get; }

    public Uri Uri => new("mqtt://127.0.0.1:" + Port);

    public static async Task<MosquittoBroker> StartAsync()
    {
        var exe = Executable ?? throw new InvalidOperationException("mosquitto is not installed, and CI=true requires it.");
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var process = Process.Start(new ProcessStartInfo(exe, "-p " + port) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false })!;
        var broker = new MosquittoBroker(process, port);
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return broker;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        broker.Dispose();
        throw new InvalidOperationException("mosquitto did not listen on port " + port + " within 5 s.");
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit(5000);
        }

        _process.Dispose();
    }
}
