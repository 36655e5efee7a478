using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NinhBinh.Comms.Zalo.Internal;

namespace NinhBinh.Comms.Zalo.Tests;

/// <summary>
/// The one retry pipeline (<see cref="ZaloHttpHandler"/>), the safety that travels with each request, the bounds of one
/// call and the client rate limit, all on a <see cref="FakeTimeProvider"/>: nothing here waits for real time to show
/// that something did not happen.
/// </summary>
public class ZaloResilienceTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.FromHours(7));
    private static readonly Uri OpenApi = new("http://openapi.test/");
    private static readonly ZaloRetryOptions Retry = new() { MaxRetries = 3, BaseDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(30) };
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(10);

    public static IEnumerable<object[]> Endpoints() => ZaloEndpoint.All.Select(e => new object[] { e.Name });

    private static ZaloEndpoint Endpoint(string name) => ZaloEndpoint.All.Single(e => e.Name == name);

    private static (HttpClient Http, ZaloDirectCalls Calls, ZaloRequestRateLimiter Limiter) Pipeline(HttpMessageHandler inner, FakeTimeProvider time, int permits = 0)
    {
        var limiter = new ZaloRequestRateLimiter(permits, ZaloRequestRateLimiter.DefaultWindow, time);
        var handler = new ZaloHttpHandler(limiter, Retry, AttemptTimeout, time, NullLogger.Instance) { InnerHandler = inner };
        var http = new HttpClient(handler) { BaseAddress = OpenApi, Timeout = Timeout.InfiniteTimeSpan };
        return (http, new ZaloDirectCalls(http), limiter);
    }

    private static HttpResponseMessage Json(string json, HttpStatusCode status = HttpStatusCode.OK)
        => new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    private sealed class CountingHandler : HttpMessageHandler
    {
        private readonly Func<int, CancellationToken, Task<HttpResponseMessage>> _respond;
        private int _count;

        public CountingHandler(Func<int, CancellationToken, Task<HttpResponseMessage>> respond) => _respond = respond;

        public int Count => Volatile.Read(ref _count);

        public List<DateTimeOffset> Times { get; } = new();

        public TimeProvider? Clock { get; init; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (Times)
            {
                Times.Add(Clock?.GetUtcNow() ?? default);
            }

            return _respond(Interlocked.Increment(ref _count), cancellationToken);
        }
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task A_server_error_is_retried_only_for_repeatable_endpoints(string name)
    {
        var endpoint = Endpoint(name);
        var time = new FakeTimeProvider(Now);
        var inner = new CountingHandler((_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.InternalServerError)));
        var (http, calls, _) = Pipeline(inner, time);

        using var response = await FakeClock.Pump(time, http.SendAsync(calls.CreateRequest(endpoint)));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(endpoint.Safety == ZaloRequestSafety.AtMostOnce ? 1 : 1 + Retry.MaxRetries, inner.Count);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task A_timeout_is_retried_only_for_repeatable_endpoints(string name)
    {
        var endpoint = Endpoint(name);
        var time = new FakeTimeProvider(Now);
        var inner = new CountingHandler(async (_, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct); // never answers: cancelled by the attempt timeout
            throw new InvalidOperationException("unreachable");
        });
        var (http, calls, _) = Pipeline(inner, time);

        var error = await FakeClock.PumpFailure(time, http.SendAsync(calls.CreateRequest(endpoint)));

        Assert.IsType<TimeoutException>(error);
        Assert.Contains("10 s", error.Message);
        Assert.Equal(endpoint.Safety == ZaloRequestSafety.AtMostOnce ? 1 : 1 + Retry.MaxRetries, inner.Count);
    }

    [Fact]
    public async Task The_callers_cancellation_during_an_attempt_ends_the_call_and_is_neither_a_timeout_nor_retried()
    {
        var time = new FakeTimeProvider(Now);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var inner = new CountingHandler(async (_, ct) =>
        {
            started.TrySetResult();
            await Task.Delay(Timeout.Infinite, ct); // answers only when cancelled
            throw new InvalidOperationException("unreachable");
        });
        var (http, calls, _) = Pipeline(inner, time);
        using var caller = new CancellationTokenSource();

        var call = http.SendAsync(calls.CreateRequest(ZaloEndpoint.ListFollowers), caller.Token); // repeatable: would be retried after a timeout
        await started.Task;
        await caller.CancelAsync();

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.IsNotType<TimeoutException>(error.InnerException);
        Assert.Equal(1, inner.Count);
        Assert.Equal(Now, time.GetUtcNow()); // ended by the caller, not by the attempt timeout of the fake clock
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Refusals_where_Zalo_certainly_did_not_act_are_retried_for_every_endpoint(string name)
    {
        var endpoint = Endpoint(name);
        var time = new FakeTimeProvider(Now);
        var inner = new CountingHandler((n, _) => n switch
        {
            1 => throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused"),
            2 => Task.FromResult(new HttpResponseMessage(HttpStatusCode.TooManyRequests)),
            3 => Task.FromResult(Json("""{"error":-32,"message":"Request exceeds the limit"}""")),
            _ => Task.FromResult(Json("""{"error":0,"message":"Success","data":{}}""")),
        });
        var (http, calls, _) = Pipeline(inner, time);

        using var response = await FakeClock.Pump(time, http.SendAsync(calls.CreateRequest(endpoint)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(4, inner.Count);
        Assert.Contains("\"error\":0", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_connection_that_breaks_after_sending_is_not_retried_for_a_paid_send()
    {
        var time = new FakeTimeProvider(Now);
        var inner = new CountingHandler((_, _) => throw new HttpRequestException(HttpRequestError.ResponseEnded, "The response ended prematurely."));
        var (http, calls, _) = Pipeline(inner, time);

        var error = await FakeClock.PumpFailure(time, http.SendAsync(calls.CreateRequest(ZaloEndpoint.SendZnsTemplate)));

        Assert.IsType<HttpRequestException>(error);
        Assert.Equal(1, inner.Count);
    }

    [Fact]
    public async Task Retry_after_is_honoured_and_one_longer_than_the_max_delay_is_surfaced()
    {
        var time = new FakeTimeProvider(Now);
        var inner = new CountingHandler((n, _) => Task.FromResult(n == 1
            ? new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { Headers = { RetryAfter = new(TimeSpan.FromSeconds(7)) } }
            : Json("""{"error":0,"data":[]}""")))
        { Clock = time };
        var (http, calls, _) = Pipeline(inner, time);

        using var response = await FakeClock.Pump(time, http.SendAsync(calls.CreateRequest(ZaloEndpoint.ListTags)), TimeSpan.FromMilliseconds(100));
        Assert.Equal(2, inner.Count);
        var waited = inner.Times[1] - inner.Times[0];
        Assert.InRange(waited, TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(7.2));

        var tooLong = new CountingHandler((_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { Headers = { RetryAfter = new(TimeSpan.FromMinutes(5)) } }));
        var (http2, calls2, _) = Pipeline(tooLong, time);
        using var surfaced = await FakeClock.Pump(time, http2.SendAsync(calls2.CreateRequest(ZaloEndpoint.ListTags)));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, surfaced.StatusCode);
        Assert.Equal(1, tooLong.Count);
    }

    [Fact]
    public async Task The_attempt_timeout_does_not_count_the_wait_for_a_rate_permit()
    {
        var time = new FakeTimeProvider(Now);
        var inner = new CountingHandler((_, _) => Task.FromResult(Json("""{"error":0,"data":{"message_id":"m","user_id":"u"}}""")));
        var (http, calls, limiter) = Pipeline(inner, time, permits: 1);

        using (await http.SendAsync(calls.CreateRequest(ZaloEndpoint.SendConsultation)))
        {
        }

        // The second send waits 61 s for a permit (far longer than the 10 s attempt timeout) and still goes out once.
        var second = http.SendAsync(calls.CreateRequest(ZaloEndpoint.SendConsultation));
        Assert.False(second.IsCompleted);
        Assert.Equal(1, limiter.QueueLength);
        using var response = await FakeClock.Pump(time, second, TimeSpan.FromSeconds(5));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, inner.Count);
    }

    [Fact]
    public async Task One_call_makes_at_most_two_exchanges_of_at_most_one_plus_max_retries_attempts()
    {
        // Every exchange answers -32 until the retries run out; the token is "rejected" never: attempts = 1 + MaxRetries.
        var time = new FakeTimeProvider(Now);
        var handler = new StubZaloHandler((_, _) => StubZaloHandler.Json("""{"error":-32,"message":"Request exceeds the limit"}"""));
        using var factory = Factory(handler, time);

        var error = await FakeClock.PumpFailure(time, factory.GetClient("oa-1").SendTextAsync("8451234567890123456", "hi"));

        Assert.IsType<ZaloRateLimitedException>(error);
        Assert.Equal(1 + Retry.MaxRetries, handler.Count); // not (1 + retries) squared, as when two loops multiplied
        var elapsed = time.GetUtcNow() - Now;
        Assert.True(elapsed <= TimeSpan.FromTicks(Retry.MaxRetries * Retry.MaxDelay.Ticks) + TimeSpan.FromSeconds(1), $"took {elapsed}");

        // A token rejected before and after the refresh: two exchanges and one grant, nothing more.
        var rejected = new StubZaloHandler((r, _) => r.Path.EndsWith("/access_token", StringComparison.Ordinal)
            ? StubZaloHandler.Tokens("access-2", "refresh-2")
            : StubZaloHandler.Json("""{"error":-216,"message":"Access token is invalid"}"""));
        using var factory2 = Factory(rejected, time);
        var reauth = await FakeClock.PumpFailure(time, factory2.GetClient("oa-1").GetTagsAsync());
        Assert.IsType<ZaloReauthorizationRequiredException>(reauth);
        Assert.Equal(3, rejected.Count);
    }

    [Fact]
    public async Task Vietnamese_text_goes_out_as_utf8_not_as_escapes()
    {
        var time = new FakeTimeProvider(Now);
        var handler = new StubZaloHandler((_, _) => StubZaloHandler.Json("""{"error":0,"data":{"message_id":"m-1","user_id":"8451234567890123456"}}"""));
        using var factory = Factory(handler, time);
        const string Text = "Thông báo: lịch tiêm chủng đợt 2 tại Trạm Y tế phường Hoa Lư";

        await factory.GetClient("oa-1").SendTextAsync("8451234567890123456", Text);

        var body = Assert.Single(handler.Requests).Body;
        Assert.Contains(Text, body, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refit_built_writes_carry_their_safety_and_are_retried_as_repeatable()
    {
        var time = new FakeTimeProvider(Now);
        var handler = new StubZaloHandler((_, n) => n < 3 ? new HttpResponseMessage(HttpStatusCode.BadGateway) : StubZaloHandler.Json("""{"error":0,"data":{}}"""));
        using var factory = Factory(handler, time);

        await FakeClock.Pump(time, factory.GetClient("oa-1").UpdateUserAsync("8451234567890123456", new ZaloSharedInfo { Name = "Nguyễn Văn An" }).ContinueWith(_ => true, TaskScheduler.Default));

        Assert.Equal(3, handler.Count);
        Assert.Contains("Nguyễn Văn An", handler.Requests.Last().Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rate_limit_waiters_are_served_in_arrival_order()
    {
        var time = new FakeTimeProvider(Now);
        using var limiter = new ZaloRequestRateLimiter(2, TimeSpan.FromSeconds(61), time);
        await limiter.AcquireAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(1));
        await limiter.AcquireAsync(CancellationToken.None);

        var emergency = limiter.AcquireAsync(CancellationToken.None).AsTask();
        var later = limiter.AcquireAsync(CancellationToken.None).AsTask();
        Assert.Equal(2, limiter.QueueLength);

        time.Advance(TimeSpan.FromSeconds(60)); // the first start leaves the window: one permit frees up
        await emergency;
        Assert.False(later.IsCompleted);

        // A newcomer while "later" still waits queues behind it, even as the next permit frees up.
        var newcomer = limiter.AcquireAsync(CancellationToken.None).AsTask();
        time.Advance(TimeSpan.FromSeconds(1));
        await later;
        Assert.False(newcomer.IsCompleted);
        Assert.Equal(1, limiter.QueueLength);
    }

    [Fact]
    public async Task A_cancelled_rate_limit_waiter_leaves_the_queue_and_the_next_one_is_served()
    {
        var time = new FakeTimeProvider(Now);
        using var limiter = new ZaloRequestRateLimiter(1, TimeSpan.FromSeconds(61), time);
        await limiter.AcquireAsync(CancellationToken.None);
        using var cts = new CancellationTokenSource();
        var cancelled = limiter.AcquireAsync(cts.Token).AsTask();
        var next = limiter.AcquireAsync(CancellationToken.None).AsTask();

        cts.Cancel();
        await Assert.ThrowsAsync<TaskCanceledException>(() => cancelled);
        time.Advance(TimeSpan.FromSeconds(61));
        await next;
        Assert.Equal(0, limiter.QueueLength);
    }

    [Fact]
    public async Task The_rate_limit_uses_monotonic_time_so_a_clock_step_back_does_not_stall_sends()
    {
        var fake = new FakeTimeProvider(Now);
        var time = new SteppingClock(fake);
        using var limiter = new ZaloRequestRateLimiter(1, TimeSpan.FromSeconds(61), time);
        await limiter.AcquireAsync(CancellationToken.None);

        time.StepBack(TimeSpan.FromHours(2)); // an NTP correction: the wall clock jumps back two hours
        var next = limiter.AcquireAsync(CancellationToken.None).AsTask();
        Assert.False(next.IsCompleted);
        fake.Advance(TimeSpan.FromSeconds(61)); // 61 s of monotonic time pass
        await next.WaitAsync(TimeSpan.FromSeconds(10)); // a guard: the old wall-clock limiter would wait two hours more
    }

    /// <summary>A clock whose wall time can jump back while its monotonic timestamp keeps going.</summary>
    private sealed class SteppingClock : TimeProvider
    {
        private readonly FakeTimeProvider _inner;
        private TimeSpan _offset;

        public SteppingClock(FakeTimeProvider inner) => _inner = inner;

        public void StepBack(TimeSpan by) => _offset += by;

        public override DateTimeOffset GetUtcNow() => _inner.GetUtcNow() - _offset;

        public override long GetTimestamp() => _inner.GetTimestamp();

        public override long TimestampFrequency => _inner.TimestampFrequency;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
            => _inner.CreateTimer(callback, state, dueTime, period);
    }

    private static ZaloClientFactory Factory(StubZaloHandler handler, FakeTimeProvider time)
    {
        var store = new InMemoryZaloTokenStore();
        var issued = time.GetUtcNow();
        store.SaveAsync("oa-1", new ZaloTokenSet("access-1", "refresh-1", issued.AddHours(25), issued.AddDays(90), issued)).GetAwaiter().GetResult();
        var options = new ZaloClientOptions
        {
            AppId = "app-1",
            AppSecret = "app-secret-VALUE-123",
            OpenApiBaseUrl = OpenApi,
            OAuthBaseUrl = new Uri("http://oauth.test/"),
            RequestTimeout = AttemptTimeout,
            Retry = new ZaloRetryOptions { MaxRetries = Retry.MaxRetries, BaseDelay = Retry.BaseDelay, MaxDelay = Retry.MaxDelay },
        };
        return new ZaloClientFactory(options, store, time, null, handler);
    }
}
