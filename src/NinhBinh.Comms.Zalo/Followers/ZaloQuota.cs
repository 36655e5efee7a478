namespace NinhBinh.Comms.Zalo;

/// <summary>A quota as the v2 <c>quota/message</c> call reports it. Read-only; build one in tests with <see cref="ZaloModelFactory.ZaloQuota"/>.</summary>
public sealed class ZaloQuota
{
    internal ZaloQuota(string? type, int total, int remaining, string? messageId)
    {
        Type = type;
        Total = total;
        Remaining = remaining;
        MessageId = messageId;
    }

    /// <summary>The quota type Zalo named, for example <c>promotion</c>.</summary>
    public string? Type { get; }

    /// <summary>The quota's size.</summary>
    public int Total { get; }

    /// <summary>What is left.</summary>
    public int Remaining { get; }

    /// <summary>The message the quota is about, for the message form.</summary>
    public string? MessageId { get; }
}
