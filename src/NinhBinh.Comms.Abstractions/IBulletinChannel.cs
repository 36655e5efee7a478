using System.Threading;
using System.Threading.Tasks;

namespace NinhBinh.Comms;

/// <summary>
/// A place a bulletin can be published: a Zalo Official Account, an IP radio cluster, an electronic board, …
/// Every NinhBinh.Comms package that publishes implements this contract.
/// </summary>
/// <remarks>
/// Implementations report what happened as a <see cref="DeliveryOutcome"/>. They may also throw: a
/// <see cref="CommsException"/> is turned into a rejected or transient outcome by <see cref="BulletinDispatcher"/>,
/// any other exception into <see cref="DeliveryStatus.Faulted"/>. They should honour the cancellation token.
/// A channel that delivers to many recipients, one request each, implements <see cref="IFanOutChannel"/>: it reports
/// progress, is timed out on silence rather than on total duration, reports its counts in
/// <see cref="DeliveryOutcome.Recipients"/> (<see cref="DeliveryStatus.PartiallyDelivered"/> when some recipients were
/// not reached) and keeps an <see cref="IDeliveryJournal"/> so that dispatching the same bulletin again is safe.
/// </remarks>
public interface IBulletinChannel
{
    /// <summary>A name unique among the channels of one dispatcher, for example <c>zalo:oa:1234</c> or <c>radio:14329</c>.</summary>
    string Name { get; }

    /// <summary>Publishes a bulletin on this channel.</summary>
    /// <param name="bulletin">The bulletin (always valid).</param>
    /// <param name="cancellationToken">Cancels the delivery (caller cancellation or the dispatcher's timeout).</param>
    /// <returns>What happened.</returns>
    Task<DeliveryOutcome> DeliverAsync(Bulletin bulletin, CancellationToken cancellationToken = default);
}
