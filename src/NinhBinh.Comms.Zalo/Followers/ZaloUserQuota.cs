using System;

namespace NinhBinh.Comms.Zalo;

/// <summary>A user's message quota (v3 <c>quota/message</c>). Read-only; build one in tests with <see cref="ZaloModelFactory.ZaloUserQuota"/>.</summary>
public sealed class ZaloUserQuota
{
    internal ZaloUserQuota(DateTimeOffset? lastInteraction, int consultationRemaining, int consultationTotal, int promotionDailyRemaining,
        int promotionDailyTotal, int promotionMonthlyRemaining, int promotionMonthlyTotal)
    {
        LastInteraction = lastInteraction;
        ConsultationRemaining = consultationRemaining;
        ConsultationTotal = consultationTotal;
        PromotionDailyRemaining = promotionDailyRemaining;
        PromotionDailyTotal = promotionDailyTotal;
        PromotionMonthlyRemaining = promotionMonthlyRemaining;
        PromotionMonthlyTotal = promotionMonthlyTotal;
    }

    /// <summary>The last interaction, when Zalo gave one (a time without an offset is read as Vietnam time).</summary>
    public DateTimeOffset? LastInteraction { get; }

    /// <summary>Consultation replies left in the interaction window.</summary>
    public int ConsultationRemaining { get; }

    /// <summary>Consultation replies allowed in the interaction window.</summary>
    public int ConsultationTotal { get; }

    /// <summary>Promotion messages left today.</summary>
    public int PromotionDailyRemaining { get; }

    /// <summary>Promotion messages allowed per day.</summary>
    public int PromotionDailyTotal { get; }

    /// <summary>Promotion messages left this month.</summary>
    public int PromotionMonthlyRemaining { get; }

    /// <summary>Promotion messages allowed per month.</summary>
    public int PromotionMonthlyTotal { get; }
}
