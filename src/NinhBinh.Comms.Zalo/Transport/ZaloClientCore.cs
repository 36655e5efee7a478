using System;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using NinhBinh.Comms.Internal;

namespace NinhBinh.Comms.Zalo.Internal;

/// <summary>What every OA client of one app shares: options, endpoints, token lifecycle, clock and logger.</summary>
internal sealed class ZaloClientCore
{
    public ZaloClientCore(ZaloClientOptions options, IZaloOpenApi openApi, ZaloTokenManager tokens, ZaloOAuthCalls oauth, TimeProvider time, ILogger logger)
    {
        Options = options;
        OpenApi = openApi;
        Tokens = tokens;
        OAuth = oauth;
        Time = time;
        Logger = logger;
    }

    public ZaloClientOptions Options { get; }

    public IZaloOpenApi OpenApi { get; }

    public ZaloTokenManager Tokens { get; }

    public ZaloOAuthCalls OAuth { get; }

    public TimeProvider Time { get; }

    public ILogger Logger { get; }

    /// <summary>
    /// Runs one OpenAPI operation: gets a token, sends, reads the envelope; on -216/-220/-124 refreshes once and
    /// retries once; turns every Zalo error into a typed exception.
    /// </summary>
    public Task<T> CallAsync<T>(
        string oaId,
        string operation,
        bool atMostOnce,
        Func<string, string?, CancellationToken, Task<HttpResponseMessage>> send,
        JsonTypeInfo<ZaloEnvelope<T>> typeInfo,
        CancellationToken cancellationToken)
        => CallAsync(oaId, operation, atMostOnce, send, static (s, token, proof, ct) => s(token, proof, ct), typeInfo, cancellationToken);

    /// <summary>As above, with the request's inputs passed as state so the hot path allocates no closure.</summary>
    public async Task<T> CallAsync<TState, T>(
        string oaId,
        string operation,
        bool atMostOnce,
        TState state,
        Func<TState, string, string?, CancellationToken, Task<HttpResponseMessage>> send,
        JsonTypeInfo<ZaloEnvelope<T>> typeInfo,
        CancellationToken cancellationToken)
    {
        using var activity = ZaloTelemetry.Source.HasListeners() ? ZaloTelemetry.Source.StartActivity("zalo " + operation, ActivityKind.Client) : null;
        activity?.SetTag("nbcomms.zalo.oa_id", oaId);
        ZaloTelemetry.CountRequest(operation);
        var token = await Tokens.GetAccessTokenAsync(oaId, cancellationToken).ConfigureAwait(false);
        var refreshed = false;
        var rateLimitedRetries = 0;
        while (true)
        {
            HttpResponseMessage response;
            try
            {
                response = await send(state, token, Proof(token), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception caught) when (ZaloTransport.IsTransportFailure(caught, cancellationToken))
            {
                var ex = ZaloTransport.Unwrap(caught);
                activity?.SetStatus(ActivityStatusCode.Error, "transport");
                throw atMostOnce
                    ? new ZaloOutcomeUnknownException($"Zalo {operation} for OA {oaId} {ZaloTransport.Describe(ex)} after the request may have reached Zalo; not retried so it is never sent twice.", ex)
                    : new ZaloException($"Zalo {operation} for OA {oaId} failed: {ZaloTransport.Describe(ex)}.", ex) { IsTransient = true };
            }

            var status = (int)response.StatusCode;
            ZaloEnvelope<T> envelope;
            try
            {
                envelope = await ZaloResponseReader.ReadAsync(response, typeInfo, operation, cancellationToken).ConfigureAwait(false);
            }
            catch (ZaloException ex) when (ex.Status == 429)
            {
                throw new ZaloRateLimitedException(0, $"Zalo {operation} for OA {oaId} was rate limited (HTTP 429).", ex) { Status = 429, RetryAfter = ex.RetryAfter };
            }

            if (envelope.Error == 0)
            {
                ZaloLog.OperationSucceeded(Logger, operation, oaId);
                return envelope.Data!;
            }

            var code = envelope.Error;
            if (!refreshed && code is ZaloErrorCodes.AccessTokenInvalid or ZaloErrorCodes.AccessTokenExpired or ZaloErrorCodes.ZnsAccessTokenInvalid)
            {
                ZaloLog.TokenRejected(Logger, oaId, code);
                token = await Tokens.RefreshAfterRejectionAsync(oaId, token, cancellationToken).ConfigureAwait(false);
                refreshed = true;
                continue;
            }

            if (code == ZaloErrorCodes.RateLimited && Options.Retry.Enabled && rateLimitedRetries < Options.Retry.MaxRetries)
            {
                // Zalo refused the request without acting on it: safe to repeat, even for a message send.
                var delay = Backoff(rateLimitedRetries++);
                ZaloTelemetry.Retries.Add(1);
                ZaloLog.Retrying(Logger, "POST", operation, delay, "Zalo -32", rateLimitedRetries);
                await Time.DelayAsync(delay, cancellationToken).ConfigureAwait(false);
                continue;
            }

            ZaloTelemetry.CountError(operation, code);
            ZaloLog.OperationFailed(Logger, operation, oaId, code, ZaloErrorCodes.Describe(code));
            activity?.SetStatus(ActivityStatusCode.Error, code.ToString(CultureInfo.InvariantCulture));
            var description = ZaloResponseReader.Describe(code, envelope.Message, token, Options.AppSecret);
            var message = ZaloErrorCodes.GetKind(code) == ZaloErrorKind.ReauthorizationRequired
                ? $"Re-authorization required for OA {oaId}: {description} even after a token refresh."
                : $"Zalo refused {operation} for OA {oaId}: {description}.";

            throw ZaloException.FromCode(code, message, oaId, status);
        }
    }

    /// <summary>Exponential backoff with jitter: BaseDelay × 2^n, ±50 %, at most MaxDelay.</summary>
    private TimeSpan Backoff(int retry)
    {
#if NET
        var jitter = 0.5 + Random.Shared.NextDouble();
#else
        double jitter;
        lock (JitterSource)
        {
            jitter = 0.5 + JitterSource.NextDouble();
        }
#endif
        var ticks = Options.Retry.BaseDelay.Ticks * Math.Pow(2, retry) * jitter;
        return TimeSpan.FromTicks((long)Math.Min(ticks, Options.Retry.MaxDelay.Ticks));
    }

#if !NET
    private static readonly Random JitterSource = new();
#endif

    private string? Proof(string accessToken)
    {
        if (!Options.UseAppSecretProof)
        {
            return null;
        }

        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(Options.AppSecret!));
        var hash = hmac.ComputeHash(Encoding.UTF8.GetBytes(accessToken));
        var sb = new StringBuilder(hash.Length * 2);
        foreach (var b in hash)
        {
            sb.Append(b.ToString("x2", CultureInfo.InvariantCulture));
        }

        return sb.ToString();
    }
}
