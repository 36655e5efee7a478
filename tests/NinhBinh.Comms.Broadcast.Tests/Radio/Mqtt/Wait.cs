using System;
using System.Threading;
using System.Threading.Tasks;

namespace NinhBinh.Comms.Broadcast.Tests.Radio.Mqtt;

/// <summary>Waiting for something a broker or a device does on its own time.</summary>
internal static class Wait
{
    /// <summary>Polls <paramref name="condition"/> every 20 ms; fails the test (cancelled) after 30 s.</summary>
    public static async Task Until(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!condition())
        {
            await Task.Delay(20, timeout.Token);
        }
    }
}
