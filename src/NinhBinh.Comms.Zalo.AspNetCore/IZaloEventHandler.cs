using System.Threading;
using System.Threading.Tasks;

namespace NinhBinh.Comms.Zalo.AspNetCore;

/// <summary>
/// Handles webhook events of one type, registered in DI (<c>services.AddZaloEventHandler&lt;TEvent, THandler&gt;()</c>).
/// Called from the background queue after Zalo has been answered, once per event (redeliveries and duplicates are
/// filtered by the dedupe store); a handler that throws is logged and retried. Register a handler of
/// <see cref="ZaloWebhookEvent"/> to see every event.
/// </summary>
/// <typeparam name="TEvent">The event type: <see cref="ZaloMessageEvent"/>, <see cref="ZaloFollowEvent"/>, … or <see cref="ZaloWebhookEvent"/>.</typeparam>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "The name the issue and the docs use; it handles Zalo events, not .NET events.")]
public interface IZaloEventHandler<in TEvent>
    where TEvent : ZaloWebhookEvent
{
    /// <summary>Handles one event.</summary>
    /// <param name="webhookEvent">The event.</param>
    /// <param name="cancellationToken">Cancelled when the app stops.</param>
    /// <returns>A task that completes when the event is handled.</returns>
    Task HandleAsync(TEvent webhookEvent, CancellationToken cancellationToken);
}
