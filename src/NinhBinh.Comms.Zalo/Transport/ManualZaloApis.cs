#if !NET
using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace NinhBinh.Comms.Zalo.Internal;

/// <summary>netstandard2.0 implementation of <see cref="IZaloOAuthApi"/> (Refit has no netstandard2.0 build).</summary>
internal sealed class ManualZaloOAuthApi : IZaloOAuthApi
{
    private readonly HttpClient _http;

    public ManualZaloOAuthApi(HttpClient http) => _http = http;

    public Task<HttpResponseMessage> RequestTokenAsync(string secretKey, HttpContent form, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "v4/oa/access_token") { Content = form };
        request.Headers.TryAddWithoutValidation("secret_key", secretKey);
        return _http.SendAsync(request, cancellationToken);
    }
}

/// <summary>netstandard2.0 implementation of <see cref="IZaloOpenApi"/> (Refit has no netstandard2.0 build).</summary>
internal sealed class ManualZaloOpenApi : IZaloOpenApi
{
    private readonly HttpClient _http;

    public ManualZaloOpenApi(HttpClient http) => _http = http;

    public Task<HttpResponseMessage> SendMessageAsync(string kind, HttpContent body, string accessToken, string? appSecretProof, CancellationToken cancellationToken)
        => Send(HttpMethod.Post, "v3.0/oa/message/" + Uri.EscapeDataString(kind), body, accessToken, appSecretProof, cancellationToken);

    public Task<HttpResponseMessage> GetFollowersAsync(string data, string accessToken, string? appSecretProof, CancellationToken cancellationToken)
        => Send(HttpMethod.Get, "v3.0/oa/user/getlist?data=" + Uri.EscapeDataString(data), null, accessToken, appSecretProof, cancellationToken);

    public Task<HttpResponseMessage> GetUserDetailAsync(string data, string accessToken, string? appSecretProof, CancellationToken cancellationToken)
        => Send(HttpMethod.Get, "v3.0/oa/user/detail?data=" + Uri.EscapeDataString(data), null, accessToken, appSecretProof, cancellationToken);

    public Task<HttpResponseMessage> UpdateUserAsync(HttpContent body, string accessToken, string? appSecretProof, CancellationToken cancellationToken)
        => Send(HttpMethod.Post, "v3.0/oa/user/update", body, accessToken, appSecretProof, cancellationToken);

    public Task<HttpResponseMessage> TagOperationAsync(string operation, HttpContent body, string accessToken, string? appSecretProof, CancellationToken cancellationToken)
        => Send(HttpMethod.Post, "v2.0/oa/tag/" + Uri.EscapeDataString(operation), body, accessToken, appSecretProof, cancellationToken);

    public Task<HttpResponseMessage> GetTagsAsync(string accessToken, string? appSecretProof, CancellationToken cancellationToken)
        => Send(HttpMethod.Get, "v2.0/oa/tag/gettagsofoa", null, accessToken, appSecretProof, cancellationToken);

    public Task<HttpResponseMessage> GetQuotaV3Async(HttpContent body, string accessToken, string? appSecretProof, CancellationToken cancellationToken)
        => Send(HttpMethod.Post, "v3.0/oa/quota/message", body, accessToken, appSecretProof, cancellationToken);

    public Task<HttpResponseMessage> GetQuotaV2Async(HttpContent body, string accessToken, string? appSecretProof, CancellationToken cancellationToken)
        => Send(HttpMethod.Post, "v2.0/oa/quota/message", body, accessToken, appSecretProof, cancellationToken);

    public Task<HttpResponseMessage> GetOfficialAccountAsync(string accessToken, string? appSecretProof, CancellationToken cancellationToken)
        => Send(HttpMethod.Get, "v2.0/oa/getoa", null, accessToken, appSecretProof, cancellationToken);

    private Task<HttpResponseMessage> Send(HttpMethod method, string path, HttpContent? content, string accessToken, string? proof, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.TryAddWithoutValidation("access_token", accessToken);
        if (proof is not null)
        {
            request.Headers.TryAddWithoutValidation("appsecret_proof", proof);
        }

        return _http.SendAsync(request, cancellationToken);
    }
}
#endif
