using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using NinhBinh.Comms.Zalo;

// Consultation sends over real loopback sockets: the SDK against a hand-written HttpClient + System.Text.Json client,
// in the same process, alternating rounds. Run the server and the client pinned to different cores (taskset):
//   server <port>                                   a minimal Kestrel endpoint answering every send with success
//   client <port> <in-flight> <messages> <rounds>   prints one result line per round and a summary
return args.Length > 0 && args[0] == "server" ? await Server.RunAsync(int.Parse(args[1], CultureInfo.InvariantCulture))
    : args.Length > 0 && args[0] == "client" ? await Client.RunAsync(
        int.Parse(args[1], CultureInfo.InvariantCulture), int.Parse(args[2], CultureInfo.InvariantCulture),
        int.Parse(args[3], CultureInfo.InvariantCulture), int.Parse(args[4], CultureInfo.InvariantCulture))
    : Usage();

static int Usage()
{
    Console.Error.WriteLine("usage: server <port> | client <port> <in-flight> <messages> <rounds>");
    return 2;
}

internal static class Server
{
    private static readonly byte[] Answer = """{"data":{"message_id":"9a8b7c6d5e4f3a2b1c0d","user_id":"8451234567890123456"},"error":0,"message":"Success"}"""u8.ToArray();

    public static async Task<int> RunAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        app.MapPost("/v3.0/oa/message/{kind}", async (HttpContext context) =>
        {
            // Read the whole body as Zalo would, then answer.
            var body = context.Request.Body;
            var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(4096);
            while (await body.ReadAsync(buffer) > 0)
            {
            }

            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
            context.Response.ContentType = "application/json";
            context.Response.ContentLength = Answer.Length;
            await context.Response.Body.WriteAsync(Answer);
        });
        Console.WriteLine($"listening on 127.0.0.1:{port}");
        await app.RunAsync();
        return 0;
    }
}

internal static class Client
{
    private const string UserId = "8451234567890123456";
    private const string Text = "[KHẨN CẤP] Cảnh báo mưa lớn, nguy cơ ngập úng tại phường Hoa Lư. Bà con chủ động di chuyển tài sản lên cao, không đi qua ngầm tràn. — UBND phường Hoa Lư";

    public static async Task<int> RunAsync(int port, int inFlight, int messages, int rounds)
    {
        var baseUrl = new Uri($"http://127.0.0.1:{port}/");
        var store = new InMemoryZaloTokenStore();
        var now = DateTimeOffset.UtcNow;
        await store.SaveAsync("1234567890", new ZaloTokenSet("access-token-for-the-benchmark", "refresh", now.AddDays(1), now.AddDays(90), now));
        using var factory = new ZaloClientFactory(new ZaloClientOptions
        {
            AppId = "app",
            AppSecret = "secret",
            OpenApiBaseUrl = baseUrl,
            OAuthBaseUrl = baseUrl,
            RequestsPerMinute = 0, // no client-side limit: the endpoint is ours
            Retry = new ZaloRetryOptions { Enabled = Environment.GetEnvironmentVariable("NBCOMMS_BENCH_RETRY") != "0" },
        }, store);
        var sdk = factory.GetClient("1234567890");
        using var handWritten = new HandWrittenClient(baseUrl);

        Func<Task> sdkSend = async () =>
        {
            var result = await sdk.SendTextAsync(UserId, Text).ConfigureAwait(false);
            if (result.MessageId.Length == 0)
            {
                throw new InvalidOperationException("no id");
            }
        };
        Func<Task> handSend = () => handWritten.SendTextAsync(UserId, Text);
        using var refitClient = new RefitClient(baseUrl);
        Func<Task> refitSend = () => refitClient.SendTextAsync(UserId, Text);

        var only = Environment.GetEnvironmentVariable("NBCOMMS_BENCH_ONLY"); // one client alone, for profiling (dotnet-trace, perf)
        using var allocations = Environment.GetEnvironmentVariable("NBCOMMS_BENCH_ALLOCATIONS") == "1" ? new AllocationSampler() : null; // which types, sampled every ~100 KB

        // Warm-up: JIT, tiering (to tier 1 with PGO: the steady state of a running service), connections. Measured
        // rounds start only after every client has sent NBCOMMS_BENCH_WARMUP messages (default 5 x 10,000).
        var warmup = int.TryParse(Environment.GetEnvironmentVariable("NBCOMMS_BENCH_WARMUP"), NumberStyles.None, CultureInfo.InvariantCulture, out var w) ? w : 50_000;
        for (var i = 0; i < 5; i++)
        {
            foreach (var (name, send) in new[] { ("sdk", sdkSend), ("hand-written", handSend), ("refit", refitSend) })
            {
                if (string.IsNullOrEmpty(only) || only == name)
                {
                    await RunRoundAsync(send, Math.Max(1, warmup / 5), inFlight);
                }
            }
        }

        var results = new Dictionary<string, List<Round>> { ["sdk"] = new(), ["hand-written"] = new(), ["refit"] = new() };
        for (var r = 0; r < rounds; r++)
        {
            var order = new[] { ("sdk", sdkSend), ("hand-written", handSend), ("refit", refitSend) };
            if (!string.IsNullOrEmpty(only))
            {
                order = order.Where(o => o.Item1 == only).ToArray(); // for profiling one client
            }

            foreach (var (name, send) in order.Skip(r % 3).Concat(order.Take(r % 3)))
            {
                var round = await RunRoundAsync(send, messages, inFlight);
                results[name].Add(round);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"round {r + 1} {name,-12} {round.CpuMicrosPerMessage,8:0.00} µs CPU/msg {round.BytesPerMessage,8:0} B/msg {round.MessagesPerSecond,8:0} msg/s {LastWorkItemsPerMessage,5:0.00} thread-pool items/msg {LastContentionsPerMessage,5:0.000} lock contentions/msg {LastGcPauseMicrosPerMessage,6:0.00} µs GC pause/msg, GCs gen0/gen1 {LastGcs}"));
            }
        }

        allocations?.Print(Console.Out);
        if (results.Values.Any(r => r.Count == 0))
        {
            return 0;
        }

        var s = Summary(results["sdk"]);
        var h = Summary(results["hand-written"]);
        var f = Summary(results["refit"]);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"summary in-flight={inFlight} messages={messages} rounds={rounds} (medians)\n" +
            $"  hand-written {h.CpuMicrosPerMessage,8:0.00} µs CPU/msg {h.BytesPerMessage,8:0} B/msg {h.MessagesPerSecond,8:0} msg/s\n" +
            $"  sdk          {s.CpuMicrosPerMessage,8:0.00} µs CPU/msg {s.BytesPerMessage,8:0} B/msg {s.MessagesPerSecond,8:0} msg/s\n" +
            $"  refit        {f.CpuMicrosPerMessage,8:0.00} µs CPU/msg {f.BytesPerMessage,8:0} B/msg {f.MessagesPerSecond,8:0} msg/s   (the same call through a Refit interface: what the send path would cost on Refit)\n" +
            $"  refit ratio  CPU {f.CpuMicrosPerMessage / h.CpuMicrosPerMessage:0.00}x  allocations {f.BytesPerMessage / h.BytesPerMessage:0.00}x  throughput {f.MessagesPerSecond / h.MessagesPerSecond:0.00}x\n" +
            $"  ratio        CPU {s.CpuMicrosPerMessage / h.CpuMicrosPerMessage:0.00}x (target <= 1.15)  allocations {s.BytesPerMessage / h.BytesPerMessage:0.00}x (target <= 1.25)  throughput {s.MessagesPerSecond / h.MessagesPerSecond:0.00}x (target >= 0.90)"));
        return 0;
    }

    private static Round Summary(List<Round> rounds)
    {
        static double Median(IEnumerable<double> values)
        {
            var sorted = values.OrderBy(v => v).ToArray();
            return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
        }

        return new Round(Median(rounds.Select(r => r.CpuMicrosPerMessage)), Median(rounds.Select(r => r.BytesPerMessage)), Median(rounds.Select(r => r.MessagesPerSecond)));
    }

    private static async Task<Round> RunRoundAsync(Func<Task> send, int messages, int inFlight)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpuBefore = process.TotalProcessorTime;
        var bytesBefore = GC.GetTotalAllocatedBytes(precise: true);
        var itemsBefore = ThreadPool.CompletedWorkItemCount;
        var contentionBefore = Monitor.LockContentionCount;
        var pauseBefore = GC.GetTotalPauseDuration();
        var gen0Before = GC.CollectionCount(0);
        var serverBefore = ServerCpuTicks();
        var gen1Before = GC.CollectionCount(1);
        var clock = Stopwatch.StartNew();
        var next = -1;
        var workers = new Task[inFlight];
        for (var w = 0; w < inFlight; w++)
        {
            workers[w] = Task.Run(async () =>
            {
                while (Interlocked.Increment(ref next) < messages)
                {
                    await send().ConfigureAwait(false);
                }
            });
        }

        await Task.WhenAll(workers);
        clock.Stop();
        var bytes = GC.GetTotalAllocatedBytes(precise: true) - bytesBefore;
        LastWorkItemsPerMessage = (double)(ThreadPool.CompletedWorkItemCount - itemsBefore) / messages;
        LastContentionsPerMessage = (double)(Monitor.LockContentionCount - contentionBefore) / messages;
        LastGcPauseMicrosPerMessage = (GC.GetTotalPauseDuration() - pauseBefore).TotalMilliseconds * 1000 / messages;
        LastGcs = $"{GC.CollectionCount(0) - gen0Before}/{GC.CollectionCount(1) - gen1Before}, pool threads {ThreadPool.ThreadCount}"
            + (serverBefore < 0 ? string.Empty : $", server {(ServerCpuTicks() - serverBefore) * 10_000.0 / messages:0.0} µs CPU/msg");
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        return new Round(cpu.TotalMilliseconds * 1000 / messages, (double)bytes / messages, messages / clock.Elapsed.TotalSeconds);
    }

    private static double LastWorkItemsPerMessage;
    private static double LastContentionsPerMessage;
    private static double LastGcPauseMicrosPerMessage;

    /// <summary>The server process's CPU time in clock ticks (1/100 s) from /proc, when NBCOMMS_BENCH_SERVER_PID names it; -1 otherwise.</summary>
    private static long ServerCpuTicks()
    {
        var pid = Environment.GetEnvironmentVariable("NBCOMMS_BENCH_SERVER_PID");
        if (string.IsNullOrEmpty(pid) || !System.IO.File.Exists($"/proc/{pid}/stat"))
        {
            return -1;
        }

        var fields = System.IO.File.ReadAllText($"/proc/{pid}/stat").Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
    }
    private static string LastGcs = string.Empty;

    private readonly record struct Round(double CpuMicrosPerMessage, double BytesPerMessage, double MessagesPerSecond);
}

/// <summary>What a careful developer writes by hand: one HttpClient, a source-generated STJ context, no SDK.</summary>
internal sealed class HandWrittenClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly Uri _send;

    public HandWrittenClient(Uri baseUrl)
    {
        _http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), MaxConnectionsPerServer = 64 }) { BaseAddress = baseUrl };
        _send = new Uri(baseUrl, "v3.0/oa/message/cs");
    }

    public async Task SendTextAsync(string userId, string text)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _send)
        {
            Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(new SendRequest(new Recipient(userId), new Message(text)), HandJson.Wire.SendRequest)),
        };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.TryAddWithoutValidation("access_token", "access-token-for-the-benchmark");
        using var response = await _http.SendAsync(request).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var envelope = await response.Content.ReadFromJsonAsync(HandJson.Wire.SendResponse).ConfigureAwait(false);
        if (envelope is null || envelope.Error != 0 || envelope.Data?.MessageId is null)
        {
            throw new InvalidOperationException("Zalo refused the message.");
        }
    }

    public void Dispose() => _http.Dispose();
}

/// <summary>The same send through a Refit interface (source-generated, STJ with the same context): Refit's cost alone.</summary>
internal interface IRefitSend
{
    [Refit.Post("/v3.0/oa/message/cs")]
    Task<SendResponse> SendAsync([Refit.Body] SendRequest body, [Refit.Header("access_token")] string accessToken);
}

internal sealed class RefitClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly IRefitSend _api;

    public RefitClient(Uri baseUrl)
    {
        _http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), MaxConnectionsPerServer = 64 }) { BaseAddress = baseUrl };
        _api = Refit.RestService.For<IRefitSend>(_http, new Refit.RefitSettings(new Refit.SystemTextJsonContentSerializer(HandJson.Wire.Options)));
    }

    public async Task SendTextAsync(string userId, string text)
    {
        var envelope = await _api.SendAsync(new SendRequest(new Recipient(userId), new Message(text)), "access-token-for-the-benchmark").ConfigureAwait(false);
        if (envelope.Error != 0 || envelope.Data?.MessageId is null)
        {
            throw new InvalidOperationException("Zalo refused the message.");
        }
    }

    public void Dispose() => _http.Dispose();
}

internal sealed record SendRequest([property: JsonPropertyName("recipient")] Recipient Recipient, [property: JsonPropertyName("message")] Message Message);

internal sealed record Recipient([property: JsonPropertyName("user_id")] string UserId);

internal sealed record Message([property: JsonPropertyName("text")] string Text);

internal sealed class SendResponse
{
    [JsonPropertyName("error")]
    public int Error { get; set; }

    [JsonPropertyName("message")]
    public string? Message { get; set; }

    [JsonPropertyName("data")]
    public SendData? Data { get; set; }
}

internal sealed class SendData
{
    [JsonPropertyName("message_id")]
    public string? MessageId { get; set; }

    [JsonPropertyName("user_id")]
    public string? UserId { get; set; }
}

[JsonSerializable(typeof(SendRequest))]
[JsonSerializable(typeof(SendResponse))]
internal sealed partial class HandJson : JsonSerializerContext
{
    public static HandJson Wire { get; } = new(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}

/// <summary>The runtime's allocation ticks (one about every 100 KB allocated), by type: where a client's bytes go.</summary>
internal sealed class AllocationSampler : System.Diagnostics.Tracing.EventListener
{
    private readonly Dictionary<string, long> _bytes = new();

    protected override void OnEventSourceCreated(System.Diagnostics.Tracing.EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(source, System.Diagnostics.Tracing.EventLevel.Verbose, (System.Diagnostics.Tracing.EventKeywords)0x1);
        }
    }

    protected override void OnEventWritten(System.Diagnostics.Tracing.EventWrittenEventArgs e)
    {
        if (e.EventName is not { } name || !name.StartsWith("GCAllocationTick", StringComparison.Ordinal) || e.PayloadNames is null)
        {
            return;
        }

        var type = e.Payload![e.PayloadNames.IndexOf("TypeName")] as string ?? "?";
        var amount = Convert.ToInt64(e.Payload[e.PayloadNames.IndexOf("AllocationAmount")], CultureInfo.InvariantCulture);
        lock (_bytes)
        {
            _bytes[type] = _bytes.GetValueOrDefault(type) + amount;
        }
    }

    public void Print(System.IO.TextWriter output)
    {
        lock (_bytes)
        {
            var total = _bytes.Values.Sum();
            foreach (var (type, bytes) in _bytes.OrderByDescending(kv => kv.Value).Take(40))
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{100.0 * bytes / total,6:0.0} %  {type}"));
            }
        }
    }
}
