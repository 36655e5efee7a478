using System;
using System.Collections.Generic;
using System.Linq;
using NinhBinh.Comms.Internal;

namespace NinhBinh.Comms.Zalo;

/// <summary>
/// Builds the models the Zalo clients return, for tests of code that uses the SDK (for example a mocked
/// <see cref="ZaloOfficialAccountClient"/> that returns a <see cref="ZaloUserProfile"/>). The models themselves are
/// read-only and have no public constructors; every property is a parameter here, optional where the model allows it.
/// </summary>
/// <example>
/// <code>
/// var oa = Substitute.For&lt;ZaloOfficialAccountClient&gt;();
/// oa.GetUserAsync("8451234567890123456").Returns(ZaloModelFactory.ZaloUserProfile("8451234567890123456", displayName: "Lan", isFollower: true));
/// </code>
/// </example>
public static partial class ZaloModelFactory
{
    /// <summary>Builds the answer to a message send.</summary>
    /// <param name="messageId">Zalo's id of the message.</param>
    /// <param name="userId">The recipient's user id, if any.</param>
    /// <returns>The result.</returns>
    public static ZaloMessageResult ZaloMessageResult(string messageId, string? userId = null)
        => new(Guard.NotNullOrWhiteSpace(messageId), userId);

    /// <summary>Builds one page of a follower listing.</summary>
    /// <param name="userIds">The user ids on the page; none when <see langword="null"/>.</param>
    /// <param name="total">Users matching the query; <paramref name="offset"/> plus the page's size when <see langword="null"/>.</param>
    /// <param name="offset">The offset of the page.</param>
    /// <returns>The page.</returns>
    public static ZaloFollowerPage ZaloFollowerPage(IEnumerable<string>? userIds = null, int? total = null, int offset = 0)
    {
        var ids = userIds?.ToArray() ?? Array.Empty<string>();
        return new(total ?? offset + ids.Length, offset, ids);
    }

    /// <summary>Builds a user's profile.</summary>
    /// <param name="userId">The user id.</param>
    /// <param name="userIdByApp">The user id for the app.</param>
    /// <param name="displayName">The display name.</param>
    /// <param name="alias">The alias the OA gave the user.</param>
    /// <param name="isFollower">Whether the user follows the OA.</param>
    /// <param name="isSensitive">Whether the profile is marked sensitive.</param>
    /// <param name="lastInteractionDate">The day of the last interaction (the SDK gives the start of the Vietnam day).</param>
    /// <param name="avatar">The avatar URL.</param>
    /// <param name="tags">The OA's tags on the user; none when <see langword="null"/>.</param>
    /// <param name="sharedInfo">What the user shared; nothing when <see langword="null"/>.</param>
    /// <returns>The profile.</returns>
    public static ZaloUserProfile ZaloUserProfile(string userId, string? userIdByApp = null, string? displayName = null, string? alias = null,
        bool isFollower = false, bool isSensitive = false, DateTimeOffset? lastInteractionDate = null, string? avatar = null,
        IEnumerable<string>? tags = null, ZaloSharedInfo? sharedInfo = null)
        => new(Guard.NotNullOrWhiteSpace(userId), userIdByApp, displayName, alias, isFollower, isSensitive, lastInteractionDate, avatar,
            tags?.ToArray() ?? Array.Empty<string>(), sharedInfo ?? new ZaloSharedInfo());

    /// <summary>Builds a user's message quota (v3).</summary>
    /// <param name="lastInteraction">The last interaction.</param>
    /// <param name="consultationRemaining">Consultation replies left.</param>
    /// <param name="consultationTotal">Consultation replies allowed.</param>
    /// <param name="promotionDailyRemaining">Promotion messages left today.</param>
    /// <param name="promotionDailyTotal">Promotion messages allowed per day.</param>
    /// <param name="promotionMonthlyRemaining">Promotion messages left this month.</param>
    /// <param name="promotionMonthlyTotal">Promotion messages allowed per month.</param>
    /// <returns>The quota.</returns>
    public static ZaloUserQuota ZaloUserQuota(DateTimeOffset? lastInteraction = null, int consultationRemaining = 0, int consultationTotal = 0,
        int promotionDailyRemaining = 0, int promotionDailyTotal = 0, int promotionMonthlyRemaining = 0, int promotionMonthlyTotal = 0)
        => new(lastInteraction, consultationRemaining, consultationTotal, promotionDailyRemaining, promotionDailyTotal, promotionMonthlyRemaining, promotionMonthlyTotal);

    /// <summary>Builds a quota as the v2 call reports it.</summary>
    /// <param name="type">The quota type, for example <c>promotion</c>.</param>
    /// <param name="total">The quota's size.</param>
    /// <param name="remaining">What is left.</param>
    /// <param name="messageId">The message the quota is about.</param>
    /// <returns>The quota.</returns>
    public static ZaloQuota ZaloQuota(string? type = null, int total = 0, int remaining = 0, string? messageId = null)
        => new(type, total, remaining, messageId);

    /// <summary>Builds an OA's information.</summary>
    /// <param name="oaId">The OA id.</param>
    /// <param name="name">The name.</param>
    /// <param name="description">The description.</param>
    /// <param name="alias">The alias.</param>
    /// <param name="isVerified">Whether Zalo verified the OA.</param>
    /// <param name="oaTypeCode">The OA type as Zalo numbers it (2 enterprise, 4 government body).</param>
    /// <param name="categoryName">The category name.</param>
    /// <param name="followerCount">How many users follow the OA.</param>
    /// <param name="avatar">The avatar URL.</param>
    /// <param name="packageName">The service package name.</param>
    /// <returns>The information.</returns>
    public static ZaloOfficialAccountInfo ZaloOfficialAccountInfo(string oaId, string? name = null, string? description = null, string? alias = null,
        bool isVerified = false, int oaTypeCode = 0, string? categoryName = null, long followerCount = 0, string? avatar = null, string? packageName = null)
        => new(Guard.NotNullOrWhiteSpace(oaId), name, description, alias, isVerified, oaTypeCode, categoryName, followerCount, avatar, packageName);

    /// <summary>Builds the start of an OA authorization.</summary>
    /// <param name="url">The URL the OA admin opens.</param>
    /// <param name="state">The state value.</param>
    /// <param name="codeVerifier">The PKCE code verifier.</param>
    /// <param name="verifierGenerated">Whether the SDK generated the verifier.</param>
    /// <returns>The request.</returns>
    public static ZaloAuthorizationRequest ZaloAuthorizationRequest(Uri url, string state, string codeVerifier, bool verifierGenerated = true)
        => new(Guard.NotNull(url), Guard.NotNullOrWhiteSpace(state), Guard.NotNullOrWhiteSpace(codeVerifier), verifierGenerated);

    /// <summary>Builds a token pair (the same as its public constructor, which token stores use).</summary>
    /// <param name="accessToken">The access token.</param>
    /// <param name="refreshToken">The refresh token.</param>
    /// <param name="accessTokenExpiresAt">When the access token expires.</param>
    /// <param name="refreshTokenExpiresAt">When the refresh token expires.</param>
    /// <param name="issuedAt">When Zalo issued the pair.</param>
    /// <returns>The pair.</returns>
    public static ZaloTokenSet ZaloTokenSet(string accessToken, string refreshToken, DateTimeOffset accessTokenExpiresAt, DateTimeOffset refreshTokenExpiresAt, DateTimeOffset issuedAt)
        => new(accessToken, refreshToken, accessTokenExpiresAt, refreshTokenExpiresAt, issuedAt);

    /// <summary>Builds the answer to an upload.</summary>
    /// <param name="id">The attachment id (image, gif) or file token (file).</param>
    /// <param name="kind">What was uploaded.</param>
    /// <param name="expiresAt">When the upload expires (7 days after it).</param>
    /// <returns>The result.</returns>
    public static ZaloUploadResult ZaloUploadResult(string id, ZaloUploadKind kind, DateTimeOffset expiresAt)
        => new(Guard.NotNullOrWhiteSpace(id), kind, expiresAt);

    /// <summary>Builds the result of a broadcast.</summary>
    /// <param name="messageId">Zalo's id of the broadcast message.</param>
    /// <param name="articleId">The article that was broadcast.</param>
    /// <returns>The result.</returns>
    public static ZaloBroadcastResult ZaloBroadcastResult(string messageId, string articleId)
        => new(Guard.NotNullOrWhiteSpace(messageId), Guard.NotNullOrWhiteSpace(articleId));
}
