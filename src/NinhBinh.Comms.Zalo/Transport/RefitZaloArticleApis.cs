#if NET
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Refit;

namespace NinhBinh.Comms.Zalo.Internal;

/// <summary>The article reads and repeatable writes as a Refit interface (generated at build time), stating each request's safety.</summary>
internal interface IZaloArticleApiRefit
{
    [Post("/v2.0/article/update")]
    Task<IApiResponse<ZaloEnvelope<ArticleTokenData>>> UpdateAsync(
        [Body] ArticleRequestDto body,
        [Header("access_token")] string accessToken,
        [Header("appsecret_proof")] string? appSecretProof,
        [Property(ZaloRequestOptions.SafetyKey)] ZaloRequestSafety safety,
        CancellationToken cancellationToken);

    [Post("/v2.0/article/verify")]
    Task<IApiResponse<ZaloEnvelope<ArticleVerifyData>>> VerifyAsync(
        [Body] ArticleTokenRequest body,
        [Header("access_token")] string accessToken,
        [Header("appsecret_proof")] string? appSecretProof,
        [Property(ZaloRequestOptions.SafetyKey)] ZaloRequestSafety safety,
        CancellationToken cancellationToken);

    [Post("/v2.0/article/remove")]
    Task<IApiResponse<ZaloEnvelope<JsonElement>>> RemoveAsync(
        [Body] ArticleIdRequest body,
        [Header("access_token")] string accessToken,
        [Header("appsecret_proof")] string? appSecretProof,
        [Property(ZaloRequestOptions.SafetyKey)] ZaloRequestSafety safety,
        CancellationToken cancellationToken);

    [Get("/v2.0/article/getslice")]
    Task<IApiResponse<ZaloEnvelope<ArticleSliceData>>> GetSliceAsync(
        [Query] int offset,
        [Query] int limit,
        [Query] string type,
        [Header("access_token")] string accessToken,
        [Header("appsecret_proof")] string? appSecretProof,
        [Property(ZaloRequestOptions.SafetyKey)] ZaloRequestSafety safety,
        CancellationToken cancellationToken);

    [Get("/v2.0/article/getdetail")]
    Task<IApiResponse<ZaloEnvelope<ArticleItemDto>>> GetDetailAsync(
        [Query] string id,
        [Header("access_token")] string accessToken,
        [Header("appsecret_proof")] string? appSecretProof,
        [Property(ZaloRequestOptions.SafetyKey)] ZaloRequestSafety safety,
        CancellationToken cancellationToken);
}

/// <summary>net10.0: Refit for the article reads and repeatable writes; creation (at most once) by hand.</summary>
internal sealed class RefitZaloArticleApi : IZaloArticleApi
{
    private static readonly RefitSettings Settings = new(new SystemTextJsonContentSerializer(ZaloArticleJson.Wire.Options));

    private readonly IZaloArticleApiRefit _refit;
    private readonly ZaloArticleDirectCalls _direct;

    public RefitZaloArticleApi(HttpClient http)
    {
        _refit = RestService.ForGenerated<IZaloArticleApiRefit>(http, Settings);
        _direct = new ZaloArticleDirectCalls(http);
    }

    public Task<ZaloEnvelope<ArticleTokenData>> CreateAsync(ArticleRequestDto body, string accessToken, string? appSecretProof, CancellationToken cancellationToken)
        => _direct.CreateAsync(body, accessToken, appSecretProof, cancellationToken);

    public async Task<ZaloEnvelope<ArticleTokenData>> UpdateAsync(ArticleRequestDto body, string accessToken, string? appSecretProof, CancellationToken cancellationToken)
        => RefitZaloOpenApi.Read(await _refit.UpdateAsync(body, accessToken, appSecretProof, ZaloEndpoint.UpdateArticle.Safety, cancellationToken).ConfigureAwait(false), ZaloEndpoint.UpdateArticle);

    public async Task<ZaloEnvelope<ArticleVerifyData>> VerifyAsync(ArticleTokenRequest body, string accessToken, string? appSecretProof, CancellationToken cancellationToken)
        => RefitZaloOpenApi.Read(await _refit.VerifyAsync(body, accessToken, appSecretProof, ZaloEndpoint.VerifyArticle.Safety, cancellationToken).ConfigureAwait(false), ZaloEndpoint.VerifyArticle);

    public async Task<ZaloEnvelope<JsonElement>> RemoveAsync(ArticleIdRequest body, string accessToken, string? appSecretProof, CancellationToken cancellationToken)
        => RefitZaloOpenApi.Read(await _refit.RemoveAsync(body, accessToken, appSecretProof, ZaloEndpoint.RemoveArticle.Safety, cancellationToken).ConfigureAwait(false), ZaloEndpoint.RemoveArticle);

    public async Task<ZaloEnvelope<ArticleSliceData>> GetSliceAsync(int offset, int limit, string type, string accessToken, string? appSecretProof, CancellationToken cancellationToken)
        => RefitZaloOpenApi.Read(await _refit.GetSliceAsync(offset, limit, type, accessToken, appSecretProof, ZaloEndpoint.ListArticles.Safety, cancellationToken).ConfigureAwait(false), ZaloEndpoint.ListArticles);

    public async Task<ZaloEnvelope<ArticleItemDto>> GetDetailAsync(string id, string accessToken, string? appSecretProof, CancellationToken cancellationToken)
        => RefitZaloOpenApi.Read(await _refit.GetDetailAsync(id, accessToken, appSecretProof, ZaloEndpoint.GetArticle.Safety, cancellationToken).ConfigureAwait(false), ZaloEndpoint.GetArticle);
}
#endif
