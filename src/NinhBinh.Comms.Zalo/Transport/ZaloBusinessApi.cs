using System.Threading;
using System.Threading.Tasks;

namespace NinhBinh.Comms.Zalo.Internal;

// The business API (https://business.openapi.zalo.me: ZNS / ZBS template messages), implemented twice like the OA
// Open API: RefitZaloBusinessApi (net10.0: Refit for the reads) and ManualZaloBusinessApi (netstandard2.0), both
// sending template messages on the hand-written at-most-once path of ZnsDirectCalls.

/// <summary>ZNS / ZBS template messages by phone number (business API).</summary>
internal interface IZaloBusinessApi
{
    /// <summary>POST /message/template; at most once (paid per message).</summary>
    Task<ZaloEnvelope<ZnsSendData>> SendTemplateAsync(ZnsSendRequest body, string accessToken, string? appSecretProof, CancellationToken cancellationToken);

    /// <summary>GET /template/info/v2?template_id=.</summary>
    Task<ZaloEnvelope<ZnsTemplateData>> GetTemplateInfoAsync(string templateId, string accessToken, string? appSecretProof, CancellationToken cancellationToken);

    /// <summary>GET /message/status?message_id=.</summary>
    Task<ZaloEnvelope<ZnsStatusData>> GetMessageStatusAsync(string messageId, string accessToken, string? appSecretProof, CancellationToken cancellationToken);

    /// <summary>GET /message/quota.</summary>
    Task<ZaloEnvelope<ZnsQuotaData>> GetQuotaAsync(string accessToken, string? appSecretProof, CancellationToken cancellationToken);
}

/// <summary>The hand-written ZNS send, on every target: the body serialized once, never repeated once it may have reached Zalo.</summary>
internal static class ZnsDirectCalls
{
    public static Task<ZaloEnvelope<ZnsSendData>> SendTemplateAsync(ZaloDirectCalls direct, ZnsSendRequest body, string accessToken, string? appSecretProof, CancellationToken cancellationToken)
    {
        var request = direct.CreateRequest(ZaloEndpoint.SendZnsTemplate);
        ZaloDirectCalls.AddToken(request, accessToken, appSecretProof);
        request.Content = ZaloDirectCalls.Json(body, ZnsJsonContext.Wire.ZnsSendRequest);
        return direct.SendAsync(request, ZnsJsonContext.Wire.ZaloEnvelopeZnsSendData, ZaloEndpoint.SendZnsTemplate.Name, cancellationToken);
    }
}
