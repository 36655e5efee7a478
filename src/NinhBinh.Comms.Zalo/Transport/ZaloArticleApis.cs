using System;
using System.Globalization;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace NinhBinh.Comms.Zalo.Internal;

/// <summary>
/// Zalo's article endpoints (https://openapi.zalo.me/v2.0/article/*). Creation is at most once and always goes the
/// hand-written way (<see cref="ZaloDirectCalls"/>); the reads and repeatable writes go through Refit on net10.0
/// (<c>RefitZaloArticleApi</c>) and by hand on netstandard2.0 (<c>ManualZaloArticleApi</c>).
/// </summary>
internal interface IZaloArticleApi
{
    /// <summary>POST /v2.0/article/create; at most once.</summary>
    Task<ZaloEnvelope<ArticleTokenData>> CreateAsync(ArticleRequestDto body, string accessToken, string? appSecretProof, CancellationToken cancellationToken);

    Task<ZaloEnvelope<ArticleTokenData>> UpdateAsync(ArticleRequestDto body, string accessToken, string? appSecretProof, CancellationToken cancellationToken);

    Task<ZaloEnvelope<ArticleVerifyData>> VerifyAsync(ArticleTokenRequest body, string accessToken, string? appSecretProof, CancellationToken cancellationToken);

    Task<ZaloEnvelope<JsonElement>> RemoveAsync(ArticleIdRequest body, string accessToken, string? appSecretProof, CancellationToken cancellationToken);

    Task<ZaloEnvelope<ArticleSliceData>> GetSliceAsync(int offset, int limit, string type, string accessToken, string? appSecretProof, CancellationToken cancellationToken);

    Task<ZaloEnvelope<ArticleItemDto>> GetDetailAsync(string id, string accessToken, string? appSecretProof, CancellationToken cancellationToken);
}

/// <summary>The hand-written article calls, on every target: creation everywhere, everything on netstandard2.0.</summary>
internal sealed class ZaloArticleDirectCalls
{
    private readonly ZaloDirectCalls _direct;

    public ZaloArticleDirectCalls(HttpClient http) => _direct = new ZaloDirectCalls(http);

    public Task<ZaloEnvelope<ArticleTokenData>> CreateAsync(ArticleRequestDto body, string accessToken, string? appSecretProof, CancellationToken cancellationToken)
        => Post(ZaloEndpoint.CreateArticle, ZaloDirectCalls.Json(body, ZaloArticleJson.Wire.ArticleRequestDto), accessToken, appSecretProof, ZaloArticleJson.Wire.ZaloEnvelopeArticleTokenData, cancellationToken);

    public Task<ZaloEnvelope<ArticleTokenData>> UpdateAsync(ArticleRequestDto body, string accessToken, string? appSecretProof, CancellationToken cancellationToken)
        => Post(ZaloEndpoint.UpdateArticle, ZaloDirectCalls.Json(body, ZaloArticleJson.Wire.ArticleRequestDto), accessToken, appSecretProof, ZaloArticleJson.Wire.ZaloEnvelopeArticleTokenData, cancellationToken);

    public Task<ZaloEnvelope<ArticleVerifyData>> VerifyAsync(ArticleTokenRequest body, string accessToken, string? appSecretProof, CancellationToken cancellationToken)
        => Post(ZaloEndpoint.VerifyArticle, ZaloDirectCalls.Json(body, ZaloArticleJson.Wire.ArticleTokenRequest), accessToken, appSecretProof, ZaloArticleJson.Wire.ZaloEnvelopeArticleVerifyData, cancellationToken);

    public Task<ZaloEnvelope<JsonElement>> RemoveAsync(ArticleIdRequest body, string accessToken, string? appSecretProof, CancellationToken cancellationToken)
        => Post(ZaloEndpoint.RemoveArticle, ZaloDirectCalls.Json(body, ZaloArticleJson.Wire.ArticleIdRequest), accessToken, appSecretProof, ZaloArticleJson.Wire.ZaloEnvelopeJsonElement, cancellationToken);

    public Task<ZaloEnvelope<ArticleSliceData>> GetSliceAsync(int offset, int limit, string type, string accessToken, string? appSecretProof, CancellationToken cancellationToken)
        => Get(ZaloEndpoint.ListArticles, string.Format(CultureInfo.InvariantCulture, "offset={0}&limit={1}&type={2}", offset, limit, Uri.EscapeDataString(type)),
            accessToken, appSecretProof, ZaloArticleJson.Wire.ZaloEnvelopeArticleSliceData, cancellationToken);

    public Task<ZaloEnvelope<ArticleItemDto>> GetDetailAsync(string id, string accessToken, string? appSecretProof, CancellationToken cancellationToken)
        => Get(ZaloEndpoint.GetArticle, "id=" + Uri.EscapeDataString(id), accessToken, appSecretProof, ZaloArticleJson.Wire.ZaloEnvelopeArticleItemDto, cancellationToken);

    private Task<T> Get<T>(ZaloEndpoint endpoint, string query, string accessToken, string? proof, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
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

#if !NET
/// <summary>netstandard2.0 (Refit has no build for it): every article endpoint written by hand.</summary>
internal sealed class ManualZaloArticleApi : IZaloArticleApi
{
    private readonly ZaloArticleDirectCalls _direct;

    public ManualZaloArticleApi(HttpClient http) => _direct = new ZaloArticleDirectCalls(http);

    public Task<ZaloEnvelope<ArticleTokenData>> CreateAsync(ArticleRequestDto body, string accessToken, string? appSecretProof, CancellationToken cancellationToken)
        => _direct.CreateAsync(body, accessToken, appSecretProof, cancellationToken);

    public Task<ZaloEnvelope<ArticleTokenData>> UpdateAsync(ArticleRequestDto body, string accessToken, string? appSecretProof, CancellationToken cancellationToken)
        => _direct.UpdateAsync(body, accessToken, appSecretProof, cancellationToken);

    public Task<ZaloEnvelope<ArticleVerifyData>> VerifyAsync(ArticleTokenRequest body, string accessToken, string? appSecretProof, CancellationToken cancellationToken)
        => _direct.VerifyAsync(body, accessToken, appSecretProof, cancellationToken);

    public Task<ZaloEnvelope<JsonElement>> RemoveAsync(ArticleIdRequest body, string accessToken, string? appSecretProof, CancellationToken cancellationToken)
        => _direct.RemoveAsync(body, accessToken, appSecretProof, cancellationToken);

    public Task<ZaloEnvelope<ArticleSliceData>> GetSliceAsync(int offset, int limit, string type, string accessToken, string? appSecretProof, CancellationToken cancellationToken)
        => _direct.GetSliceAsync(offset, limit, type, accessToken, appSecretProof, cancellationToken);

    public Task<ZaloEnvelope<ArticleItemDto>> GetDetailAsync(string id, string accessToken, string? appSecretProof, CancellationToken cancellationToken)
        => _direct.GetDetailAsync(id, accessToken, appSecretProof, cancellationToken);
}
#endif
