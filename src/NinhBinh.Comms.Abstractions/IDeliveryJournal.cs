using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace NinhBinh.Comms;

/// <summary>
/// Remembers which recipients of a bulletin a fan-out channel already reached, so that dispatching the same bulletin
/// again (after a partial delivery, a timeout or a crash) reaches only those not reached yet. Keyed by bulletin id,
/// channel name and recipient.
/// </summary>
/// <remarks>
/// A channel records a recipient right after the service accepted the bulletin for them (and
/// <see cref="DeliveryJournalState.OutcomeUnknown"/> when it cannot know), and reads the journal once before sending.
/// Implementations are thread-safe; <see cref="InMemoryDeliveryJournal"/> lives as long as the process, file or
/// database journals (the Zalo package's <c>FileDeliveryJournal</c>) survive restarts and are shared by processes.
/// </remarks>
public interface IDeliveryJournal
{
    /// <summary>Reads what is recorded for one bulletin on one channel.</summary>
    /// <param name="bulletinId">The bulletin id.</param>
    /// <param name="channel">The channel name (<see cref="IBulletinChannel.Name"/>).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The recorded recipients and their state (<see cref="DeliveryJournalState.Delivered"/> wins over an
    /// earlier <see cref="DeliveryJournalState.OutcomeUnknown"/>); empty when nothing is recorded.</returns>
    Task<IReadOnlyDictionary<string, DeliveryJournalState>> ReadAsync(string bulletinId, string channel, CancellationToken cancellationToken = default);

    /// <summary>Records one recipient; durable when the task completes.</summary>
    /// <param name="bulletinId">The bulletin id.</param>
    /// <param name="channel">The channel name.</param>
    /// <param name="recipient">The recipient (a user id, a device id); no line breaks or tabs.</param>
    /// <param name="state">What happened.</param>
    /// <param name="cancellationToken">Cancels waiting; a channel passes <see cref="CancellationToken.None"/> for a
    /// send the service already accepted, so the record is never lost to a cancellation.</param>
    /// <returns>A task that completes when the record is kept.</returns>
    Task RecordAsync(string bulletinId, string channel, string recipient, DeliveryJournalState state, CancellationToken cancellationToken = default);
}
