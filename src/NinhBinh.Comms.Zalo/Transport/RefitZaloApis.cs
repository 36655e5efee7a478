#if NET
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Refit;

namespace NinhBinh.Comms.Zalo.Internal;

/// <summary>
/// The OA Open API's reads and idempotent writes as a Refit interface (generated at build time): Refit builds each
/// request, serializes typed bodies and deserializes Zalo's envelope with the source-generated context, and states
/// the request's safety through a <c>[Property]</c> the SDK's pipeline reads.
/// </summary>
internal interface IZaloOpenApiRefit
{
    [Get("/v3.0/oa/user/getlist")]
    Task<IApiResponse<ZaloEnvelope<FollowerListData>>> GetFollowersAsync(
        [Query] string data,
        [Header("access_token")] string accessToken,
        [Header("appsecret_proof")] string? appSecretProof,
        [Property(ZaloRequestOptions.SafetyKey)] ZaloRequestSafety safety,
        CancellationToken cancellationToken);

    [Get("/v3.0/oa/user/detail")]
    Task<IApiResponse<ZaloEnvelope<UserDetailData>>> GetUserDetailAsync(
        [Query] string data,
        [Header("access_token")] string accessToken,
        [Header("appsecret_proof")] string? appSecretProof,
        [Property(ZaloRequestOptions.SafetyKey)] ZaloRequestSafety safety,
        CancellationToken cancellationToken);

    [Post("/v3.0/oa/user/update")]
    Task<IApiResponse<ZaloEnvelope<JsonElement>>> UpdateUserAsync(
        [Body] UpdateUserRequest body,
        [Header("access_token")] string accessToken,
        [Header("appsecret_proof")] string? appSecretProof,
        [Property(ZaloRequestOptions.SafetyKey)] ZaloRequestSafety safety,
        CancellationToken cancellationToken);

    [Post("/v2.0/oa/tag/{operation}")]
    Task<IApiResponse<ZaloEnvelope<JsonElement>>> TagOperationAsync(
        string operation,
        [Body] TagRequest body,
        [Header("access_token")] string accessToken,
        [Header("appsecret_proof")] string? appSecretProof,
        [Property(ZaloRequestOptions.SafetyKey)] ZaloRequestSafety safety,
        CancellationToken cancellationToken);

    [Get("/v2.0/oa/tag/gettagsofoa")]
    Task<IApiResponse<ZaloEnvelope<List<string>>>> GetTagsAsync(
        [Header("access_token")] string accessToken,
        [Header("appsecret_proof")] string? appSecretProof,
        [Property(ZaloRequestOptions.SafetyKey)] ZaloRequestSafety safety,
        CancellationToken cancellationToken);

    [Post("/v3.0/oa/quota/message")]
    Task<IApiResponse<ZaloEnvelope<QuotaV3Data>>> GetQuotaV3Async(
        [Body] UserIdQuery body,
        [Header("access_token")] string accessToken,
        [Header("appsecret_proof")] string? appSecretProof,
        [Property(ZaloRequestOptions.SafetyKey)] ZaloRequestSafety safety,
        CancellationToken cancellationToken);

    [Post("/v2.0/oa/quota/message")]
    Task<IApiResponse<ZaloEnvelope<QuotaV2Data>>> GetQuotaV2Async(
        [Body] QuotaV2Request body,
        [Header("access_token")] string accessToken,
        [Header("appsecret_proof")] string? appSecretProof,
        [Property(ZaloRequestOptions.SafetyKey)] ZaloRequestSafety safety,
        CancellationToken cancellationToken);

    [Get("/v2.0/oa/getoa")]
    Task<IApiResponse<ZaloEnvelope<OaInfoData>>> GetOfficialAccountAsync(
        [Header("access_token")] string accessToken,
        [Header("appsecret_proof")] string? appSecretProof,
        [Property(ZaloRequestOptions.SafetyKey)] ZaloRequestSafety safety,
        CancellationToken cancellationToken);
}

/// <summary>net10.0: Refit for the reads and idempotent writes, the hand-written path for message sends.</summary>
internal sealed class RefitZaloOpenApi : IZaloOpenApi
{
    private static readonly RefitSettings Settings = new(new SystemTextJsonContentSerializer(ZaloJson.Wire.Options));

    private readonly IZaloOpenApiRefit _refit;
    private readonly ZaloDirectCalls _direct;

    public RefitZaloOpenApi(HttpClient http)
    {
        _refit = RestService.ForGenerated<IZaloOpenApiRefit>(http, Settings);
        _direct = new ZaloDirectCalls(http);
        Articles = new RefitZaloArticleApi(http);
    }

    public IZaloArticleApi Articles { get; }

    public Task<System.Net.Http.HttpResponseMessage> ExchangeMessageAsync(ZaloEndpoint endpoint, SendMessageRequest body, string accessToken, string? appSecretProof, CancellationToken cancellationToken)
        => _direct.ExchangeMessageAsync(endpoint, body, accessToken, appSecretProof, cancellationToken);

    public Task<ZaloEnvelope<UploadData>> UploadAsync(ZaloEndpoint endpoint, string fileName, byte[] content, string accessToken, string? appSecretProof, CancellationToken cancellationToken)
        => _direct.UploadAsync(endpoint, fileName, content, accessToken, appSecretProof, cancellationToken);

    public async Task<ZaloEnvelope<FollowerListData>> GetFollowersAsync(string data, string accessToken, string? appSecretProof, CancellationToken cancellationToken)
        => Read(await _refit.GetFollowersAsync(data, accessToken, appSecretProof, ZaloEndpoint.ListFollowers.Safety, cancellationToken).ConfigureAwait(false), ZaloEndpoint.ListFollowers);

    public async Task<ZaloEnvelope<UserDetailData>> GetUserDetailAsync(string data, string accessToken, string? appSecretProof, CancellationToken cancellationToken)
        => Read(await _refit.GetUserDetailAsync(data, accessToken, appSecretProof, ZaloEndpoint.GetUser.Safety, cancellationToken).ConfigureAwait(false), ZaloEndpoint.GetUser);

    public async Task<ZaloEnvelope<JsonElement>> UpdateUserAsync(UpdateUserRequest body, string accessToken, string? appSecretProof, CancellationToken cancellationToken)
        => Read(await _refit.UpdateUserAsync(body, accessToken, appSecretProof, ZaloEndpoint.UpdateUser.Safety, cancellationToken).ConfigureAwait(false), ZaloEndpoint.UpdateUser);

    public async Task<ZaloEnvelope<JsonElement>> TagOperationAsync(ZaloEndpoint endpoint, TagRequest body, string accessToken, string? appSecretProof, CancellationToken cancellationToken)
    {
        var operation = endpoint.Path.Substring(endpoint.Path.LastIndexOf('/') + 1);
        return Read(await _refit.TagOperationAsync(operation, body, accessToken, appSecretProof, endpoint.Safety, cancellationToken).ConfigureAwait(false), endpoint);
    }

    public async Task<ZaloEnvelope<List<string>>> GetTagsAsync(string accessToken, string? appSecretProof, CancellationToken cancellationToken)
        => Read(await _refit.GetTagsAsync(accessToken, appSecretProof, ZaloEndpoint.ListTags.Safety, cancellationToken).ConfigureAwait(false), ZaloEndpoint.ListTags);

    public async Task<ZaloEnvelope<QuotaV3Data>> GetQuotaV3Async(UserIdQuery body, string accessToken, string? appSecretProof, CancellationToken cancellationToken)
        => Read(await _refit.GetQuotaV3Async(body, accessToken, appSecretProof, ZaloEndpoint.UserQuota.Safety, cancellationToken).ConfigureAwait(false), ZaloEndpoint.UserQuota);

    public async Task<ZaloEnvelope<QuotaV2Data>> GetQuotaV2Async(QuotaV2Request body, string accessToken, string? appSecretProof, CancellationToken cancellationToken)
        => Read(await _refit.GetQuotaV2Async(body, accessToken, appSecretProof, ZaloEndpoint.Quota.Safety, cancellationToken).ConfigureAwait(false), ZaloEndpoint.Quota);

    public async Task<ZaloEnvelope<OaInfoData>> GetOfficialAccountAsync(string accessToken, string? appSecretProof, CancellationToken cancellationToken)
        => Read(await _refit.GetOfficialAccountAsync(accessToken, appSecretProof, ZaloEndpoint.OfficialAccountInfo.Safety, cancellationToken).ConfigureAwait(false), ZaloEndpoint.OfficialAccountInfo);

    /// <summary>Refit's answer as the envelope, or the failure as the SDK reports it (transport failures rethrown as themselves).</summary>
    internal static T Read<T>(IApiResponse<T> response, ZaloEndpoint endpoint)
        where T : class
    {
        using (response)
        {
            if (response.HasRequestError(out var requestError))
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(requestError!.InnerException ?? requestError).Throw();
            }

            var status = (int)response.StatusCode.GetValueOrDefault();
            if (!response.IsSuccessStatusCode)
            {
                throw ZaloResponseReader.HttpFailure(status, response.ReasonPhrase, ZaloResponseReader.GetRetryAfter(response.Headers), endpoint.Name);
            }

            if (response.Error is { } error)
            {
                throw new ZaloException($"Zalo answered {endpoint.Name} with a body that is not the expected JSON.", error.InnerException ?? error) { Status = status };
            }

            var answer = response.Content ?? throw new ZaloException($"Zalo answered {endpoint.Name} with an empty body.") { Status = status };
            if (answer is IZaloAnswer withStatus)
            {
                withStatus.HttpStatus = status;
            }

            return answer;
        }
    }
}

/// <summary>net10.0: token grants on the hand-written path (at most once, never through Refit).</summary>
internal sealed class DirectZaloOAuthApi : IZaloOAuthApi
{
    private readonly ZaloDirectCalls _direct;

    public DirectZaloOAuthApi(HttpClient http) => _direct = new ZaloDirectCalls(http);

    public Task<OAuthTokenResponse> RequestTokenAsync(string secretKey, IReadOnlyList<KeyValuePair<string, string>> form, CancellationToken cancellationToken)
        => _direct.RequestTokenAsync(secretKey, form, cancellationToken);
}
#endif
