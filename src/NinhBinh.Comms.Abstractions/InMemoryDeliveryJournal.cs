using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using NinhBinh.Comms.Internal;

namespace NinhBinh.Comms;

/// <summary>
/// A <see cref="IDeliveryJournal"/> in memory: retrying a bulletin through the same process reaches only those not
/// reached yet; a restart forgets. For tests, and for channels with nowhere to keep a file.
/// </summary>
public sealed class InMemoryDeliveryJournal : IDeliveryJournal
{
    private readonly ConcurrentDictionary<(string Bulletin, string Channel), ConcurrentDictionary<string, DeliveryJournalState>> _entries = new();

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, DeliveryJournalState>> ReadAsync(string bulletinId, string channel, CancellationToken cancellationToken = default)
    {
        Guard.NotNullOrWhiteSpace(bulletinId);
        Guard.NotNullOrWhiteSpace(channel);
        cancellationToken.ThrowIfCancellationRequested();
        IReadOnlyDictionary<string, DeliveryJournalState> copy = _entries.TryGetValue((bulletinId, channel), out var entries)
            ? new Dictionary<string, DeliveryJournalState>(entries, StringComparer.Ordinal)
            : new Dictionary<string, DeliveryJournalState>(StringComparer.Ordinal);
        return Task.FromResult(copy);
    }

    /// <inheritdoc />
    public Task RecordAsync(string bulletinId, string channel, string recipient, DeliveryJournalState state, CancellationToken cancellationToken = default)
    {
        Guard.NotNullOrWhiteSpace(bulletinId);
        Guard.NotNullOrWhiteSpace(channel);
        Guard.NotNullOrWhiteSpace(recipient);
        if (state is not (DeliveryJournalState.Delivered or DeliveryJournalState.OutcomeUnknown))
        {
            throw new ArgumentOutOfRangeException(nameof(state), state, "state must be Delivered or OutcomeUnknown.");
        }

        cancellationToken.ThrowIfCancellationRequested();
        var entries = _entries.GetOrAdd((bulletinId, channel), _ => new ConcurrentDictionary<string, DeliveryJournalState>(StringComparer.Ordinal));
        entries.AddOrUpdate(recipient, state, (_, old) => old == DeliveryJournalState.Delivered ? old : state);
        return Task.CompletedTask;
    }
}
