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
/// The SDK's HTTP pipeline step: the shared client-side rate limit and a timeout on every attempt, and retries of
/// transient failures with exponential backoff, jitter and Retry-After (Polly, configured by
/// <see cref="ZaloRetryOptions"/>). Zalo's HTTP-200 "-32" answers are retried one level up, where the envelope is read.
/// </summary>
internal sealed class ZaloHttpHandler : DelegatingHandler
{
    private static readonly ResiliencePropertyKey<HttpRequestMessage> RequestKey = new("NinhBinh.Comms.Zalo.Request");

    private readonly ZaloRequestRateLimiter _limiter;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly TimeSpan _attemptTimeout;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly bool _retryEnabled;
    private readonly TimeSpan _maxDelay;

    public ZaloHttpHandler(ZaloRequestRateLimiter limiter, ZaloRetryOptions retry, TimeSpan attemptTimeout, TimeProvider time, ILogger logger)
    {
        _limiter = limiter;
        _attemptTimeout = attemptTimeout;
        _time = time;
        _logger = logger;
        _retryEnabled = retry.Enabled && retry.MaxRetries > 0;
        _maxDelay = retry.MaxDelay;
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time };
        if (_retryEnabled)
        {
            var maxDelay = retry.MaxDelay;
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = retry.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = retry.BaseDelay,
                MaxDelay = maxDelay,
                ShouldHandle = args => new ValueTask<bool>(ShouldRetry(args.Outcome, args.Context.Properties.GetValue(RequestKey, null!), maxDelay, args.Context.CancellationToken)),
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
    }

    /// <summary>Message sends and OAuth grants are at most once; everything else may be repeated.</summary>
    internal static ZaloRequestSafety GetSafety(HttpRequestMessage request)
    {
        var path = request.RequestUri?.AbsolutePath ?? string.Empty;
        return path.IndexOf("/oa/message", StringComparison.Ordinal) >= 0 || path.EndsWith("/access_token", StringComparison.Ordinal)
            || (request.Method == HttpMethod.Post && path.IndexOf("/upload/", StringComparison.Ordinal) >= 0)
            ? ZaloRequestSafety.AtMostOnce
            : ZaloRequestSafety.Repeatable;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // The first attempt runs outside the retry pipeline, so the common case (success, or an answer that is not
        // retried) pays nothing for it; a retryable outcome is handed to the pipeline as its first attempt.
        Outcome<HttpResponseMessage> first;
        try
        {
            var response = await AttemptAsync(request, cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                return response;
            }

            first = Outcome.FromResult(response);
        }
        catch (Exception ex) when (!(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            first = Outcome.FromException<HttpResponseMessage>(ex);
        }

        if (!_retryEnabled || !ShouldRetry(first, request, _maxDelay, cancellationToken))
        {
            first.ThrowIfException();
            return first.Result!;
        }

        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(RequestKey, request);
        try
        {
            var state = new RetryState(this, request, first);
            return await _pipeline.ExecuteOutcomeAsync(
                static (ctx, s) => s.TakeFirst(out var outcome) ? new ValueTask<Outcome<HttpResponseMessage>>(outcome) : s.AttemptOutcomeAsync(ctx.CancellationToken),
                context,
                state).ConfigureAwait(false) switch
            {
                { Exception: { } error } => throw Rethrow(error),
                { Result: { } response } => response,
                _ => throw new InvalidOperationException("The retry pipeline produced no response."),
            };
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private static Exception Rethrow(Exception error)
    {
        System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(error).Throw();
        return error;
    }

    /// <summary>One attempt: a rate-limit permit, then the HTTP exchange under the attempt timeout (which does not count the wait for the permit).</summary>
    private async Task<HttpResponseMessage> AttemptAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await _limiter.AcquireAsync(cancellationToken).ConfigureAwait(false);
        using var timeout = new AttemptTimeout(_time, _attemptTimeout, cancellationToken);
        try
        {
            return await base.SendAsync(request, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"No answer within {ZaloTransport.Seconds(_attemptTimeout)} s.", ex);
        }
    }

    /// <summary>Cancels one attempt after the timeout, on the system timer or on a test clock's.</summary>
    private sealed class AttemptTimeout : IDisposable
    {
        private readonly CancellationTokenSource _source;
        private readonly ITimer? _timer;

        public AttemptTimeout(TimeProvider time, TimeSpan timeout, CancellationToken cancellationToken)
        {
            _source = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            if (ReferenceEquals(time, TimeProvider.System))
            {
                _source.CancelAfter(timeout);
            }
            else
            {
                _timer = time.CreateTimer(static s => ((AttemptTimeout)s!).Fire(), this, timeout, Timeout.InfiniteTimeSpan);
            }
        }

        public CancellationToken Token => _source.Token;

        public void Dispose()
        {
            _timer?.Dispose();
            _source.Dispose();
        }

        private void Fire()
        {
            try
            {
                _source.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // the attempt finished as the timer fired
            }
        }
    }

    private sealed class RetryState
    {
        private readonly ZaloHttpHandler _handler;
        private readonly HttpRequestMessage _request;
        private Outcome<HttpResponseMessage>? _first;

        public RetryState(ZaloHttpHandler handler, HttpRequestMessage request, Outcome<HttpResponseMessage> first)
        {
            _handler = handler;
            _request = request;
            _first = first;
        }

        public bool TakeFirst(out Outcome<HttpResponseMessage> outcome)
        {
            if (_first is { } first)
            {
                _first = null;
                outcome = first;
                return true;
            }

            outcome = default;
            return false;
        }

        public async ValueTask<Outcome<HttpResponseMessage>> AttemptOutcomeAsync(CancellationToken cancellationToken)
        {
            try
            {
                return Outcome.FromResult(await _handler.AttemptAsync(_request, cancellationToken).ConfigureAwait(false));
            }
            catch (Exception ex) when (!(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
            {
                return Outcome.FromException<HttpResponseMessage>(ex);
            }
        }
    }

    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, HttpRequestMessage request, TimeSpan maxDelay, CancellationToken cancellationToken)
    {
        var atMostOnce = GetSafety(request) == ZaloRequestSafety.AtMostOnce;
        if (outcome.Exception is { } exception)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                return false; // the caller cancelled
            }

            return exception switch
            {
                HttpRequestException http => !atMostOnce || FailedBeforeSending(http),
                TimeoutException or System.IO.IOException => !atMostOnce,
                _ => false,
            };
        }

        var response = outcome.Result!;
        var status = (int)response.StatusCode;
        if (ZaloResponseReader.GetRetryAfter(response) > maxDelay)
        {
            return false; // longer than we are willing to wait: surface it
        }

        return status == 429 // Zalo refused the request without acting on it
            || (!atMostOnce && status is 408 or 500 or 502 or 503 or 504);
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
