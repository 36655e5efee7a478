using System;

namespace NinhBinh.Comms.Zalo;

/// <summary>A user's message quota (v3 <c>quota/message</c>).</summary>
public sealed class ZaloUserQuota
{
    /// <summary>The last interaction, when Zalo gave one.</summary>
    public DateTimeOffset? LastInteraction { get; set; }

    /// <summary>Consultation replies left in the interaction window.</summary>
    public int ConsultationRemaining { get; set; }

    /// <summary>Consultation replies allowed in the interaction window.</summary>
    public int ConsultationTotal { get; set; }

    /// <summary>Promotion messages left today.</summary>
    public int PromotionDailyRemaining { get; set; }

    /// <summary>Promotion messages allowed per day.</summary>
    public int PromotionDailyTotal { get; set; }

    /// <summary>Promotion messages left this month.</summary>
    public int PromotionMonthlyRemaining { get; set; }

    /// <summary>Promotion messages allowed per month.</summary>
    public int PromotionMonthlyTotal { get; set; }
}
