using NinhBinh.Comms.Internal;

namespace NinhBinh.Comms.Zalo;

/// <summary>What Zalo answered to a message send.</summary>
public sealed class ZaloMessageResult
{
    /// <summary>Creates a result (for tests of code that uses the SDK).</summary>
    /// <param name="messageId">The message id.</param>
    /// <param name="userId">The recipient's user id, when Zalo gave it.</param>
    public ZaloMessageResult(string messageId, string? userId)
    {
        MessageId = Guard.NotNullOrWhiteSpace(messageId);
        UserId = userId;
    }

    /// <summary>Zalo's id of the message.</summary>
    public string MessageId { get; }

    /// <summary>The recipient's user id, when Zalo gave it.</summary>
    public string? UserId { get; }
}
