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

    /// <summary>Starts mosquitto on a free port, or on <paramref name="port"/>; with <paramref name="persistenceDirectory"/>, sessions and retained messages survive a graceful stop.</summary>
    public static Task<MosquittoBroker> StartAsync(int? port = null, string? persistenceDirectory = null)
        => StartAsync(port, persistenceDirectory, aclLines: null);

    /// <summary>Starts mosquitto with an access control list for anonymous clients (one <c>topic …</c> rule per line).</summary>
    public static Task<MosquittoBroker> StartWithAclAsync(string folder, params string[] aclLines) => StartAsync(null, folder, aclLines);

    private static async Task<MosquittoBroker> StartAsync(int? port, string? persistenceDirectory, string[]? aclLines)
    {
        var exe = Executable ?? throw new InvalidOperationException("mosquitto is not installed, and CI=true requires it.");
        if (port is null)
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
        }

        var arguments = "-p " + port;
        if (persistenceDirectory is not null)
        {
            var config = Path.Combine(persistenceDirectory, "mosquitto.conf");
            var text = $"listener {port} 127.0.0.1\nallow_anonymous true\nuser root\n";
            if (aclLines is null)
            {
                text += $"persistence true\npersistence_location {persistenceDirectory}/\n";
            }
            else
            {
                var acl = Path.Combine(persistenceDirectory, "mosquitto.acl");
                File.WriteAllText(acl, string.Join("\n", aclLines) + "\n");
                text += $"acl_file {acl}\n";
            }

            File.WriteAllText(config, text);
            arguments = "-c " + config;
        }

        var process = Process.Start(new ProcessStartInfo(exe, arguments) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false })!;
        var broker = new MosquittoBroker(process, port.Value);
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port.Value);
                return broker;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        broker.Dispose();
        throw new InvalidOperationException("mosquitto did not listen on port " + port + " within 5 s: " + (process.HasExited ? process.StandardError.ReadToEnd() : "still starting"));
    }

    /// <summary>Stops mosquitto gracefully (SIGTERM), so that it saves its persistence file, and waits for it to exit.</summary>
    public async Task StopAsync()
    {
        if (_process.HasExited)
        {
            return;
        }

        using (var kill = Process.Start(new ProcessStartInfo("kill", "-TERM " + _process.Id) { UseShellExecute = false })!)
        {
            await kill.WaitForExitAsync();
        }

        using var timeout = new System.Threading.CancellationTokenSource(TimeSpan.FromSeconds(10));
        await _process.WaitForExitAsync(timeout.Token);
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
