#if NET
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Refit;

namespace NinhBinh.Comms.Zalo.Internal;

/// <summary>The business API's reads as a Refit interface (generated at build time), with the request's safety as a property.</summary>
internal interface IZaloBusinessApiRefit
{
    [Get("/template/info/v2")]
    Task<IApiResponse<ZaloEnvelope<ZnsTemplateData>>> GetTemplateInfoAsync(
        [Query][AliasAs("template_id")] string templateId,
        [Header("access_token")] string accessToken,
        [Header("appsecret_proof")] string? appSecretProof,
        [Property(ZaloRequestOptions.SafetyKey)] ZaloRequestSafety safety,
        CancellationToken cancellationToken);

    [Get("/message/status")]
    Task<IApiResponse<ZaloEnvelope<ZnsStatusData>>> GetMessageStatusAsync(
        [Query][AliasAs("message_id")] string messageId,
        [Header("access_token")] string accessToken,
        [Header("appsecret_proof")] string? appSecretProof,
        [Property(ZaloRequestOptions.SafetyKey)] ZaloRequestSafety safety,
        CancellationToken cancellationToken);

    [Get("/message/quota")]
    Task<IApiResponse<ZaloEnvelope<ZnsQuotaData>>> GetQuotaAsync(
        [Header("access_token")] string accessToken,
        [Header("appsecret_proof")] string? appSecretProof,
        [Property(ZaloRequestOptions.SafetyKey)] ZaloRequestSafety safety,
        CancellationToken cancellationToken);
}

/// <summary>net10.0: Refit for the business API's reads, the hand-written path for template messages.</summary>
internal sealed class RefitZaloBusinessApi : IZaloBusinessApi
{
    private static readonly RefitSettings Settings = new(new SystemTextJsonContentSerializer(ZnsJsonContext.Wire.Options));

    private readonly IZaloBusinessApiRefit _refit;
    private readonly ZaloDirectCalls _direct;

    public RefitZaloBusinessApi(HttpClient http)
    {
        _refit = RestService.ForGenerated<IZaloBusinessApiRefit>(http, Settings);
        _direct = new ZaloDirectCalls(http);
    }

    public Task<ZaloEnvelope<ZnsSendData>> SendTemplateAsync(ZnsSendRequest body, string accessToken, string? appSecretProof, CancellationToken cancellationToken)
        => ZnsDirectCalls.SendTemplateAsync(_direct, body, accessToken, appSecretProof, cancellationToken);

    public async Task<ZaloEnvelope<ZnsTemplateData>> GetTemplateInfoAsync(string templateId, string accessToken, string? appSecretProof, CancellationToken cancellationToken)
        => RefitZaloOpenApi.Read(await _refit.GetTemplateInfoAsync(templateId, accessToken, appSecretProof, ZaloEndpoint.ZnsTemplateInfo.Safety, cancellationToken).ConfigureAwait(false), ZaloEndpoint.ZnsTemplateInfo);

    public async Task<ZaloEnvelope<ZnsStatusData>> GetMessageStatusAsync(string messageId, string accessToken, string? appSecretProof, CancellationToken cancellationToken)
        => RefitZaloOpenApi.Read(await _refit.GetMessageStatusAsync(messageId, accessToken, appSecretProof, ZaloEndpoint.ZnsMessageStatus.Safety, cancellationToken).ConfigureAwait(false), ZaloEndpoint.ZnsMessageStatus);

    public async Task<ZaloEnvelope<ZnsQuotaData>> GetQuotaAsync(string accessToken, string? appSecretProof, CancellationToken cancellationToken)
        => RefitZaloOpenApi.Read(await _refit.GetQuotaAsync(accessToken, appSecretProof, ZaloEndpoint.ZnsQuota.Safety, cancellationToken).ConfigureAwait(false), ZaloEndpoint.ZnsQuota);
}
#endif
