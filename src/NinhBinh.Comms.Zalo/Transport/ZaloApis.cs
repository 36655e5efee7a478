using System.Collections.Generic;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace NinhBinh.Comms.Zalo.Internal;

// The Zalo endpoints behind two small internal interfaces, each implemented twice:
// - net10.0: RefitZaloOpenApi — Refit (generated at build time) builds the requests of the reads and idempotent
//   writes and (de)serializes their bodies with the source-generated context; the at-most-once paths (message sends,
//   token grants) do not go through Refit at all but through the hand-written ZaloDirectCalls.
// - netstandard2.0 (no Refit build): ManualZaloOpenApi, hand-written, with the same ZaloDirectCalls.
// Both return Zalo's envelope; HTTP failures throw ZaloException with the status.

/// <summary>OAuth v4 for Official Accounts (https://oauth.zaloapp.com).</summary>
internal interface IZaloOAuthApi
{
    /// <summary>POST /v4/oa/access_token (form-encoded, <c>secret_key</c> header); at most once.</summary>
    Task<OAuthTokenResponse> RequestTokenAsync(string secretKey, IReadOnlyList<KeyValuePair<string, string>> form, CancellationToken cancellationToken);
}

/// <summary>The OA Open API (https://openapi.zalo.me).</summary>
internal interface IZaloOpenApi
{
    /// <summary>
    /// POST /v3.0/oa/message/{kind} or /v2.0/oa/message (broadcast); at most once. The HTTP exchange alone
    /// (hand-written on every target), read by the caller with <see cref="ZaloDirectCalls.ReadMessageAnswer"/>: the hot
    /// path, with no async layer of the transport's own.
    /// </summary>
    Task<System.Net.Http.HttpResponseMessage> ExchangeMessageAsync(ZaloEndpoint endpoint, SendMessageRequest body, string accessToken, string? appSecretProof, CancellationToken cancellationToken);

    /// <summary>A multipart upload (image, gif or file), rebuilt whole on a repeated attempt.</summary>
    Task<ZaloEnvelope<UploadData>> UploadAsync(ZaloEndpoint endpoint, string fileName, byte[] content, string accessToken, string? appSecretProof, CancellationToken cancellationToken);

    Task<ZaloEnvelope<FollowerListData>> GetFollowersAsync(string data, string accessToken, string? appSecretProof, CancellationToken cancellationToken);

    Task<ZaloEnvelope<UserDetailData>> GetUserDetailAsync(string data, string accessToken, string? appSecretProof, CancellationToken cancellationToken);

    Task<ZaloEnvelope<JsonElement>> UpdateUserAsync(UpdateUserRequest body, string accessToken, string? appSecretProof, CancellationToken cancellationToken);

    Task<ZaloEnvelope<JsonElement>> TagOperationAsync(ZaloEndpoint endpoint, TagRequest body, string accessToken, string? appSecretProof, CancellationToken cancellationToken);

    Task<ZaloEnvelope<List<string>>> GetTagsAsync(string accessToken, string? appSecretProof, CancellationToken cancellationToken);

    Task<ZaloEnvelope<QuotaV3Data>> GetQuotaV3Async(UserIdQuery body, string accessToken, string? appSecretProof, CancellationToken cancellationToken);

    Task<ZaloEnvelope<QuotaV2Data>> GetQuotaV2Async(QuotaV2Request body, string accessToken, string? appSecretProof, CancellationToken cancellationToken);

    Task<ZaloEnvelope<OaInfoData>> GetOfficialAccountAsync(string accessToken, string? appSecretProof, CancellationToken cancellationToken);

    /// <summary>The article endpoints (v2.0/article/*).</summary>
    IZaloArticleApi Articles { get; }
}
