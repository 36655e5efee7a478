using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
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
        => RequestAsync(new Dictionary<string, string>
        {
            ["code"] = code,
            ["app_id"] = _options.AppId!,
            ["grant_type"] = "authorization_code",
            ["code_verifier"] = codeVerifier,
        }, "authorization code exchange", cancellationToken);

    public Task<ZaloTokenSet> RefreshAsync(string refreshToken, CancellationToken cancellationToken)
        => RequestAsync(new Dictionary<string, string>
        {
            ["refresh_token"] = refreshToken,
            ["app_id"] = _options.AppId!,
            ["grant_type"] = "refresh_token",
        }, "token refresh", cancellationToken);

    private async Task<ZaloTokenSet> RequestAsync(Dictionary<string, string> form, string operation, CancellationToken cancellationToken)
    {
        var issuedAt = _time.GetUtcNow();
        HttpResponseMessage response;
        try
        {
            response = await _api.RequestTokenAsync(_options.AppSecret!, new FormUrlEncodedContent(form), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception caught) when (ZaloTransport.IsTransportFailure(caught, cancellationToken))
        {
            var ex = ZaloTransport.Unwrap(caught);
            throw new ZaloOutcomeUnknownException(
                $"The Zalo {operation} failed in transit ({ZaloTransport.Describe(ex)}); Zalo may have used the single-use code or refresh token. Not retried.", ex);
        }

        var status = (int)response.StatusCode;
        var body = await ZaloResponseReader.ReadAsync(response, ZaloJsonContext.Default.OAuthTokenResponse, operation, cancellationToken).ConfigureAwait(false);
        if (body.Error is { } error && error != 0)
        {
            throw ZaloException.FromCode(error, $"Zalo refused the {operation}: {ZaloResponseReader.Describe(error, body.ErrorDescription ?? body.ErrorName)}.", status: status);
        }

        if (string.IsNullOrEmpty(body.AccessToken) || string.IsNullOrEmpty(body.RefreshToken) || body.ExpiresIn is null or <= 0)
        {
            throw new ZaloException($"Zalo answered the {operation} without a complete token pair.");
        }

        var refreshLifetime = body.RefreshTokenExpiresIn is > 0 ? TimeSpan.FromSeconds(body.RefreshTokenExpiresIn.Value) : TimeSpan.FromDays(90);
        return new ZaloTokenSet(body.AccessToken!, body.RefreshToken!, issuedAt.AddSeconds(body.ExpiresIn.Value), issuedAt + refreshLifetime, issuedAt);
    }
}

/// <summary>Classifies transport failures (never the caller's own cancellation).</summary>
internal static class ZaloTransport
{
    public static bool IsTransportFailure(Exception exception, CancellationToken cancellationToken)
    {
        var inner = Unwrap(exception);
        return inner is HttpRequestException or System.IO.IOException or TimeoutException
            || (inner is OperationCanceledException && !cancellationToken.IsCancellationRequested);
    }

    /// <summary>Refit wraps transport failures in its own exception type; callers see the transport failure itself.</summary>
    public static Exception Unwrap(Exception exception)
        => exception.InnerException is { } inner && exception.GetType().Namespace == "Refit" ? inner : exception;

    public static string Describe(Exception exception)
        => exception is TimeoutException or OperationCanceledException ? "timed out" : exception.GetType().Name + ": " + Redaction.Scrub(exception.Message);

    public static string Seconds(TimeSpan value) => value.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture);
}
