using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace NinhBinh.Comms.Zalo.Internal;

/// <summary>
/// The client-side rate limit shared by every OA of one app: at most <c>permits</c> requests start in any
/// <c>window</c> (a sliding log of start times). The window is Zalo's minute plus a second of margin for clock and
/// network jitter, so the SDK never provokes <c>-32</c> by itself. Zero permits means no limit.
/// </summary>
/// <remarks>
/// Time is monotonic (<see cref="TimeProvider.GetTimestamp"/>): a wall-clock step never stalls or floods sends.
/// Waiters are served strictly in arrival order, so the messages of an emergency queued first are not overtaken
/// by later requests that happen to arrive just as a permit frees up.
/// </remarks>
internal sealed class ZaloRequestRateLimiter : IDisposable
{
    private readonly object _gate = new();
    private readonly long[] _starts;
    private readonly long _window;
    private readonly TimeProvider _time;
    private readonly Queue<Waiter> _waiters = new();
    private ITimer? _timer;
    private bool _timerArmed;
    private bool _disposed;
    private int _next;
    private int _count;

    public ZaloRequestRateLimiter(int permitsPerWindow, TimeSpan window, TimeProvider time)
    {
        if (permitsPerWindow < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(permitsPerWindow), permitsPerWindow, "permitsPerWindow must be 0 (unlimited) or more.");
        }

        if (window <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(window), window, "window must be positive.");
        }

        _starts = new long[permitsPerWindow];
        _time = time;
        _window = (long)(window.Ticks * (double)time.TimestampFrequency / TimeSpan.TicksPerSecond);
    }

    public static TimeSpan DefaultWindow { get; } = TimeSpan.FromSeconds(61);

    public int PermitsPerWindow => _starts.Length;

    /// <summary>How many callers wait for a permit now.</summary>
    public int QueueLength
    {
        get
        {
            lock (_gate)
            {
                return _waiters.Count;
            }
        }
    }

    /// <summary>Waits (in arrival order) until a request may start, then records its start.</summary>
    public ValueTask AcquireAsync(CancellationToken cancellationToken)
    {
        if (_starts.Length == 0)
        {
            return default; // no client-side limit
        }

        lock (_gate)
        {
            if (_disposed)
            {
                throw new ObjectDisposedException(nameof(ZaloRequestRateLimiter));
            }

            var now = _time.GetTimestamp();
            if (_waiters.Count == 0 && TryTake(now))
            {
                return default;
            }

            cancellationToken.ThrowIfCancellationRequested();
            var waiter = new Waiter(cancellationToken);
            _waiters.Enqueue(waiter);
            ArmTimer(now);
            return new ValueTask(waiter.Task);
        }
    }

    public void Dispose()
    {
        Waiter[] abandoned;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _timer?.Dispose();
            abandoned = _waiters.ToArray();
            _waiters.Clear();
        }

        foreach (var waiter in abandoned)
        {
            waiter.Abandon();
        }
    }

    private bool TryTake(long now)
    {
        if (_count < _starts.Length)
        {
            _starts[(_next + _count) % _starts.Length] = now;
            _count++;
            return true;
        }

        // The log is full: the oldest start leaves the window at oldest + window.
        if (now - _starts[_next] >= _window)
        {
            _starts[_next] = now;
            _next = (_next + 1) % _starts.Length;
            return true;
        }

        return false;
    }

    private void ArmTimer(long now)
    {
        if (_timerArmed)
        {
            return;
        }

        var dueTicks = Math.Max(0, _starts[_next] + _window - now);
        var due = TimeSpan.FromTicks((long)Math.Ceiling(dueTicks * (double)TimeSpan.TicksPerSecond / _time.TimestampFrequency));
        _timer ??= _time.CreateTimer(static s => ((ZaloRequestRateLimiter)s!).Release(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _timerArmed = true;
        _timer.Change(due, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Gives freed permits to the waiters at the head of the queue, in order.</summary>
    private void Release()
    {
        List<Waiter>? ready = null;
        lock (_gate)
        {
            _timerArmed = false;
            if (_disposed)
            {
                return;
            }

            var now = _time.GetTimestamp();
            while (_waiters.Count > 0)
            {
                var head = _waiters.Peek();
                if (head.IsCompleted)
                {
                    _waiters.Dequeue(); // cancelled while waiting
                    continue;
                }

                if (!TryTake(now))
                {
                    break;
                }

                _waiters.Dequeue();
                (ready ??= new List<Waiter>()).Add(head);
            }

            if (_waiters.Count > 0)
            {
                ArmTimer(now);
            }
        }

        if (ready is not null)
        {
            foreach (var waiter in ready)
            {
                waiter.Grant(); // outside the lock: continuations run asynchronously anyway
            }
        }
    }

    private sealed class Waiter
    {
        private readonly TaskCompletionSource<bool> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly CancellationTokenRegistration _registration;

        public Waiter(CancellationToken cancellationToken)
        {
            if (cancellationToken.CanBeCanceled)
            {
                _registration = cancellationToken.Register(static s =>
                {
                    var (waiter, token) = ((Waiter, CancellationToken))s!;
                    waiter._completion.TrySetCanceled(token);
                }, (this, cancellationToken));
            }
        }

        public Task Task => _completion.Task;

        public bool IsCompleted => _completion.Task.IsCompleted;

        public void Grant()
        {
            _registration.Dispose();
            _completion.TrySetResult(true);
        }

        public void Abandon()
        {
            _registration.Dispose();
            _completion.TrySetException(new ObjectDisposedException(nameof(ZaloRequestRateLimiter)));
        }
    }
}
