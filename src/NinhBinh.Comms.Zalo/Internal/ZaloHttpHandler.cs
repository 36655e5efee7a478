using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace NinhBinh.Comms.Zalo.Internal;

/// <summary>How a request may be repeated.</summary>
internal enum ZaloRequestSafety
{
    /// <summary>Reads and idempotent writes: retried on any transient failure.</summary>
    Repeatable = 0,

    /// <summary>
    /// Message sends and token refreshes: retried only when Zalo certainly did not act on the request (the
    /// connection failed before anything was sent, or Zalo answered -32 / HTTP 429). At most once.
    /// </summary>
    AtMostOnce = 1,
}

/// <summary>
/// The SDK's HTTP pipeline step: the shared client-side rate limit on every attempt, and retries of transient
/// failures with exponential backoff, jitter and Retry-After (Polly, configured by <see cref="ZaloRetryOptions"/>).
/// </summary>
internal sealed class ZaloHttpHandler : DelegatingHandler
{
    private static readonly ResiliencePropertyKey<HttpRequestMessage> RequestKey = new("NinhBinh.Comms.Zalo.Request");

    private readonly ZaloRequestRateLimiter _limiter;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly ResiliencePipeline<HttpResponseMessage> _attempt;
    private readonly ILogger _logger;

    public ZaloHttpHandler(ZaloRequestRateLimiter limiter, ZaloRetryOptions retry, TimeSpan attemptTimeout, TimeProvider time, ILogger logger)
    {
        _limiter = limiter;
        _logger = logger;
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time };
        if (retry.Enabled && retry.MaxRetries > 0)
        {
            var maxDelay = retry.MaxDelay;
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = retry.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = retry.BaseDelay,
                MaxDelay = maxDelay,
                ShouldHandle = args => new ValueTask<bool>(ShouldRetry(args.Outcome, args.Context, maxDelay)),
                DelayGenerator = args => new ValueTask<TimeSpan?>(RetryAfter(args.Outcome, maxDelay)),
                OnRetry = args =>
                {
                    var request = args.Context.Properties.GetValue(RequestKey, null!);
                    ZaloTelemetry.Retries.Add(1);
                    if (_logger.IsEnabled(LogLevel.Information))
                    {
                        var reason = Reason(args.Outcome);
                        var path = request.RequestUri?.AbsolutePath ?? string.Empty;
                        ZaloLog.Retrying(_logger, request.Method.Method, path, args.RetryDelay, reason, args.AttemptNumber + 1);
                    }

                    return default;
                },
            });
        }

        _pipeline = builder.Build();

        // The timeout covers one HTTP attempt, not the wait for a rate-limit permit.
        _attempt = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time }.AddTimeout(attemptTimeout).Build();
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(RequestKey, request);
        try
        {
            return await _pipeline.ExecuteAsync(
                static async (ctx, state) =>
                {
                    var (handler, request) = state;
                    await handler._limiter.AcquireAsync(ctx.CancellationToken).ConfigureAwait(false);
                    return await handler._attempt.ExecuteAsync(
                        static async (s, token) =>
                        {
                            var response = await s.handler.SendCoreAsync(s.request, token).ConfigureAwait(false);
                            await BufferIfRateLimitedAsync(response, token).ConfigureAwait(false);
                            return response;
                        },
                        (handler, request),
                        ctx.CancellationToken).ConfigureAwait(false);
                },
                context,
                (this, request)).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private Task<HttpResponseMessage> SendCoreAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        => base.SendAsync(request, cancellationToken);

    /// <summary>Message sends and OAuth grants are at most once; everything else may be repeated.</summary>
    internal static ZaloRequestSafety GetSafety(HttpRequestMessage request)
    {
        var path = request.RequestUri?.AbsolutePath ?? string.Empty;
        return path.IndexOf("/oa/message", StringComparison.Ordinal) >= 0 || path.EndsWith("/access_token", StringComparison.Ordinal)
            || (request.Method == HttpMethod.Post && path.IndexOf("/upload/", StringComparison.Ordinal) >= 0)
            ? ZaloRequestSafety.AtMostOnce
            : ZaloRequestSafety.Repeatable;
    }

    /// <summary>Loads small JSON bodies so a "-32" envelope can be seen (and the body still read by the caller).</summary>
    private static async Task BufferIfRateLimitedAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode && response.Content is not null)
        {
#if NET
            await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
#else
            cancellationToken.ThrowIfCancellationRequested();
            await response.Content.LoadIntoBufferAsync().ConfigureAwait(false);
#endif
        }
    }

    private static bool IsRateLimitEnvelope(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode || response.Content is null)
        {
            return false;
        }

        // LoadIntoBufferAsync ran: this read comes from memory.
#pragma warning disable CA1849 // The content is already buffered.
        var bytes = response.Content.ReadAsByteArrayAsync().GetAwaiter().GetResult();
#pragma warning restore CA1849
        return ZaloResponseReader.PeekErrorCode(bytes) == ZaloErrorCodes.RateLimited;
    }

    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context, TimeSpan maxDelay)
    {
        var request = context.Properties.GetValue(RequestKey, null!);
        var atMostOnce = GetSafety(request) == ZaloRequestSafety.AtMostOnce;
        if (outcome.Exception is { } exception)
        {
            if (context.CancellationToken.IsCancellationRequested)
            {
                return false; // the caller cancelled
            }

            return exception switch
            {
                HttpRequestException http => !atMostOnce || FailedBeforeSending(http),
                Polly.Timeout.TimeoutRejectedException => !atMostOnce,
                System.IO.IOException => !atMostOnce,
                _ => false,
            };
        }

        var response = outcome.Result!;
        var status = (int)response.StatusCode;
        var retryAfter = ZaloResponseReader.GetRetryAfter(response);
        if (retryAfter > maxDelay)
        {
            return false; // longer than we are willing to wait: surface it
        }

        if (status == 429 || IsRateLimitEnvelope(response))
        {
            return true; // Zalo refused the request without acting on it
        }

        return !atMostOnce && status is 408 or 500 or 502 or 503 or 504;
    }

    private static bool FailedBeforeSending(HttpRequestException exception)
    {
#if NET
        return exception.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError;
#else
        return exception.InnerException is System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.ConnectionRefused or System.Net.Sockets.SocketError.HostNotFound };
#endif
    }

    private static TimeSpan? RetryAfter(Outcome<HttpResponseMessage> outcome, TimeSpan maxDelay)
    {
        // Polly disposes the previous attempt's response itself before the next attempt.
        if (outcome.Result is { } response && ZaloResponseReader.GetRetryAfter(response) is { } wait)
        {
            return wait > maxDelay ? maxDelay : wait;
        }

        return null; // Polly's exponential backoff with jitter
    }

    private static string Reason(Outcome<HttpResponseMessage> outcome)
        => outcome.Exception is { } ex ? ex.GetType().Name : "HTTP " + ((int)outcome.Result!.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
