using System;
using System.Threading;
using System.Threading.Tasks;
using NinhBinh.Comms.Internal;
using NinhBinh.Comms.Zalo.Internal;

namespace NinhBinh.Comms.Zalo;

/// <summary>
/// OAuth v4 for Official Accounts: the authorization URL (PKCE S256 and state), the code exchange (the pair is
/// stored in the token store), and an explicit refresh through the same single-flight lifecycle the OA clients use.
/// </summary>
public class ZaloAuthorizationClient
{
    private readonly ZaloClientCore _core = null!;

    internal ZaloAuthorizationClient(ZaloClientCore core) => _core = core;

    /// <summary>For mocking frameworks only.</summary>
    protected ZaloAuthorizationClient()
    {
    }

    /// <summary>Starts an authorization: builds the URL the OA admin opens.</summary>
    /// <param name="redirectUri">The callback registered for the app (absolute http or https).</param>
    /// <param name="state">A value the callback must return; a random one when <see langword="null"/>.</param>
    /// <param name="codeVerifier">
    /// The PKCE verifier; when <see langword="null"/>, the configured <see cref="ZaloClientOptions.CodeVerifier"/>, or a new
    /// one from 32 random bytes.
    /// </param>
    /// <returns>The URL, the state and the verifier to keep for <see cref="ExchangeCodeAsync"/>.</returns>
    public virtual ZaloAuthorizationRequest CreateAuthorizationRequest(Uri redirectUri, string? state = null, string? codeVerifier = null)
    {
        Guard.NotNull(redirectUri);
        if (!redirectUri.IsAbsoluteUri || (redirectUri.Scheme != Uri.UriSchemeHttp && redirectUri.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException("redirectUri must be an absolute http or https URL.", nameof(redirectUri));
        }

        if (state is not null && (state.Length is 0 or > 512))
        {
            throw new ArgumentException("state must be 1–512 characters when given.", nameof(state));
        }

        var generated = codeVerifier is null && _core.Options.CodeVerifier is null;
        var verifier = codeVerifier ?? _core.Options.CodeVerifier ?? ZaloPkce.CreateVerifier();
        var challenge = ZaloPkce.ComputeChallenge(verifier);
        state ??= ZaloPkce.CreateVerifier().Substring(0, 16);
        var url = BuildAuthorizationUrl(_core.Options.OAuthBaseUrl, _core.Options.AppId!, redirectUri, challenge, state);
        return new ZaloAuthorizationRequest(url, state, verifier, generated);
    }

    /// <summary>
    /// Builds the OAuth v4 permission URL (<c>/v4/oa/permission?app_id=&amp;redirect_uri=&amp;code_challenge=&amp;state=</c>)
    /// without a client: the app secret is not needed for it.
    /// </summary>
    /// <param name="oauthBaseUrl">The OAuth server, for example <c>https://oauth.zaloapp.com</c>.</param>
    /// <param name="appId">The app id.</param>
    /// <param name="redirectUri">The registered callback.</param>
    /// <param name="codeChallenge">The S256 challenge (<see cref="ZaloPkce.ComputeChallenge"/>).</param>
    /// <param name="state">The state value.</param>
    /// <returns>The URL.</returns>
    public static Uri BuildAuthorizationUrl(Uri oauthBaseUrl, string appId, Uri redirectUri, string codeChallenge, string state)
    {
        Guard.NotNull(oauthBaseUrl);
        Guard.NotNullOrWhiteSpace(appId);
        Guard.NotNull(redirectUri);
        Guard.NotNullOrWhiteSpace(codeChallenge);
        Guard.NotNullOrWhiteSpace(state);
        var baseUrl = oauthBaseUrl.AbsoluteUri.TrimEnd('/');
        return new Uri($"{baseUrl}/v4/oa/permission?app_id={Uri.EscapeDataString(appId)}"
            + $"&redirect_uri={Uri.EscapeDataString(redirectUri.AbsoluteUri)}&code_challenge={Uri.EscapeDataString(codeChallenge)}&state={Uri.EscapeDataString(state)}");
    }

    /// <summary>Exchanges the code from the callback for a token pair and stores it for the OA.</summary>
    /// <param name="oaId">The OA id from the callback (<c>oa_id</c>).</param>
    /// <param name="code">The code from the callback (valid 10 minutes, single use).</param>
    /// <param name="codeVerifier">The verifier of <see cref="CreateAuthorizationRequest"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The stored pair.</returns>
    /// <exception cref="ZaloReauthorizationRequiredException">The code is invalid, expired or used, or the verifier does not match (-14005).</exception>
    /// <exception cref="ZaloTokenPersistenceException">
    /// The token store refused the pair, even after retries. The code is spent, so the pair is kept in this process's
    /// memory: calls for the OA work, and the pair is saved as soon as the store accepts it.
    /// </exception>
    public virtual async Task<ZaloTokenSet> ExchangeCodeAsync(string oaId, string code, string codeVerifier, CancellationToken cancellationToken = default)
    {
        ZaloIds.CheckOaId(oaId, nameof(oaId));
        Guard.NotNullOrWhiteSpace(code);
        if (!ZaloPkce.IsValidVerifier(codeVerifier))
        {
            throw new ArgumentException("codeVerifier must be 43–128 characters of A–Z a–z 0–9 - . _ ~.", nameof(codeVerifier));
        }

        ZaloTokenSet tokens;
        try
        {
            tokens = await _core.OAuth.ExchangeCodeAsync(code, codeVerifier, cancellationToken).ConfigureAwait(false);
        }
        catch (ZaloReauthorizationRequiredException ex) when (ex.OaId.Length == 0)
        {
            throw new ZaloReauthorizationRequiredException(oaId, ex.ZaloCode, $"Authorization of OA {oaId} failed: {ex.Message}", ex) { Status = ex.Status };
        }

        // The code is spent: the pair is kept in use even if the store fails (reported by ZaloTokenPersistenceException).
        await _core.Tokens.StoreGrantAsync(oaId, tokens).ConfigureAwait(false);
        ZaloLog.CodeExchanged(_core.Logger, oaId);
        return tokens;
    }

    /// <summary>Refreshes an OA's token pair now (single flight with every other caller; the new pair is kept in memory, then stored).</summary>
    /// <param name="oaId">The OA id.</param>
    /// <param name="cancellationToken">Cancels waiting; a refresh that has started is finished and stored.</param>
    /// <returns>The stored pair.</returns>
    /// <exception cref="ZaloReauthorizationRequiredException">Zalo refused the refresh token, or it has expired.</exception>
    /// <exception cref="ZaloTokenPersistenceException">
    /// The token store refused the new pair, even after retries. The old refresh token is spent, so the new pair is
    /// kept in this process's memory: calls for the OA work, and the pair is saved as soon as the store accepts it.
    /// </exception>
    public virtual Task<ZaloTokenSet> RefreshAsync(string oaId, CancellationToken cancellationToken = default)
        => _core.Tokens.ForceRefreshAsync(ZaloIds.CheckOaId(oaId, nameof(oaId)), cancellationToken);
}
