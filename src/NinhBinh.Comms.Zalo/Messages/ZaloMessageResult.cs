namespace NinhBinh.Comms.Zalo;

/// <summary>What Zalo answered to a message send. Read-only; build one in tests with <see cref="ZaloModelFactory.ZaloMessageResult"/>.</summary>
public sealed class ZaloMessageResult
{
    internal ZaloMessageResult(string messageId, string? userId)
    {
        MessageId = messageId;
        UserId = userId;
    }

    /// <summary>Zalo's id of the message.</summary>
    public string MessageId { get; }

    /// <summary>The recipient's user id, when Zalo gave it.</summary>
    public string? UserId { get; }
}
