using System;

namespace NinhBinh.Comms.Emulator;

/// <summary>One HTTP attempt of a webhook delivery.</summary>
/// <param name="NumRetry">0 for the first attempt, then 1–5 (the <c>num_retry</c> header sent with retries).</param>
/// <param name="At">When it was made, on the emulator's clock.</param>
/// <param name="StatusCode">The receiver's HTTP status, or 0 when it did not answer within 2 seconds or could not be reached.</param>
public sealed record EmulatedWebhookAttempt(int NumRetry, DateTimeOffset At, int StatusCode)
{
    /// <summary>Whether the receiver acknowledged (HTTP 200).</summary>
    public bool Succeeded => StatusCode == 200;
}
