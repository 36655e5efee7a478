using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using NinhBinh.Comms.Broadcast.Radio.Icecast;

namespace NinhBinh.Comms.Broadcast.Tests.Radio.Icecast;

/// <summary><see cref="IcecastSourceClient"/> against a real icecast2 on loopback, with real listeners.</summary>
/// <remarks>
/// Icecast 2.4 hands a source's bytes to listeners in blocks of 1,400 bytes and drops a last partial block when the
/// source disconnects (a fraction of a second of audio): the streams here are whole blocks long, so a listener receives
/// exactly every byte streamed.
/// </remarks>
public class IcecastSourceClientServerTests
{
    private static IcecastSourceOptions Options(IcecastServer server, string mount, string password = IcecastServer.SourcePassword) => new()
    {
        Server = server.Server,
        Mount = mount,
        Password = password,
        Name = "Đài truyền thanh phường Hoa Lư",
        Description = "Bản tin thử nghiệm",
        Genre = "tin-tuc",
        Bitrate = 32,
        ReconnectInitialDelay = TimeSpan.FromMilliseconds(100),
        ReconnectMaxDelay = TimeSpan.FromMilliseconds(400),
        ReconnectAttempts = 100,
    };

    [IcecastFact]
    public async Task A_listener_receives_exactly_the_bytes_of_a_live_stream()
    {
        await using var server = await IcecastServer.StartAsync();
        var client = new IcecastSourceClient(Options(server, "/live.mp3"));
        var bytes = IcecastTestKit.Pattern(294_000);
        using var source = new LiveSourceStream();
        var progress = new ProgressLog();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        var streaming = client.StreamAsync(source, progress, timeout.Token);
        await progress.WaitForAsync(p => p.Event == IcecastStreamEvent.Connected);
        var listener = await IcecastTestKit.ListenAsync(client.MountUrl, timeout.Token);
        foreach (var chunk in bytes.Chunk(7_000))
        {
            source.Feed(chunk);
        }

        source.Complete();
        var result = await streaming;
        var heard = await listener;

        Assert.Equal((294_000L, 0), (result.BytesSent, result.Reconnects));
        Assert.Equal(bytes, heard);
        Assert.Equal(IcecastStreamEvent.Completed, progress.Reports[^1].Event);
    }

    [IcecastFact]
    public async Task A_listener_receives_exactly_the_bytes_of_an_MP3_file_paced_at_its_bitrate()
    {
        await using var server = await IcecastServer.StartAsync();
        var client = new IcecastSourceClient(Options(server, "/file.mp3"));
        var mp3 = IcecastTestKit.Mp3(175, id3: false); // 18,200 bytes (13 blocks) at 4,000 bytes/s: 4.55 s
        var path = Path.Combine(Path.GetTempPath(), "nbcomms-icecast-" + Guid.NewGuid().ToString("N") + ".mp3");
        await File.WriteAllBytesAsync(path, mp3);
        var progress = new ProgressLog();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            var streaming = client.StreamFileAsync(path, IcecastPacing.Auto, progress, timeout.Token);
            await progress.WaitForAsync(p => p.Event == IcecastStreamEvent.Connected);
            var listener = await IcecastTestKit.ListenAsync(client.MountUrl, timeout.Token);
            var result = await streaming;

            Assert.Equal(mp3.Length, result.BytesSent);
            Assert.Equal(mp3, await listener);
            // paced in chunks of a quarter second at 4,000 bytes/s
            Assert.Equal(Enumerable.Range(1, 19).Select(i => Math.Min(i * 1000L, 18_200)), progress.Reports.Where(p => p.Event == IcecastStreamEvent.Sent).Select(p => p.BytesSent));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [IcecastFact]
    public async Task A_wrong_password_is_refused_with_401_naming_the_server_and_mount_and_never_the_password()
    {
        await using var server = await IcecastServer.StartAsync();
        const string Wrong = "mat-khau-sai-123";
        var client = new IcecastSourceClient(Options(server, "/sai.mp3", Wrong));
        using var source = new LiveSourceStream();

        var ex = await Assert.ThrowsAsync<IcecastException>(() => client.StreamAsync(source));

        Assert.Equal(401, ex.Status);
        Assert.Equal("/sai.mp3", ex.Mount);
        Assert.Contains(server.Server.GetLeftPart(UriPartial.Authority) + "/sai.mp3", ex.Message, StringComparison.Ordinal);
        Assert.Contains("401", ex.Message, StringComparison.Ordinal);
        Assert.Contains("password is wrong", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Wrong, ex.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(IcecastServer.SourcePassword, ex.ToString(), StringComparison.Ordinal);
    }

    [IcecastFact]
    public async Task A_second_source_on_a_mount_in_use_gets_403_mount_in_use()
    {
        await using var server = await IcecastServer.StartAsync();
        var first = new IcecastSourceClient(Options(server, "/chung.mp3"));
        var second = new IcecastSourceClient(Options(server, "/chung.mp3"));
        using var firstSource = new LiveSourceStream();
        using var secondSource = new LiveSourceStream();
        var progress = new ProgressLog();
        using var stop = new CancellationTokenSource();
        var streaming = first.StreamAsync(firstSource, progress, stop.Token);
        await progress.WaitForAsync(p => p.Event == IcecastStreamEvent.Connected);

        var ex = await Assert.ThrowsAsync<IcecastException>(() => second.StreamAsync(secondSource));

        Assert.Equal(403, ex.Status);
        Assert.Equal("Mountpoint in use", ex.ErrorCode);
        Assert.Contains("/chung.mp3 refused the source: 403", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Mountpoint in use", ex.Message, StringComparison.Ordinal);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => streaming);
    }

    [IcecastFact]
    public async Task The_server_killed_mid_stream_and_restarted_the_client_reconnects_and_a_new_listener_receives_the_rest()
    {
        await using var server = await IcecastServer.StartAsync();
        var client = new IcecastSourceClient(Options(server, "/ben-bi.mp3"));
        var before = IcecastTestKit.Pattern(49_000, seed: 2);
        var after = IcecastTestKit.Pattern(81_200, seed: 3);
        using var source = new LiveSourceStream();
        var progress = new ProgressLog();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var streaming = client.StreamAsync(source, progress, timeout.Token);
        await progress.WaitForAsync(p => p.Event == IcecastStreamEvent.Connected);
        source.Feed(before);
        await progress.WaitForAsync(p => p.Event == IcecastStreamEvent.Sent && p.BytesSent == before.Length);

        await server.KillAsync();
        await progress.WaitForAsync(p => p.Event == IcecastStreamEvent.Reconnecting);
        await server.RestartAsync();
        await progress.WaitForAsync(p => p.Event == IcecastStreamEvent.Reconnected);
        var listener = await IcecastTestKit.ListenAsync(client.MountUrl, timeout.Token);
        source.Feed(after);
        source.Complete();
        var result = await streaming;

        Assert.Equal(after, await listener);
        Assert.Equal((130_200L, 1), (result.BytesSent, result.Reconnects));
        var reconnected = Assert.Single(progress.Reports, p => p.Event == IcecastStreamEvent.Reconnected);
        Assert.Equal(49_000L, reconnected.BytesSent);
    }

    [IcecastFact]
    public async Task Cancellation_stops_the_stream_promptly_and_the_listener_is_let_go()
    {
        await using var server = await IcecastServer.StartAsync();
        var client = new IcecastSourceClient(Options(server, "/dung.mp3"));
        using var source = new LiveSourceStream();
        var progress = new ProgressLog();
        using var stop = new CancellationTokenSource();
        var streaming = client.StreamAsync(source, progress, stop.Token);
        await progress.WaitForAsync(p => p.Event == IcecastStreamEvent.Connected);
        var listener = await IcecastTestKit.ListenAsync(client.MountUrl, CancellationToken.None);
        source.Feed(IcecastTestKit.Pattern(1400));
        await progress.WaitForAsync(p => p.Event == IcecastStreamEvent.Sent);

        await stop.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => streaming.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal(1400, (await listener.WaitAsync(TimeSpan.FromSeconds(15))).Length);
    }

    [Fact]
    public async Task A_server_that_refuses_connections_is_an_IcecastException_with_status_0_naming_server_and_mount()
    {
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        var client = new IcecastSourceClient(new IcecastSourceOptions { Server = new Uri($"http://127.0.0.1:{port}"), Mount = "/khong.mp3", Password = "bi-mat-9" });
        using var source = new LiveSourceStream();

        var ex = await Assert.ThrowsAsync<IcecastException>(() => client.StreamAsync(source));

        Assert.Equal(0, ex.Status);
        Assert.True(ex.IsTransient);
        Assert.Equal($"Icecast http://127.0.0.1:{port}/khong.mp3 could not be reached: connection refused.", ex.Message);
    }
}
