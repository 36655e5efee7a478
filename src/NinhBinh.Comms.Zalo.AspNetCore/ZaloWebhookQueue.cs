using System.Threading;
using System.Threading.Channels;

namespace NinhBinh.Comms.Zalo.AspNetCore;

/// <summary>The bounded queue between the endpoint (writer) and the handlers (readers).</summary>
internal sealed class ZaloWebhookQueue
{
    private int _inFlight;

    public ZaloWebhookQueue(ZaloWebhookEndpointOptions options)
    {
        Capacity = options.QueueCapacity;
        Channel = System.Threading.Channels.Channel.CreateBounded<ZaloWebhookEvent>(new BoundedChannelOptions(Capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = false,
            SingleWriter = false,
        });
    }

    public int Capacity { get; }

    public Channel<ZaloWebhookEvent> Channel { get; }

    public int Count => Channel.Reader.Count;

    public int InFlight => Volatile.Read(ref _inFlight);

    public void Started() => Interlocked.Increment(ref _inFlight);

    public void Finished() => Interlocked.Decrement(ref _inFlight);
}
