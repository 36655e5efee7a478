using System;
using System.Threading;
using System.Threading.Tasks;
using NinhBinh.Comms.Internal;

namespace NinhBinh.Comms.Zalo.Internal;

/// <summary>
/// The client-side rate limit shared by every OA of one app: at most <c>permits</c> requests start in any
/// <c>window</c> (a sliding log of start times). The window is Zalo's minute plus a second of margin for clock and
/// network jitter, so the SDK never provokes <c>-32</c> by itself. Zero permits means no limit.
/// </summary>
internal sealed class ZaloRequestRateLimiter
{
    private readonly object _gate = new();
    private readonly long[] _starts;
    private readonly long _windowTicks;
    private readonly TimeProvider _time;
    private int _next;
    private int _count;

    public ZaloRequestRateLimiter(int permitsPerWindow, TimeSpan window, TimeProvider time)
    {
        if (permitsPerWindow < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(permitsPerWindow), permitsPerWindow, "permitsPerWindow must be 0 (unlimited) or more.");
        }

        _starts = new long[permitsPerWindow];
        _windowTicks = window.Ticks;
        _time = time;
    }

    public static TimeSpan DefaultWindow { get; } = TimeSpan.FromSeconds(61);

    public int PermitsPerWindow => _starts.Length;

    /// <summary>Waits until a request may start, then records its start.</summary>
    public async ValueTask AcquireAsync(CancellationToken cancellationToken)
    {
        if (_starts.Length == 0)
        {
            return; // no client-side limit
        }

        while (true)
        {
            TimeSpan wait;
            lock (_gate)
            {
                var now = _time.GetUtcNow().UtcTicks;
                if (_count < _starts.Length)
                {
                    _starts[(_next + _count) % _starts.Length] = now;
                    _count++;
                    return;
                }

                // The log is full: the oldest start leaves the window at oldest + window.
                var oldest = _starts[_next];
                if (now - oldest >= _windowTicks)
                {
                    _starts[_next] = now;
                    _next = (_next + 1) % _starts.Length;
                    return;
                }

                wait = TimeSpan.FromTicks(oldest + _windowTicks - now);
            }

            await _time.DelayAsync(wait, cancellationToken).ConfigureAwait(false);
        }
    }
}
