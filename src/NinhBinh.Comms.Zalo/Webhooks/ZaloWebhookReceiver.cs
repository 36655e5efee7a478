using System;
using System.Threading;
using System.Threading.Tasks;

namespace NinhBinh.Comms.Zalo;

/// <summary>
/// Verifies, reads and de-duplicates webhook deliveries: the whole receiving side without a web framework (the
/// ASP.NET Core endpoint of <c>NinhBinh.Comms.Zalo.AspNetCore</c> is built on it). Thread-safe.
/// </summary>
public sealed class ZaloWebhookReceiver
{
    /// <summary>Creates a receiver.</summary>
    /// <param name="verifier">Checks signatures and the replay window.</param>
    /// <param name="dedupeStore">Remembers handled events; a new <see cref="InMemoryZaloWebhookDedupeStore"/> when <see langword="null"/>.</param>
    public ZaloWebhookReceiver(ZaloWebhookVerifier verifier, IZaloWebhookDedupeStore? dedupeStore = null)
    {
        Verifier = verifier ?? throw new ArgumentNullException(nameof(verifier));
        DedupeStore = dedupeStore ?? new InMemoryZaloWebhookDedupeStore();
    }

    /// <summary>The verifier.</summary>
    public ZaloWebhookVerifier Verifier { get; }

    /// <summary>The dedupe store.</summary>
    public IZaloWebhookDedupeStore DedupeStore { get; }

    /// <summary>How long a handler may run before its claim lapses and a redelivery may handle the event; default 5 minutes.</summary>
    public TimeSpan HandlerLease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Verifies a delivery and, when valid, reads its event.</summary>
    /// <param name="body">The raw body, exactly as received.</param>
    /// <param name="signatureHeader">The value of <c>X-ZEvent-Signature</c>.</param>
    /// <param name="isZnsDelivery">Whether it came with <c>X-ZEvent-Server: ZNS</c>.</param>
    /// <returns>The verdict and the event.</returns>
    public ZaloWebhookReceipt Read(ReadOnlySpan<byte> body, string? signatureHeader, bool isZnsDelivery = false)
    {
        var verification = Verifier.Verify(body, signatureHeader);
        if (!verification.IsValid)
        {
            return new ZaloWebhookReceipt(verification, null);
        }

        try
        {
            return new ZaloWebhookReceipt(verification, ZaloWebhookParser.Parse(body, isZnsDelivery));
        }
        catch (FormatException ex)
        {
            return new ZaloWebhookReceipt(new ZaloWebhookVerification(ZaloWebhookFailure.InvalidJson, ex.Message, verification.Timestamp), null);
        }
    }

    /// <summary>
    /// Runs a handler for an event unless the event was already handled (or is being handled elsewhere): claims its
    /// dedupe key, runs the handler, marks it completed; when the handler throws, the claim is released (so a retry may
    /// handle it) and the exception is rethrown.
    /// </summary>
    /// <param name="webhookEvent">The event.</param>
    /// <param name="handler">The handler.</param>
    /// <param name="cancellationToken">Cancels the handling.</param>
    /// <returns><see langword="true"/> when the handler ran; <see langword="false"/> for a duplicate.</returns>
    public async Task<bool> HandleOnceAsync(ZaloWebhookEvent webhookEvent, Func<ZaloWebhookEvent, CancellationToken, Task> handler, CancellationToken cancellationToken = default)
    {
        if (webhookEvent is null)
        {
            throw new ArgumentNullException(nameof(webhookEvent));
        }

        if (handler is null)
        {
            throw new ArgumentNullException(nameof(handler));
        }

        if (!await DedupeStore.TryClaimAsync(webhookEvent.DedupeKey, HandlerLease, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        try
        {
            await handler(webhookEvent, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await DedupeStore.ReleaseAsync(webhookEvent.DedupeKey, CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        await DedupeStore.CompleteAsync(webhookEvent.DedupeKey, CancellationToken.None).ConfigureAwait(false);
        return true;
    }
}
