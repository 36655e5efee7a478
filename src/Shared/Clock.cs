using System;
using System.Threading;
using System.Threading.Tasks;

namespace NinhBinh.Comms.Internal;

/// <summary>Waiting on a <see cref="TimeProvider"/> the same way on every target framework.</summary>
internal static class Clock
{
    public static Task DelayAsync(this TimeProvider time, TimeSpan delay, CancellationToken cancellationToken)
#if NET8_0_OR_GREATER
        => Task.Delay(delay, time, cancellationToken);
#else
        => TimeProviderTaskExtensions.Delay(time, delay, cancellationToken);
#endif
}
