using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;

namespace NinhBinh.Comms.Zalo.Internal;

/// <summary>
/// The hand-written request paths, on every target: message sends (the hot path: no Refit layers, URIs built once,
/// the body serialized once as UTF-8 with the source-generated context, the response read from its buffer) and
/// token grants. Each request carries its <see cref="ZaloRequestSafety"/> from <see cref="ZaloEndpoint"/>.
/// </summary>
internal sealed class ZaloDirectCalls
{
    private static readonly MediaTypeHeaderValue JsonType = MediaTypeHeaderValue.Parse("application/json; charset=utf-8");

    private readonly HttpClient _http;
    private readonly Dictionary<ZaloEndpoint, Uri> _uris = new();

    public ZaloDirectCalls(HttpClient http)
    {
        _http = http;
        var baseAddress = http.BaseAddress ?? throw new ArgumentException("The HttpClient needs a BaseAddress.", nameof(http));
        foreach (var endpoint in ZaloEndpoint.All)
        {
            _uris[endpoint] = new Uri(baseAddress, endpoint.Path);
        }
    }

    public HttpClient Http => _http;

    /// <summary>A request to <paramref name="endpoint"/> on this client's host, marked with the endpoint's safety.</summary>
    public HttpRequestMessage CreateRequest(ZaloEndpoint endpoint, string? query = null)
    {
        var uri = _uris[endpoint];
        return new ZaloRequestMessage(endpoint.Method, query is null ? uri : new Uri(uri.OriginalString + "?" + query), endpoint.Safety);
    }

    public static void AddToken(HttpRequestMessage request, string accessToken, string? appSecretProof)
    {
        request.Headers.TryAddWithoutValidation("access_token", accessToken);
        if (appSecretProof is not null)
        {
            request.Headers.TryAddWithoutValidation("appsecret_proof", appSecretProof);
        }
    }

    /// <summary>A JSON body: UTF-8 (Vietnamese letters as themselves, not <c>\uXXXX</c>), with its length.</summary>
    public static HttpContent Json<T>(T value, JsonTypeInfo<T> typeInfo)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(value, typeInfo));
        content.Headers.ContentType = JsonType;
        return content;
    }

    /// <summary>
    /// The message-send exchange alone: the caller reads the answer with <see cref="ReadMessageAnswer"/> in its own
    /// frame (the hot path: <see cref="ZaloClientCore"/> awaits the response itself).
    /// </summary>
    public Task<HttpResponseMessage> ExchangeMessageAsync(ZaloEndpoint endpoint, SendMessageRequest body, string accessToken, string? appSecretProof, CancellationToken cancellationToken)
        => _http.SendAsync(MessageRequest(endpoint, body, accessToken, appSecretProof), HttpCompletionOption.ResponseHeadersRead, cancellationToken);

    /// <summary>Reads the answer of <see cref="ExchangeMessageAsync"/>; the response and its request are disposed.</summary>
    public static ZaloEnvelope<SendMessageData> ReadMessageAnswer(HttpResponseMessage response, ZaloEndpoint endpoint)
    {
        using (response.RequestMessage)
        {
            return Read(response, ZaloJson.Wire.ZaloEnvelopeSendMessageData, endpoint.Name);
        }
    }

    private HttpRequestMessage MessageRequest(ZaloEndpoint endpoint, SendMessageRequest body, string accessToken, string? appSecretProof)
    {
        var request = CreateRequest(endpoint);
        AddToken(request, accessToken, appSecretProof);
        request.Content = Json(body, ZaloJson.Wire.SendMessageRequest);
        return request;
    }

    /// <summary>
    /// A multipart upload (field <c>file</c>). The parts are byte arrays, so a repeated attempt of the same request
    /// serializes the whole body again; the multipart Content-Type and its boundary are set by the content itself.
    /// </summary>
    public Task<ZaloEnvelope<UploadData>> UploadAsync(ZaloEndpoint endpoint, string fileName, byte[] content, string accessToken, string? appSecretProof, CancellationToken cancellationToken)
    {
        var request = CreateRequest(endpoint);
        AddToken(request, accessToken, appSecretProof);
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(MediaType(fileName));
        var multipart = new MultipartFormDataContent { { file, "file", fileName } };
        request.Content = multipart;
        return SendAsync(request, ZaloJson.Wire.ZaloEnvelopeUploadData, endpoint.Name, cancellationToken);
    }

    private static string MediaType(string fileName)
        => System.IO.Path.GetExtension(fileName).ToUpperInvariant() switch
        {
            ".JPG" or ".JPEG" => "image/jpeg",
            ".PNG" => "image/png",
            ".GIF" => "image/gif",
            ".PDF" => "application/pdf",
            ".DOC" => "application/msword",
            ".DOCX" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            _ => "application/octet-stream",
        };

    public Task<OAuthTokenResponse> RequestTokenAsync(string secretKey, IReadOnlyList<KeyValuePair<string, string>> form, CancellationToken cancellationToken)
    {
        var request = CreateRequest(ZaloEndpoint.AccessToken);
        request.Headers.TryAddWithoutValidation("secret_key", secretKey);
        request.Content = new FormUrlEncodedContent(form);
        return SendAsync(request, ZaloJson.Wire.OAuthTokenResponse, ZaloEndpoint.AccessToken.Name, cancellationToken);
    }

    /// <summary>Sends a request built here and reads its body; the request is disposed when done.</summary>
    public async Task<T> SendAsync<T>(HttpRequestMessage request, JsonTypeInfo<T> typeInfo, string operation, CancellationToken cancellationToken)
    {
        using (request)
        {
            var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            return Read(response, typeInfo, operation);
        }
    }

    /// <summary>
    /// Reads an answer whose successful body the pipeline (<see cref="ZaloHttpHandler"/>) has already read into memory
    /// under the attempt timeout: no async layer, the bytes are there. The response is disposed.
    /// </summary>
    public static T Read<T>(HttpResponseMessage response, JsonTypeInfo<T> typeInfo, string operation)
    {
        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw ZaloResponseReader.HttpFailure(response, operation);
            }

#if NET
            var stream = response.Content.ReadAsStream();
#else
            var stream = response.Content.ReadAsStreamAsync().GetAwaiter().GetResult(); // buffered: completes at once
#endif
            return ZaloResponseReader.Deserialize(stream, typeInfo, (int)response.StatusCode, operation);
        }
    }
}
