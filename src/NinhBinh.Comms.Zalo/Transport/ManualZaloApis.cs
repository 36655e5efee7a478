#if !NET
using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace NinhBinh.Comms.Zalo.Internal;

/// <summary>netstandard2.0 (Refit has no build for it): token grants on the hand-written path.</summary>
internal sealed class ManualZaloOAuthApi : IZaloOAuthApi
{
    private readonly ZaloDirectCalls _direct;

    public ManualZaloOAuthApi(HttpClient http) => _direct = new ZaloDirectCalls(http);

    public Task<OAuthTokenResponse> RequestTokenAsync(string secretKey, IReadOnlyList<KeyValuePair<string, string>> form, CancellationToken cancellationToken)
        => _direct.RequestTokenAsync(secretKey, form, cancellationToken);
}

/// <summary>netstandard2.0 (Refit has no build for it): every OA Open API endpoint written by hand.</summary>
internal sealed class ManualZaloOpenApi : IZaloOpenApi
{
    private readonly ZaloDirectCalls _direct;

    public ManualZaloOpenApi(HttpClient http)
    {
        _direct = new ZaloDirectCalls(http);
        Articles = new ManualZaloArticleApi(http);
    }

    public IZaloArticleApi Articles { get; }

    public Task<System.Net.Http.HttpResponseMessage> ExchangeMessageAsync(ZaloEndpoint endpoint, SendMessageRequest body, string accessToken, string? appSecretProof, CancellationToken cancellationToken)
        => _direct.ExchangeMessageAsync(endpoint, body, accessToken, appSecretProof, cancellationToken);

    public Task<ZaloEnvelope<UploadData>> UploadAsync(ZaloEndpoint endpoint, string fileName, byte[] content, string accessToken, string? appSecretProof, CancellationToken cancellationToken)
        => _direct.UploadAsync(endpoint, fileName, content, accessToken, appSecretProof, cancellationToken);

    public Task<ZaloEnvelope<FollowerListData>> GetFollowersAsync(string data, string accessToken, string? appSecretProof, CancellationToken cancellationToken)
        => Get(ZaloEndpoint.ListFollowers, "data=" + Uri.EscapeDataString(data), accessToken, appSecretProof, ZaloJson.Wire.ZaloEnvelopeFollowerListData, cancellationToken);

    public Task<ZaloEnvelope<UserDetailData>> GetUserDetailAsync(string data, string accessToken, string? appSecretProof, CancellationToken cancellationToken)
        => Get(ZaloEndpoint.GetUser, "data=" + Uri.EscapeDataString(data), accessToken, appSecretProof, ZaloJson.Wire.ZaloEnvelopeUserDetailData, cancellationToken);

    public Task<ZaloEnvelope<JsonElement>> UpdateUserAsync(UpdateUserRequest body, string accessToken, string? appSecretProof, CancellationToken cancellationToken)
        => Post(ZaloEndpoint.UpdateUser, ZaloDirectCalls.Json(body, ZaloJson.Wire.UpdateUserRequest), accessToken, appSecretProof, ZaloJson.Wire.ZaloEnvelopeJsonElement, cancellationToken);

    public Task<ZaloEnvelope<JsonElement>> TagOperationAsync(ZaloEndpoint endpoint, TagRequest body, string accessToken, string? appSecretProof, CancellationToken cancellationToken)
        => Post(endpoint, ZaloDirectCalls.Json(body, ZaloJson.Wire.TagRequest), accessToken, appSecretProof, ZaloJson.Wire.ZaloEnvelopeJsonElement, cancellationToken);

    public Task<ZaloEnvelope<List<string>>> GetTagsAsync(string accessToken, string? appSecretProof, CancellationToken cancellationToken)
        => Get(ZaloEndpoint.ListTags, null, accessToken, appSecretProof, ZaloJson.Wire.ZaloEnvelopeListString, cancellationToken);

    public Task<ZaloEnvelope<QuotaV3Data>> GetQuotaV3Async(UserIdQuery body, string accessToken, string? appSecretProof, CancellationToken cancellationToken)
        => Post(ZaloEndpoint.UserQuota, ZaloDirectCalls.Json(body, ZaloJson.Wire.UserIdQuery), accessToken, appSecretProof, ZaloJson.Wire.ZaloEnvelopeQuotaV3Data, cancellationToken);

    public Task<ZaloEnvelope<QuotaV2Data>> GetQuotaV2Async(QuotaV2Request body, string accessToken, string? appSecretProof, CancellationToken cancellationToken)
        => Post(ZaloEndpoint.Quota, ZaloDirectCalls.Json(body, ZaloJson.Wire.QuotaV2Request), accessToken, appSecretProof, ZaloJson.Wire.ZaloEnvelopeQuotaV2Data, cancellationToken);

    public Task<ZaloEnvelope<OaInfoData>> GetOfficialAccountAsync(string accessToken, string? appSecretProof, CancellationToken cancellationToken)
        => Get(ZaloEndpoint.OfficialAccountInfo, null, accessToken, appSecretProof, ZaloJson.Wire.ZaloEnvelopeOaInfoData, cancellationToken);

    private Task<T> Get<T>(ZaloEndpoint endpoint, string? query, string accessToken, string? proof, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        var request = _direct.CreateRequest(endpoint, query);
        ZaloDirectCalls.AddToken(request, accessToken, proof);
        return _direct.SendAsync(request, typeInfo, endpoint.Name, cancellationToken);
    }

    private Task<T> Post<T>(ZaloEndpoint endpoint, HttpContent body, string accessToken, string? proof, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        var request = _direct.CreateRequest(endpoint);
        ZaloDirectCalls.AddToken(request, accessToken, proof);
        request.Content = body;
        return _direct.SendAsync(request, typeInfo, endpoint.Name, cancellationToken);
    }
}
#endif
