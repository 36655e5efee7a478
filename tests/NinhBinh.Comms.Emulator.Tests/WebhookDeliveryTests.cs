using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace NinhBinh.Comms.Emulator.Tests;

public sealed class WebhookDeliveryTests
{
    private const string App = "app-webhook";
    private const string Oa = "oa-webhook";
    private const string Secret = "oa-secret-key";
    private static readonly DateTimeOffset Start = new(2026, 3, 10, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Failed_deliveries_are_retried_on_Zalos_schedule_with_num_retry_then_given_up()
    {
        var time = new FakeTimeProvider(Start);
        await using var receiver = await Receiver.StartAsync(Enumerable.Repeat(500, 10).ToArray());
        await using var emulator = await ZaloEmulator.StartAsync(new ZaloEmulatorOptions { TimeProvider = time });
        emulator.AddOfficialAccount(Oa, "UBND xã", 4);
        emulator.RegisterWebhook(App, receiver.Url, Secret);

        emulator.SendUserText(App, Oa, "8451000000000000001", "Xin chào");
        var delivery = await emulator.WaitForWebhookAttemptsAsync(1, 1).WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(500, delivery.Attempts[0].StatusCode);

        var expected = new[] { TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30), TimeSpan.FromHours(1) };
        Assert.Equal(expected, ZaloEmulator.WebhookRetrySchedule);
        for (var retry = 1; retry <= expected.Length; retry++)
        {
            var failedAt = time.GetUtcNow();
            Assert.Equal(failedAt + expected[retry - 1], delivery.NextAttemptAt);
            time.Advance(expected[retry - 1] - TimeSpan.FromMilliseconds(1));
            Assert.Equal(retry, emulator.GetWebhookDeliveries()[0].Attempts.Count); // not due yet: the timer has not fired
            time.Advance(TimeSpan.FromMilliseconds(1));
            delivery = await emulator.WaitForWebhookAttemptsAsync(1, retry + 1).WaitAsync(TimeSpan.FromSeconds(20));
            Assert.Equal(retry, delivery.Attempts[retry].NumRetry);
            Assert.Equal(failedAt + expected[retry - 1], delivery.Attempts[retry].At);
        }

        Assert.Null(delivery.NextAttemptAt); // given up after the 1-hour retry
        Assert.False(delivery.Delivered);
        var headers = receiver.Requests.Select(r => r.NumRetry).ToArray();
        Assert.Equal(new string?[] { null, "1", "2", "3", "4", "5" }, headers);
    }

    [Fact]
    public async Task A_delivery_that_succeeds_on_a_retry_stops_there()
    {
        var time = new FakeTimeProvider(Start);
        await using var receiver = await Receiver.StartAsync(503, 200);
        await using var emulator = await ZaloEmulator.StartAsync(new ZaloEmulatorOptions { TimeProvider = time });
        emulator.AddOfficialAccount(Oa, "UBND xã", 4);
        emulator.RegisterWebhook(App, receiver.Url, Secret);
        emulator.SendUserText(App, Oa, "8451000000000000001", "Có");
        await emulator.WaitForWebhookAttemptsAsync(1, 1).WaitAsync(TimeSpan.FromSeconds(20));
        time.Advance(TimeSpan.FromSeconds(30));
        var delivery = await emulator.WaitForWebhookAttemptsAsync(1, 2).WaitAsync(TimeSpan.FromSeconds(20));
        Assert.True(delivery.Delivered);
        Assert.Null(delivery.NextAttemptAt);
    }

    [Fact]
    public async Task Deliveries_are_signed_like_Zalo_duplicates_carry_the_same_bytes_and_forgeries_a_wrong_mac()
    {
        var time = new FakeTimeProvider(Start);
        await using var receiver = await Receiver.StartAsync(200, 200, 200);
        await using var emulator = await ZaloEmulator.StartAsync(new ZaloEmulatorOptions { TimeProvider = time });
        emulator.AddOfficialAccount(Oa, "UBND xã", 4);
        emulator.RegisterWebhook(App, receiver.Url, Secret);
        var msgId = emulator.SendUserText(App, Oa, "8451000000000000001", "Tôi đồng ý – cảm ơn", duplicate: true);
        var forged = emulator.DeliverWebhook("{\"app_id\":\"" + App + "\",\"event_name\":\"follow\",\"timestamp\":\"1773108000000\"}", forged: true);
        await emulator.WaitForWebhookAttemptsAsync(1, 1).WaitAsync(TimeSpan.FromSeconds(20));
        await emulator.WaitForWebhookAttemptsAsync(2, 1).WaitAsync(TimeSpan.FromSeconds(20));
        await emulator.WaitForWebhookAttemptsAsync(forged, 1).WaitAsync(TimeSpan.FromSeconds(20));

        var requests = receiver.Requests.ToArray();
        Assert.Equal(3, requests.Length);
        var texts = requests.Where(r => r.Body.Contains("user_send_text", StringComparison.Ordinal)).ToArray();
        Assert.Equal(2, texts.Length);
        Assert.Equal(texts[0].Body, texts[1].Body);
        Assert.Contains(msgId, texts[0].Body, StringComparison.Ordinal);
        Assert.Contains("Tôi đồng ý – cảm ơn", texts[0].Body, StringComparison.Ordinal);
        var timestamp = Start.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(Mac(App + texts[0].Body + timestamp + Secret), texts[0].Signature);

        var forgery = requests.Single(r => r.Body.Contains("follow", StringComparison.Ordinal));
        Assert.NotEqual(Mac(App + forgery.Body + "1773108000000" + Secret), forgery.Signature);
        Assert.StartsWith("mac=", forgery.Signature, StringComparison.Ordinal);
        Assert.True(emulator.GetWebhookDeliveries().Single(d => d.Id == forged).Forged);

        // The resident's message opened the consultation window.
        Assert.Equal(3, emulator.GetWebhookDeliveries().Count);
    }

    [Fact]
    public async Task Delivering_without_a_registered_url_is_refused()
    {
        await using var emulator = await ZaloEmulator.StartAsync();
        Assert.Throws<InvalidOperationException>(() => emulator.DeliverWebhook("{\"event_name\":\"follow\",\"timestamp\":\"1\"}"));
    }

    private static string Mac(string text) => "mac=" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>A plain Kestrel receiver answering the given statuses in turn (then 200), recording every request.</summary>
    private sealed class Receiver : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly ConcurrentQueue<int> _statuses;

        private Receiver(WebApplication app, ConcurrentQueue<int> statuses, Uri url)
        {
            _app = app;
            _statuses = statuses;
            Url = url;
        }

        public Uri Url { get; }

        public ConcurrentQueue<(string Body, string Signature, string? NumRetry)> Requests { get; } = new();

        public static async Task<Receiver> StartAsync(params int[] statuses)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
            var app = builder.Build();
            var queue = new ConcurrentQueue<int>(statuses);
            Receiver? receiver = null;
            app.MapPost("/hook", async context =>
            {
                using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
                var body = await reader.ReadToEndAsync();
                var numRetry = context.Request.Headers["num_retry"].ToString();
                receiver!.Requests.Enqueue((body, context.Request.Headers["X-ZEvent-Signature"].ToString(), numRetry.Length == 0 ? null : numRetry));
                context.Response.StatusCode = queue.TryDequeue(out var status) ? status : 200;
            });
            await app.StartAsync();
            var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
            receiver = new Receiver(app, queue, new Uri(address, "/hook"));
            return receiver;
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
