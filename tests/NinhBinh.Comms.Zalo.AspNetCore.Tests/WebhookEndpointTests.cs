using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using NinhBinh.Comms.Testing;

namespace NinhBinh.Comms.Zalo.AspNetCore.Tests;

public sealed class WebhookEndpointTests
{
    [Fact]
    public void Public_api_is_approved() => ApiApproval.Verify(typeof(IZaloEventHandler<>).Assembly);

    [Fact]
    public async Task Answers_200_well_within_2_seconds_while_a_handler_is_slow()
    {
        await using var host = await WebhookHost.StartAsync();
        host.Recorder.Slow = true;
        var watch = Stopwatch.StartNew();
        using var first = await host.PostAsync(WebhookHost.TextBody("Xin chào", "1001"));
        await host.Recorder.WaitStartedAsync(); // the handler is running (and blocked)
        using var second = await host.PostAsync(WebhookHost.TextBody("Cảm ơn", "1002"));
        watch.Stop();
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("\"error\":0", await first.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"answered in {watch.Elapsed}");
        Assert.Empty(host.Recorder.Messages);

        host.Recorder.Release();
        await host.Recorder.WaitHandledAsync(2);
        Assert.Equal(new[] { "Cảm ơn", "Xin chào" }, host.Recorder.Messages.Select(m => ((ZaloMessageEvent)m).Text).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_duplicate_delivery_is_handled_once()
    {
        await using var host = await WebhookHost.StartAsync(o => o.MaxConcurrency = 1);
        using var metrics = new MetricCollector<long>(host.Meters, WebhookMeter, "nbcomms.zalo.webhook.duplicates");
        var body = WebhookHost.TextBody("Đồng ý", "2001");
        using var a = await host.PostAsync(body);
        using var again = await host.PostAsync(body);
        using var b = await host.PostAsync(WebhookHost.TextBody("Tiếp", "2002"));
        Assert.All(new[] { a, again, b }, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        await host.Recorder.WaitHandledAsync(2); // one worker: the duplicate was processed before the second event
        Assert.Equal(new[] { "2001", "2002" }, host.Recorder.Messages.Select(m => ((ZaloMessageEvent)m).MessageId));
        Assert.Equal(1, metrics.GetMeasurementSnapshot().Sum(m => m.Value));
        Assert.Equal(2, host.Recorder.Everything.Count); // the catch-all handler also ran once per event
    }

    [Fact]
    public async Task Forged_replayed_and_non_json_deliveries_are_refused_and_never_handled()
    {
        await using var host = await WebhookHost.StartAsync(o => o.MaxConcurrency = 1);
        var body = WebhookHost.TextBody("giả mạo", "3001");
        using var forged = await host.PostAsync(body, ZaloWebhookVerifier.Sign(WebhookHost.AppId, Encoding.UTF8.GetBytes(body), "wrong"));
        using var unsigned = await host.PostAsync(body, sign: false);
        using var replayed = await host.PostAsync(WebhookHost.TextBody("cũ", "3002", DateTimeOffset.UtcNow.AddHours(-4)));
        using var notJson = await host.PostAsync("{\"event_name\":\"follow\",\"timestamp\":", "mac=" + new string('a', 64));
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, replayed.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.Contains("SignatureMismatch", await forged.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(WebhookHost.Secret, await forged.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var marker = await host.PostAsync(WebhookHost.TextBody("thật", "3003"));
        await host.Recorder.WaitHandledAsync(1);
        Assert.Equal("3003", ((ZaloMessageEvent)Assert.Single(host.Recorder.Messages)).MessageId);
    }

    [Fact]
    public async Task A_50_MB_body_is_refused_with_413_before_it_is_sent()
    {
        await using var host = await WebhookHost.StartAsync();
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, host.BaseUri.Port);
        var stream = client.GetStream();
        var head = "POST /zalo/webhook HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nX-ZEvent-Signature: mac=" + new string('0', 64)
                   + "\r\nContent-Length: " + (50 * 1024 * 1024) + "\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        await stream.WriteAsync(new byte[64 * 1024]); // 64 KB of the announced 50 MB: the answer comes without the rest
        using var reader = new StreamReader(stream, Encoding.ASCII);
        var status = await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("HTTP/1.1 413 Payload Too Large", status);
    }

    [Fact]
    public async Task A_chunked_body_over_the_limit_is_refused_with_413()
    {
        await using var host = await WebhookHost.StartAsync(o => o.Verification.MaxBodyBytes = 4096);
        using var http = new System.Net.Http.HttpClient();
        using var content = new System.Net.Http.StreamContent(new MemoryStream(new byte[10_000]));
        using var request = new System.Net.Http.HttpRequestMessage(System.Net.Http.HttpMethod.Post, host.Endpoint) { Content = content };
        request.Headers.TransferEncodingChunked = true;
        request.Headers.TryAddWithoutValidation("X-ZEvent-Signature", "mac=" + new string('0', 64));
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task A_failing_handler_is_retried_and_Zalo_still_gets_200()
    {
        await using var host = await WebhookHost.StartAsync();
        using var failures = new MetricCollector<long>(host.Meters, WebhookMeter, "nbcomms.zalo.webhook.handler_failures");
        host.Recorder.FailuresToGo = 2;
        using var response = await host.PostAsync(WebhookHost.TextBody("thử lại", "4001"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await host.Recorder.WaitHandledAsync(1);
        Assert.Equal(3, host.Recorder.Attempts);
        Assert.Equal(2, failures.GetMeasurementSnapshot().Sum(m => m.Value));
        Assert.Single(host.Recorder.Messages);
    }

    [Fact]
    public async Task A_full_queue_answers_503_so_Zalo_retries_and_the_depth_is_visible()
    {
        await using var host = await WebhookHost.StartAsync(o => { o.QueueCapacity = 1; o.MaxConcurrency = 1; });
        using var depth = new MetricCollector<int>(host.Meters, WebhookMeter, "nbcomms.zalo.webhook.queue_depth");
        host.Recorder.Slow = true;
        using var a = await host.PostAsync(WebhookHost.TextBody("a", "5001"));
        await host.Recorder.WaitStartedAsync(); // a is being handled, the queue is empty
        using var b = await host.PostAsync(WebhookHost.TextBody("b", "5002"));
        using var c = await host.PostAsync(WebhookHost.TextBody("c", "5003"));
        Assert.Equal(HttpStatusCode.OK, a.StatusCode);
        Assert.Equal(HttpStatusCode.OK, b.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, c.StatusCode);
        depth.RecordObservableInstruments();
        Assert.Equal(1, depth.LastMeasurement!.Value);

        host.Recorder.Release();
        await host.Recorder.WaitHandledAsync(2);
        using var retried = await host.PostAsync(WebhookHost.TextBody("c", "5003"));
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        await host.Recorder.WaitHandledAsync(1);
        Assert.Equal(new[] { "5001", "5002", "5003" }, host.Recorder.Messages.Select(m => ((ZaloMessageEvent)m).MessageId));
    }

    private const string WebhookMeter = ZaloWebhookEndpointExtensions.MeterName;
}
