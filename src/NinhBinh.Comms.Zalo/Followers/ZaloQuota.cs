
namespace NinhBinh.Comms.Zalo;

/// <summary>A quota as the v2 <c>quota/message</c> call reports it.</summary>
public sealed class ZaloQuota
{
    /// <summary>The quota type Zalo named, for example <c>promotion</c>.</summary>
    public string? Type { get; set; }

    /// <summary>The quota's size.</summary>
    public int Total { get; set; }

    /// <summary>What is left.</summary>
    public int Remaining { get; set; }

    /// <summary>The message the quota is about, for the message form.</summary>
    public string? MessageId { get; set; }
}
