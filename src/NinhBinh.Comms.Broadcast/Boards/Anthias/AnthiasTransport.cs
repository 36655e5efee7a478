using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace NinhBinh.Comms.Broadcast.Boards.Anthias;

/// <summary>
/// The requests to one Anthias device (API v2) and the checks on its answers: status, JSON where JSON is expected.
/// Every failure becomes a <see cref="BoardException"/> naming the system, the method and path and what failed, or an
/// <see cref="AnthiasUnreachableException"/> when the device did not answer. Neither carries the password.
/// </summary>
internal sealed class AnthiasTransport : IDisposable
{
    private const string ApiPath = "/api/v2/";
    private const int MaxDetail = 300;
    private static readonly MediaTypeHeaderValue JsonType = new("application/json") { CharSet = "utf-8" };

    private readonly string _system;
    private readonly Uri _apiBase;
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly TimeProvider _time;
    private readonly TimeSpan _timeout;
    private readonly AuthenticationHeaderValue? _authorization;
    private readonly bool _hasCredentials;
    private long _lastSeenTicks = long.MinValue;

    public AnthiasTransport(string system, AnthiasOptions options, HttpClient? httpClient, TimeProvider time)
    {
        _system = system;
        var root = options.BaseUrl!.AbsoluteUri;
        _apiBase = new Uri((root.EndsWith("/", StringComparison.Ordinal) ? root : root + "/") + "api/v2/");
        _ownsHttp = httpClient is null;
        _http = httpClient ?? new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        _time = time;
        _timeout = options.RequestTimeout;
        _hasCredentials = !string.IsNullOrEmpty(options.User);
        if (_hasCredentials)
        {
            _authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(options.User + ":" + options.Password)));
        }
    }

    /// <summary>When the device last answered (any HTTP answer), or <see langword="null"/>.</summary>
    public DateTimeOffset? LastSeen
    {
        get
        {
            var ticks = Interlocked.Read(ref _lastSeenTicks);
            return ticks == long.MinValue ? null : new DateTimeOffset(ticks, TimeSpan.Zero);
        }
    }

    public async Task<JsonDocument> GetJsonAsync(string path, CancellationToken cancellationToken)
    {
        var reply = await SendAsync(HttpMethod.Get, path, null, cancellationToken).ConfigureAwait(false);
        return Json(reply, "GET", path, 200);
    }

    public async Task<(string Uri, string? Ext)> UploadPngAsync(byte[] png, CancellationToken cancellationToken)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(png);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(file, "file_upload", "nbcomms-bulletin.png");
        var reply = await SendAsync(HttpMethod.Post, "file_asset", form, cancellationToken).ConfigureAwait(false);
        using var document = Json(reply, "POST", "file_asset", 200, 201);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("uri", out var uri) || uri.ValueKind != JsonValueKind.String
            || string.IsNullOrEmpty(uri.GetString()))
        {
            throw NotExpected("POST", "file_asset", "an object with the uploaded file's uri");
        }

        var ext = root.TryGetProperty("ext", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
        return (uri.GetString()!, ext);
    }

    public async Task<string> CreateAssetAsync(AnthiasNewAsset asset, CancellationToken cancellationToken)
    {
        var body = WriteJson(writer =>
        {
            writer.WriteString("name", asset.Name);
            writer.WriteString("uri", asset.Uri);
            if (asset.Ext is not null)
            {
                writer.WriteString("ext", asset.Ext);
            }

            writer.WriteString("start_date", Iso(asset.Start));
            writer.WriteString("end_date", Iso(asset.End));
            writer.WriteNumber("duration", asset.Duration);
            writer.WriteString("mimetype", asset.Mimetype);
            writer.WriteBoolean("is_enabled", true);
            writer.WriteBoolean("nocache", false);
            writer.WriteNumber("play_order", asset.PlayOrder);
            writer.WriteBoolean("skip_asset_check", false);
        });
        var reply = await SendAsync(HttpMethod.Post, "assets", body, cancellationToken).ConfigureAwait(false);
        using var document = Json(reply, "POST", "assets", 201);
        return AnthiasAsset.From(document.RootElement)?.AssetId ?? throw NotExpected("POST", "assets", "the created asset with its asset_id");
    }

    public async Task PostOrderAsync(IEnumerable<string> assetIds, CancellationToken cancellationToken)
    {
        var ids = string.Join(",", assetIds);
        var body = WriteJson(writer => writer.WriteString("ids", ids));
        var reply = await SendAsync(HttpMethod.Post, "assets/order", body, cancellationToken).ConfigureAwait(false);
        Expect(reply, "POST", "assets/order", 200, 204);
    }

    public async Task ControlAsync(string command, CancellationToken cancellationToken)
    {
        var path = "assets/control/" + command;
        var reply = await SendAsync(HttpMethod.Get, path, null, cancellationToken).ConfigureAwait(false);
        using var document = Json(reply, "GET", path, 200);
        if (document.RootElement.ValueKind != JsonValueKind.String)
        {
            throw NotExpected("GET", path, "\"Asset switched\"");
        }
    }

    public async Task DeleteAssetAsync(string assetId, bool toleratesMissing, CancellationToken cancellationToken)
    {
        var path = "assets/" + Uri.EscapeDataString(assetId);
        var reply = await SendAsync(HttpMethod.Delete, path, null, cancellationToken).ConfigureAwait(false);
        if (toleratesMissing && reply.Status == 404 && reply.IsJson)
        {
            return;
        }

        Expect(reply, "DELETE", path, 200, 204);
    }

    /// <summary>Checks that a media URL answers with media of the content's kind (HEAD, then GET when HEAD is refused).</summary>
    public async Task CheckMediaAsync(BoardContentKind kind, Uri uri, CancellationToken cancellationToken)
    {
        var shown = Redacted(uri);
        var what = kind switch
        {
            BoardContentKind.Video => "video",
            BoardContentKind.WebPage => "web page",
            _ => "image",
        };
        HttpStatusCode status;
        string? mediaType;
        try
        {
            (status, mediaType) = await ProbeAsync(HttpMethod.Head, uri, cancellationToken).ConfigureAwait(false);
            if (status is HttpStatusCode.MethodNotAllowed or HttpStatusCode.NotImplemented or HttpStatusCode.Forbidden)
            {
                (status, mediaType) = await ProbeAsync(HttpMethod.Get, uri, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (AnthiasUnreachableException ex)
        {
            throw new BoardException($"{_system}: the {what} URL {shown} could not be checked: {ex.Message}.", ex)
            {
                System = _system, Channel = "boards", ErrorCode = "media_unreachable", IsTransient = true,
            };
        }

        var code = (int)status;
        if (code is < 200 or > 299)
        {
            throw new BoardException($"{_system}: the {what} URL {shown} answered {code.ToString(CultureInfo.InvariantCulture)} {status}; it is not media the player can show.")
            {
                System = _system, Channel = "boards", ErrorCode = "not_media", Status = code,
            };
        }

        var type = mediaType ?? "no content type";
        var fits = kind switch
        {
            BoardContentKind.Image => type.StartsWith("image/", StringComparison.OrdinalIgnoreCase),
            BoardContentKind.Video => type.StartsWith("video/", StringComparison.OrdinalIgnoreCase)
                || type.Equals("application/vnd.apple.mpegurl", StringComparison.OrdinalIgnoreCase)
                || type.Equals("application/x-mpegurl", StringComparison.OrdinalIgnoreCase)
                || type.Equals("application/dash+xml", StringComparison.OrdinalIgnoreCase),
            _ => true,
        };
        if (!fits)
        {
            throw new BoardException($"{_system}: the {what} URL {shown} answered {type}, not an {what}; it is not media the player can show.")
            {
                System = _system, Channel = "boards", ErrorCode = "not_media", Status = code,
            };
        }
    }

    public BoardException NotExpected(string method, string path, string expected) =>
        new($"{_system}: {method} {ApiPath}{path} answered something other than {expected}.")
        {
            System = _system, Channel = "boards", ErrorCode = "unexpected_answer",
        };

    public void Dispose()
    {
        if (_ownsHttp)
        {
            _http.Dispose();
        }
    }

    private async Task<(HttpStatusCode Status, string? MediaType)> ProbeAsync(HttpMethod method, Uri uri, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, uri);
        using var timeout = CreateTimeout();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            return (response.StatusCode, response.Content.Headers.ContentType?.MediaType);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new AnthiasUnreachableException($"no answer within {_timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s", ex);
        }
        catch (Exception ex) when (HttpFailure.IsConnectionFailure(ex))
        {
            throw new AnthiasUnreachableException(Describe(ex), ex);
        }
    }

    private async Task<Reply> SendAsync(HttpMethod method, string path, HttpContent? content, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(_apiBase, path)) { Content = content };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Authorization = _authorization;
        using var timeout = CreateTimeout();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, linked.Token).ConfigureAwait(false);
#if NET5_0_OR_GREATER
            var text = await response.Content.ReadAsStringAsync(linked.Token).ConfigureAwait(false);
#else
            var text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
#endif
            Interlocked.Exchange(ref _lastSeenTicks, _time.GetUtcNow().UtcTicks);
            return new Reply((int)response.StatusCode, response.ReasonPhrase, response.Content.Headers.ContentType?.MediaType, text,
                response.Headers.Location);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new AnthiasUnreachableException($"no answer to {method} {ApiPath}{path} within {_timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s", ex);
        }
        catch (Exception ex) when (HttpFailure.IsConnectionFailure(ex))
        {
            throw new AnthiasUnreachableException($"{method} {ApiPath}{path}: {Describe(ex)}", ex);
        }
    }

    private CancellationTokenSource CreateTimeout() =>
#if NET8_0_OR_GREATER
        new(_timeout, _time);
#else
        TimeProviderTaskExtensions.CreateCancellationTokenSource(_time, _timeout);
#endif

    private JsonDocument Json(Reply reply, string method, string path, params int[] expected)
    {
        Expect(reply, method, path, expected);
        if (!reply.IsJson)
        {
            throw Failure(reply, method, path, $"answered {Describe(reply.MediaType)} where JSON was expected (is BaseUrl the Anthias device?)", "not_json");
        }

        try
        {
            return JsonDocument.Parse(reply.Text);
        }
        catch (JsonException)
        {
            throw Failure(reply, method, path, "answered a body that is not valid JSON", "not_json");
        }
    }

    private void Expect(Reply reply, string method, string path, params int[] expected)
    {
        if (expected.Contains(reply.Status))
        {
            return;
        }

        var status = reply.Status.ToString(CultureInfo.InvariantCulture) + (string.IsNullOrEmpty(reply.Reason) ? string.Empty : " " + reply.Reason);
        throw reply.Status switch
        {
            >= 300 and < 400 => Failure(reply, method, path,
                $"was redirected ({status}) to {reply.Location?.OriginalString ?? "another page"}: the device asks for a login; "
                + (_hasCredentials ? "the user name and password were not accepted" : "set User and Password"), "redirected"),
            401 or 403 => Failure(reply, method, path,
                $"was refused ({status}): " + (_hasCredentials ? "the device did not accept the user name and password" : "the device needs a user name and password (set User and Password)")
                + Detail(reply), reply.Status == 401 ? "unauthorized" : "forbidden"),
            404 => Failure(reply, method, path, $"answered {status}: not found" + Detail(reply), "not_found"),
            >= 500 => Failure(reply, method, path, $"answered {status}" + Detail(reply), "server_error"),
            _ => Failure(reply, method, path, $"answered {status}" + Detail(reply), reply.Status == 400 ? "bad_request" : "unexpected_status"),
        };
    }

    private BoardException Failure(Reply reply, string method, string path, string what, string errorCode) =>
        new($"{_system}: {method} {ApiPath}{path} {what}.")
        {
            System = _system,
            Channel = "boards",
            Status = reply.Status,
            ErrorCode = errorCode,
            IsTransient = reply.Status >= 500,
        };

    /// <summary>The device's own explanation: Django REST framework's <c>{"detail": …}</c> or field errors, or "an HTML page".</summary>
    private static string Detail(Reply reply)
    {
        if (string.IsNullOrWhiteSpace(reply.Text))
        {
            return string.Empty;
        }

        if (!reply.IsJson)
        {
            return " (" + Describe(reply.MediaType) + ")";
        }

        try
        {
            using var document = JsonDocument.Parse(reply.Text);
            var parts = new List<string>();
            Flatten(document.RootElement, null, parts);
            var joined = string.Join("; ", parts);
            return joined.Length == 0 ? string.Empty : " (" + Cut(joined) + ")";
        }
        catch (JsonException)
        {
            return " (a body that is not valid JSON)";
        }
    }

    private static void Flatten(JsonElement element, string? field, List<string> parts)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    var name = property.Name is "detail" or "error" or "non_field_errors" ? field : property.Name;
                    Flatten(property.Value, name, parts);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Flatten(item, field, parts);
                }

                break;
            case JsonValueKind.String:
                parts.Add(field is null ? element.GetString()! : field + ": " + element.GetString());
                break;
            default:
                parts.Add(field is null ? element.GetRawText() : field + ": " + element.GetRawText());
                break;
        }
    }

    private static string Describe(string? mediaType) => mediaType switch
    {
        null => "a body without a content type",
        _ when mediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase) => "an HTML page (text/html)",
        _ => mediaType,
    };

    private static string Describe(Exception exception)
    {
        var inner = exception is HttpRequestException ? exception.InnerException : exception;
        var message = inner is IOException or System.Net.Sockets.SocketException ? inner.Message : exception.Message;
        return string.IsNullOrWhiteSpace(message) ? "the connection failed" : Cut(message.Trim().TrimEnd('.'));
    }

    /// <summary>A URL for messages: scheme, host, port and path; a query (which may hold a key) is replaced by "?…".</summary>
    private static string Redacted(Uri uri) =>
        uri.GetLeftPart(UriPartial.Path) + (string.IsNullOrEmpty(uri.Query) ? string.Empty : "?…");

    private static string Cut(string value) => value.Length <= MaxDetail ? value : value.Substring(0, MaxDetail) + "…";

    private static string Iso(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static ByteArrayContent WriteJson(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }

        var content = new ByteArrayContent(buffer.ToArray());
        content.Headers.ContentType = JsonType;
        return content;
    }

    private sealed record Reply(int Status, string? Reason, string? MediaType, string Text, Uri? Location)
    {
        public bool IsJson => MediaType is not null
            && (MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || MediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
    }
}
