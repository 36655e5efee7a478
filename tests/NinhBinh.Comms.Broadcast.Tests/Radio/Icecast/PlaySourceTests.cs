using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using NinhBinh.Comms.Broadcast.Radio.Icecast;

namespace NinhBinh.Comms.Broadcast.Tests.Radio.Icecast;

/// <summary><see cref="PlaySource"/> against a loopback HTTP server and a real icecast2 mount.</summary>
public sealed class PlaySourceTests : IDisposable
{
    private readonly HttpListener _http = new();
    private readonly Dictionary<string, (int Status, string? Type, string Body)> _routes = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();

    public PlaySourceTests()
    {
        for (var attempt = 0; ; attempt++)
        {
            int port;
            using (var probe = new TcpListener(IPAddress.Loopback, 0))
            {
                probe.Start();
                port = ((IPEndPoint)probe.LocalEndpoint).Port;
            }

            Root = new Uri($"http://127.0.0.1:{port}/");
            _http.Prefixes.Clear();
            _http.Prefixes.Add(Root.ToString());
            try
            {
                _http.Start();
                break;
            }
            catch (HttpListenerException) when (attempt < 5)
            {
            }
        }

        _ = Task.Run(ServeAsync);
    }

    private Uri Root { get; }

    [Fact]
    public async Task An_audio_file_is_playable_as_it_is()
    {
        _routes["/ban-tin.mp3"] = (200, "audio/mpeg", "ID3");

        var source = await PlaySource.ResolveAsync(new Uri(Root, "ban-tin.mp3"));

        Assert.Equal((new Uri(Root, "ban-tin.mp3"), "audio/mpeg", false, false), (source.AudioUrl, source.ContentType, source.IsPlaylist, source.IsStream));
    }

    [Fact]
    public async Task A_web_page_is_refused_as_not_audio_naming_the_url_and_the_content_type_without_its_query()
    {
        _routes["/tin-tuc"] = (200, "text/html", "<html></html>");

        var ex = await Assert.ThrowsAsync<PlaySourceException>(() => PlaySource.ResolveAsync(new Uri(Root, "tin-tuc?token=bi-mat")));

        Assert.Equal($"The play source {Root}tin-tuc is not audio (the server says text/html).", ex.Message);
        Assert.Equal("text/html", ex.ContentType);
    }

    [Fact]
    public async Task An_M3U_playlist_resolves_to_its_first_entry_relative_to_the_playlist()
    {
        _routes["/dai/xa.m3u"] = (200, "audio/x-mpegurl", "#EXTM3U\r\n#EXTINF:-1,Đài xã\r\n\r\nsong/live.mp3\r\nhttp://other.example/b.mp3\r\n");
        _routes["/dai/song/live.mp3"] = (200, "audio/mpeg", "x");

        var source = await PlaySource.ResolveAsync(new Uri(Root, "dai/xa.m3u"));

        Assert.True(source.IsPlaylist);
        Assert.Equal(new Uri(Root, "dai/song/live.mp3"), source.AudioUrl);
        Assert.Equal(new Uri(Root, "dai/xa.m3u"), source.Url);
    }

    [Fact]
    public async Task A_playlist_by_its_name_served_as_text_is_read_too()
    {
        _routes["/a.m3u8"] = (200, "text/plain", "b.aac\n");
        _routes["/b.aac"] = (200, "audio/aac", "x");

        var source = await PlaySource.ResolveAsync(new Uri(Root, "a.m3u8"));

        Assert.Equal((new Uri(Root, "b.aac"), "audio/aac"), (source.AudioUrl, source.ContentType));
    }

    [Theory]
    [InlineData("#EXTM3U\n# nothing\n", "is a playlist without an http or https entry")]
    [InlineData("page.html\n", "page.html is not audio (the server says text/html)")]
    [InlineData("missing.mp3\n", "missing.mp3 was not found (404; for an Icecast mount: no source is streaming to it)")]
    public async Task Playlists_without_playable_audio_are_refused(string playlist, string problem)
    {
        _routes["/p.m3u"] = (200, "audio/x-mpegurl", playlist);
        _routes["/page.html"] = (200, "text/html", "<html/>");

        var ex = await Assert.ThrowsAsync<PlaySourceException>(() => PlaySource.ResolveAsync(new Uri(Root, "p.m3u")));

        Assert.EndsWith(problem + ".", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_URL_that_is_not_http_is_an_argument_error()
    {
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => PlaySource.ResolveAsync(new Uri("ftp://radio.example/a.mp3")));

        Assert.Equal("url", ex.ParamName);
    }

    [IcecastFact]
    public async Task An_Icecast_mount_is_a_playable_stream_while_a_source_streams_and_refused_without_one()
    {
        await using var server = await IcecastServer.StartAsync();
        var client = new IcecastSourceClient(new IcecastSourceOptions { Server = server.Server, Mount = "/xa.mp3", Password = IcecastServer.SourcePassword });
        using var live = new LiveSourceStream();
        var progress = new ProgressLog();
        using var stop = new CancellationTokenSource();
        var empty = await Assert.ThrowsAsync<PlaySourceException>(() => PlaySource.ResolveAsync(server.Url("/xa.mp3")));
        var streaming = client.StreamAsync(live, progress, stop.Token);
        await progress.WaitForAsync(p => p.Event == IcecastStreamEvent.Connected);
        live.Feed(new byte[2800]);

        var source = await PlaySource.ResolveAsync(server.Url("/xa.mp3"));

        Assert.Equal(404, empty.Status);
        Assert.Equal((server.Url("/xa.mp3"), "audio/mpeg", true), (source.AudioUrl, source.ContentType, source.IsStream));
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => streaming);
    }

    public void Dispose()
    {
        _stop.Cancel();
        _http.Close();
        _stop.Dispose();
    }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _http.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            var (status, type, body) = _routes.TryGetValue(context.Request.Url!.AbsolutePath, out var route) ? route : (404, "text/plain", "not found");
            context.Response.StatusCode = status;
            if (type is not null)
            {
                context.Response.ContentType = type;
            }

            var bytes = Encoding.UTF8.GetBytes(body);
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }
}
