namespace NinhBinh.Comms.Zalo;

/// <summary>What <see cref="ZaloWebhookReceiver.Read(System.ReadOnlySpan{byte}, string?, bool)"/> made of a delivery: the verdict and, when valid, the event.</summary>
public sealed class ZaloWebhookReceipt
{
    internal ZaloWebhookReceipt(ZaloWebhookVerification verification, ZaloWebhookEvent? webhookEvent)
    {
        Verification = verification;
        Event = webhookEvent;
    }

    /// <summary>Whether the delivery is authentic, fresh and a Zalo event.</summary>
    public bool IsValid => Verification.IsValid && Event is not null;

    /// <summary>The verdict on the signature and timestamp.</summary>
    public ZaloWebhookVerification Verification { get; }

    /// <summary>The event, when the delivery is valid.</summary>
    public ZaloWebhookEvent? Event { get; }
}
