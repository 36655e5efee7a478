using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Refit;

namespace NinhBinh.Comms.Zalo.Internal;

// The Zalo endpoints as typed Refit interfaces, generated at build time on net10.0. The netstandard2.0 build, which
// Refit does not support, compiles the same interfaces against no-op attributes (RefitShim.cs) and implements them
// by hand (ManualZaloApis.cs). Responses come back raw so that ZaloResponseReader can turn HTTP-200 error envelopes
// into typed exceptions in one place.

/// <summary>OAuth v4 for Official Accounts (https://oauth.zaloapp.com).</summary>
internal interface IZaloOAuthApi
{
    [Post("/v4/oa/access_token")]
    Task<HttpResponseMessage> RequestTokenAsync(
        [Header("secret_key")] string secretKey,
        [Body] HttpContent form,
        CancellationToken cancellationToken);
}

/// <summary>The OA Open API (https://openapi.zalo.me).</summary>
internal interface IZaloOpenApi
{
    [Post("/v3.0/oa/message/{kind}")]
    Task<HttpResponseMessage> SendMessageAsync(
        string kind,
        [Body] HttpContent body,
        [Header("access_token")] string accessToken,
        [Header("appsecret_proof")] string? appSecretProof,
        CancellationToken cancellationToken);

    [Get("/v3.0/oa/user/getlist")]
    Task<HttpResponseMessage> GetFollowersAsync(
        [Query] string data,
        [Header("access_token")] string accessToken,
        [Header("appsecret_proof")] string? appSecretProof,
        CancellationToken cancellationToken);

    [Get("/v3.0/oa/user/detail")]
    Task<HttpResponseMessage> GetUserDetailAsync(
        [Query] string data,
        [Header("access_token")] string accessToken,
        [Header("appsecret_proof")] string? appSecretProof,
        CancellationToken cancellationToken);

    [Post("/v3.0/oa/user/update")]
    Task<HttpResponseMessage> UpdateUserAsync(
        [Body] HttpContent body,
        [Header("access_token")] string accessToken,
        [Header("appsecret_proof")] string? appSecretProof,
        CancellationToken cancellationToken);

    [Post("/v2.0/oa/tag/{operation}")]
    Task<HttpResponseMessage> TagOperationAsync(
        string operation,
        [Body] HttpContent body,
        [Header("access_token")] string accessToken,
        [Header("appsecret_proof")] string? appSecretProof,
        CancellationToken cancellationToken);

    [Get("/v2.0/oa/tag/gettagsofoa")]
    Task<HttpResponseMessage> GetTagsAsync(
        [Header("access_token")] string accessToken,
        [Header("appsecret_proof")] string? appSecretProof,
        CancellationToken cancellationToken);

    [Post("/v3.0/oa/quota/message")]
    Task<HttpResponseMessage> GetQuotaV3Async(
        [Body] HttpContent body,
        [Header("access_token")] string accessToken,
        [Header("appsecret_proof")] string? appSecretProof,
        CancellationToken cancellationToken);

    [Post("/v2.0/oa/quota/message")]
    Task<HttpResponseMessage> GetQuotaV2Async(
        [Body] HttpContent body,
        [Header("access_token")] string accessToken,
        [Header("appsecret_proof")] string? appSecretProof,
        CancellationToken cancellationToken);

    [Get("/v2.0/oa/getoa")]
    Task<HttpResponseMessage> GetOfficialAccountAsync(
        [Header("access_token")] string accessToken,
        [Header("appsecret_proof")] string? appSecretProof,
        CancellationToken cancellationToken);
}
