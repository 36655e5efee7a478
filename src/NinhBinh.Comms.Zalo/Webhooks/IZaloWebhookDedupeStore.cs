using System;
using System.Threading;
using System.Threading.Tasks;

namespace NinhBinh.Comms.Zalo;

/// <summary>
/// Remembers which webhook events were handled, so a redelivery (Zalo retries for about two hours) or a duplicate is
/// handled once. Keys are <see cref="ZaloWebhookEvent.DedupeKey"/>. Every receiver of an app shares one store
/// (<see cref="InMemoryZaloWebhookDedupeStore"/> for one process; the PostgreSQL store of
/// <c>NinhBinh.Comms.Zalo.PostgreSql</c> for several servers).
/// </summary>
/// <remarks>
/// The contract: <see cref="TryClaimAsync"/> returns <see langword="true"/> to exactly one caller for a key that is
/// neither completed nor claimed under a live lease; that caller handles the event and then calls
/// <see cref="CompleteAsync"/> (kept for the store's retention, longer than the replay window) or, when the handler
/// failed, <see cref="ReleaseAsync"/> so that a later attempt may claim it again. A claim whose holder crashed expires
/// with its lease, so the event is never lost.
/// </remarks>
public interface IZaloWebhookDedupeStore
{
    /// <summary>Claims an event for handling.</summary>
    /// <param name="key">The event's dedupe key.</param>
    /// <param name="lease">How long the claim holds without <see cref="CompleteAsync"/> before another caller may take it.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="true"/> when the caller must handle the event; <see langword="false"/> when it was handled or is being handled.</returns>
    Task<bool> TryClaimAsync(string key, TimeSpan lease, CancellationToken cancellationToken = default);

    /// <summary>Marks a claimed event as handled: later claims of the key return <see langword="false"/>.</summary>
    /// <param name="key">The event's dedupe key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the mark is durable.</returns>
    Task CompleteAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Gives a claim up (its handler failed), so a later attempt may claim the event again.</summary>
    /// <param name="key">The event's dedupe key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the claim is released.</returns>
    Task ReleaseAsync(string key, CancellationToken cancellationToken = default);
}
