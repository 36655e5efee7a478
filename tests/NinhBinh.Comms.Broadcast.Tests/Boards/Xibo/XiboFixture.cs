using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using NinhBinh.Comms.Broadcast.Boards;
using NinhBinh.Comms.Broadcast.Boards.Xibo;
using NinhBinh.Comms.Emulator.Boards.Xibo;

namespace NinhBinh.Comms.Broadcast.Tests.Boards.Xibo;

/// <summary>One request as the adapter sent it.</summary>
public sealed record RecordedRequest(string Method, Uri Uri, string? ContentType, string Body);

/// <summary>Records every request the adapter sends, then passes it on.</summary>
public sealed class RecordingHandler : DelegatingHandler
{
    public RecordingHandler()
        : base(new SocketsHttpHandler())
    {
    }

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Enqueue(new RecordedRequest(request.Method.Method, request.RequestUri!, request.Content?.Headers.ContentType?.MediaType, body));
        return await base.SendAsync(request, cancellationToken);
    }
}

/// <summary>The emulated CMS (demo seed) on a fake clock and an adapter talking to it through a recording handler.</summary>
public sealed class XiboFixture : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 28, 9, 0, 0, TimeSpan.FromHours(7));

    private XiboFixture(XiboEmulator emulator, FakeTimeProvider time, RecordingHandler recorder, HttpClient http, XiboBoardSystem board)
    {
        Emulator = emulator;
        Time = time;
        Recorder = recorder;
        Http = http;
        Board = board;
    }

    public XiboEmulator Emulator { get; }

    public FakeTimeProvider Time { get; }

    public RecordingHandler Recorder { get; }

    public HttpClient Http { get; }

    public XiboBoardSystem Board { get; }

    public IReadOnlyCollection<RecordedRequest> Requests => Recorder.Requests;

    public static async Task<XiboFixture> StartAsync(string? clientSecret = null, Action<XiboEmulatorOptions>? configure = null)
    {
        var time = new FakeTimeProvider(Start);
        var options = new XiboEmulatorOptions { TimeProvider = time };
        configure?.Invoke(options);
        var emulator = await XiboEmulator.StartAsync(options);
        emulator.SeedDemo();
        var recorder = new RecordingHandler();
        var http = new HttpClient(recorder);
        var board = new XiboBoardSystem(new XiboOptions
        {
            BaseUrl = emulator.BaseUri,
            ClientId = emulator.ClientId,
            ClientSecret = clientSecret ?? emulator.ClientSecret,
        }, http, time);
        return new XiboFixture(emulator, time, recorder, http, board);
    }

    public static BoardContent Bulletin(string title = "Cảnh báo lũ trên sông Hoàng Long", string? body = null) =>
        BoardContent.Text(new BoardTextBulletin(title,
            body ?? "Mực nước sông Hoàng Long tại Bến Đế đang lên nhanh. Người dân các thôn ven sông di chuyển tài sản lên cao, không qua lại ngầm tràn.",
            "UBND xã Gia Viễn", Start), TimeSpan.FromSeconds(30));

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Emulator.DisposeAsync();
    }
}
