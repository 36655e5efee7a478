using System;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NinhBinh.Comms.Zalo;
using NinhBinh.Comms.Zalo.AspNetCore;

namespace NinhBinh.Comms.Benchmarks;

/// <summary>Signed user_send_text deliveries, each with its own msg_id, for the webhook benchmarks.</summary>
internal static class WebhookDeliveries
{
    public const string AppId = "3000111222333";
    public const string Secret = "oa-secret-benchmark";
    public const int Count = 4096;

    public static (byte[] Body, string Signature)[] Create()
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        return Enumerable.Range(0, Count).Select(i =>
        {
            var body = Encoding.UTF8.GetBytes("{\"app_id\":\"" + AppId + "\",\"sender\":{\"id\":\"8451234567890123456\"},\"recipient\":{\"id\":\"579745863508352884\"},"
                + "\"user_id_by_app\":\"552177279717587730\",\"event_name\":\"user_send_text\",\"message\":{\"text\":\"Gia đình tôi đã nhận được cảnh báo, cảm ơn xã.\",\"msg_id\":\""
                + (9_000_000_000_000_000_000m + i).ToString(CultureInfo.InvariantCulture) + "\"},\"timestamp\":\"" + timestamp + "\"}");
            return (body, ZaloWebhookVerifier.Sign(AppId, body, Secret));
        }).ToArray();
    }
}

/// <summary>Verify + parse + dedupe of one delivery in process (ZaloWebhookReceiver with the in-memory dedupe store).</summary>
[MemoryDiagnoser]
public class ZaloWebhookBenchmarks
{
    private static readonly Func<ZaloWebhookEvent, CancellationToken, Task> Nothing = (_, _) => Task.CompletedTask;
    private (byte[] Body, string Signature)[] _deliveries = null!;
    private ZaloWebhookVerifier _verifier = null!;
    private ZaloWebhookReceiver _receiver = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _deliveries = WebhookDeliveries.Create();
        _verifier = new ZaloWebhookVerifier(new ZaloWebhookOptions { AppId = WebhookDeliveries.AppId, Secret = WebhookDeliveries.Secret });
        _receiver = new ZaloWebhookReceiver(_verifier);
    }

    [Benchmark(Description = "verify only")]
    public bool Verify()
    {
        var (body, signature) = _deliveries[_next++ % WebhookDeliveries.Count];
        return _verifier.Verify(body, signature).IsValid;
    }

    [Benchmark(Description = "verify + parse")]
    public ZaloWebhookEvent? VerifyAndParse()
    {
        var (body, signature) = _deliveries[_next++ % WebhookDeliveries.Count];
        return _receiver.Read(body, signature).Event;
    }

    [Benchmark(Description = "verify + parse + dedupe (each event new)", Baseline = true)]
    public async Task<bool> VerifyParseDedupe()
    {
        var index = _next++ % WebhookDeliveries.Count;
        if (index == 0)
        {
            _receiver = new ZaloWebhookReceiver(_verifier); // a fresh store every 4,096 events: every event is new
        }

        var (body, signature) = _deliveries[index];
        return await _receiver.HandleOnceAsync(_receiver.Read(body, signature).Event!, Nothing).ConfigureAwait(false);
    }
}

/// <summary>The same deliveries POSTed to MapZaloWebhook on a real Kestrel server on 127.0.0.1 (client in the same process).</summary>
[MemoryDiagnoser]
public class ZaloWebhookKestrelBenchmarks
{
    private const int InFlight = 32;
    private (byte[] Body, string Signature)[] _deliveries = null!;
    private WebApplication _app = null!;
    private HttpClient _http = null!;
    private Uri _url = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _deliveries = WebhookDeliveries.Create();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Services.AddZaloWebhooks(o =>
        {
            o.Verification.AppId = WebhookDeliveries.AppId;
            o.Verification.Secret = WebhookDeliveries.Secret;
            o.QueueCapacity = 100_000;
        });
        builder.Services.AddZaloEventHandler<ZaloMessageEvent, NoOpHandler>();
        _app = builder.Build();
        _app.MapZaloWebhook();
        _app.StartAsync().GetAwaiter().GetResult();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _url = new Uri(new Uri(address), "/zalo/webhook");
        _http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = InFlight });
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _http.Dispose();
        _app.StopAsync().GetAwaiter().GetResult();
        _app.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Benchmark(Description = "one POST at a time")]
    public Task<HttpStatusCode> OneAtATime() => PostAsync();

    [Benchmark(Description = "32 POSTs in flight (per event)", OperationsPerInvoke = InFlight * 8)]
    public async Task InFlight32()
    {
        var remaining = InFlight * 8;
        await Task.WhenAll(Enumerable.Range(0, InFlight).Select(async _ =>
        {
            while (Interlocked.Decrement(ref remaining) >= 0)
            {
                await PostAsync().ConfigureAwait(false);
            }
        })).ConfigureAwait(false);
    }

    private async Task<HttpStatusCode> PostAsync()
    {
        var (body, signature) = _deliveries[(Interlocked.Increment(ref _next) & int.MaxValue) % WebhookDeliveries.Count];
        using var request = new HttpRequestMessage(HttpMethod.Post, _url) { Content = new ByteArrayContent(body) };
        request.Headers.TryAddWithoutValidation(ZaloWebhookVerifier.SignatureHeader, signature);
        using var response = await _http.SendAsync(request).ConfigureAwait(false);
        return response.StatusCode == HttpStatusCode.OK ? response.StatusCode : throw new InvalidOperationException("HTTP " + (int)response.StatusCode);
    }

    private sealed class NoOpHandler : IZaloEventHandler<ZaloMessageEvent>
    {
        public Task HandleAsync(ZaloMessageEvent webhookEvent, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
