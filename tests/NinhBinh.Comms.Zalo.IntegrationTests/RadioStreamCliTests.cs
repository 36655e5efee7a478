using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using NinhBinh.Comms.Broadcast.Tests.Radio.Icecast;

namespace NinhBinh.Comms.Zalo.IntegrationTests;

/// <summary>
/// <c>nbcomms radio stream</c> as a process against a real icecast2, with a real listener. Streams are whole 1,400-byte
/// blocks long (Icecast 2.4 drops a last partial block when the source disconnects), so a listener hears every byte.
/// </summary>
[Collection("processes")]
public class RadioStreamCliTests
{
    private const string PasswordVariable = "NBCOMMS_TEST_ICECAST_PASSWORD";

    [IcecastFact]
    public async Task A_file_is_streamed_to_the_mount_a_listener_hears_every_byte_and_the_output_is_streaming_then_done()
    {
        await using var server = await IcecastServer.StartAsync();
        var bytes = IcecastTestKit.Pattern(42_000, seed: 7);
        var path = Path.Combine(Harness.TempDirectory(), "ban-tin.bin");
        await File.WriteAllBytesAsync(path, bytes);
        var env = new Dictionary<string, string> { [PasswordVariable] = IcecastServer.SourcePassword };
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        using var process = Harness.Start(Harness.Cli, ["radio", "stream", "--server", server.Server.ToString(), "--mount", "/ban-tin.mp3", "--file", path, "--bytes-per-second", "20000", "--password-env", PasswordVariable, "--name", "Đài phường Hoa Lư"], env);
        process.StandardInput.Close();
        var first = await process.StandardOutput.ReadLineAsync(timeout.Token);
        var listener = await IcecastTestKit.ListenAsync(server.Url("/ban-tin.mp3"), timeout.Token);
        var rest = await process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = await process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);

        Assert.Equal((0, string.Empty), (process.ExitCode, stderr));
        Assert.Equal($"streaming 0 bytes to http://127.0.0.1:{server.Port}/ban-tin.mp3", first);
        var lines = rest.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("done 42000 bytes", lines[^1]);
        Assert.All(lines[..^1], l => Assert.Matches($@"^streaming \d+ bytes to http://127\.0\.0\.1:{server.Port}/ban-tin\.mp3$", l));
        Assert.Equal(bytes, await listener);
    }

    [IcecastFact]
    public async Task Stdin_is_streamed_as_it_comes_with_the_password_from_configuration()
    {
        await using var server = await IcecastServer.StartAsync();
        var bytes = IcecastTestKit.Pattern(28_000, seed: 8);
        var env = new Dictionary<string, string> { ["NBCOMMS_Broadcast__Icecast__Password"] = IcecastServer.SourcePassword, ["NBCOMMS_Broadcast__Icecast__Server"] = server.Server.ToString() };
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        using var process = Harness.Start(Harness.Cli, ["radio", "stream", "--mount", "/truc-tiep.mp3", "--stdin"], env);
        var first = await process.StandardOutput.ReadLineAsync(timeout.Token);
        var listener = await IcecastTestKit.ListenAsync(server.Url("/truc-tiep.mp3"), timeout.Token);
        await process.StandardInput.BaseStream.WriteAsync(bytes, timeout.Token);
        process.StandardInput.Close();
        var rest = await process.StandardOutput.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);

        Assert.Equal(0, process.ExitCode);
        Assert.Equal($"streaming 0 bytes to http://127.0.0.1:{server.Port}/truc-tiep.mp3", first);
        Assert.EndsWith("done 28000 bytes", rest.Trim(), StringComparison.Ordinal);
        Assert.Equal(bytes, await listener);
    }

    [IcecastFact]
    public async Task A_wrong_password_exits_1_with_the_401_on_one_stderr_line_and_no_password()
    {
        await using var server = await IcecastServer.StartAsync();
        const string Wrong = "sai-mat-khau-42";
        var path = Path.Combine(Harness.TempDirectory(), "a.bin");
        await File.WriteAllBytesAsync(path, new byte[1400]);

        var run = await Harness.RunCliAsync(new Dictionary<string, string> { [PasswordVariable] = Wrong }, "radio", "stream", "--server", server.Server.ToString(), "--mount", "/a.mp3", "--file", path, "--no-pacing", "--password-env", PasswordVariable);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        var line = Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"nbcomms: Icecast http://127.0.0.1:{server.Port}/a.mp3 refused the source: 401", line, StringComparison.Ordinal);
        Assert.DoesNotContain(Wrong, run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_server_exits_1()
    {
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        var path = Path.Combine(Harness.TempDirectory(), "b.bin");
        await File.WriteAllBytesAsync(path, new byte[10]);

        var run = await Harness.RunCliAsync(new Dictionary<string, string> { [PasswordVariable] = "x" }, "radio", "stream", "--server", $"http://127.0.0.1:{port}", "--mount", "/b.mp3", "--file", path, "--no-pacing", "--password-env", PasswordVariable);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"nbcomms: Icecast http://127.0.0.1:{port}/b.mp3 could not be reached: connection refused.", run.Stderr.Trim());
    }

    [Theory]
    [InlineData("no-password", "no source password: give --password-env <VAR> or set Broadcast:Icecast:Password.")]
    [InlineData("unset-variable", "--password-env: the environment variable NBCOMMS_TEST_UNSET_VARIABLE is not set or empty.")]
    [InlineData("mount", "--mount: IcecastSourceOptions.Mount must start with '/'")]
    [InlineData("both", "radio stream: give exactly one of --file or --stdin.")]
    [InlineData("missing-file", "--file: the file")]
    [InlineData("not-mp3", "--file: pacing: no MPEG audio frame header")]
    public async Task Usage_and_configuration_errors_exit_2_naming_the_option(string problem, string message)
    {
        var path = Path.Combine(Harness.TempDirectory(), "c.bin");
        await File.WriteAllBytesAsync(path, new byte[3000]);
        var env = new Dictionary<string, string> { [PasswordVariable] = "bi-mat" };
        string[] common = ["radio", "stream", "--server", "http://127.0.0.1:9"];
        string[] args = problem switch
        {
            "no-password" => [.. common, "--mount", "/c.mp3", "--file", path],
            "unset-variable" => [.. common, "--mount", "/c.mp3", "--file", path, "--password-env", "NBCOMMS_TEST_UNSET_VARIABLE"],
            "mount" => [.. common, "--mount", "c.mp3", "--file", path, "--password-env", PasswordVariable],
            "both" => [.. common, "--mount", "/c.mp3", "--file", path, "--stdin", "--password-env", PasswordVariable],
            "missing-file" => [.. common, "--mount", "/c.mp3", "--file", path + ".khong-co", "--password-env", PasswordVariable],
            _ => [.. common, "--mount", "/c.mp3", "--file", path, "--password-env", PasswordVariable],
        };

        var run = await Harness.RunCliAsync(env, args);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Stderr, StringComparison.Ordinal);
        Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain("bi-mat", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task There_is_no_password_option_a_password_on_the_command_line_is_a_usage_error()
    {
        var run = await Harness.RunCliAsync(null, "radio", "stream", "--server", "http://127.0.0.1:9", "--mount", "/c.mp3", "--stdin", "--password", "x");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("'--password'", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_documents_the_options_and_exit_codes()
    {
        var run = await Harness.RunCliAsync(null, "radio", "stream", "--help");

        Assert.Equal(0, run.ExitCode);
        foreach (var option in new[] { "--server", "--mount", "--file", "--stdin", "--user", "--password-env", "--content-type", "--name", "--bytes-per-second", "--no-pacing", "done <bytes> bytes", "Exit 0" })
        {
            Assert.Contains(option, run.Stdout, StringComparison.Ordinal);
        }
    }
}
