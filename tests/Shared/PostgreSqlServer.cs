using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;

namespace NinhBinh.Comms.Testing;

/// <summary>
/// A real PostgreSQL server for the tests of one test run, started as a plain process on a free loopback port and
/// stopped by its process id. Self-contained (no driver): it runs Debian's PostgreSQL binaries
/// (<c>/usr/lib/postgresql/&lt;version&gt;/bin</c>, 15 preferred; scripts/test.sh installs the <c>postgresql</c> package
/// when running as root), <c>initdb</c> into a temporary folder (as the <c>postgres</c> user through <c>runuser</c>
/// when running as root, since PostgreSQL refuses to run as root), then <c>pg_ctl start</c> with
/// <c>-p &lt;port&gt; -k &lt;socket folder&gt;</c>, trust authentication, listening on 127.0.0.1 only.
/// </summary>
/// <remarks>
/// <para>One server per test run: <see cref="Shared"/> starts it the first time it is asked for; the
/// <c>[Collection(PostgreSqlCollection.Name)]</c> collection fixture hands that instance to test classes and stops it when
/// the run ends (a process-exit hook stops it too). Tests that need it use <see cref="PostgreSqlFactAttribute"/>:
/// skipped with the reason shown when the server cannot be started, except under <c>CI=true</c>, where they run and
/// fail with that reason.</para>
/// <para>Each test should work in its own database: <see cref="CreateDatabase"/> makes one (through <c>psql</c>) and
/// returns its Npgsql connection string.</para>
/// </remarks>
public sealed class PostgreSqlServer : IDisposable
{
    private static readonly Lazy<PostgreSqlServer> SharedInstance = new(() => new PostgreSqlServer(), LazyThreadSafetyMode.ExecutionAndPublication);
    private static int _databaseCounter;

    private readonly string? _binDirectory;
    private readonly string _root;
    private readonly bool _asPostgresUser;
    private int _pid;
    private int _disposed;

    /// <summary>The one server of this test run, started on first use.</summary>
    public static PostgreSqlServer Shared => SharedInstance.Value;

    /// <summary>Stops the shared server if it was started.</summary>
    public static void StopShared()
    {
        if (SharedInstance.IsValueCreated)
        {
            SharedInstance.Value.Dispose();
        }
    }

    /// <summary>Whether the tests run under CI (<c>CI=true</c>), where a server that cannot start fails the run.</summary>
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Starts a server (prefer <see cref="Shared"/>). Never throws: a failure is kept in <see cref="UnavailableReason"/>.</summary>
    public PostgreSqlServer()
    {
        _root = Path.Combine(Path.GetTempPath(), "nbcomms-pg-" + Guid.NewGuid().ToString("N"));
        _asPostgresUser = IsRoot();
        _binDirectory = FindBinDirectory();
        try
        {
            UnavailableReason = Start();
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or System.ComponentModel.Win32Exception or UnauthorizedAccessException)
        {
            UnavailableReason = $"PostgreSQL could not be started: {ex.GetType().Name}: {ex.Message}";
        }

        if (UnavailableReason is null)
        {
            AppDomain.CurrentDomain.ProcessExit += (_, _) => Dispose();
        }
        else
        {
            TryDeleteRoot();
        }
    }

    /// <summary>Why the server is not running (<see langword="null"/> when it is).</summary>
    public string? UnavailableReason { get; }

    /// <summary>The loopback port it listens on.</summary>
    public int Port { get; private set; }

    /// <summary>The folder of its Unix socket.</summary>
    public string SocketDirectory => Path.Combine(_root, "sock");

    /// <summary>The postmaster's process id.</summary>
    public int ProcessId => _pid;

    /// <summary>The Npgsql connection string of the <c>postgres</c> database (user <c>postgres</c>, trust authentication).</summary>
    /// <exception cref="InvalidOperationException">The server is not running; the message says why.</exception>
    public string ConnectionString => ConnectionStringFor("postgres");

    /// <summary>The Npgsql connection string of a database of this server.</summary>
    /// <param name="database">The database name.</param>
    /// <returns>The connection string.</returns>
    public string ConnectionStringFor(string database)
    {
        EnsureRunning();
        return $"Host=127.0.0.1;Port={Port.ToString(CultureInfo.InvariantCulture)};Username=postgres;Database={database}";
    }

    /// <summary>Creates a fresh, empty database and returns its Npgsql connection string.</summary>
    /// <param name="prefix">The start of its name (letters, digits, underscore).</param>
    /// <returns>The connection string.</returns>
    public string CreateDatabase(string prefix = "test")
    {
        EnsureRunning();
        var name = (prefix + "_" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "_" + Interlocked.Increment(ref _databaseCounter).ToString(CultureInfo.InvariantCulture)).ToLowerInvariant();
        Psql($"CREATE DATABASE \"{name}\"");
        return ConnectionStringFor(name);
    }

    /// <summary>Runs one SQL command through <c>psql</c> against the <c>postgres</c> database and returns its output.</summary>
    /// <param name="sql">The command.</param>
    /// <param name="database">The database.</param>
    /// <returns>What psql printed (unaligned, tuples only).</returns>
    public string Psql(string sql, string database = "postgres")
    {
        EnsureRunning();
        var (code, output) = Run(Path.Combine(_binDirectory!, "psql"), asPostgres: false,
            "-h", "127.0.0.1", "-p", Port.ToString(CultureInfo.InvariantCulture), "-U", "postgres", "-d", database,
            "-v", "ON_ERROR_STOP=1", "-X", "-A", "-t", "-c", sql);
        if (code != 0)
        {
            throw new InvalidOperationException($"psql failed ({code}) on: {sql}{Environment.NewLine}{output}");
        }

        return output.Trim();
    }

    /// <summary>Stops the server by its process id (a fast shutdown, then a kill) and deletes its folder.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        if (_pid > 0)
        {
            StopByPid(_pid);
        }

        TryDeleteRoot();
    }

    private void EnsureRunning()
    {
        if (UnavailableReason is not null)
        {
            throw new InvalidOperationException(UnavailableReason);
        }

        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
    }

    private string? Start()
    {
        if (OperatingSystem.IsWindows())
        {
            return "PostgreSQL tests run on Linux only (Debian's postgresql package).";
        }

        if (_binDirectory is null)
        {
            return "PostgreSQL is not installed (no /usr/lib/postgresql/<version>/bin/initdb; Debian: apt-get install postgresql, which scripts/test.sh does as root).";
        }

        if (_asPostgresUser && !File.Exists("/usr/sbin/runuser") && !File.Exists("/sbin/runuser"))
        {
            return "Running as root, and runuser is missing to start PostgreSQL as the postgres user.";
        }

        var data = Path.Combine(_root, "data");
        Directory.CreateDirectory(_root);
        Directory.CreateDirectory(SocketDirectory);
        if (_asPostgresUser)
        {
            var (chownCode, chownOutput) = Run("chown", asPostgres: false, "-R", "postgres:postgres", _root);
            if (chownCode != 0)
            {
                return $"PostgreSQL could not be started: chown of {_root} to postgres failed: {chownOutput}";
            }
        }

        var (initCode, initOutput) = Run(Path.Combine(_binDirectory, "initdb"), _asPostgresUser,
            "-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync");
        if (initCode != 0)
        {
            return $"PostgreSQL could not be started: initdb failed ({initCode}): {Tail(initOutput)}";
        }

        string? lastFailure = null;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var port = FreePort();
            var options = $"-p {port.ToString(CultureInfo.InvariantCulture)} -k {SocketDirectory} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200";
            var (code, output) = Run(Path.Combine(_binDirectory, "pg_ctl"), _asPostgresUser,
                "-D", data, "-l", Path.Combine(_root, "server.log"), "-w", "-t", "60", "-o", options, "start");
            if (code == 0)
            {
                Port = port;
                _pid = ReadPostmasterPid(data);
                return _pid > 0 ? null : "PostgreSQL started but its postmaster.pid could not be read.";
            }

            lastFailure = $"pg_ctl start failed ({code}): {Tail(output)} {Tail(ReadLog())}";
        }

        return "PostgreSQL could not be started: " + lastFailure;
    }

    private string ReadLog()
    {
        try
        {
            return File.ReadAllText(Path.Combine(_root, "server.log"));
        }
        catch (IOException)
        {
            return string.Empty;
        }
        catch (UnauthorizedAccessException)
        {
            return string.Empty;
        }
    }

    private static int ReadPostmasterPid(string data)
    {
        var first = File.ReadLines(Path.Combine(data, "postmaster.pid")).FirstOrDefault();
        return int.TryParse(first, NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid) ? pid : 0;
    }

    private static void StopByPid(int pid)
    {
        Process process;
        try
        {
            process = Process.GetProcessById(pid);
        }
        catch (ArgumentException)
        {
            return; // already gone
        }

        using (process)
        {
            // SIGINT: PostgreSQL's fast shutdown (disconnects clients, no waiting for them).
            Run("kill", asPostgres: false, "-INT", pid.ToString(CultureInfo.InvariantCulture));
            if (!process.WaitForExit(15_000))
            {
                try
                {
                    process.Kill(entireProcessTree: true);
                    process.WaitForExit(5_000);
                }
                catch (InvalidOperationException)
                {
                }
            }
        }
    }

    private void TryDeleteRoot()
    {
        try
        {
            if (Directory.Exists(_root))
            {
                Directory.Delete(_root, recursive: true);
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static (int Code, string Output) Run(string file, bool asPostgres, params string[] arguments)
    {
        var start = new ProcessStartInfo
        {
            FileName = asPostgres ? "runuser" : file,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        if (asPostgres)
        {
            foreach (var argument in new[] { "-u", "postgres", "--", file })
            {
                start.ArgumentList.Add(argument);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start " + file);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"{file} did not finish within 2 minutes.");
        }

        process.WaitForExit();
        return (process.ExitCode, stdout.GetAwaiter().GetResult() + stderr.GetAwaiter().GetResult());
    }

    private static string? FindBinDirectory()
    {
        const string root = "/usr/lib/postgresql";
        if (!Directory.Exists(root))
        {
            return null;
        }

        var candidates = new List<(int Version, string Bin)>();
        foreach (var dir in Directory.GetDirectories(root))
        {
            if (int.TryParse(Path.GetFileName(dir), NumberStyles.Integer, CultureInfo.InvariantCulture, out var version)
                && File.Exists(Path.Combine(dir, "bin", "initdb")))
            {
                candidates.Add((version, Path.Combine(dir, "bin")));
            }
        }

        return candidates.Count == 0 ? null : candidates.OrderBy(c => c.Version == 15 ? 0 : 1).ThenByDescending(c => c.Version).First().Bin;
    }

    private static bool IsRoot()
    {
        if (OperatingSystem.IsWindows())
        {
            return false;
        }

        var (code, output) = Run("id", asPostgres: false, "-u");
        return code == 0 && output.Trim() == "0";
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Tail(string text) => text.Length <= 600 ? text.Trim() : string.Concat("…", text.AsSpan(text.Length - 600).Trim());
}

/// <summary>
/// A fact that needs the real PostgreSQL server of <see cref="PostgreSqlServer.Shared"/>: skipped with the reason shown
/// when it cannot be started, except under <c>CI=true</c>, where the test runs and fails with that reason.
/// </summary>
public sealed class PostgreSqlFactAttribute : FactAttribute
{
    /// <summary>Starts (once per run) the shared server and skips the test when it is not available outside CI.</summary>
    public PostgreSqlFactAttribute()
    {
        var reason = PostgreSqlServer.Shared.UnavailableReason;
        if (reason is not null && !PostgreSqlServer.IsCi)
        {
            Skip = reason + " Under CI=true this test runs and fails instead.";
        }
    }
}

/// <summary>The test collection of the PostgreSQL tests: one shared server, stopped when the run ends.</summary>
[CollectionDefinition(Name)]
public sealed class PostgreSqlCollection : ICollectionFixture<PostgreSqlFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "PostgreSQL";
}

/// <summary>The collection fixture: hands out <see cref="PostgreSqlServer.Shared"/> and stops it at the end of the run.</summary>
public sealed class PostgreSqlFixture : IDisposable
{
    /// <summary>The run's server.</summary>
    public PostgreSqlServer Server => PostgreSqlServer.Shared;

    /// <summary>Stops the server by its process id.</summary>
    public void Dispose() => PostgreSqlServer.StopShared();
}
