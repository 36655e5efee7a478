using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;

namespace NinhBinh.Comms.Zalo.Internal;

/// <summary>The two OAuth v4 grants. Both are at-most-once: codes and refresh tokens are single use.</summary>
internal sealed class ZaloOAuthCalls
{
    private readonly IZaloOAuthApi _api;
    private readonly ZaloClientOptions _options;
    private readonly TimeProvider _time;

    public ZaloOAuthCalls(IZaloOAuthApi api, ZaloClientOptions options, TimeProvider time)
    {
        _api = api;
        _options = options;
        _time = time;
    }

    public Task<ZaloTokenSet> ExchangeCodeAsync(string code, string codeVerifier, CancellationToken cancellationToken)
        => RequestAsync(
        [
            new("code", code),
            new("app_id", _options.AppId!),
            new("grant_type", "authorization_code"),
            new("code_verifier", codeVerifier),
        ], "authorization code exchange", cancellationToken);

    public Task<ZaloTokenSet> RefreshAsync(string refreshToken, CancellationToken cancellationToken)
        => RequestAsync(
        [
            new("refresh_token", refreshToken),
            new("app_id", _options.AppId!),
            new("grant_type", "refresh_token"),
        ], "token refresh", cancellationToken);

    private async Task<ZaloTokenSet> RequestAsync(KeyValuePair<string, string>[] form, string operation, CancellationToken cancellationToken)
    {
        var issuedAt = _time.GetUtcNow();
        OAuthTokenResponse body;
        try
        {
            body = await _api.RequestTokenAsync(_options.AppSecret!, form, cancellationToken).ConfigureAwait(false);
        }
        catch (ZaloException ex) when (ex.Status == 429)
        {
            throw new ZaloRateLimitedException(0, $"The Zalo {operation} was rate limited (HTTP 429); Zalo did not use the code or refresh token.", ex) { Status = 429, RetryAfter = ex.RetryAfter };
        }
        catch (ZaloException ex) when (ex.Status is 408 or >= 500)
        {
            throw new ZaloOutcomeUnknownException(
                $"The Zalo {operation} answered HTTP {ex.Status.ToString(CultureInfo.InvariantCulture)}; Zalo may have used the single-use code or refresh token. Not retried.", ex) { Status = ex.Status };
        }
        catch (Exception caught) when (ZaloTransport.IsTransportFailure(caught, cancellationToken))
        {
            var ex = ZaloTransport.Unwrap(caught);
            throw new ZaloOutcomeUnknownException(
                $"The Zalo {operation} failed in transit ({ZaloTransport.Describe(ex)}); Zalo may have used the single-use code or refresh token. Not retried.", ex);
        }

        if (body.Error is { } error && error != 0)
        {
            throw ZaloException.FromCode(error, $"Zalo refused the {operation}: {ZaloResponseReader.Describe(error, body.ErrorDescription ?? body.ErrorName)}.", status: body.HttpStatus);
        }

        if (string.IsNullOrEmpty(body.AccessToken) || string.IsNullOrEmpty(body.RefreshToken) || body.ExpiresIn is null or <= 0)
        {
            throw new ZaloException($"Zalo answered the {operation} without a complete token pair.");
        }

        var refreshLifetime = body.RefreshTokenExpiresIn is > 0 ? TimeSpan.FromSeconds(body.RefreshTokenExpiresIn.Value) : TimeSpan.FromDays(90);
        return new ZaloTokenSet(body.AccessToken!, body.RefreshToken!, issuedAt.AddSeconds(body.ExpiresIn.Value), issuedAt + refreshLifetime, issuedAt);
    }
}
