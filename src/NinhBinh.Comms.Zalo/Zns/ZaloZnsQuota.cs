namespace NinhBinh.Comms.Zalo;

/// <summary>An OA's daily ZNS / ZBS template message quota. Build one in tests with <see cref="ZaloModelFactory.ZaloZnsQuota"/>.</summary>
public sealed class ZaloZnsQuota
{
    internal ZaloZnsQuota(int dailyQuota, int remainingQuota)
    {
        DailyQuota = dailyQuota;
        RemainingQuota = remainingQuota;
    }

    /// <summary>How many template messages the OA may send per day (Vietnam time).</summary>
    public int DailyQuota { get; }

    /// <summary>How many it may still send today; the quota starts again at 00:00 Vietnam time.</summary>
    public int RemainingQuota { get; }
}
