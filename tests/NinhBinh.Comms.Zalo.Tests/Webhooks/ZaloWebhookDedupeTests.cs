using System;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using static NinhBinh.Comms.Zalo.Tests.Webhooks.WebhookSamples;

namespace NinhBinh.Comms.Zalo.Tests.Webhooks;

public sealed class ZaloWebhookDedupeTests
{
    private readonly FakeTimeProvider _time = new(Now.AddSeconds(1));

    private ZaloWebhookReceiver Receiver(IZaloWebhookDedupeStore? store = null)
        => new(new ZaloWebhookVerifier(Options(), _time), store ?? new InMemoryZaloWebhookDedupeStore(_time));

    [Fact]
    public async Task A_duplicate_delivery_is_handled_once()
    {
        var receiver = Receiver();
        var body = Encoding.UTF8.GetBytes(UserText("Đã nhận thông báo"));
        var header = Sign(UserText("Đã nhận thông báo"), Ms(Now));
        var handled = 0;
        var outcomes = new bool[3];
        for (var i = 0; i < 3; i++)
        {
            var receipt = receiver.Read(body, header);
            Assert.True(receipt.IsValid);
            outcomes[i] = await receiver.HandleOnceAsync(receipt.Event!, (_, _) => { handled++; return Task.CompletedTask; });
        }

        Assert.Equal(1, handled);
        Assert.Equal(new[] { true, false, false }, outcomes);
    }

    [Fact]
    public async Task Concurrent_duplicates_are_handled_once()
    {
        var receiver = Receiver();
        var e = ZaloWebhookParser.Parse(Encoding.UTF8.GetBytes(Follow()));
        var handled = 0;
        var tasks = new Task<bool>[16];
        using var start = new ManualResetEventSlim();
        for (var i = 0; i < tasks.Length; i++)
        {
            tasks[i] = Task.Run(async () =>
            {
                start.Wait();
                return await receiver.HandleOnceAsync(e, async (_, _) => { Interlocked.Increment(ref handled); await Task.Yield(); });
            });
        }

        start.Set();
        var results = await Task.WhenAll(tasks);
        Assert.Equal(1, handled);
        Assert.Single(results, r => r);
    }

    [Fact]
    public async Task A_failed_handler_releases_the_claim_so_a_retry_handles_it()
    {
        var receiver = Receiver();
        var e = ZaloWebhookParser.Parse(Encoding.UTF8.GetBytes(Follow()));
        await Assert.ThrowsAsync<InvalidOperationException>(() => receiver.HandleOnceAsync(e, (_, _) => throw new InvalidOperationException("db down")));
        var handled = 0;
        Assert.True(await receiver.HandleOnceAsync(e, (_, _) => { handled++; return Task.CompletedTask; }));
        Assert.Equal(1, handled);
    }

    [Fact]
    public async Task A_claim_whose_holder_vanished_expires_with_its_lease()
    {
        var store = new InMemoryZaloWebhookDedupeStore(_time);
        Assert.True(await store.TryClaimAsync("k", TimeSpan.FromMinutes(5)));
        _time.Advance(TimeSpan.FromMinutes(4));
        Assert.False(await store.TryClaimAsync("k", TimeSpan.FromMinutes(5)));
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.True(await store.TryClaimAsync("k", TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public async Task Completed_keys_are_remembered_for_the_retention_then_forgotten()
    {
        var store = new InMemoryZaloWebhookDedupeStore(_time) { Retention = TimeSpan.FromHours(24) };
        Assert.True(await store.TryClaimAsync("k", TimeSpan.FromMinutes(5)));
        await store.CompleteAsync("k");
        _time.Advance(TimeSpan.FromHours(23));
        Assert.False(await store.TryClaimAsync("k", TimeSpan.FromMinutes(5)));
        await store.ReleaseAsync("k"); // a release never forgets a completed key
        Assert.False(await store.TryClaimAsync("k", TimeSpan.FromMinutes(5)));
        _time.Advance(TimeSpan.FromHours(1));
        Assert.True(await store.TryClaimAsync("k", TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public async Task Bad_keys_and_leases_are_refused()
    {
        var store = new InMemoryZaloWebhookDedupeStore(_time);
        await Assert.ThrowsAsync<ArgumentException>(() => store.TryClaimAsync("", TimeSpan.FromMinutes(1)));
        await Assert.ThrowsAsync<ArgumentException>(() => store.TryClaimAsync(new string('k', 513), TimeSpan.FromMinutes(1)));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.TryClaimAsync("k", TimeSpan.Zero));
    }

    [Fact]
    public void A_forged_delivery_yields_no_event()
    {
        var receipt = Receiver().Read(Encoding.UTF8.GetBytes(UserText("x")), Sign(UserText("x"), Ms(Now), secret: "forger"));
        Assert.False(receipt.IsValid);
        Assert.Null(receipt.Event);
        Assert.Equal(ZaloWebhookFailure.SignatureMismatch, receipt.Verification.Failure);
    }
}
