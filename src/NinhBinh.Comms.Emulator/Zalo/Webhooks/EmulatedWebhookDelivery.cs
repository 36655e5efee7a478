using System;
using System.Collections.Generic;

namespace NinhBinh.Comms.Emulator;

/// <summary>A webhook delivery the emulator made (or is still retrying): a snapshot.</summary>
/// <param name="Id">The delivery's id (1, 2, …; a duplicate is a delivery of its own with the same body).</param>
/// <param name="EventName">The event's name.</param>
/// <param name="Body">The body, byte for byte as sent (UTF-8).</param>
/// <param name="Signature">The <c>X-ZEvent-Signature</c> value sent.</param>
/// <param name="Forged">Whether the signature was made with a wrong secret on request.</param>
/// <param name="Attempts">The attempts so far.</param>
/// <param name="NextAttemptAt">When the next retry is due, on the emulator's clock; <see langword="null"/> when done or given up.</param>
public sealed record EmulatedWebhookDelivery(
    int Id,
    string EventName,
    string Body,
    string Signature,
    bool Forged,
    IReadOnlyList<EmulatedWebhookAttempt> Attempts,
    DateTimeOffset? NextAttemptAt)
{
    /// <summary>Whether an attempt was acknowledged with HTTP 200.</summary>
    public bool Delivered => Attempts.Count > 0 && Attempts[^1].Succeeded;
}
