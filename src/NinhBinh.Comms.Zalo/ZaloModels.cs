using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NinhBinh.Comms.Internal;

namespace NinhBinh.Comms.Zalo;

/// <summary>What Zalo answered to a message send.</summary>
public sealed class ZaloMessageResult
{
    /// <summary>Creates a result (for tests of code that uses the SDK).</summary>
    /// <param name="messageId">The message id.</param>
    /// <param name="userId">The recipient's user id, when Zalo gave it.</param>
    public ZaloMessageResult(string messageId, string? userId)
    {
        MessageId = Guard.NotNullOrWhiteSpace(messageId);
        UserId = userId;
    }

    /// <summary>Zalo's id of the message.</summary>
    public string MessageId { get; }

    /// <summary>The recipient's user id, when Zalo gave it.</summary>
    public string? UserId { get; }
}

/// <summary>A period of last interaction for follower queries (<c>last_interaction_period</c>).</summary>
public sealed class ZaloInteractionPeriod
{
    private ZaloInteractionPeriod(string value) => Value = value;

    /// <summary>Interacted today (Vietnam time).</summary>
    public static ZaloInteractionPeriod Today { get; } = new("TODAY");

    /// <summary>Interacted yesterday.</summary>
    public static ZaloInteractionPeriod Yesterday { get; } = new("YESTERDAY");

    /// <summary>Interacted in the last 7 days.</summary>
    public static ZaloInteractionPeriod Last7Days { get; } = new("L7D");

    /// <summary>Interacted in the last 30 days.</summary>
    public static ZaloInteractionPeriod Last30Days { get; } = new("L30D");

    /// <summary>The value sent to Zalo, for example <c>L7D</c> or <c>2026_11_01:2026_11_26</c>.</summary>
    public string Value { get; }

    /// <summary>Interacted between two Vietnam dates, both included.</summary>
    /// <param name="from">The first date.</param>
    /// <param name="to">The last date (not before <paramref name="from"/>).</param>
    /// <returns>The period.</returns>
    public static ZaloInteractionPeriod Between(DateTime from, DateTime to)
    {
        if (to.Date < from.Date)
        {
            throw new ArgumentException($"to ({to:yyyy-MM-dd}) is before from ({from:yyyy-MM-dd}).", nameof(to));
        }

        return new(from.ToString("yyyy_MM_dd", CultureInfo.InvariantCulture) + ":" + to.ToString("yyyy_MM_dd", CultureInfo.InvariantCulture));
    }

    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>Filters of a follower listing (<c>user/getlist</c>).</summary>
public sealed class ZaloFollowerQuery
{
    /// <summary>Only users with this tag.</summary>
    public string? Tag { get; set; }

    /// <summary>Only users who last interacted in this period.</summary>
    public ZaloInteractionPeriod? LastInteraction { get; set; }

    /// <summary>Only followers (<see langword="true"/>) or only non-followers who interacted (<see langword="false"/>).</summary>
    public bool? IsFollower { get; set; }

    /// <summary>Users per request, 1–50; default 50.</summary>
    public int PageSize { get; set; } = ZaloLimits.MaxFollowerPageSize;

    internal void Validate()
    {
        if (PageSize is < 1 or > ZaloLimits.MaxFollowerPageSize)
        {
            throw new ArgumentOutOfRangeException(nameof(PageSize), PageSize, $"PageSize must be between 1 and {ZaloLimits.MaxFollowerPageSize}.");
        }

        if (Tag is not null && (string.IsNullOrWhiteSpace(Tag) || Tag.Length > ZaloLimits.MaxTagLength))
        {
            throw new ArgumentException($"Tag must be 1–{ZaloLimits.MaxTagLength} characters when given.", nameof(Tag));
        }
    }
}

/// <summary>One page of a follower listing.</summary>
public sealed class ZaloFollowerPage
{
    /// <summary>Creates a page (for tests of code that uses the SDK).</summary>
    /// <param name="total">Users matching the query.</param>
    /// <param name="offset">The offset of this page.</param>
    /// <param name="userIds">The user ids on this page.</param>
    public ZaloFollowerPage(int total, int offset, IReadOnlyList<string> userIds)
    {
        Total = total;
        Offset = offset;
        UserIds = Guard.NotNull(userIds);
    }

    /// <summary>Users matching the query.</summary>
    public int Total { get; }

    /// <summary>The offset of this page.</summary>
    public int Offset { get; }

    /// <summary>The user ids on this page.</summary>
    public IReadOnlyList<string> UserIds { get; }
}

/// <summary>Information a user shared with the OA (name, phone, address). Personal data: never logged by the SDK.</summary>
public sealed class ZaloSharedInfo
{
    /// <summary>The name.</summary>
    public string? Name { get; set; }

    /// <summary>The phone number.</summary>
    public string? Phone { get; set; }

    /// <summary>The address.</summary>
    public string? Address { get; set; }

    /// <summary>The city or province.</summary>
    public string? City { get; set; }

    /// <summary>The district or commune.</summary>
    public string? District { get; set; }

    /// <summary>Describes the value without personal data.</summary>
    /// <returns>Which fields are set.</returns>
    public override string ToString()
        => "shared info (" + string.Join(", ", new[] { Name is null ? null : "name", Phone is null ? null : "phone", Address is null ? null : "address", City is null ? null : "city", District is null ? null : "district" }.Where(f => f is not null)) + ")";
}

/// <summary>A user's profile as the OA sees it (<c>user/detail</c>).</summary>
public sealed class ZaloUserProfile
{
    /// <summary>The user id.</summary>
    public string UserId { get; set; } = string.Empty;

    /// <summary>The user id for the app.</summary>
    public string? UserIdByApp { get; set; }

    /// <summary>The display name.</summary>
    public string? DisplayName { get; set; }

    /// <summary>The alias the OA gave the user.</summary>
    public string? Alias { get; set; }

    /// <summary>Whether the user follows the OA.</summary>
    public bool IsFollower { get; set; }

    /// <summary>Whether the profile is marked sensitive.</summary>
    public bool IsSensitive { get; set; }

    /// <summary>The last interaction date (Vietnam calendar date), when Zalo gave one.</summary>
    public DateTime? LastInteractionDate { get; set; }

    /// <summary>The avatar URL.</summary>
    public string? Avatar { get; set; }

    /// <summary>The OA's tags on the user.</summary>
    public IReadOnlyList<string> Tags { get; set; } = Array.Empty<string>();

    /// <summary>What the user shared with the OA.</summary>
    public ZaloSharedInfo SharedInfo { get; set; } = new();
}

/// <summary>A user's message quota (v3 <c>quota/message</c>).</summary>
public sealed class ZaloUserQuota
{
    /// <summary>The last interaction, when Zalo gave one.</summary>
    public DateTimeOffset? LastInteraction { get; set; }

    /// <summary>Consultation replies left in the interaction window.</summary>
    public int ConsultationRemaining { get; set; }

    /// <summary>Consultation replies allowed in the interaction window.</summary>
    public int ConsultationTotal { get; set; }

    /// <summary>Promotion messages left today.</summary>
    public int PromotionDailyRemaining { get; set; }

    /// <summary>Promotion messages allowed per day.</summary>
    public int PromotionDailyTotal { get; set; }

    /// <summary>Promotion messages left this month.</summary>
    public int PromotionMonthlyRemaining { get; set; }

    /// <summary>Promotion messages allowed per month.</summary>
    public int PromotionMonthlyTotal { get; set; }
}

/// <summary>A quota as the v2 <c>quota/message</c> call reports it.</summary>
public sealed class ZaloQuota
{
    /// <summary>The quota type Zalo named, for example <c>promotion</c>.</summary>
    public string? Type { get; set; }

    /// <summary>The quota's size.</summary>
    public int Total { get; set; }

    /// <summary>What is left.</summary>
    public int Remaining { get; set; }

    /// <summary>The message the quota is about, for the message form.</summary>
    public string? MessageId { get; set; }
}

/// <summary>The kind of Official Account (<c>oa_type</c>).</summary>
public enum ZaloOfficialAccountType
{
    /// <summary>Not known to the SDK.</summary>
    Unknown = 0,

    /// <summary>Enterprise (2).</summary>
    Enterprise = 2,

    /// <summary>Government body (4): what communes and departments run.</summary>
    GovernmentBody = 4,
}

/// <summary>An OA's own information (<c>getoa</c>).</summary>
public sealed class ZaloOfficialAccountInfo
{
    /// <summary>The OA id.</summary>
    public string OaId { get; set; } = string.Empty;

    /// <summary>The name.</summary>
    public string? Name { get; set; }

    /// <summary>The description.</summary>
    public string? Description { get; set; }

    /// <summary>The alias.</summary>
    public string? Alias { get; set; }

    /// <summary>Whether Zalo verified the OA.</summary>
    public bool IsVerified { get; set; }

    /// <summary>The OA type as Zalo numbers it (2 enterprise, 4 government body).</summary>
    public int OaTypeCode { get; set; }

    /// <summary>The OA type.</summary>
    public ZaloOfficialAccountType OaType => OaTypeCode switch
    {
        2 => ZaloOfficialAccountType.Enterprise,
        4 => ZaloOfficialAccountType.GovernmentBody,
        _ => ZaloOfficialAccountType.Unknown,
    };

    /// <summary>The category name.</summary>
    public string? CategoryName { get; set; }

    /// <summary>How many users follow the OA.</summary>
    public long FollowerCount { get; set; }

    /// <summary>The avatar URL.</summary>
    public string? Avatar { get; set; }

    /// <summary>The service package name.</summary>
    public string? PackageName { get; set; }
}

/// <summary>The start of an OA authorization: the URL to open and the values to keep for <see cref="ZaloAuthorizationClient.ExchangeCodeAsync"/>.</summary>
public sealed class ZaloAuthorizationRequest
{
    internal ZaloAuthorizationRequest(Uri url, string state, string codeVerifier, bool verifierGenerated)
    {
        Url = url;
        State = state;
        CodeVerifier = codeVerifier;
        VerifierGenerated = verifierGenerated;
    }

    /// <summary>The URL the OA admin opens to grant access.</summary>
    public Uri Url { get; }

    /// <summary>The state value; check that the callback returns it unchanged.</summary>
    public string State { get; }

    /// <summary>The PKCE code verifier to send with the code (a secret: keep it server-side).</summary>
    public string CodeVerifier { get; }

    /// <summary>Whether the SDK generated the verifier (rather than taking a given or configured one).</summary>
    public bool VerifierGenerated { get; }
}
