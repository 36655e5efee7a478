using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace NinhBinh.Comms.Zalo.Tests;

/// <summary>An in-memory HTTP endpoint for unit tests that need isolation from the emulator.</summary>
public sealed class StubZaloHandler : HttpMessageHandler
{
    private readonly Func<RecordedRequest, int, HttpResponseMessage> _respond;
    private int _count;

    public StubZaloHandler(Func<RecordedRequest, int, HttpResponseMessage> respond) => _respond = respond;

    /// <summary>How long to wait (honouring cancellation) before answering a request; none by default.</summary>
    public Func<RecordedRequest, int, TimeSpan>? Delay { get; init; }

    /// <summary>The clock <see cref="Delay"/> waits on; the system clock by default.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public int Count => Volatile.Read(ref _count);

    public IReadOnlyList<RecordedRequest> To(string pathFragment) => Requests.Where(r => r.Path.Contains(pathFragment, StringComparison.Ordinal)).ToList();

    public static HttpResponseMessage Json(string json, HttpStatusCode status = HttpStatusCode.OK)
        => new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    public static HttpResponseMessage Tokens(string access, string refresh, int expiresIn = 90000)
        => Json($$$$"""{"access_token":"{{{{access}}}}","refresh_token":"{{{{refresh}}}}","expires_in":"{{{{expiresIn}}}}"}""");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
        var recorded = new RecordedRequest(request.Method.Method, request.RequestUri!.AbsolutePath, Uri.UnescapeDataString(request.RequestUri.Query),
            body, request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase));
        Requests.Enqueue(recorded);
        var n = Interlocked.Increment(ref _count);
        if (Delay?.Invoke(recorded, n) is { } delay && delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, Clock, cancellationToken);
        }

        return _respond(recorded, n);
    }
}

public sealed record RecordedRequest(string Method, string Path, string Query, string Body, IReadOnlyDictionary<string, string> Headers)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
