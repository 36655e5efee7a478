using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;

namespace NinhBinh.Comms.Tests;

/// <summary>Partial deliveries, recipient counts, delivery journals and the dispatcher's timeout rule for fan-out channels.</summary>
public class FanOutTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 26, 9, 0, 0, TimeSpan.FromHours(7));

    [Fact]
    public void A_partial_delivery_is_not_a_success_and_keeps_its_counts_through_copies()
    {
        var counts = new DeliveryCounts(sent: 97, failed: 2, skipped: 0, unknown: 1);
        var outcome = DeliveryOutcome.PartiallyDelivered("zalo:oa", counts, "2 followers refused, 1 unknown", "-230", TimeSpan.FromSeconds(5));

        Assert.Equal(DeliveryStatus.PartiallyDelivered, outcome.Status);
        Assert.False(outcome.IsSuccess);
        Assert.Equal(counts, outcome.Recipients);
        Assert.Equal(100, counts.Total);
        Assert.Equal("-230", outcome.ErrorCode);
        Assert.Equal(TimeSpan.FromSeconds(5), outcome.RetryAfter);
        Assert.Equal("zalo:oa: PartiallyDelivered (2 followers refused, 1 unknown) [sent 97, failed 2, skipped 0, unknown 1 of 100]", outcome.ToString());

        var rejected = DeliveryOutcome.Rejected("c", "nobody reachable", "E1");
        var withCounts = rejected.WithRecipients(new DeliveryCounts(0, 3));
        Assert.Null(rejected.Recipients);
        Assert.Equal(new DeliveryCounts(0, 3), withCounts.Recipients);
        Assert.Equal(DeliveryStatus.Rejected, withCounts.Status);
        Assert.Equal("E1", withCounts.ErrorCode);
        Assert.Equal("nobody reachable", withCounts.Reason);
    }

    [Fact]
    public void Counts_check_their_arguments_and_compare_by_value()
    {
        Assert.Equal("failed", Assert.Throws<ArgumentOutOfRangeException>(() => new DeliveryCounts(1, -1)).ParamName);
        Assert.Equal("pending", Assert.Throws<ArgumentOutOfRangeException>(() => new DeliveryCounts(1, 0, pending: -2)).ParamName);
        Assert.Equal("reason", Assert.Throws<ArgumentNullException>(() => DeliveryOutcome.PartiallyDelivered("c", new DeliveryCounts(1, 1), null!)).ParamName);
        Assert.True(new DeliveryCounts(1, 2, 3, 4, 5) == new DeliveryCounts(1, 2, 3, 4, 5));
        Assert.True(new DeliveryCounts(1, 2, 3, 4, 5) != new DeliveryCounts(1, 2, 3, 4, 0));
        Assert.Equal(15, new DeliveryCounts(1, 2, 3, 4, 5).Total);
        Assert.Equal("sent 1, failed 2, skipped 3, unknown 4, pending 5 of 15", new DeliveryCounts(1, 2, 3, 4, 5).ToString());
    }

    [Fact]
    public async Task A_partial_delivery_reaches_the_dispatch_result_with_its_counts_and_duration()
    {
        var time = new FakeTimeProvider(Start);
        var channel = new InMemoryBulletinChannel("fan", (_, _) =>
        {
            time.Advance(TimeSpan.FromSeconds(3));
            return Task.FromResult(DeliveryOutcome.PartiallyDelivered("fan", new DeliveryCounts(8, 2), "2 refused"));
        });

        var result = await new BulletinDispatcher(new[] { channel }, timeProvider: time).DispatchAsync(TestBulletins.Valid());

        Assert.False(result.AllSucceeded);
        Assert.Equal(1, result.Count(DeliveryStatus.PartiallyDelivered));
        Assert.Equal(new DeliveryCounts(8, 2), result["fan"].Recipients);
        Assert.Equal(TimeSpan.FromSeconds(3), result["fan"].Duration);
    }

    [Fact]
    public async Task A_fan_out_channel_that_keeps_reporting_progress_runs_past_the_channel_timeout()
    {
        var time = new FakeTimeProvider(Start);
        var channel = new ScriptedFanOutChannel("fan");
        var dispatcher = new BulletinDispatcher(new[] { channel }, new BulletinDispatcherOptions { ChannelTimeout = TimeSpan.FromSeconds(5) }, time);

        var dispatch = dispatcher.DispatchAsync(TestBulletins.Valid());
        var progress = await channel.Started.Task;
        for (var sent = 1; sent <= 12; sent++)
        {
            time.Advance(TimeSpan.FromSeconds(4)); // 48 s in all, far past the 5 s timeout, never 5 s of silence
            progress.Report(new DeliveryCounts(sent, 0, pending: 12 - sent));
        }

        Assert.False(dispatch.IsCompleted);
        channel.Finish.TrySetResult(DeliveryOutcome.Accepted("fan").WithRecipients(new DeliveryCounts(12, 0)));
        var result = await dispatch.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(DeliveryStatus.Accepted, result["fan"].Status);
        Assert.Equal(12, result["fan"].Recipients!.Value.Sent);
        Assert.Equal(TimeSpan.FromSeconds(48), result["fan"].Duration);
        Assert.False(channel.Token.IsCancellationRequested);
    }

    [Fact]
    public async Task A_fan_out_channel_that_goes_silent_is_cut_off_with_its_last_counts()
    {
        var time = new FakeTimeProvider(Start);
        var channel = new ScriptedFanOutChannel("fan");
        var dispatcher = new BulletinDispatcher(new IBulletinChannel[] { channel, new InMemoryBulletinChannel("ok") },
            new BulletinDispatcherOptions { ChannelTimeout = TimeSpan.FromSeconds(5) }, time);

        var dispatch = dispatcher.DispatchAsync(TestBulletins.Valid());
        var progress = await channel.Started.Task;
        time.Advance(TimeSpan.FromSeconds(4));
        progress.Report(new DeliveryCounts(40, 1, pending: 59));
        time.Advance(TimeSpan.FromSeconds(4.9));
        Assert.False(channel.Token.IsCancellationRequested);
        time.Advance(TimeSpan.FromSeconds(0.1)); // 5 s without a report
        var result = await dispatch.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(channel.Token.IsCancellationRequested);
        var outcome = result["fan"];
        Assert.Equal(DeliveryStatus.TransientFailure, outcome.Status);
        Assert.Equal("The fan-out channel reported no progress for 5 s.", outcome.Reason);
        Assert.Equal(new DeliveryCounts(40, 1, pending: 59), outcome.Recipients);
        Assert.Equal(DeliveryStatus.Accepted, result["ok"].Status);
    }

    [Fact]
    public async Task A_fan_out_channel_is_bounded_by_the_max_fan_out_duration()
    {
        var time = new FakeTimeProvider(Start);
        var channel = new ScriptedFanOutChannel("fan");
        var dispatcher = new BulletinDispatcher(new[] { channel },
            new BulletinDispatcherOptions { ChannelTimeout = TimeSpan.FromSeconds(5), MaxFanOutDuration = TimeSpan.FromMinutes(1) }, time);

        var dispatch = dispatcher.DispatchAsync(TestBulletins.Valid());
        var progress = await channel.Started.Task;
        for (var i = 1; i < 20; i++)
        {
            time.Advance(TimeSpan.FromSeconds(3));
            progress.Report(new DeliveryCounts(i, 0));
        }

        Assert.False(dispatch.IsCompleted); // 57 s
        time.Advance(TimeSpan.FromSeconds(3));
        var result = await dispatch.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(DeliveryStatus.TransientFailure, result["fan"].Status);
        Assert.Equal("The fan-out channel did not finish within MaxFanOutDuration (60 s).", result["fan"].Reason);
        Assert.Equal(new DeliveryCounts(19, 0), result["fan"].Recipients);
    }

    [Fact]
    public async Task A_plain_channel_is_still_cut_off_at_the_channel_timeout()
    {
        var time = new FakeTimeProvider(Start);
        var entered = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var slow = new InMemoryBulletinChannel("slow", async (_, ct) =>
        {
            entered.TrySetResult(true);
            await Task.Delay(Timeout.Infinite, ct);
            return DeliveryOutcome.Accepted("slow");
        });
        var dispatcher = new BulletinDispatcher(new[] { slow }, new BulletinDispatcherOptions { ChannelTimeout = TimeSpan.FromSeconds(5) }, time);

        var dispatch = dispatcher.DispatchAsync(TestBulletins.Valid());
        await entered.Task;
        time.Advance(TimeSpan.FromSeconds(5));
        var result = await dispatch.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("The channel did not finish within 5 s.", result["slow"].Reason);
        Assert.Null(result["slow"].Recipients);
    }

    [Fact]
    public async Task A_fan_out_channel_that_throws_keeps_its_last_counts()
    {
        var channel = new ScriptedFanOutChannel("fan");
        var dispatch = new BulletinDispatcher(new[] { channel }).DispatchAsync(TestBulletins.Valid());
        var progress = await channel.Started.Task;
        progress.Report(new DeliveryCounts(5, 0, pending: 5));
        channel.Finish.TrySetException(new CommsException("grant revoked") { ErrorCode = "-124" });

        var result = await dispatch.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(DeliveryStatus.Rejected, result["fan"].Status);
        Assert.Equal(new DeliveryCounts(5, 0, pending: 5), result["fan"].Recipients);
    }

    [Fact]
    public void Max_fan_out_duration_is_checked()
    {
        Assert.Equal("MaxFanOutDuration", Assert.Throws<ArgumentOutOfRangeException>(() =>
            new BulletinDispatcherOptions { MaxFanOutDuration = TimeSpan.Zero }.Validate()).ParamName);
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new BulletinDispatcherOptions { MaxFanOutDuration = TimeSpan.FromHours(25) }.Validate());
        Assert.Contains("at most 24 hours", ex.Message);
    }

    [Fact]
    public async Task The_in_memory_journal_keeps_delivered_over_unknown_per_bulletin_and_channel()
    {
        var journal = new InMemoryDeliveryJournal();
        await journal.RecordAsync("b1", "zalo:oa", "u1", DeliveryJournalState.OutcomeUnknown);
        await journal.RecordAsync("b1", "zalo:oa", "u1", DeliveryJournalState.Delivered);
        await journal.RecordAsync("b1", "zalo:oa", "u1", DeliveryJournalState.OutcomeUnknown);
        await journal.RecordAsync("b1", "zalo:oa", "u2", DeliveryJournalState.OutcomeUnknown);
        await journal.RecordAsync("b1", "zalo:oa:thon-1", "u3", DeliveryJournalState.Delivered);
        await journal.RecordAsync("b2", "zalo:oa", "u4", DeliveryJournalState.Delivered);

        var entries = await journal.ReadAsync("b1", "zalo:oa");

        Assert.Equal(new Dictionary<string, DeliveryJournalState> { ["u1"] = DeliveryJournalState.Delivered, ["u2"] = DeliveryJournalState.OutcomeUnknown }, entries);
        Assert.Empty(await journal.ReadAsync("b3", "zalo:oa"));
        Assert.Equal("recipient", (await Assert.ThrowsAsync<ArgumentException>(() => journal.RecordAsync("b1", "c", " ", DeliveryJournalState.Delivered))).ParamName);
        Assert.Equal("state", (await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => journal.RecordAsync("b1", "c", "u", (DeliveryJournalState)7))).ParamName);
    }

    /// <summary>A fan-out channel driven by the test: it hands over its progress sink and finishes when told.</summary>
    private sealed class ScriptedFanOutChannel : IFanOutChannel
    {
        public ScriptedFanOutChannel(string name) => Name = name;

        public string Name { get; }

        public TaskCompletionSource<IProgress<DeliveryCounts>> Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource<DeliveryOutcome> Finish { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public CancellationToken Token { get; private set; }

        public Task<DeliveryOutcome> DeliverAsync(Bulletin bulletin, CancellationToken cancellationToken = default)
            => throw new InvalidOperationException("The dispatcher must call the fan-out overload.");

        public async Task<DeliveryOutcome> DeliverAsync(Bulletin bulletin, IProgress<DeliveryCounts> progress, CancellationToken cancellationToken = default)
        {
            Token = cancellationToken;
            Started.TrySetResult(progress);
            return await Finish.Task.WaitAsync(cancellationToken);
        }
    }
}
