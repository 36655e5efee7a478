using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using System.Xml.Linq;

namespace NinhBinh.Comms.Broadcast.Tests.Radio.Icecast;

/// <summary>
/// A real icecast2 (Debian package) on a free loopback port, one per test, started as a plain process and stopped by its
/// process id (from its pid file). icecast2 refuses to run as root, so as root it runs as the <c>icecast2</c> user through
/// <c>runuser</c>, from a copy of /etc/icecast2/icecast.xml with its own port, passwords, log folder and pid file. The
/// burst is as large as the queue, so a listener that connects while a source streams receives the stream from its first
/// byte. <see cref="KillAsync"/> and <see cref="RestartAsync"/> stop and start it again on the same port.
/// </summary>
public sealed class IcecastServer : IAsyncDisposable
{
    public const string SourcePassword = "Nguon-Bi-Mat-2026";

    private readonly string _root;
    private readonly string _config;
    private int _pid;

    private IcecastServer(string root, string config, int port)
    {
        _root = root;
        _config = config;
        Port = port;
    }

    public static string? Executable { get; } = new[] { "/usr/bin/icecast2", "/usr/local/bin/icecast2", "/usr/bin/icecast" }.FirstOrDefault(File.Exists);

    /// <summary>Why a server cannot be started here, or <see langword="null"/>.</summary>
    public static string? UnavailableReason { get; } = FindUnavailableReason();

    public int Port { get; }

    public Uri Server => new("http://127.0.0.1:" + Port.ToString(CultureInfo.InvariantCulture) + "/");

    public Uri Url(string mount) => new(Server, mount);

    public static async Task<IcecastServer> StartAsync()
    {
        if (UnavailableReason is not null)
        {
            throw new InvalidOperationException(UnavailableReason);
        }

        var root = Path.Combine(Path.GetTempPath(), "nbcomms-icecast-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(root, "log"));
        var port = FreePort();
        var config = Path.Combine(root, "icecast.xml");
        WriteConfig(config, root, port);
        if (IsRoot())
        {
            Run("chown", "-R", "icecast2", root);
        }

        var server = new IcecastServer(root, config, port);
        await server.StartProcessAsync();
        return server;
    }

    /// <summary>Kills the server (SIGKILL): its connections drop as when a machine dies.</summary>
    public async Task KillAsync()
    {
        if (_pid > 0)
        {
            Run("kill", "-KILL", _pid.ToString(CultureInfo.InvariantCulture));
            for (var i = 0; i < 200 && IsAlive(_pid); i++)
            {
                await Task.Delay(25);
            }

            _pid = 0;
        }
    }

    /// <summary>Starts the server again on the same port.</summary>
    public Task RestartAsync() => StartProcessAsync();

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private async Task StartProcessAsync()
    {
        var pidFile = Path.Combine(_root, "icecast.pid");
        File.Delete(pidFile);
        var info = IsRoot()
            ? new ProcessStartInfo("runuser", new[] { "-u", "icecast2", "--", Executable!, "-c", _config })
            : new ProcessStartInfo(Executable!, new[] { "-c", _config });
        info.UseShellExecute = false;
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        using var launcher = Process.Start(info)!;
        launcher.OutputDataReceived += (_, _) => { };
        launcher.ErrorDataReceived += (_, _) => { };
        launcher.BeginOutputReadLine();
        launcher.BeginErrorReadLine();
        for (var i = 0; i < 200; i++)
        {
            if (_pid == 0 && File.Exists(pidFile) && int.TryParse(File.ReadAllText(pidFile).Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid))
            {
                _pid = pid;
            }

            if (_pid > 0)
            {
                try
                {
                    using var client = new TcpClient();
                    await client.ConnectAsync(IPAddress.Loopback, Port);
                    return;
                }
                catch (SocketException)
                {
                }
            }

            if (launcher.HasExited && _pid == 0)
            {
                break;
            }

            await Task.Delay(50);
        }

        var log = Path.Combine(_root, "log", "error.log");
        throw new InvalidOperationException($"icecast2 did not start on port {Port} within 10 s: {(File.Exists(log) ? File.ReadAllText(log) : "no log")}");
    }

    private static void WriteConfig(string path, string root, int port)
    {
        var doc = XDocument.Load("/etc/icecast2/icecast.xml");
        var ice = doc.Root!;
        var limits = ice.Element("limits")!;
        limits.SetElementValue("sources", "20");
        limits.SetElementValue("queue-size", "2097152");
        limits.SetElementValue("burst-on-connect", "1");
        limits.SetElementValue("burst-size", "1048576");
        var auth = ice.Element("authentication")!;
        auth.SetElementValue("source-password", SourcePassword);
        auth.SetElementValue("relay-password", Guid.NewGuid().ToString("N"));
        auth.SetElementValue("admin-password", Guid.NewGuid().ToString("N"));
        ice.SetElementValue("hostname", "127.0.0.1");
        ice.Elements("listen-socket").Remove();
        ice.Add(new XElement("listen-socket", new XElement("port", port), new XElement("bind-address", "127.0.0.1")));
        var paths = ice.Element("paths")!;
        paths.SetElementValue("logdir", Path.Combine(root, "log"));
        paths.SetElementValue("pidfile", Path.Combine(root, "icecast.pid"));
        ice.Element("security")?.Element("changeowner")?.Remove();
        doc.Save(path);
    }

    private static string? FindUnavailableReason()
    {
        if (OperatingSystem.IsWindows())
        {
            return "icecast2 tests run on Linux only (Debian's icecast2 package).";
        }

        if (Executable is null || !File.Exists("/etc/icecast2/icecast.xml"))
        {
            return "icecast2 is not installed (Debian package icecast2; scripts/test.sh installs it when run as root).";
        }

        if (IsRoot() && Run("id", "-u", "icecast2") != 0)
        {
            return "Running as root, and there is no icecast2 user to run icecast2 as (it refuses to run as root).";
        }

        return null;
    }

    private static bool? _isRoot;

    private static bool IsRoot() => _isRoot ??= !OperatingSystem.IsWindows() && Environment.UserName == "root";

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static int Run(string file, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true })!;
        process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>
/// A fact that needs a real icecast2: skipped with the reason shown when it cannot be started here, except under
/// <c>CI=true</c>, where the test runs and fails with that reason.
/// </summary>
public sealed class IcecastFactAttribute : FactAttribute
{
    public IcecastFactAttribute()
    {
        if (IcecastServer.UnavailableReason is { } reason && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Skip = reason + " Under CI=true this test runs and fails instead.";
        }
    }
}
