using System;
using System.Globalization;

namespace NinhBinh.Comms.Zalo;

/// <summary>A period of last interaction for follower queries (<c>last_interaction_period</c>).</summary>
public sealed class ZaloInteractionPeriod
{
    private ZaloInteractionPeriod(string value) => Value = value;

    /// <summary>Interacted today (Vietnam time).</summary>
    public static ZaloInteractionPeriod Today { get; } = new("TODAY");

    /// <summary>Interacted yesterday.</summary>
    public static ZaloInteractionPeriod Yesterday { get; } = new("YESTERDAY");

    /// <summary>Interacted in the last 7 days.</summary>
    public static ZaloInteractionPeriod Last7Days { get; } = new("L7D");

    /// <summary>Interacted in the last 30 days.</summary>
    public static ZaloInteractionPeriod Last30Days { get; } = new("L30D");

    /// <summary>The value sent to Zalo, for example <c>L7D</c> or <c>2026_11_01:2026_11_26</c>.</summary>
    public string Value { get; }

    /// <summary>Interacted between two Vietnam dates, both included.</summary>
    /// <param name="from">The first date.</param>
    /// <param name="to">The last date (not before <paramref name="from"/>).</param>
    /// <returns>The period.</returns>
    public static ZaloInteractionPeriod Between(DateTime from, DateTime to)
    {
        if (to.Date < from.Date)
        {
            throw new ArgumentException($"to ({to:yyyy-MM-dd}) is before from ({from:yyyy-MM-dd}).", nameof(to));
        }

        return new(from.ToString("yyyy_MM_dd", CultureInfo.InvariantCulture) + ":" + to.ToString("yyyy_MM_dd", CultureInfo.InvariantCulture));
    }

    /// <inheritdoc />
    public override string ToString() => Value;
}
