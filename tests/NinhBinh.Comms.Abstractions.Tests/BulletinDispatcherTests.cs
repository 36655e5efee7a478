using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;

namespace NinhBinh.Comms.Tests;

public class BulletinDispatcherTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 26, 9, 0, 0, TimeSpan.FromHours(7));

    [Fact]
    public async Task Dispatch_delivers_to_every_channel_and_keeps_registration_order()
    {
        var channels = Enumerable.Range(0, 5).Select(i => new InMemoryBulletinChannel("c" + i)).ToArray();
        var dispatcher = new BulletinDispatcher(channels);
        var bulletin = TestBulletins.Valid();

        var result = await dispatcher.DispatchAsync(bulletin);

        Assert.True(result.AllSucceeded);
        Assert.Equal(channels.Select(c => c.Name), result.Outcomes.Select(o => o.Channel));
        Assert.All(channels, c => Assert.True(c.HasReceived(bulletin.Id)));
        Assert.Equal(bulletin.Id, result["c3"].ExternalId);
        Assert.Same(bulletin, result.Bulletin);
    }

    [Fact]
    public async Task A_throwing_channel_does_not_hide_the_others()
    {
        var failing = Substitute.For<IBulletinChannel>();
        failing.Name.Returns("broken");
        failing.DeliverAsync(Arg.Any<Bulletin>(), Arg.Any<CancellationToken>()).Returns<Task<DeliveryOutcome>>(_ => throw new InvalidOperationException("boom"));
        var asyncFailing = new InMemoryBulletinChannel("async-broken", async (_, _) =>
        {
            await Task.Yield();
            throw new InvalidOperationException("later boom");
        });
        var ok = new InMemoryBulletinChannel("ok");

        var result = await new BulletinDispatcher(new IBulletinChannel[] { failing, ok, asyncFailing }).DispatchAsync(TestBulletins.Valid());

        Assert.Equal(DeliveryStatus.Faulted, result["broken"].Status);
        Assert.Contains("boom", result["broken"].Reason);
        Assert.IsType<InvalidOperationException>(result["broken"].Exception);
        Assert.Equal(DeliveryStatus.Faulted, result["async-broken"].Status);
        Assert.Equal(DeliveryStatus.Accepted, result["ok"].Status);
        Assert.False(result.AllSucceeded);
        Assert.Equal(2, result.Failures.Count());
    }

    [Fact]
    public async Task CommsExceptions_become_rejected_or_transient_outcomes_with_their_codes()
    {
        var rejected = new InMemoryBulletinChannel("rejected", (_, _) => throw new CommsException("OA not found") { ErrorCode = "-205", Channel = "zalo" });
        var transient = new InMemoryBulletinChannel("transient", (_, _) =>
            Task.FromException<DeliveryOutcome>(new CommsException("rate limited") { ErrorCode = "-32", IsTransient = true, RetryAfter = TimeSpan.FromSeconds(20) }));

        var result = await new BulletinDispatcher(new[] { rejected, transient }).DispatchAsync(TestBulletins.Valid());

        Assert.Equal(DeliveryStatus.Rejected, result["rejected"].Status);
        Assert.Equal("-205", result["rejected"].ErrorCode);
        Assert.Equal(DeliveryStatus.TransientFailure, result["transient"].Status);
        Assert.Equal(TimeSpan.FromSeconds(20), result["transient"].RetryAfter);
        Assert.Equal("-32", result["transient"].ErrorCode);
    }

    [Fact]
    public async Task Channel_outcomes_are_passed_through()
    {
        var at = Start.AddHours(2);
        var channels = new IBulletinChannel[]
        {
            new InMemoryBulletinChannel("scheduled", (_, _) => Task.FromResult(DeliveryOutcome.Scheduled("scheduled", at, "sch-1"))),
            new InMemoryBulletinChannel("rejected", (_, _) => Task.FromResult(DeliveryOutcome.Rejected("rejected", "board offline", "E42"))),
            new InMemoryBulletinChannel("null", (_, _) => Task.FromResult<DeliveryOutcome>(null!)),
        };

        var result = await new BulletinDispatcher(channels).DispatchAsync(TestBulletins.Valid());

        Assert.Equal(DeliveryStatus.Scheduled, result["scheduled"].Status);
        Assert.Equal(at, result["scheduled"].ScheduledFor);
        Assert.True(result["scheduled"].IsSuccess);
        Assert.Equal("board offline", result["rejected"].Reason);
        Assert.Equal(DeliveryStatus.Faulted, result["null"].Status);
        Assert.Equal(1, result.Count(DeliveryStatus.Scheduled));
    }

    [Fact]
    public async Task A_channel_that_ignores_cancellation_times_out_as_a_transient_failure()
    {
        var time = new FakeTimeProvider(Start);
        var entered = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var never = new TaskCompletionSource<DeliveryOutcome>();
        var hung = new InMemoryBulletinChannel("hung", (_, _) =>
        {
            entered.TrySetResult(true);
            return never.Task; // ignores the token
        });
        var dispatcher = new BulletinDispatcher(new IBulletinChannel[] { hung, new InMemoryBulletinChannel("ok") },
            new BulletinDispatcherOptions { ChannelTimeout = TimeSpan.FromSeconds(5) }, time);

        var dispatch = dispatcher.DispatchAsync(TestBulletins.Valid());
        await entered.Task;
        time.Advance(TimeSpan.FromSeconds(4));
        Assert.False(dispatch.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));
        var result = await dispatch.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(DeliveryStatus.TransientFailure, result["hung"].Status);
        Assert.Contains("5 s", result["hung"].Reason);
        Assert.Equal(DeliveryStatus.Accepted, result["ok"].Status);
    }

    [Fact]
    public async Task A_channel_that_honours_the_timeout_token_is_reported_as_timed_out()
    {
        var time = new FakeTimeProvider(Start);
        var entered = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var slow = new InMemoryBulletinChannel("slow", async (_, ct) =>
        {
            entered.TrySetResult(true);
            await Task.Delay(Timeout.Infinite, ct);
            return DeliveryOutcome.Accepted("slow");
        });
        var dispatcher = new BulletinDispatcher(new[] { slow }, new BulletinDispatcherOptions { ChannelTimeout = TimeSpan.FromSeconds(2) }, time);

        var dispatch = dispatcher.DispatchAsync(TestBulletins.Valid());
        await entered.Task;
        time.Advance(TimeSpan.FromSeconds(2));
        var result = await dispatch.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(DeliveryStatus.TransientFailure, Assert.Single(result.Outcomes).Status);
    }

    [Fact]
    public async Task Parallelism_is_bounded_for_normal_bulletins()
    {
        var tracker = new ConcurrencyTracker();
        var channels = Enumerable.Range(0, 20).Select(i => tracker.Channel("c" + i)).ToArray();
        var dispatcher = new BulletinDispatcher(channels, new BulletinDispatcherOptions { MaxDegreeOfParallelism = 3 });

        var result = await dispatcher.DispatchAsync(TestBulletins.Valid());

        Assert.True(result.AllSucceeded);
        Assert.Equal(3, tracker.Peak);
    }

    [Fact]
    public async Task Emergency_bulletins_go_to_every_channel_at_once()
    {
        var tracker = new ConcurrencyTracker(releaseAt: 12);
        var channels = Enumerable.Range(0, 12).Select(i => tracker.Channel("c" + i)).ToArray();
        var dispatcher = new BulletinDispatcher(channels, new BulletinDispatcherOptions { MaxDegreeOfParallelism = 2 });

        var result = await dispatcher.DispatchAsync(TestBulletins.Valid(BulletinPriority.Emergency)).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(result.AllSucceeded);
        Assert.Equal(12, tracker.Peak);
    }

    [Fact]
    public async Task Emergency_respects_the_limit_when_told_to()
    {
        var tracker = new ConcurrencyTracker();
        var channels = Enumerable.Range(0, 8).Select(i => tracker.Channel("c" + i)).ToArray();
        var dispatcher = new BulletinDispatcher(channels, new BulletinDispatcherOptions { MaxDegreeOfParallelism = 2, EmergencyIgnoresParallelismLimit = false });

        await dispatcher.DispatchAsync(TestBulletins.Valid(BulletinPriority.Emergency));

        Assert.Equal(2, tracker.Peak);
    }

    [Fact]
    public async Task Caller_cancellation_keeps_finished_outcomes_in_the_exception()
    {
        using var cts = new CancellationTokenSource();
        var entered = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var fast = new InMemoryBulletinChannel("fast");
        var slow = new InMemoryBulletinChannel("slow", async (_, ct) =>
        {
            entered.TrySetResult(true);
            await Task.Delay(Timeout.Infinite, ct);
            return DeliveryOutcome.Accepted("slow");
        });
        var waiting = new InMemoryBulletinChannel("waiting");
        var dispatcher = new BulletinDispatcher(new[] { fast, slow, waiting }, new BulletinDispatcherOptions { MaxDegreeOfParallelism = 2 });

        var dispatch = dispatcher.DispatchAsync(TestBulletins.Valid(), cts.Token);
        await entered.Task;
        await WaitUntil(() => fast.Received.Count == 1 && waiting.Received.Count == 1);
        cts.Cancel();
        var ex = await Assert.ThrowsAsync<DispatchCanceledException>(() => dispatch);

        Assert.Equal(DeliveryStatus.Accepted, ex.PartialResult["fast"].Status);
        Assert.Equal(DeliveryStatus.Canceled, ex.PartialResult["slow"].Status);
        Assert.Equal(DeliveryStatus.Accepted, ex.PartialResult["waiting"].Status);
        Assert.Equal(cts.Token, ex.CancellationToken);
        Assert.Contains("2 of 3", ex.Message);
    }

    [Fact]
    public async Task Channels_still_waiting_for_a_slot_are_canceled()
    {
        using var cts = new CancellationTokenSource();
        var entered = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var blocker = new InMemoryBulletinChannel("blocker", async (_, ct) =>
        {
            entered.TrySetResult(true);
            await Task.Delay(Timeout.Infinite, ct);
            return DeliveryOutcome.Accepted("blocker");
        });
        var queued = new InMemoryBulletinChannel("queued");
        var dispatcher = new BulletinDispatcher(new[] { blocker, queued }, new BulletinDispatcherOptions { MaxDegreeOfParallelism = 1 });

        var dispatch = dispatcher.DispatchAsync(TestBulletins.Valid(), cts.Token);
        await entered.Task;
        cts.Cancel();
        var ex = await Assert.ThrowsAsync<DispatchCanceledException>(() => dispatch);

        Assert.All(ex.PartialResult.Outcomes, o => Assert.Equal(DeliveryStatus.Canceled, o.Status));
        Assert.Empty(queued.Received);
    }

    [Fact]
    public async Task An_already_cancelled_token_sends_nothing()
    {
        var channel = new InMemoryBulletinChannel("c");
        var cancelled = new CancellationToken(canceled: true);

        // Exactly OperationCanceledException: nothing ran, so there is no partial result (no DispatchCanceledException).
        var ex = await Assert.ThrowsAsync<OperationCanceledException>(() =>
            new BulletinDispatcher(new[] { channel }).DispatchAsync(TestBulletins.Valid(), cancelled));
        Assert.Equal(cancelled, ex.CancellationToken);
        Assert.Empty(channel.Received);
    }

    [Fact]
    public async Task An_expired_bulletin_is_refused_before_anything_is_sent()
    {
        var time = new FakeTimeProvider(Start);
        var channel = new InMemoryBulletinChannel("c");
        var bulletin = TestBulletins.ValidBuilder().WithValidity(Start.AddDays(-2), Start.AddDays(-1)).Build();

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => new BulletinDispatcher(new[] { channel }, timeProvider: time).DispatchAsync(bulletin));

        Assert.Equal("bulletin", ex.ParamName);
        Assert.Contains("expired", ex.Message);
        Assert.Empty(channel.Received);
    }

    [Fact]
    public void Constructor_rejects_bad_channel_sets_and_options()
    {
        Assert.Equal("channels", Assert.Throws<ArgumentNullException>(() => new BulletinDispatcher(null!)).ParamName);
        Assert.Contains("At least one", Assert.Throws<ArgumentException>(() => new BulletinDispatcher(Array.Empty<IBulletinChannel>())).Message);
        Assert.Contains("'a'", Assert.Throws<ArgumentException>(() => new BulletinDispatcher(new[] { new InMemoryBulletinChannel("a"), new InMemoryBulletinChannel("a") })).Message);
        Assert.Contains("channels[1]", Assert.Throws<ArgumentException>(() => new BulletinDispatcher(new IBulletinChannel[] { new InMemoryBulletinChannel("a"), null! })).Message);
        Assert.Equal("MaxDegreeOfParallelism", Assert.Throws<ArgumentOutOfRangeException>(() =>
            new BulletinDispatcher(new[] { new InMemoryBulletinChannel("a") }, new BulletinDispatcherOptions { MaxDegreeOfParallelism = 0 })).ParamName);
        Assert.Equal("ChannelTimeout", Assert.Throws<ArgumentOutOfRangeException>(() =>
            new BulletinDispatcher(new[] { new InMemoryBulletinChannel("a") }, new BulletinDispatcherOptions { ChannelTimeout = TimeSpan.Zero })).ParamName);
    }

    [Fact]
    public async Task DispatchAsync_rejects_a_null_bulletin()
        => Assert.Equal("bulletin", (await Assert.ThrowsAsync<ArgumentNullException>(() =>
            new BulletinDispatcher(new[] { new InMemoryBulletinChannel("a") }).DispatchAsync(null!))).ParamName);

    [Fact]
    public async Task Durations_are_measured_with_the_time_provider()
    {
        var time = new FakeTimeProvider(Start);
        var channel = new InMemoryBulletinChannel("c", (_, _) =>
        {
            time.Advance(TimeSpan.FromMilliseconds(1500));
            return Task.FromResult(DeliveryOutcome.Accepted("c"));
        });

        var result = await new BulletinDispatcher(new[] { channel }, timeProvider: time).DispatchAsync(TestBulletins.Valid());

        Assert.Equal(TimeSpan.FromMilliseconds(1500), result["c"].Duration);
        Assert.Equal(Start, result.StartedAt);
        Assert.Equal(Start.AddMilliseconds(1500), result.CompletedAt);
    }

    [Fact]
    public async Task Deliveries_are_counted_by_status()
    {
        using var collector = new MetricCollector<long>(null, CommsTelemetry.AbstractionsName, "nbcomms.dispatch.deliveries");
        var channels = new IBulletinChannel[]
        {
            new InMemoryBulletinChannel("ok-telemetry"),
            new InMemoryBulletinChannel("bad-telemetry", (_, _) => Task.FromResult(DeliveryOutcome.Rejected("bad-telemetry", "no"))),
        };
        var bulletin = TestBulletins.Valid(BulletinPriority.Priority);

        await new BulletinDispatcher(channels).DispatchAsync(bulletin);

        var mine = collector.GetMeasurementSnapshot().Where(m => (string?)m.Tags["nbcomms.bulletin.priority"] == "priority").ToList();
        Assert.Contains(mine, m => (string?)m.Tags["nbcomms.delivery.status"] == "accepted" && m.Value == 1);
        Assert.Contains(mine, m => (string?)m.Tags["nbcomms.delivery.status"] == "rejected" && m.Value == 1);
    }

    [Fact]
    public void DispatchResult_indexer_names_an_unknown_channel()
    {
        var ex = Assert.Throws<KeyNotFoundException>(() => new BulletinDispatcher(new[] { new InMemoryBulletinChannel("a") })
            .DispatchAsync(TestBulletins.Valid()).GetAwaiter().GetResult()["zzz"]);
        Assert.Contains("zzz", ex.Message);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        for (var i = 0; i < 1000 && !condition(); i++)
        {
            await Task.Delay(5);
        }

        Assert.True(condition());
    }

    private sealed class ConcurrencyTracker
    {
        private readonly int _releaseAt;
        private readonly TaskCompletionSource<bool> _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _current;
        private int _peak;

        public ConcurrencyTracker(int releaseAt = 0) => _releaseAt = releaseAt;

        public int Peak => Volatile.Read(ref _peak);

        public IBulletinChannel Channel(string name) => new InMemoryBulletinChannel(name, async (_, _) =>
        {
            var now = Interlocked.Increment(ref _current);
            int seen;
            while ((seen = Volatile.Read(ref _peak)) < now && Interlocked.CompareExchange(ref _peak, now, seen) != seen)
            {
            }

            if (_releaseAt > 0)
            {
                if (now >= _releaseAt)
                {
                    _release.TrySetResult(true);
                }

                await _release.Task; // every channel must be running at once for this to complete
            }
            else
            {
                await Task.Delay(20, CancellationToken.None);
            }

            Interlocked.Decrement(ref _current);
            return DeliveryOutcome.Accepted(name);
        });
    }
}
