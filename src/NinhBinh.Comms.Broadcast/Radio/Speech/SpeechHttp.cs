using System;
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace NinhBinh.Comms.Broadcast.Radio.Speech;

/// <summary>Sending a provider request and turning transport failures and HTTP errors into <see cref="SpeechException"/>.</summary>
internal static class SpeechHttp
{
    private static readonly Lazy<HttpClient> Shared = new(() => new HttpClient { Timeout = System.Threading.Timeout.InfiniteTimeSpan });

    /// <summary>One client for every adapter created without one (the recommended use of HttpClient: shared, long-lived).</summary>
    public static HttpClient SharedClient => Shared.Value;

    public static async Task<HttpResponseMessage> SendAsync(HttpClient http, HttpRequestMessage request, string provider, CancellationToken cancellationToken)
    {
        try
        {
            return await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new SpeechException($"{provider}: the request timed out.", ex) { Provider = provider, Channel = "tts", IsTransient = true };
        }
        catch (Exception ex) when (HttpFailure.IsConnectionFailure(ex))
        {
            throw new SpeechException($"{provider}: the request failed ({ex.Message}).", ex) { Provider = provider, Channel = "tts", IsTransient = true };
        }
    }

    /// <summary>Throws for 401/403 (refused credentials), 429 (with Retry-After), 5xx and other non-success statuses.</summary>
    public static async Task EnsureSuccessAsync(HttpResponseMessage response, string provider, Func<string, (string? Code, string? Message)>? readError = null)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var status = (int)response.StatusCode;
        var body = response.Content is null ? string.Empty : await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        var (code, message) = readError is null ? (null, null) : SafeRead(readError, body);
        var what = status switch
        {
            401 or 403 => "refused the API key or token",
            429 => "is rate limiting",
            >= 500 => "failed on its side",
            _ => "refused the request",
        };
        var detail = message is null ? string.Empty : $": {message}";
        throw new SpeechException($"{provider} {what} (HTTP {status.ToString(CultureInfo.InvariantCulture)}{(code is null ? string.Empty : ", error " + code)}){detail}.")
        {
            Provider = provider,
            Channel = "tts",
            Status = status,
            ErrorCode = code,
            ProviderMessage = message,
            IsTransient = status == 429 || status >= 500,
            RetryAfter = RetryAfter(response),
        };
    }

    public static Task<string> ReadStringAsync(HttpResponseMessage response, CancellationToken cancellationToken) =>
#if NET
        response.Content.ReadAsStringAsync(cancellationToken);
#else
        response.Content.ReadAsStringAsync();
#endif

    public static Task<byte[]> ReadBytesAsync(HttpResponseMessage response, CancellationToken cancellationToken) =>
#if NET
        response.Content.ReadAsByteArrayAsync(cancellationToken);
#else
        response.Content.ReadAsByteArrayAsync();
#endif

    public static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - DateTimeOffset.UtcNow;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }

    public static string? GetString(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;

    public static SpeechException BadAnswer(string provider, string what, Exception? inner = null) =>
        new($"{provider} answered something that is not its API's answer: {what}.", inner) { Provider = provider, Channel = "tts" };

    private static (string? Code, string? Message) SafeRead(Func<string, (string? Code, string? Message)> readError, string body)
    {
        try
        {
            return readError(body);
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    public static string MediaTypeOf(HttpResponseMessage response, string fallback) =>
        response.Content?.Headers.ContentType?.MediaType is { Length: > 0 } type ? type : fallback;

    public static bool IsAudio(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.OK
        && response.Content?.Headers.ContentType?.MediaType is { } type
        && (type.StartsWith("audio/", StringComparison.OrdinalIgnoreCase) || type == "application/octet-stream");
}
