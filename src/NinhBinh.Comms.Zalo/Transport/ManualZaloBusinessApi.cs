#if !NET
using System;
using System.Net.Http;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;

namespace NinhBinh.Comms.Zalo.Internal;

/// <summary>netstandard2.0 (Refit has no build for it): every business API endpoint written by hand.</summary>
internal sealed class ManualZaloBusinessApi : IZaloBusinessApi
{
    private readonly ZaloDirectCalls _direct;

    public ManualZaloBusinessApi(HttpClient http) => _direct = new ZaloDirectCalls(http);

    public Task<ZaloEnvelope<ZnsSendData>> SendTemplateAsync(ZnsSendRequest body, string accessToken, string? appSecretProof, CancellationToken cancellationToken)
        => ZnsDirectCalls.SendTemplateAsync(_direct, body, accessToken, appSecretProof, cancellationToken);

    public Task<ZaloEnvelope<ZnsTemplateData>> GetTemplateInfoAsync(string templateId, string accessToken, string? appSecretProof, CancellationToken cancellationToken)
        => Get(ZaloEndpoint.ZnsTemplateInfo, "template_id=" + Uri.EscapeDataString(templateId), accessToken, appSecretProof, ZnsJsonContext.Wire.ZaloEnvelopeZnsTemplateData, cancellationToken);

    public Task<ZaloEnvelope<ZnsStatusData>> GetMessageStatusAsync(string messageId, string accessToken, string? appSecretProof, CancellationToken cancellationToken)
        => Get(ZaloEndpoint.ZnsMessageStatus, "message_id=" + Uri.EscapeDataString(messageId), accessToken, appSecretProof, ZnsJsonContext.Wire.ZaloEnvelopeZnsStatusData, cancellationToken);

    public Task<ZaloEnvelope<ZnsQuotaData>> GetQuotaAsync(string accessToken, string? appSecretProof, CancellationToken cancellationToken)
        => Get(ZaloEndpoint.ZnsQuota, null, accessToken, appSecretProof, ZnsJsonContext.Wire.ZaloEnvelopeZnsQuotaData, cancellationToken);

    private Task<T> Get<T>(ZaloEndpoint endpoint, string? query, string accessToken, string? proof, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        var request = _direct.CreateRequest(endpoint, query);
        ZaloDirectCalls.AddToken(request, accessToken, proof);
        return _direct.SendAsync(request, typeInfo, endpoint.Name, cancellationToken);
    }
}
#endif
