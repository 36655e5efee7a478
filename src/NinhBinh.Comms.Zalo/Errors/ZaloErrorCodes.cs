using System.Collections.Generic;
using System.Globalization;

namespace NinhBinh.Comms.Zalo;

/// <summary>
/// The Zalo error codes: OA Open API (<c>-32</c>, <c>-2xx</c>), OAuth v4 (<c>-14xxx</c>) and ZNS/ZBS template messages
/// (<c>-1xx</c>), with their meaning and what kind of failure each is.
/// </summary>
public static class ZaloErrorCodes
{
    /// <summary>Too many requests from the app in a minute.</summary>
    public const int RateLimited = -32;

    /// <summary>Uploaded attachment expired (uploads live 7 days).</summary>
    public const int AttachmentExpired = -100;

    /// <summary>ZNS: phone number invalid.</summary>
    public const int ZnsPhoneInvalid = -108;

    /// <summary>ZNS: template data invalid.</summary>
    public const int ZnsTemplateDataInvalid = -112;

    /// <summary>ZNS: access token invalid.</summary>
    public const int ZnsAccessTokenInvalid = -124;

    /// <summary>ZNS: template not approved.</summary>
    public const int ZnsTemplateNotApproved = -131;

    /// <summary>ZNS: template messages are not sent between 22:00 and 06:00 Vietnam time.</summary>
    public const int ZnsNightBan = -133;

    /// <summary>ZNS: the OA reached its daily template message limit.</summary>
    public const int ZnsDailyLimit = -144;

    /// <summary>ZNS: template disabled.</summary>
    public const int ZnsTemplateDisabled = -146;

    /// <summary>Sending failed.</summary>
    public const int SendFailed = -200;

    /// <summary>A parameter is invalid.</summary>
    public const int ParameterInvalid = -201;

    /// <summary>A parameter is over its limit.</summary>
    public const int ParameterOverLimit = -210;

    /// <summary>The OA is out of quota.</summary>
    public const int OutOfQuota = -211;

    /// <summary>The article is still being processed (<c>article/verify</c> before Zalo has published it).</summary>
    public const int ArticleProcessing = -214;

    /// <summary>The user is not a follower of the OA.</summary>
    public const int UserNotFollower = -213;

    /// <summary>The access token is invalid.</summary>
    public const int AccessTokenInvalid = -216;

    /// <summary>The user is out of receive quota.</summary>
    public const int OutOfReceiveQuota = -218;

    /// <summary>The access token has expired.</summary>
    public const int AccessTokenExpired = -220;

    /// <summary>The user has not interacted with the OA in the last 7 days.</summary>
    public const int NoInteractionInSevenDays = -230;

    /// <summary>The user's interaction has expired.</summary>
    public const int InteractionExpired = -232;

    /// <summary>Promotion messages are not sent between 22:00 and 06:00.</summary>
    public const int NightBan = -234;

    /// <summary>The appsecret_proof header is wrong: a configuration error (app secret, <c>UseAppSecretProof</c>), not an expired grant.</summary>
    public const int AppSecretProofInvalid = -242;

    /// <summary>OAuth: the code is invalid, expired or already used.</summary>
    public const int OAuthCodeInvalid = -14005;

    /// <summary>OAuth: the refresh token is invalid (used, expired or revoked).</summary>
    public const int OAuthRefreshTokenInvalid = -14014;

    private static readonly Dictionary<int, (string Meaning, ZaloErrorKind Kind)> Table = new()
    {
        [-32] = ("rate limit exceeded (too many requests from the app in a minute)", ZaloErrorKind.RateLimited),
        [-100] = ("attachment expired (uploads are kept 7 days)", ZaloErrorKind.InvalidRequest),
        [-200] = ("sending failed", ZaloErrorKind.Other),
        [-201] = ("parameter invalid", ZaloErrorKind.InvalidRequest),
        [-204] = ("OA has been disabled", ZaloErrorKind.Other),
        [-205] = ("OA does not exist", ZaloErrorKind.Other),
        [-209] = ("API not supported by this app", ZaloErrorKind.Other),
        [-210] = ("parameter over its limit", ZaloErrorKind.InvalidRequest),
        [-211] = ("out of quota", ZaloErrorKind.QuotaExhausted),
        [-212] = ("OA has not registered this API", ZaloErrorKind.Other),
        [-213] = ("user is not a follower of the OA", ZaloErrorKind.NotFollower),
        [-214] = ("article is being processed", ZaloErrorKind.Other),
        [-216] = ("access token invalid", ZaloErrorKind.ReauthorizationRequired),
        [-217] = ("user has blocked invitations from the OA", ZaloErrorKind.Other),
        [-218] = ("out of receive quota for this user", ZaloErrorKind.QuotaExhausted),
        [-219] = ("application has been removed or disabled", ZaloErrorKind.Other),
        [-220] = ("access token expired", ZaloErrorKind.ReauthorizationRequired),
        [-221] = ("OA must be verified to use this API", ZaloErrorKind.Other),
        [-223] = ("OA not authorised for this API, or article quota reached", ZaloErrorKind.QuotaExhausted),
        [-224] = ("OA tier upgrade needed", ZaloErrorKind.Other),
        [-227] = ("user is banned or inactive for more than 45 days", ZaloErrorKind.Other),
        [-230] = ("user has not interacted with the OA in the last 7 days", ZaloErrorKind.OutsideInteractionWindow),
        [-232] = ("user interaction has expired", ZaloErrorKind.OutsideInteractionWindow),
        [-233] = ("message type invalid or not supported", ZaloErrorKind.InvalidRequest),
        [-234] = ("promotion messages are not sent between 22:00 and 06:00", ZaloErrorKind.NightBan),
        [-235] = ("API not available for this OA type", ZaloErrorKind.Other),
        [-240] = ("v2 message API has been shut down; use v3", ZaloErrorKind.Other),
        [-242] = ("appsecret_proof invalid (check the app secret and UseAppSecretProof)", ZaloErrorKind.Configuration),
        [-244] = ("user has restricted this message type", ZaloErrorKind.Other),
        [-248] = ("message violates Zalo policy", ZaloErrorKind.InvalidRequest),
        [-249] = ("template cannot be sent by user id", ZaloErrorKind.InvalidRequest),
        [-320] = ("Zalo Cloud account is not linked", ZaloErrorKind.Other),
        [-321] = ("Zalo Cloud account has insufficient funds", ZaloErrorKind.QuotaExhausted),
        // ZNS / ZBS template messages (business API).
        [-107] = ("ZNS: message id invalid", ZaloErrorKind.InvalidRequest),
        [-108] = ("ZNS: phone number invalid", ZaloErrorKind.InvalidRequest),
        [-109] = ("ZNS: template id invalid", ZaloErrorKind.InvalidRequest),
        [-110] = ("ZNS: the recipient's Zalo app is too old to receive template messages", ZaloErrorKind.Other),
        [-111] = ("ZNS: template data empty", ZaloErrorKind.InvalidRequest),
        [-112] = ("ZNS: template data invalid", ZaloErrorKind.InvalidRequest),
        [-1121] = ("ZNS: template parameter too long", ZaloErrorKind.InvalidRequest),
        [-113] = ("ZNS: button invalid", ZaloErrorKind.InvalidRequest),
        [-114] = ("ZNS: the user cannot receive template messages (account state, settings or an old Zalo version)", ZaloErrorKind.Other),
        [-115] = ("ZNS: account balance insufficient", ZaloErrorKind.QuotaExhausted),
        [-116] = ("ZNS: content invalid", ZaloErrorKind.InvalidRequest),
        [-117] = ("ZNS: the OA or app may not use this template", ZaloErrorKind.InvalidRequest),
        [-118] = ("ZNS: no Zalo account for this phone number, or it is disabled", ZaloErrorKind.Other),
        [-119] = ("ZNS: the account cannot receive template messages", ZaloErrorKind.Other),
        [-120] = ("ZNS: the OA is not allowed to use this feature", ZaloErrorKind.Other),
        [-121] = ("ZNS: template has no content", ZaloErrorKind.InvalidRequest),
        [-122] = ("ZNS: body is not valid JSON", ZaloErrorKind.InvalidRequest),
        [-123] = ("ZNS: RSA decryption of the content failed", ZaloErrorKind.InvalidRequest),
        [-124] = ("ZNS: access token invalid", ZaloErrorKind.ReauthorizationRequired),
        [-125] = ("ZNS: Official Account id invalid", ZaloErrorKind.InvalidRequest),
        [-126] = ("ZNS: development mode balance insufficient", ZaloErrorKind.QuotaExhausted),
        [-127] = ("ZNS: a template in development mode can only be sent to the OA's admins", ZaloErrorKind.InvalidRequest),
        [-128] = ("ZNS: encoding key does not exist", ZaloErrorKind.Configuration),
        [-129] = ("ZNS: RSA key could not be created; try again later", ZaloErrorKind.Other),
        [-130] = ("ZNS: template content over its length limit", ZaloErrorKind.InvalidRequest),
        [-131] = ("ZNS: template not approved", ZaloErrorKind.InvalidRequest),
        [-132] = ("ZNS: parameter invalid", ZaloErrorKind.InvalidRequest),
        [-133] = ("ZNS: template messages are not sent at night, between 22:00 and 06:00 Vietnam time", ZaloErrorKind.NightBan),
        [-134] = ("ZNS: the user has not answered the OA's request to receive template messages", ZaloErrorKind.Other),
        [-135] = ("ZNS: the OA may not send template messages (not verified, or on the free package)", ZaloErrorKind.Other),
        [-136] = ("ZNS: a Zalo Cloud account must be linked for this feature", ZaloErrorKind.Configuration),
        [-137] = ("ZNS: Zalo Cloud payment failed (insufficient funds)", ZaloErrorKind.QuotaExhausted),
        [-138] = ("ZNS: the app may not use this feature", ZaloErrorKind.Other),
        [-139] = ("ZNS: the user refuses this type of template message", ZaloErrorKind.Other),
        [-140] = ("ZNS: the OA may not send after-sales template messages to this user", ZaloErrorKind.Other),
        [-141] = ("ZNS: the user refuses template messages from this OA", ZaloErrorKind.Other),
        [-142] = ("ZNS: RSA key does not exist; create one first", ZaloErrorKind.Configuration),
        [-143] = ("ZNS: RSA key already exists; fetch it instead", ZaloErrorKind.Configuration),
        [-144] = ("ZNS: the OA reached its daily template message limit (it starts again at 00:00 Vietnam time)", ZaloErrorKind.QuotaExhausted),
        [-145] = ("ZNS: the OA may not send this type of template content", ZaloErrorKind.InvalidRequest),
        [-146] = ("ZNS: template disabled (low sending quality)", ZaloErrorKind.InvalidRequest),
        [-14002] = ("OAuth: application id invalid", ZaloErrorKind.InvalidRequest),
        [-14003] = ("OAuth: redirect uri invalid", ZaloErrorKind.InvalidRequest),
        [-14004] = ("OAuth: secret key invalid", ZaloErrorKind.InvalidRequest),
        [-14005] = ("OAuth: authorization code invalid, expired or already used", ZaloErrorKind.ReauthorizationRequired),
        [-14014] = ("OAuth: refresh token invalid, expired or already used", ZaloErrorKind.ReauthorizationRequired),
        [-14018] = ("OAuth: grant type invalid", ZaloErrorKind.InvalidRequest),
    };

    /// <summary>Every known code, for documentation and tests.</summary>
    public static IReadOnlyCollection<int> KnownCodes => Table.Keys;

    /// <summary>The meaning of a code in English.</summary>
    /// <param name="code">The Zalo error code.</param>
    /// <returns>The meaning, or "unknown Zalo error &lt;code&gt;".</returns>
    public static string Describe(int code)
        => Table.TryGetValue(code, out var entry) ? entry.Meaning : "unknown Zalo error " + code.ToString(CultureInfo.InvariantCulture);

    /// <summary>The kind of failure a code is, which says what the caller can do about it.</summary>
    /// <param name="code">The Zalo error code.</param>
    /// <returns>The kind; <see cref="ZaloErrorKind.Other"/> for unknown codes.</returns>
    public static ZaloErrorKind GetKind(int code) => Table.TryGetValue(code, out var entry) ? entry.Kind : ZaloErrorKind.Other;
}
