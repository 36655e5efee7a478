using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using NinhBinh.Comms.Zalo;

namespace NinhBinh.Comms.Benchmarks;

/// <summary>
/// The SDK's send-text against a hand-written HttpClient + System.Text.Json (source-generated) call, both through
/// the same in-memory handler: the cost of the SDK's layers (validation, token lifecycle, rate limit, retry pipeline,
/// Refit, error mapping). Targets: at most 1.25x the time and 1.5x the allocations.
/// </summary>
[MemoryDiagnoser]
public class ZaloSendBenchmarks
{
    private const string User = "8451234567890123456";
    private static readonly byte[] Answer = Encoding.UTF8.GetBytes("""{"error":0,"message":"Success","data":{"message_id":"5e1b3c0d2f9a4b8c9d0e1f2a3b4c5d6e","user_id":"8451234567890123456"}}""");

    private HttpClient _handWritten = null!;
    private ZaloClientFactory _factory = null!;
    private ZaloOfficialAccountClient _client = null!;

    [GlobalSetup]
    public void Setup()
    {
        var handler = new CannedHandler();
        _handWritten = new HttpClient(handler, disposeHandler: false) { BaseAddress = new Uri("https://openapi.zalo.me/") };
        var store = new InMemoryZaloTokenStore();
        var now = DateTimeOffset.UtcNow;
        store.SaveAsync("oa-1", new ZaloTokenSet("access-token-value", "refresh-token-value", now.AddHours(25), now.AddDays(90), now)).GetAwaiter().GetResult();
        _factory = new ZaloClientFactory(new ZaloClientOptions { AppId = "app", AppSecret = "secret", RequestsPerMinute = 0 }, store, primaryHandler: handler);
        _client = _factory.GetClient("oa-1");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _factory.Dispose();
        _handWritten.Dispose();
    }

    [Benchmark(Baseline = true)]
    public async Task<string> HandWritten()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "v3.0/oa/message/cs")
        {
            Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(
                new SendText { Recipient = new Recipient { UserId = User }, Message = new Text { Value = "Xin chào bà con" } }, BenchJson.Default.SendText)),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation("access_token", "access-token-value");
        using var response = await _handWritten.SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var envelope = JsonSerializer.Deserialize(bytes, BenchJson.Default.Envelope)!;
        return envelope.Error == 0 ? envelope.Data!.MessageId! : throw new InvalidOperationException();
    }

    [Benchmark]
    public async Task<string> Sdk() => (await _client.SendTextAsync(User, "Xin chào bà con")).MessageId;

    private sealed class CannedHandler : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Content is not null)
            {
                await request.Content.CopyToAsync(Stream.Null, cancellationToken); // the request is serialized, as on a real wire
            }

            var content = new ByteArrayContent(Answer);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
        }
    }
}

internal sealed class SendText
{
    [JsonPropertyName("recipient")]
    public Recipient Recipient { get; set; } = new();

    [JsonPropertyName("message")]
    public Text Message { get; set; } = new();
}

internal sealed class Recipient
{
    [JsonPropertyName("user_id")]
    public string? UserId { get; set; }
}

internal sealed class Text
{
    [JsonPropertyName("text")]
    public string? Value { get; set; }
}

internal sealed class Envelope
{
    [JsonPropertyName("error")]
    public int Error { get; set; }

    [JsonPropertyName("data")]
    public EnvelopeData? Data { get; set; }
}

internal sealed class EnvelopeData
{
    [JsonPropertyName("message_id")]
    public string? MessageId { get; set; }
}

[JsonSerializable(typeof(SendText))]
[JsonSerializable(typeof(Envelope))]
internal sealed partial class BenchJson : JsonSerializerContext
{
}
