using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace NinhBinh.Comms.Zalo;

/// <summary>
/// Settings of the Zalo client, bound from the configuration section <see cref="SectionName"/> (<c>Zalo</c>).
/// One Zalo app (<see cref="AppId"/>) usually manages the Official Accounts of many communes.
/// </summary>
public sealed class ZaloClientOptions
{
    /// <summary>The configuration section: <c>Zalo</c>.</summary>
    public const string SectionName = "Zalo";

    /// <summary>The Zalo app id (required).</summary>
    public string? AppId { get; set; }

    /// <summary>The Zalo app secret, sent as the <c>secret_key</c> header of OAuth calls (required). Never logged.</summary>
    public string? AppSecret { get; set; }

    /// <summary>The OA secret key, used to verify webhook signatures (optional here). Never logged.</summary>
    public string? OaSecretKey { get; set; }

    /// <summary>The OA Open API; default <c>https://openapi.zalo.me</c>.</summary>
    public Uri OpenApiBaseUrl { get; set; } = new("https://openapi.zalo.me/");

    /// <summary>The OAuth server; default <c>https://oauth.zaloapp.com</c>.</summary>
    public Uri OAuthBaseUrl { get; set; } = new("https://oauth.zaloapp.com/");

    /// <summary>The business (ZNS/ZBS) API; default <c>https://business.openapi.zalo.me</c>.</summary>
    public Uri BusinessApiBaseUrl { get; set; } = new("https://business.openapi.zalo.me/");

    /// <summary>
    /// A folder for <see cref="FileZaloTokenStore"/>, shared by every process of the app; when not set, tokens are
    /// kept in memory only (<see cref="InMemoryZaloTokenStore"/>).
    /// </summary>
    public string? TokenStorePath { get; set; }

    /// <summary>
    /// An Npgsql connection string selecting the PostgreSQL token store of <c>NinhBinh.Comms.Zalo.PostgreSql</c>, for
    /// apps on several servers (register it with <c>services.AddZaloPostgreSqlStores()</c>); it wins over
    /// <see cref="TokenStorePath"/>. Never logged: <see cref="ToString"/> shows only whether it is set.
    /// </summary>
    public string? TokenStoreConnectionString { get; set; }

    /// <summary>The OA used when a caller names none (for example by the <c>nbcomms</c> command line).</summary>
    public string? DefaultOaId { get; set; }

    /// <summary>
    /// A fixed PKCE code verifier configured for the app, for setups where the code challenge is fixed in the
    /// developer console (a disputed point of Zalo's docs). When not set, a verifier is made per authorization.
    /// </summary>
    public string? CodeVerifier { get; set; }

    /// <summary>Whether to send the <c>appsecret_proof</c> header (HMAC-SHA256 of the access token); default false.</summary>
    public bool UseAppSecretProof { get; set; }

    /// <summary>How long before expiry an access token is refreshed proactively; default 10 minutes.</summary>
    public TimeSpan RefreshBeforeExpiry { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long one HTTP attempt may take; default 30 seconds.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Requests per minute the SDK allows itself, shared by every OA of the app; default 4,000 (Zalo's limit per
    /// app). The SDK keeps at most this many requests in any 61-second span, so it never provokes <c>-32</c> itself.
    /// 0 turns the client-side limit off (for an app that limits requests itself).
    /// </summary>
    public int RequestsPerMinute { get; set; } = 4_000;

    /// <summary>
    /// How a broadcast's targeting is written on the wire; default <see cref="ZaloBroadcastTargetEncoding.CommaSeparatedStrings"/>
    /// (the majority of Zalo's sources; they disagree, see the broadcast article).
    /// </summary>
    public ZaloBroadcastTargetEncoding BroadcastTargetEncoding { get; set; }

    /// <summary>Retry settings for transient failures.</summary>
    public ZaloRetryOptions Retry { get; set; } = new();

    /// <summary>Checks the settings and returns every problem, each naming its setting.</summary>
    /// <returns>The problems; empty when the settings are usable.</returns>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(AppId))
        {
            problems.Add($"{SectionName}:{nameof(AppId)} is required.");
        }

        if (string.IsNullOrWhiteSpace(AppSecret))
        {
            problems.Add($"{SectionName}:{nameof(AppSecret)} is required.");
        }

        CheckUrl(problems, nameof(OpenApiBaseUrl), OpenApiBaseUrl);
        CheckUrl(problems, nameof(OAuthBaseUrl), OAuthBaseUrl);
        CheckUrl(problems, nameof(BusinessApiBaseUrl), BusinessApiBaseUrl);
        if (CodeVerifier is not null && !ZaloPkce.IsValidVerifier(CodeVerifier))
        {
            problems.Add($"{SectionName}:{nameof(CodeVerifier)} must be 43–128 characters of A–Z a–z 0–9 - . _ ~.");
        }

        if (DefaultOaId is not null && !ZaloIds.IsValidOaId(DefaultOaId))
        {
            problems.Add($"{SectionName}:{nameof(DefaultOaId)} must be 1–64 letters, digits, '-' or '_'.");
        }

        if (RefreshBeforeExpiry < TimeSpan.Zero || RefreshBeforeExpiry > TimeSpan.FromHours(12))
        {
            problems.Add($"{SectionName}:{nameof(RefreshBeforeExpiry)} must be between 0 and 12 hours.");
        }

        if (RequestTimeout <= TimeSpan.Zero || RequestTimeout > TimeSpan.FromMinutes(10))
        {
            problems.Add($"{SectionName}:{nameof(RequestTimeout)} must be greater than zero and at most 10 minutes.");
        }

        if (RequestsPerMinute < 0 || RequestsPerMinute > 1_000_000)
        {
            problems.Add($"{SectionName}:{nameof(RequestsPerMinute)} must be between 0 (no client-side limit) and 1,000,000.");
        }

        if (Retry is null)
        {
            problems.Add($"{SectionName}:{nameof(Retry)} must not be null.");
        }
        else
        {
            if (Retry.MaxRetries < 0 || Retry.MaxRetries > 10)
            {
                problems.Add($"{SectionName}:{nameof(Retry)}:{nameof(ZaloRetryOptions.MaxRetries)} must be between 0 and 10.");
            }

            if (Retry.BaseDelay <= TimeSpan.Zero || Retry.MaxDelay < Retry.BaseDelay)
            {
                problems.Add($"{SectionName}:{nameof(Retry)}:{nameof(ZaloRetryOptions.BaseDelay)} must be greater than zero and at most MaxDelay.");
            }
        }

        return problems;
    }

    /// <summary>
    /// Describes the settings for logs and diagnostics. Secrets (<see cref="AppSecret"/>, <see cref="OaSecretKey"/>,
    /// <see cref="CodeVerifier"/>) are never shown: only whether they are set (<c>***</c>) or not (<c>(not set)</c>).
    /// </summary>
    /// <returns>The settings, one <c>Name = value</c> pair after another.</returns>
    public override string ToString()
    {
        var sb = new StringBuilder(nameof(ZaloClientOptions)).Append(" { ");
        Append(sb, nameof(AppId), AppId);
        Append(sb, nameof(AppSecret), Secret(AppSecret));
        Append(sb, nameof(OaSecretKey), Secret(OaSecretKey));
        Append(sb, nameof(CodeVerifier), Secret(CodeVerifier));
        Append(sb, nameof(DefaultOaId), DefaultOaId);
        Append(sb, nameof(OpenApiBaseUrl), Show(OpenApiBaseUrl));
        Append(sb, nameof(OAuthBaseUrl), Show(OAuthBaseUrl));
        Append(sb, nameof(BusinessApiBaseUrl), Show(BusinessApiBaseUrl));
        Append(sb, nameof(TokenStorePath), TokenStorePath);
        Append(sb, nameof(TokenStoreConnectionString), Secret(TokenStoreConnectionString));
        Append(sb, nameof(UseAppSecretProof), UseAppSecretProof ? "True" : "False");
        Append(sb, nameof(RefreshBeforeExpiry), RefreshBeforeExpiry.ToString("c", CultureInfo.InvariantCulture));
        Append(sb, nameof(RequestTimeout), RequestTimeout.ToString("c", CultureInfo.InvariantCulture));
        Append(sb, nameof(RequestsPerMinute), RequestsPerMinute.ToString(CultureInfo.InvariantCulture));
        Append(sb, nameof(BroadcastTargetEncoding), BroadcastTargetEncoding.ToString());
        sb.Append(nameof(Retry)).Append(" = { ").Append(Retry?.ToString() ?? "(not set)").Append(" } }");
        return sb.ToString();

        // Never user info or a query string, which could hold credentials.
        static string? Show(Uri? url) => url is null ? null : url.IsAbsoluteUri ? url.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped) : url.OriginalString;

        static string? Secret(string? value) => string.IsNullOrEmpty(value) ? null : "***";

        static void Append(StringBuilder sb, string name, string? value) => sb.Append(name).Append(" = ").Append(value ?? "(not set)").Append(", ");
    }

    internal ZaloClientOptions Clone() => new()
    {
        AppId = AppId,
        AppSecret = AppSecret,
        OaSecretKey = OaSecretKey,
        OpenApiBaseUrl = WithTrailingSlash(OpenApiBaseUrl),
        OAuthBaseUrl = WithTrailingSlash(OAuthBaseUrl),
        BusinessApiBaseUrl = WithTrailingSlash(BusinessApiBaseUrl),
        TokenStorePath = TokenStorePath,
        TokenStoreConnectionString = TokenStoreConnectionString,
        DefaultOaId = DefaultOaId,
        CodeVerifier = CodeVerifier,
        UseAppSecretProof = UseAppSecretProof,
        RefreshBeforeExpiry = RefreshBeforeExpiry,
        RequestTimeout = RequestTimeout,
        RequestsPerMinute = RequestsPerMinute,
        BroadcastTargetEncoding = BroadcastTargetEncoding,
        Retry = new ZaloRetryOptions { Enabled = Retry.Enabled, MaxRetries = Retry.MaxRetries, BaseDelay = Retry.BaseDelay, MaxDelay = Retry.MaxDelay },
    };

    /// <summary>A base address must end with '/' or HttpClient drops its last segment (<c>https://host/zalo</c> + <c>v3.0/…</c>).</summary>
    private static Uri WithTrailingSlash(Uri url) => url.AbsoluteUri.EndsWith("/", StringComparison.Ordinal) ? url : new Uri(url.AbsoluteUri + "/");

    private static void CheckUrl(List<string> problems, string name, Uri? url)
    {
        if (url is null || !url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            problems.Add($"{SectionName}:{name} must be an absolute http or https URL.");
        }
    }
}
