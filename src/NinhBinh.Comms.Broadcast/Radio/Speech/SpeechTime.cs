using System;
using System.Threading;
using System.Threading.Tasks;

namespace NinhBinh.Comms.Broadcast.Radio.Speech;

/// <summary>Waits on an injected clock (FakeTimeProvider in tests) on both targets.</summary>
internal static class SpeechTime
{
    public static Task DelayAsync(TimeProvider time, TimeSpan delay, CancellationToken cancellationToken)
    {
        if (delay <= TimeSpan.Zero)
        {
            return Task.CompletedTask;
        }

#if NET
        return Task.Delay(delay, time, cancellationToken);
#else
        return time.Delay(delay, cancellationToken);
#endif
    }
}
