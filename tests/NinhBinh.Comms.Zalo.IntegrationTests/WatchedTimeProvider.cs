using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;

namespace NinhBinh.Comms.Zalo.IntegrationTests;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that knows which of its timers are pending, so a test can wait for the positive
/// signal "the code is now waiting on the clock" instead of sleeping to show that something did not happen.
/// </summary>
internal sealed class WatchedTimeProvider(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly ConcurrentDictionary<WatchedTimer, TimeSpan> _pending = new();

    /// <summary>How many timers are pending with a due time that matches.</summary>
    public int PendingTimers(Func<TimeSpan, bool> dueTime) => _pending.Values.Count(dueTime);

    /// <summary>Waits (real time, bounded) until enough matching timers are pending.</summary>
    public async Task WaitForPendingTimersAsync(int count, Func<TimeSpan, bool> dueTime, string what)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (PendingTimers(dueTime) < count)
        {
            Assert.False(timeout.IsCancellationRequested, $"Timed out waiting for {what}: {PendingTimers(dueTime)} of {count} timers pending.");
            await Task.Delay(10, CancellationToken.None);
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var watched = new WatchedTimer(this, period);
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            _pending[watched] = dueTime;
        }

        watched.Inner = base.CreateTimer(s =>
        {
            watched.Fired();
            callback(s);
        }, state, dueTime, period);
        return watched;
    }

    private sealed class WatchedTimer(WatchedTimeProvider owner, TimeSpan period) : ITimer
    {
        private TimeSpan _period = period;

        public ITimer Inner { get; set; } = null!;

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            _period = period;
            if (dueTime == Timeout.InfiniteTimeSpan)
            {
                owner._pending.TryRemove(this, out _);
            }
            else
            {
                owner._pending[this] = dueTime;
            }

            return Inner.Change(dueTime, period);
        }

        public void Fired()
        {
            if (_period == Timeout.InfiniteTimeSpan || _period == TimeSpan.Zero)
            {
                owner._pending.TryRemove(this, out _);
            }
        }

        public void Dispose()
        {
            owner._pending.TryRemove(this, out _);
            Inner.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            owner._pending.TryRemove(this, out _);
            return Inner.DisposeAsync();
        }
    }
}
