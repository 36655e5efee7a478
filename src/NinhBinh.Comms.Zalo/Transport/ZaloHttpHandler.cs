using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace NinhBinh.Comms.Zalo.Internal;

/// <summary>
/// The SDK's one resilience pipeline, per client: retry (Polly: exponential backoff with jitter, Retry-After, Zalo's
/// HTTP-200 <c>-32</c> answers) around the shared client-side rate limit around a timeout per attempt, all on the
/// client's <see cref="TimeProvider"/>. Whether a request may be repeated travels with the request
/// (<see cref="ZaloRequestOptions"/>); at-most-once requests are repeated only when Zalo certainly did not act.
/// </summary>
/// <remarks>
/// <para>
/// Bounds for one HTTP exchange: at most <c>1 + MaxRetries</c> attempts, each at most <c>RequestTimeout</c>, with
/// at most <c>MaxRetries</c> waits of at most <c>MaxDelay</c> between them, plus the time spent waiting for a
/// rate-limit permit (which the attempt timeout does not count). The refresh-once rule for rejected tokens is not
/// part of this pipeline: <see cref="ZaloClientCore"/> applies it explicitly, once.
/// </para>
/// <para>
/// The hot path: the first attempt runs in this handler's own frame, and the Polly retry pipeline is entered only when
/// that attempt is to be repeated (it receives the first outcome as its attempt 0, so backoff, Retry-After and the
/// retry log are Polly's for every repeat). The attempt timeout is a <see cref="CancellationTokenSource"/> on the
/// <see cref="TimeProvider"/> inside the attempt: measured on loopback (benchmarks/zalo-send-loopback.sh), Polly's
/// retry and timeout strategies around every send cost two async layers, a pooled context and a pooled linked
/// cancellation source per attempt, about a tenth of the client's CPU per message at 32 in flight.
/// </para>
/// </remarks>
internal sealed class ZaloHttpHandler : DelegatingHandler
{
    /// <summary>How many bytes of an HTTP-200 body are looked at for Zalo's <c>-32</c> answer (which has no data).</summary>
    private const int PeekBytes = 256;

    private static readonly ResiliencePropertyKey<HttpRequestMessage> RequestKey = new("NinhBinh.Comms.Zalo.Request");

    private readonly ResiliencePipeline<HttpResponseMessage>? _retry;
    private readonly TimeProvider _time;
    private readonly TimeSpan _attemptTimeout;
    private readonly TimeSpan _maxDelay;
    private readonly ILogger _logger;

    public ZaloHttpHandler(ZaloRequestRateLimiter limiter, ZaloRetryOptions retry, TimeSpan attemptTimeout, TimeProvider time, ILogger logger)
    {
        _time = time;
        _attemptTimeout = attemptTimeout;
        _maxDelay = retry.MaxDelay;
        _logger = logger;
        Limiter = limiter;
        MaxAttempts = retry.Enabled ? 1 + retry.MaxRetries : 1;
        if (retry.Enabled && retry.MaxRetries > 0)
        {
            _retry = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time }
                .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
                {
                    MaxRetryAttempts = retry.MaxRetries,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = retry.BaseDelay,
                    MaxDelay = retry.MaxDelay,
                    ShouldHandle = args => new ValueTask<bool>(ShouldRetry(args.Outcome, args.Context.Properties.GetValue(RequestKey, null!), args.Context.CancellationToken)),
                    DelayGenerator = args => new ValueTask<TimeSpan?>(RetryAfter(args.Outcome, _maxDelay)),
                    OnRetry = args =>
                    {
                        OnRetry(args.Context.Properties.GetValue(RequestKey, null!), args.Outcome, args.RetryDelay, args.AttemptNumber + 1);
                        return default;
                    },
                })
                .Build();
        }
    }

    /// <summary>The shared client-side rate limit.</summary>
    public ZaloRequestRateLimiter Limiter { get; }

    /// <summary>The most attempts one request gets (1 + MaxRetries, or 1 when retries are off).</summary>
    public int MaxAttempts { get; }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        => AttemptAsync(request, first: true, cancellationToken);

    /// <summary>
    /// One attempt: a permit of the shared rate limit, then the exchange with a successful body read into memory, both
    /// under the attempt timeout (which starts after the permit, so waiting for one never counts against it, and an
    /// at-most-once send still queued for a permit is never reported as "may have reached Zalo"). The first attempt of
    /// a request hands over to the retry pipeline itself when its outcome is to be repeated: one async layer in all on
    /// the common path.
    /// </summary>
    private async Task<HttpResponseMessage> AttemptAsync(HttpRequestMessage request, bool first, CancellationToken cancellationToken)
    {
        Outcome<HttpResponseMessage> outcome;
        var permit = Limiter.AcquireAsync(cancellationToken);
        try
        {
            if (!permit.IsCompletedSuccessfully)
            {
                await permit.ConfigureAwait(false);
            }

            outcome = default;
        }
        catch (OperationCanceledException ex)
        {
            outcome = Outcome.FromException<HttpResponseMessage>(ex);
        }

        if (outcome.Exception is null)
        {
            HttpResponseMessage? response = null;
            var timeout = StartTimeout(cancellationToken, out var link);
            try
            {
                response = await base.SendAsync(request, timeout.Token).ConfigureAwait(false);
                response.RequestMessage ??= request; // handlers other than the socket handler (test doubles, proxies) may leave it unset
                if (response.IsSuccessStatusCode)
                {
#if NET
                    await response.Content.LoadIntoBufferAsync(timeout.Token).ConfigureAwait(false);
#else
                    await response.Content.LoadIntoBufferAsync().ConfigureAwait(false);
#endif
                }

                outcome = Outcome.FromResult(response);
            }
            catch (Exception ex)
            {
                response?.Dispose();
                outcome = Outcome.FromException<HttpResponseMessage>(
                    ex is OperationCanceledException && timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested
                        ? new TimeoutException($"No answer within {ZaloTransport.Seconds(_attemptTimeout)} s.", ex)
                        : ex);
            }
            finally
            {
                link.Dispose();
                timeout.Dispose();
            }
        }

        if (first && _retry is not null && ShouldRetry(outcome, request, cancellationToken))
        {
            outcome = await RetryAsync(_retry, request, outcome, cancellationToken).ConfigureAwait(false);
        }

        if (outcome.Exception is { } error)
        {
            throw Rethrow(error);
        }

        return outcome.Result!;
    }

    /// <summary>The repeats, by the Polly retry pipeline, which is handed the first attempt's outcome as its attempt 0.</summary>
    private async Task<Outcome<HttpResponseMessage>> RetryAsync(ResiliencePipeline<HttpResponseMessage> retry, HttpRequestMessage request, Outcome<HttpResponseMessage> first, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(RequestKey, request);
        try
        {
            return await retry.ExecuteOutcomeAsync(
                static (ctx, state) =>
                {
                    if (state.First is { } firstOutcome)
                    {
                        state.First = null;
                        return new ValueTask<Outcome<HttpResponseMessage>>(firstOutcome);
                    }

                    return state.Handler.RepeatAsync(state.Request, ctx.CancellationToken);
                },
                context,
                new RetryState(this, request, first)).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>A repeated attempt, as the outcome the retry pipeline judges.</summary>
    private async ValueTask<Outcome<HttpResponseMessage>> RepeatAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return Outcome.FromResult(await AttemptAsync(request, first: false, cancellationToken).ConfigureAwait(false));
        }
        catch (Exception ex)
        {
            return Outcome.FromException<HttpResponseMessage>(ex);
        }
    }

    /// <summary>The attempt's cancellation: the attempt timeout on the client's clock, or the caller's token.</summary>
    private CancellationTokenSource StartTimeout(CancellationToken cancellationToken, out CancellationTokenRegistration link)
    {
#if NET
        var timeout = new CancellationTokenSource(_attemptTimeout, _time);
#else
        var timeout = _time.CreateCancellationTokenSource(_attemptTimeout);
#endif
#if NET
        link = cancellationToken.CanBeCanceled ? cancellationToken.UnsafeRegister(static s => ((CancellationTokenSource)s!).Cancel(), timeout) : default;
#else
        link = cancellationToken.CanBeCanceled ? cancellationToken.Register(static s => ((CancellationTokenSource)s!).Cancel(), timeout) : default;
#endif
        return timeout;
    }

    private static Exception Rethrow(Exception error)
    {
        System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(error).Throw();
        return error;
    }

    private bool ShouldRetry(Outcome<HttpResponseMessage> outcome, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return false; // the caller cancelled
        }

        var atMostOnce = ZaloRequestOptions.GetSafety(request) == ZaloRequestSafety.AtMostOnce;
        if (outcome.Exception is { } exception)
        {
            return exception switch
            {
                HttpRequestException http => !atMostOnce || FailedBeforeSending(http),
                TimeoutException or IOException or System.Net.Sockets.SocketException => !atMostOnce,
                OperationCanceledException => !atMostOnce, // cancelled by something other than the caller: a timeout below us
                _ => false,
            };
        }

        var response = outcome.Result!;
        var status = (int)response.StatusCode;
        if (ZaloResponseReader.GetRetryAfter(response) > _maxDelay)
        {
            return false; // longer than we are willing to wait: surface it
        }

        if (status == 200)
        {
            return IsRateLimitedEnvelope(response); // -32: Zalo refused without acting
        }

        return status == 429 // Zalo refused the request without acting on it
            || (!atMostOnce && status is 408 or 500 or 502 or 503 or 504);
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

    /// <summary>The retry pipeline's state: the request, and the first attempt's outcome until the pipeline has taken it.</summary>
    private sealed class RetryState(ZaloHttpHandler handler, HttpRequestMessage request, Outcome<HttpResponseMessage> first)
    {
        public ZaloHttpHandler Handler { get; } = handler;

        public HttpRequestMessage Request { get; } = request;

        public Outcome<HttpResponseMessage>? First { get; set; } = first;
    }
}
