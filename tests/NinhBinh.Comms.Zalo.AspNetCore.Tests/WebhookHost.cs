using System;
using System.Collections.Concurrent;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace NinhBinh.Comms.Zalo.AspNetCore.Tests;

/// <summary>A real Kestrel app on a free loopback port hosting MapZaloWebhook, with recording handlers.</summary>
internal sealed class WebhookHost : IAsyncDisposable
{
    public const string AppId = "3000111222333";
    public const string Secret = "oa-secret-endpoint";

    private readonly WebApplication _app;
    private readonly HttpClient _http = new();

    private WebhookHost(WebApplication app, Uri baseUri, Recorder recorder)
    {
        _app = app;
        BaseUri = baseUri;
        Recorder = recorder;
    }

    public Uri BaseUri { get; }

    public Uri Endpoint => new(BaseUri, "/zalo/webhook");

    public Recorder Recorder { get; }

    public IServiceProvider Services => _app.Services;

    public System.Diagnostics.Metrics.IMeterFactory Meters => _app.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();

    public static async Task<WebhookHost> StartAsync(Action<ZaloWebhookEndpointOptions>? configure = null, Action<IServiceCollection>? services = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var recorder = new Recorder();
        builder.Services.AddSingleton(recorder);
        builder.Services.AddZaloWebhooks(o =>
        {
            o.Verification.AppId = AppId;
            o.Verification.Secret = Secret;
            o.RetryDelays = new[] { TimeSpan.Zero, TimeSpan.Zero };
            configure?.Invoke(o);
        });
        builder.Services.AddZaloEventHandler<ZaloMessageEvent, MessageHandler>();
        builder.Services.AddZaloEventHandler<ZaloWebhookEvent, EveryEventHandler>();
        services?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapZaloWebhook();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new WebhookHost(app, new Uri(address), recorder);
    }

    public static string TextBody(string text, string msgId, DateTimeOffset? at = null)
        => "{\"app_id\":\"" + AppId + "\",\"sender\":{\"id\":\"8451\"},\"recipient\":{\"id\":\"5797\"},\"event_name\":\"user_send_text\","
           + "\"message\":{\"text\":\"" + text + "\",\"msg_id\":\"" + msgId + "\"},\"timestamp\":\""
           + (at ?? DateTimeOffset.UtcNow).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) + "\"}";

    public async Task<HttpResponseMessage> PostAsync(string body, string? signature = null, bool sign = true)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (sign)
        {
            request.Headers.TryAddWithoutValidation("X-ZEvent-Signature", signature ?? ZaloWebhookVerifier.Sign(AppId, Encoding.UTF8.GetBytes(body), Secret));
        }

        return await _http.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Recorder.Release();
        _http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>What the handlers saw; a gate to make handlers slow; failures on demand.</summary>
internal sealed class Recorder
{
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim _handled = new(0);
    private readonly SemaphoreSlim _started = new(0);

    public ConcurrentQueue<ZaloWebhookEvent> Messages { get; } = new();

    public ConcurrentQueue<ZaloWebhookEvent> Everything { get; } = new();

    public bool Slow { get; set; }

    public int FailuresToGo;

    public int Attempts;

    public void Release() => _gate.TrySetResult();

    public async Task MessageAsync(ZaloMessageEvent e, CancellationToken ct)
    {
        _started.Release();
        Interlocked.Increment(ref Attempts);
        if (Slow)
        {
            await _gate.Task.WaitAsync(ct);
        }

        if (Interlocked.Decrement(ref FailuresToGo) >= 0)
        {
            throw new InvalidOperationException("handler failure on purpose");
        }

        Messages.Enqueue(e);
        _handled.Release();
    }

    public async Task WaitHandledAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            Assert.True(await _handled.WaitAsync(TimeSpan.FromSeconds(20)), "a handler did not run within 20 s");
        }
    }

    public async Task WaitStartedAsync()
        => Assert.True(await _started.WaitAsync(TimeSpan.FromSeconds(20)), "a handler did not start within 20 s");
}

internal sealed class MessageHandler(Recorder recorder) : IZaloEventHandler<ZaloMessageEvent>
{
    public Task HandleAsync(ZaloMessageEvent webhookEvent, CancellationToken cancellationToken) => recorder.MessageAsync(webhookEvent, cancellationToken);
}

internal sealed class EveryEventHandler(Recorder recorder) : IZaloEventHandler<ZaloWebhookEvent>
{
    public Task HandleAsync(ZaloWebhookEvent webhookEvent, CancellationToken cancellationToken)
    {
        recorder.Everything.Enqueue(webhookEvent);
        return Task.CompletedTask;
    }
}
