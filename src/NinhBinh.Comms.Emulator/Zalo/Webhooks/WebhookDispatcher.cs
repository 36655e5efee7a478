using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace NinhBinh.Comms.Emulator;

/// <summary>
/// Delivers signed events to the registered URL like Zalo: one POST answered within 2 seconds, otherwise retries after
/// 30 s, 5 min, 15 min, 30 min and 1 h (each after the previous failure, on the emulator's <see cref="TimeProvider"/>)
/// with a <c>num_retry</c> header; then it gives up. The signature is computed here on its own (SHA-256 of
/// app id + body + timestamp + secret), not with the SDK.
/// </summary>
internal sealed class WebhookDispatcher : IDisposable
{
    public static readonly TimeSpan[] RetrySchedule =
    [
        TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30), TimeSpan.FromHours(1),
    ];

    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(2);
    private readonly object _gate = new();
    private readonly TimeProvider _time;
    private readonly HttpClient _http = new(new SocketsHttpHandler { UseProxy = false, PooledConnectionLifetime = TimeSpan.FromMinutes(1) }) { Timeout = Timeout.InfiniteTimeSpan };
    private readonly List<Delivery> _deliveries = [];
    private readonly CancellationTokenSource _stopping = new();
    private Uri? _url;
    private string? _appId;
    private string? _secret;

    public WebhookDispatcher(TimeProvider time) => _time = time;

    public void Register(string appId, Uri url, string secret)
    {
        lock (_gate)
        {
            _appId = appId;
            _url = url;
            _secret = secret;
        }
    }

    public DateTimeOffset Now => _time.GetUtcNow();

    public int Enqueue(string body, bool forged)
    {
        string eventName;
        string timestamp;
        var node = JsonNode.Parse(body) as JsonObject ?? throw new ArgumentException("A webhook body must be a JSON object.", nameof(body));
        eventName = node["event_name"]?.GetValue<string>() ?? throw new ArgumentException("A webhook body needs an event_name.", nameof(body));
        timestamp = node["timestamp"]?.ToString() ?? throw new ArgumentException("A webhook body needs a timestamp.", nameof(body));
        Delivery delivery;
        lock (_gate)
        {
            if (_url is null)
            {
                throw new InvalidOperationException("No webhook URL is registered: call RegisterWebhook first.");
            }

            var secret = forged ? "forged-" + _secret : _secret!;
            delivery = new Delivery(_deliveries.Count + 1, eventName, body, Sign(_appId!, body, timestamp, secret), forged, _url);
            _deliveries.Add(delivery);
        }

        _ = AttemptAsync(delivery);
        return delivery.Id;
    }

    public IReadOnlyList<EmulatedWebhookDelivery> Snapshot()
    {
        lock (_gate)
        {
            return _deliveries.Select(d => d.Snapshot()).ToArray();
        }
    }

    /// <summary>Waits until a delivery has made <paramref name="attempts"/> attempts.</summary>
    public async Task<EmulatedWebhookDelivery> WaitForAttemptsAsync(int id, int attempts, CancellationToken cancellationToken)
    {
        Delivery delivery;
        lock (_gate)
        {
            delivery = _deliveries.FirstOrDefault(d => d.Id == id) ?? throw new ArgumentOutOfRangeException(nameof(id), id, "No such delivery.");
        }

        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (delivery.Attempts.Count >= attempts)
                {
                    return delivery.Snapshot();
                }

                changed = delivery.Changed.Task;
            }

            await changed.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        _stopping.Cancel();
        lock (_gate)
        {
            foreach (var delivery in _deliveries)
            {
                delivery.Timer?.Dispose();
            }
        }

        _http.Dispose();
        _stopping.Dispose();
    }

    internal static string Sign(string appId, string body, string timestamp, string secret)
        => "mac=" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(appId + body + timestamp + secret)));

    private async Task AttemptAsync(Delivery delivery)
    {
        int numRetry;
        lock (_gate)
        {
            numRetry = delivery.Attempts.Count;
            delivery.NextAttemptAt = null;
        }

        var at = _time.GetUtcNow();
        var status = 0;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Url)
            {
                Content = new ByteArrayContent(Encoding.UTF8.GetBytes(delivery.Body)),
            };
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            request.Headers.TryAddWithoutValidation("X-ZEvent-Signature", delivery.Signature);
            if (numRetry > 0)
            {
                request.Headers.TryAddWithoutValidation("num_retry", numRetry.ToString(CultureInfo.InvariantCulture));
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
            timeout.CancelAfter(AnswerTimeout); // Zalo's 2 seconds, in real time: the receiver's own clock
            using var response = await _http.SendAsync(request, timeout.Token).ConfigureAwait(false);
            status = (int)response.StatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or ObjectDisposedException)
        {
            status = 0;
        }

        lock (_gate)
        {
            delivery.Attempts.Add(new EmulatedWebhookAttempt(numRetry, at, status));
            if (status != 200 && numRetry < RetrySchedule.Length && !_stopping.IsCancellationRequested)
            {
                var delay = RetrySchedule[numRetry];
                delivery.NextAttemptAt = _time.GetUtcNow() + delay;
                delivery.Timer?.Dispose();
                delivery.Timer = _time.CreateTimer(_ => _ = AttemptAsync(delivery), null, delay, Timeout.InfiniteTimeSpan);
            }

            var changed = delivery.Changed;
            delivery.Changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            changed.TrySetResult();
        }
    }

    private sealed class Delivery(int id, string eventName, string body, string signature, bool forged, Uri url)
    {
        public int Id { get; } = id;

        public string EventName { get; } = eventName;

        public string Body { get; } = body;

        public string Signature { get; } = signature;

        public bool Forged { get; } = forged;

        public Uri Url { get; } = url;

        public List<EmulatedWebhookAttempt> Attempts { get; } = [];

        public DateTimeOffset? NextAttemptAt { get; set; }

        public ITimer? Timer { get; set; }

        public TaskCompletionSource Changed { get; set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public EmulatedWebhookDelivery Snapshot() => new(Id, EventName, Body, Signature, Forged, Attempts.ToArray(), NextAttemptAt);
    }
}
