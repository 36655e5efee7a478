using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace NinhBinh.Comms.Broadcast.Boards.Xibo;

/// <summary>
/// The HTTP side of the adapter: OAuth2 client credentials with a cached token renewed before it expires, one new
/// token and one retry on a 401, form-urlencoded bodies, answers checked (status, JSON where JSON is expected) and
/// failures turned into <see cref="BoardException"/> naming the system and the request, never a token or secret.
/// </summary>
internal sealed class XiboApi
{
    private const string TokenPath = "authorize/access_token";
    private static readonly char[] LineBreaks = { '\r', '\n' };
    private readonly HttpClient _http;
    private readonly XiboOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Uri _api;
    private readonly object _gate = new();
    private string? _token;
    private DateTimeOffset _renewAt;
    private Task<string>? _renewal;

    public XiboApi(HttpClient http, XiboOptions options, TimeProvider time, ILogger logger)
    {
        _http = http;
        _options = options;
        _time = time;
        _logger = logger;
        var root = options.BaseUrl!.AbsoluteUri;
        _api = new Uri(root.EndsWith("/", StringComparison.Ordinal) ? root + "api/" : root + "/api/");
    }

    public string System => _options.Name;

    /// <summary>Sends a request to <c>/api/{path}</c> with a bearer token; on a 401 gets a new token once and retries once.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="path">The path under <c>/api/</c>, ids already in it.</param>
    /// <param name="query">Query parameters, or null.</param>
    /// <param name="form">Form fields (sent form-urlencoded), or null for no body.</param>
    /// <param name="expect">What the answer must be.</param>
    /// <param name="subject">What the request is about, for messages ("display group 5"), or null.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<XiboResponse> SendAsync(HttpMethod method, string path, IEnumerable<KeyValuePair<string, string>>? query,
        IEnumerable<KeyValuePair<string, string>>? form, XiboExpect expect, string? subject, CancellationToken cancellationToken)
    {
        var queryList = query?.ToList();
        var formList = form?.ToList();
        var token = await GetTokenAsync(cancellationToken).ConfigureAwait(false);
        var (status, response) = await SendOnceAsync(method, path, queryList, formList, token, expect, subject, cancellationToken).ConfigureAwait(false);
        if (status != HttpStatusCode.Unauthorized)
        {
            return response!;
        }

        XiboLog.TokenRejected(_logger, System, method.Method, "/api/" + path);
        token = await RenewAsync(token, cancellationToken).ConfigureAwait(false);
        (status, response) = await SendOnceAsync(method, path, queryList, formList, token, expect, subject, cancellationToken).ConfigureAwait(false);
        if (status != HttpStatusCode.Unauthorized)
        {
            return response!;
        }

        throw Fail(method, path, 401, "the CMS refused a new access token too (401); the application may lack access to this API", subject, null, transient: false);
    }

    private async Task<(HttpStatusCode Status, XiboResponse? Response)> SendOnceAsync(HttpMethod method, string path,
        List<KeyValuePair<string, string>>? query, List<KeyValuePair<string, string>>? form, string token, XiboExpect expect, string? subject,
        CancellationToken cancellationToken)
    {
        var uri = new Uri(_api, path + QueryString(query));
        using var request = new HttpRequestMessage(method, uri);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(expect == XiboExpect.Image ? "image/*" : "application/json"));
        if (form is not null)
        {
            request.Content = new FormUrlEncodedContent(form);
        }

        var (status, body, contentType, headers) = await ExchangeAsync(method, path, request, subject, cancellationToken).ConfigureAwait(false);
        if (status == HttpStatusCode.Unauthorized)
        {
            return (status, null);
        }

        var code = (int)status;
        if (code < 200 || code > 299)
        {
            throw Fail(method, path, code, Describe(code, body, contentType), subject, ErrorCode(body, contentType), transient: code >= 500 || code == 429);
        }

        XiboLog.Answered(_logger, System, method.Method, "/api/" + path, code);
        int? total = headers.TryGetValues("X-Total-Count", out var values)
            && int.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) ? count : null;
        switch (expect)
        {
            case XiboExpect.Json:
                if (!IsJson(contentType))
                {
                    throw Fail(method, path, code, $"answered {code} with {contentType ?? "no content type"} where JSON was expected (a login page, a proxy or the wrong BaseUrl?)", subject, null, transient: false);
                }

                try
                {
                    return (status, new XiboResponse(code, JsonDocument.Parse(body), body, contentType, total));
                }
                catch (JsonException ex)
                {
                    throw Fail(method, path, code, $"answered {code} with a body that is not JSON ({ex.Message})", subject, null, transient: false);
                }

            case XiboExpect.Image:
                if (contentType is null || !contentType.StartsWith("image/", StringComparison.OrdinalIgnoreCase) || body.Length == 0)
                {
                    throw Fail(method, path, code, $"answered {code} with {(body.Length == 0 ? "an empty body" : contentType ?? "no content type")} where an image was expected", subject, null, transient: false);
                }

                return (status, new XiboResponse(code, null, body, contentType, total));

            default:
                return (status, new XiboResponse(code, null, body, contentType, total));
        }
    }

    private async Task<(HttpStatusCode Status, byte[] Body, string? ContentType, HttpResponseHeaders Headers)> ExchangeAsync(HttpMethod method, string path,
        HttpRequestMessage request, string? subject, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.RequestTimeout);
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token).ConfigureAwait(false);
#if NET
            var body = await response.Content.ReadAsByteArrayAsync(timeout.Token).ConfigureAwait(false);
#else
            var body = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
#endif
            return (response.StatusCode, body, response.Content.Headers.ContentType?.MediaType, response.Headers);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw Fail(method, path, 0, $"timed out after {_options.RequestTimeout.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s", subject, null, transient: true, ex);
        }
        catch (Exception ex) when (HttpFailure.IsConnectionFailure(ex))
        {
            throw Fail(method, path, 0, "could not be sent: " + ex.Message, subject, null, transient: true, ex);
        }
    }

    // ---- the token ---------------------------------------------------------------------------------------------

    private Task<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_token is not null && _time.GetUtcNow() < _renewAt)
            {
                return Task.FromResult(_token);
            }
        }

        return RenewAsync(null, cancellationToken);
    }

    /// <summary>Gets a new token unless another caller already replaced <paramref name="rejected"/> (one request in flight at a time).</summary>
    private Task<string> RenewAsync(string? rejected, CancellationToken cancellationToken)
    {
        Task<string> renewal;
        lock (_gate)
        {
            if (_token is not null && _token != rejected && _time.GetUtcNow() < _renewAt)
            {
                return Task.FromResult(_token);
            }

            if (_renewal is null || _renewal.IsCompleted)
            {
                _token = null;
                _renewal = RequestTokenAsync();
            }

            renewal = _renewal;
        }

        return WaitAsync(renewal, cancellationToken);
    }

    private static async Task<string> WaitAsync(Task<string> renewal, CancellationToken cancellationToken)
    {
        if (!cancellationToken.CanBeCanceled)
        {
            return await renewal.ConfigureAwait(false);
        }

        var cancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        using (cancellationToken.Register(() => cancelled.TrySetResult(true)))
        {
            if (await Task.WhenAny(renewal, cancelled.Task).ConfigureAwait(false) != renewal)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
        }

        return await renewal.ConfigureAwait(false);
    }

    private async Task<string> RequestTokenAsync()
    {
        var method = HttpMethod.Post;
        using var request = new HttpRequestMessage(method, new Uri(_api, TokenPath));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Content = new FormUrlEncodedContent(new[]
        {
            new KeyValuePair<string, string>("grant_type", "client_credentials"),
            new KeyValuePair<string, string>("client_id", _options.ClientId!),
            new KeyValuePair<string, string>("client_secret", _options.ClientSecret!),
        });
        var (status, body, contentType, _) = await ExchangeAsync(method, TokenPath, request, null, CancellationToken.None).ConfigureAwait(false);
        var code = (int)status;
        if (code is 400 or 401)
        {
            throw Fail(method, TokenPath, code, "the CMS refused the client credentials (" + Describe(code, body, contentType)
                + "); check the client id and secret and that the application has the client-credentials grant", null, ErrorCode(body, contentType), transient: false);
        }

        if (code < 200 || code > 299)
        {
            throw Fail(method, TokenPath, code, Describe(code, body, contentType), null, ErrorCode(body, contentType), transient: code >= 500);
        }

        if (!IsJson(contentType))
        {
            throw Fail(method, TokenPath, code, $"answered {code} with {contentType ?? "no content type"} where a JSON token was expected (a login page, a proxy or the wrong BaseUrl?)", null, null, transient: false);
        }

        string? token;
        long? expiresIn;
        try
        {
            using var json = JsonDocument.Parse(body);
            token = XiboWire.String(json.RootElement, "access_token");
            expiresIn = XiboWire.Long(json.RootElement, "expires_in");
        }
        catch (JsonException)
        {
            token = null;
            expiresIn = null;
        }

        if (string.IsNullOrEmpty(token) || expiresIn is null or <= 0)
        {
            throw Fail(method, TokenPath, code, "answered without an access_token and a positive expires_in", null, null, transient: false);
        }

        var now = _time.GetUtcNow();
        var lifetime = TimeSpan.FromSeconds(expiresIn.Value);
        var margin = TimeSpan.FromTicks(Math.Min(TimeSpan.FromMinutes(1).Ticks, lifetime.Ticks / 10));
        lock (_gate)
        {
            _token = token;
            _renewAt = now + lifetime - margin;
        }

        XiboLog.TokenObtained(_logger, System, now + lifetime);
        return token!;
    }

    // ---- answers and failures ----------------------------------------------------------------------------------

    private BoardException Fail(HttpMethod method, string path, int status, string what, string? subject, string? errorCode, bool transient, Exception? inner = null)
    {
        var message = $"{System}: {method.Method} /api/{path} {(subject is null ? string.Empty : "(" + subject + ") ")}{(what.StartsWith("answered", StringComparison.Ordinal) || what.StartsWith("timed", StringComparison.Ordinal) || what.StartsWith("could", StringComparison.Ordinal) || what.StartsWith("the CMS", StringComparison.Ordinal) ? what : "failed: " + what)}";
        message = Redact(message);
        XiboLog.Failed(_logger, System, message);
        return new BoardException(message, inner)
        {
            System = System,
            Channel = "boards",
            Status = status,
            ErrorCode = errorCode,
            IsTransient = transient,
        };
    }

    /// <summary>Never lets the secret or a token through, whatever the CMS echoed.</summary>
    private string Redact(string message)
    {
        if (!string.IsNullOrEmpty(_options.ClientSecret))
        {
            message = message.Replace(_options.ClientSecret, "***");
        }

        var token = _token;
        return string.IsNullOrEmpty(token) ? message : message.Replace(token, "***");
    }

    private static bool IsJson(string? contentType) =>
        contentType is not null && (contentType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || contentType.EndsWith("+json", StringComparison.OrdinalIgnoreCase));

    /// <summary>"404 Display Group not found" from <c>{error:{message,code}}</c> or an OAuth <c>{error, message}</c>; the status and media type otherwise.</summary>
    private static string Describe(int status, byte[] body, string? contentType)
    {
        var text = ErrorText(body, contentType);
        return text is null
            ? $"{status} {(status >= 500 ? "server error" : "refused")}{(body.Length > 0 ? " (" + (contentType ?? "no content type") + " body)" : string.Empty)}"
            : $"{status} {text}";
    }

    private static string? ErrorText(byte[] body, string? contentType)
    {
        if (!IsJson(contentType) || body.Length == 0)
        {
            return null;
        }

        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("error", out var error))
            {
                return null;
            }

            var text = error.ValueKind switch
            {
                JsonValueKind.Object => XiboWire.String(error, "message"),
                JsonValueKind.String => error.GetString() + (XiboWire.String(root, "message") is { } detail ? ": " + detail : string.Empty),
                _ => null,
            };
            return text is null ? null : Cut(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? ErrorCode(byte[] body, string? contentType)
    {
        if (!IsJson(contentType) || body.Length == 0)
        {
            return null;
        }

        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("error", out var error))
            {
                return null;
            }

            return error.ValueKind == JsonValueKind.Object ? XiboWire.String(error, "code") : error.ValueKind == JsonValueKind.String ? error.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Cut(string text)
    {
        var line = string.Join(" ", text.Split(LineBreaks, StringSplitOptions.RemoveEmptyEntries)).Trim();
        return line.Length <= 300 ? line : line.Substring(0, 300) + "…";
    }

    private static string QueryString(List<KeyValuePair<string, string>>? query)
    {
        if (query is null || query.Count == 0)
        {
            return string.Empty;
        }

        var text = new StringBuilder();
        foreach (var pair in query)
        {
            text.Append(text.Length == 0 ? '?' : '&').Append(Uri.EscapeDataString(pair.Key)).Append('=').Append(Uri.EscapeDataString(pair.Value));
        }

        return text.ToString();
    }
}
