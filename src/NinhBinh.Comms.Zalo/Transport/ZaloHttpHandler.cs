using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace NinhBinh.Comms.Zalo.Internal;

/// <summary>
/// The SDK's one resilience pipeline, per client (Polly): retry (exponential backoff with jitter, Retry-After,
/// Zalo's HTTP-200 <c>-32</c> answers) around the shared client-side rate limit around a timeout per attempt, all
/// on the client's <see cref="TimeProvider"/>. Whether a request may be repeated travels with the request
/// (<see cref="ZaloRequestOptions"/>); at-most-once requests are repeated only when Zalo certainly did not act.
/// </summary>
/// <remarks>
/// Bounds for one HTTP exchange: at most <c>1 + MaxRetries</c> attempts, each at most <c>RequestTimeout</c>, with
/// at most <c>MaxRetries</c> waits of at most <c>MaxDelay</c> between them, plus the time spent waiting for a
/// rate-limit permit (which the attempt timeout does not count). The refresh-once rule for rejected tokens is not
/// part of this pipeline: <see cref="ZaloClientCore"/> applies it explicitly, once.
/// </remarks>
internal sealed class ZaloHttpHandler : DelegatingHandler
{
    /// <summary>How many bytes of an HTTP-200 body are looked at for Zalo's <c>-32</c> answer (which has no data).</summary>
    private const int PeekBytes = 256;

    private static readonly ResiliencePropertyKey<HttpRequestMessage> RequestKey = new("NinhBinh.Comms.Zalo.Request");

    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly ResiliencePipeline<HttpResponseMessage> _attempt;
    private readonly TimeSpan _attemptTimeout;
    private readonly TimeSpan _maxDelay;
    private readonly ILogger _logger;

    public ZaloHttpHandler(ZaloRequestRateLimiter limiter, ZaloRetryOptions retry, TimeSpan attemptTimeout, TimeProvider time, ILogger logger)
    {
        _attemptTimeout = attemptTimeout;
        _maxDelay = retry.MaxDelay;
        _logger = logger;
        Limiter = limiter;
        MaxAttempts = retry.Enabled ? 1 + retry.MaxRetries : 1;
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time };
        if (retry.Enabled && retry.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = retry.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = retry.BaseDelay,
                MaxDelay = retry.MaxDelay,
                ShouldHandle = args => ShouldRetryAsync(args.Outcome, args.Context),
                DelayGenerator = args => new ValueTask<TimeSpan?>(RetryAfter(args.Outcome, _maxDelay)),
                OnRetry = args =>
                {
                    OnRetry(args.Context.Properties.GetValue(RequestKey, null!), args.Outcome, args.RetryDelay, args.AttemptNumber + 1);
                    return default;
                },
            });
        }

        _pipeline = builder.Build();

        // Inside each retry attempt: the rate-limit permit, then the exchange under the attempt timeout (so the wait
        // for a permit never counts against it, and an at-most-once send still queued for a permit is never reported
        // as "may have reached Zalo").
        _attempt = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time }.AddTimeout(attemptTimeout).Build();
    }

    /// <summary>The shared client-side rate limit.</summary>
    public ZaloRequestRateLimiter Limiter { get; }

    /// <summary>The most attempts one request gets (1 + MaxRetries, or 1 when retries are off).</summary>
    public int MaxAttempts { get; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(RequestKey, request);
        try
        {
            var outcome = await _pipeline.ExecuteOutcomeAsync(
                static (ctx, state) => state.Handler.AttemptAsync(ctx, state.Request),
                context,
                (Handler: this, Request: request)).ConfigureAwait(false);

            if (outcome.Exception is { } error)
            {
                throw error is TimeoutRejectedException
                    ? new TimeoutException($"No answer within {ZaloTransport.Seconds(_attemptTimeout)} s.", error)
                    : Rethrow(error);
            }

            return outcome.Result!;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>One attempt: a permit of the shared rate limit, then the exchange under the attempt timeout.</summary>
    private ValueTask<Outcome<HttpResponseMessage>> AttemptAsync(ResilienceContext context, HttpRequestMessage request)
    {
        var permit = Limiter.AcquireAsync(context.CancellationToken);
        return permit.IsCompletedSuccessfully
            ? ExchangeAsync(context, request) // the common case: no async frame of its own
            : AwaitPermitThenExchangeAsync(permit, context, request);
    }

    private async ValueTask<Outcome<HttpResponseMessage>> AwaitPermitThenExchangeAsync(ValueTask permit, ResilienceContext context, HttpRequestMessage request)
    {
        try
        {
            await permit.ConfigureAwait(false);
        }
        catch (OperationCanceledException ex)
        {
            return Outcome.FromException<HttpResponseMessage>(ex);
        }

        return await ExchangeAsync(context, request).ConfigureAwait(false);
    }

    private ValueTask<Outcome<HttpResponseMessage>> ExchangeAsync(ResilienceContext context, HttpRequestMessage request)
        => _attempt.ExecuteOutcomeAsync(
            static (ctx, state) => state.Handler.SendOnceAsync(state.Request, ctx.CancellationToken),
            context,
            (Handler: this, Request: request));

    /// <summary>The exchange, with a successful body read into memory (still under the attempt timeout).</summary>
    private async ValueTask<Outcome<HttpResponseMessage>> SendOnceAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        HttpResponseMessage? response = null;
        try
        {
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            response.RequestMessage ??= request; // handlers other than the socket handler (test doubles, proxies) may leave it unset
            if (response.IsSuccessStatusCode)
            {
#if NET
                await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
#else
                await response.Content.LoadIntoBufferAsync().ConfigureAwait(false);
#endif
            }

            return Outcome.FromResult(response);
        }
        catch (Exception ex)
        {
            response?.Dispose();
            return Outcome.FromException<HttpResponseMessage>(ex);
        }
    }

    private static Exception Rethrow(Exception error)
    {
        System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(error).Throw();
        return error;
    }

    private ValueTask<bool> ShouldRetryAsync(Outcome<HttpResponseMessage> outcome, ResilienceContext context)
    {
        if (context.CancellationToken.IsCancellationRequested)
        {
            return new ValueTask<bool>(false); // the caller cancelled
        }

        var request = context.Properties.GetValue(RequestKey, null!);
        var atMostOnce = ZaloRequestOptions.GetSafety(request) == ZaloRequestSafety.AtMostOnce;
        if (outcome.Exception is { } exception)
        {
            return new ValueTask<bool>(exception switch
            {
                HttpRequestException http => !atMostOnce || FailedBeforeSending(http),
                TimeoutRejectedException or TimeoutException or IOException or System.Net.Sockets.SocketException => !atMostOnce,
                OperationCanceledException => !atMostOnce, // cancelled by something other than the caller: a timeout below us
                _ => false,
            });
        }

        var response = outcome.Result!;
        var status = (int)response.StatusCode;
        if (ZaloResponseReader.GetRetryAfter(response) > _maxDelay)
        {
            return new ValueTask<bool>(false); // longer than we are willing to wait: surface it
        }

        if (status == 200)
        {
            return new ValueTask<bool>(IsRateLimitedEnvelope(response)); // -32: Zalo refused without acting
        }

        return new ValueTask<bool>(status == 429 // Zalo refused the request without acting on it
            || (!atMostOnce && status is 408 or 500 or 502 or 503 or 504));
    }

    /// <summary>Whether a buffered HTTP-200 body is Zalo's <c>-32</c> rate-limit envelope (such answers carry no data).</summary>
    private static bool IsRateLimitedEnvelope(HttpResponseMessage response)
    {
#if NET
        var stream = response.Content.ReadAsStream(); // the buffered body: not disposed, it is read again later
#else
        var stream = response.Content.ReadAsStreamAsync().GetAwaiter().GetResult(); // buffered: completes at once; not disposed
#endif
        if (!stream.CanSeek)
        {
            return false;
        }

        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(PeekBytes);
        try
        {
            var read = 0;
            int n;
            while (read < PeekBytes && (n = stream.Read(buffer, read, PeekBytes - read)) > 0)
            {
                read += n;
            }

            return ZaloResponseReader.PeekErrorCode(new ReadOnlySpan<byte>(buffer, 0, read), isWholeBody: read < PeekBytes) == ZaloErrorCodes.RateLimited;
        }
        finally
        {
            stream.Position = 0;
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static bool FailedBeforeSending(HttpRequestException exception)
    {
#if NET
        return exception.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError;
#else
        // .NET Framework: the socket error inside; a modern runtime running this build also says so in HttpRequestError.
        var error = exception.GetType().GetProperty("HttpRequestError")?.GetValue(exception)?.ToString();
        return error is "ConnectionError" or "NameResolutionError" or "SecureConnectionError"
            || exception.InnerException is System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.ConnectionRefused or System.Net.Sockets.SocketError.HostNotFound };
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

    private void OnRetry(HttpRequestMessage request, Outcome<HttpResponseMessage> outcome, TimeSpan delay, int attempt)
    {
        ZaloTelemetry.Retries.Add(1);
        if (_logger.IsEnabled(LogLevel.Information))
        {
            var reason = outcome.Exception is { } ex
                ? ex.GetType().Name
                : outcome.Result!.StatusCode == System.Net.HttpStatusCode.OK
                    ? "Zalo -32"
                    : "HTTP " + ((int)outcome.Result.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
            ZaloLog.Retrying(_logger, request.Method.Method, request.RequestUri?.AbsolutePath ?? string.Empty, delay, reason, attempt);
        }
    }
}
