using System;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace NinhBinh.Comms.Zalo.Internal;

/// <summary>What every OA client of one app shares: options, endpoints, token lifecycle, clock and logger.</summary>
internal sealed class ZaloClientCore
{
    public ZaloClientCore(ZaloClientOptions options, IZaloOpenApi openApi, ZaloTokenManager tokens, ZaloOAuthCalls oauth, TimeProvider time, ILogger logger,
        IZaloBusinessApi business)
    {
        Options = options;
        OpenApi = openApi;
        Business = business;
        ZnsTemplates = new ZnsTemplateCache(time);
        Tokens = tokens;
        OAuth = oauth;
        Time = time;
        Logger = logger;
    }

    public ZaloClientOptions Options { get; }

    public IZaloOpenApi OpenApi { get; }

    public ZaloTokenManager Tokens { get; }

    /// <summary>The business API (ZNS / ZBS template messages).</summary>
    public IZaloBusinessApi Business { get; }

    /// <summary>ZNS template descriptions per OA, for the checks before a send.</summary>
    public ZnsTemplateCache ZnsTemplates { get; }

    public ZaloOAuthCalls OAuth { get; }

    public TimeProvider Time { get; }

    public ILogger Logger { get; }

    /// <summary>
    /// Runs one OpenAPI operation: gets a token, sends (through the one retry pipeline of
    /// <see cref="ZaloHttpHandler"/>), reads the envelope; on -216/-220/-124 refreshes once and sends once more (the
    /// refresh-once rule, kept apart from the pipeline's retries); turns every Zalo error into a typed exception.
    /// </summary>
    /// <remarks>
    /// So one call makes at most two exchanges (before and after one refresh), each of at most
    /// <c>1 + Retry.MaxRetries</c> attempts, plus the refresh itself.
    /// </remarks>
    public Task<T> CallAsync<T>(
        string oaId,
        string operation,
        bool atMostOnce,
        Func<string, string?, CancellationToken, Task<ZaloEnvelope<T>>> send,
        CancellationToken cancellationToken)
        => CallAsync(oaId, operation, atMostOnce, send, static (s, token, proof, ct) => s(token, proof, ct), cancellationToken);

    /// <summary>As above, with the request's inputs passed as state so the hot path allocates no closure.</summary>
    public Task<T> CallAsync<TState, T>(
        string oaId,
        string operation,
        bool atMostOnce,
        TState state,
        Func<TState, string, string?, CancellationToken, Task<ZaloEnvelope<T>>> send,
        CancellationToken cancellationToken)
        => CallAsync(oaId, operation, atMostOnce, state, send, static (_, data) => data, cancellationToken);

    /// <summary>
    /// As above, with the answer's data turned into the caller's result by <paramref name="map"/> (which may throw): the
    /// hot send path then has no async layer of its own above this one.
    /// </summary>
    public Task<TResult> CallAsync<TState, T, TResult>(
        string oaId,
        string operation,
        bool atMostOnce,
        TState state,
        Func<TState, string, string?, CancellationToken, Task<ZaloEnvelope<T>>> send,
        Func<TState, T, TResult> map,
        CancellationToken cancellationToken)
        => CallAsync(oaId, operation, atMostOnce, state, send, static (_, envelope) => envelope, map, cancellationToken);

    /// <summary>
    /// The call itself: <paramref name="send"/> makes the exchange and <paramref name="read"/> turns its answer into
    /// Zalo's envelope (for the hand-written message sends, the HTTP response read here, in this frame: no async layer
    /// of the transport's own on the hot path); a failure of either is handled alike.
    /// </summary>
    public async Task<TResult> CallAsync<TState, TAnswer, T, TResult>(
        string oaId,
        string operation,
        bool atMostOnce,
        TState state,
        Func<TState, string, string?, CancellationToken, Task<TAnswer>> send,
        Func<TState, TAnswer, ZaloEnvelope<T>> read,
        Func<TState, T, TResult> map,
        CancellationToken cancellationToken)
    {
        using var activity = ZaloTelemetry.Source.HasListeners() ? ZaloTelemetry.Source.StartActivity("zalo " + operation, ActivityKind.Client) : null;
        activity?.SetTag("nbcomms.zalo.oa_id", oaId);
        ZaloTelemetry.CountRequest(operation);
        var token = await Tokens.GetAccessTokenAsync(oaId, cancellationToken).ConfigureAwait(false);
        var refreshed = false;
        while (true)
        {
            ZaloEnvelope<T> envelope;
            try
            {
                envelope = read(state, await send(state, token, Proof(token), cancellationToken).ConfigureAwait(false));
            }
            catch (ZaloException ex) when (ex.Status == 429)
            {
                activity?.SetStatus(ActivityStatusCode.Error, "429");
                throw new ZaloRateLimitedException(0, $"Zalo {operation} for OA {oaId} was rate limited (HTTP 429).", ex) { Status = 429, RetryAfter = ex.RetryAfter };
            }
            catch (ZaloException ex) when (atMostOnce && ex.Status is 408 or >= 500)
            {
                // A server error after the request arrived: Zalo may or may not have acted on it.
                activity?.SetStatus(ActivityStatusCode.Error, "http");
                throw new ZaloOutcomeUnknownException(
                    $"Zalo {operation} for OA {oaId} answered HTTP {ex.Status.ToString(CultureInfo.InvariantCulture)} after the request reached Zalo; it may have been carried out, so it is not retried and never sent twice.", ex)
                { Status = ex.Status };
            }
            catch (Exception caught) when (ZaloTransport.IsTransportFailure(caught, cancellationToken))
            {
                var ex = ZaloTransport.Unwrap(caught);
                activity?.SetStatus(ActivityStatusCode.Error, "transport");
                throw atMostOnce
                    ? new ZaloOutcomeUnknownException($"Zalo {operation} for OA {oaId} {ZaloTransport.Describe(ex)} after the request may have reached Zalo; not retried so it is never sent twice.", ex)
                    : new ZaloException($"Zalo {operation} for OA {oaId} failed: {ZaloTransport.Describe(ex)}.", ex) { IsTransient = true };
            }

            if (envelope.Error == 0)
            {
                ZaloLog.OperationSucceeded(Logger, operation, oaId);
                return map(state, envelope.Data!);
            }

            var code = envelope.Error;
            if (!refreshed && code is ZaloErrorCodes.AccessTokenInvalid or ZaloErrorCodes.AccessTokenExpired or ZaloErrorCodes.ZnsAccessTokenInvalid)
            {
                // The refresh-once rule: a rejected token is refreshed (single-flight) and the call sent once more.
                ZaloLog.TokenRejected(Logger, oaId, code);
                token = await Tokens.RefreshAfterRejectionAsync(oaId, token, cancellationToken).ConfigureAwait(false);
                refreshed = true;
                continue;
            }

            ZaloTelemetry.CountError(operation, code);
            ZaloLog.OperationFailed(Logger, operation, oaId, code, ZaloErrorCodes.Describe(code));
            activity?.SetStatus(ActivityStatusCode.Error, code.ToString(CultureInfo.InvariantCulture));
            var description = ZaloResponseReader.Describe(code, envelope.Message, token, Options.AppSecret);
            var message = ZaloErrorCodes.GetKind(code) == ZaloErrorKind.ReauthorizationRequired
                ? $"Re-authorization required for OA {oaId}: {description} even after a token refresh."
                : $"Zalo refused {operation} for OA {oaId}: {description}.";

            throw ZaloException.FromCode(code, message, oaId, status: envelope.HttpStatus); // usually 200: Zalo answers errors in an HTTP-200 envelope
        }
    }

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
