using System;
using System.Threading;
using System.Threading.Tasks;

namespace NinhBinh.Comms;

/// <summary>
/// A channel that delivers one bulletin to many recipients, one request each (Zalo followers, speakers, boards), and
/// reports its progress as it goes. <see cref="BulletinDispatcher"/> gives such a channel a timeout that suits a long
/// fan-out: see the remarks.
/// </summary>
/// <remarks>
/// <para>The timeout rule of <see cref="BulletinDispatcher"/> for a fan-out channel:
/// <see cref="BulletinDispatcherOptions.ChannelTimeout"/> is an <em>idle</em> timeout. It starts when the channel
/// starts and starts again with every progress report, so a channel that keeps reporting is never cut off half-way
/// by a timeout meant for one request, and one that goes silent for <see cref="BulletinDispatcherOptions.ChannelTimeout"/>
/// is. <see cref="BulletinDispatcherOptions.MaxFanOutDuration"/> (default 1 hour) bounds the whole fan-out.</para>
/// <para>Report after each recipient (or each small batch), and while listing recipients; reports may come from many
/// threads at once. When the channel is cut off, the dispatcher's outcome carries the last counts reported
/// (<see cref="DeliveryOutcome.Recipients"/>). Channels that implement this interface keep the plain
/// <see cref="IBulletinChannel.DeliverAsync(Bulletin, CancellationToken)"/> too, for callers without a dispatcher.</para>
/// </remarks>
public interface IFanOutChannel : IBulletinChannel
{
    /// <summary>Publishes a bulletin to this channel's recipients, reporting progress.</summary>
    /// <param name="bulletin">The bulletin (always valid).</param>
    /// <param name="progress">Receives the counts so far (thread-safe); each report shows the channel is alive.</param>
    /// <param name="cancellationToken">Cancels the delivery (caller cancellation, silence or <see cref="BulletinDispatcherOptions.MaxFanOutDuration"/>).</param>
    /// <returns>What happened, with <see cref="DeliveryOutcome.Recipients"/> set.</returns>
    Task<DeliveryOutcome> DeliverAsync(Bulletin bulletin, IProgress<DeliveryCounts> progress, CancellationToken cancellationToken = default);
}
