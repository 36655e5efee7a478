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

    /// <summary>
    /// Interacted between two days, both included. Each instant stands for its calendar day in Vietnam time:
    /// <c>VietnamTime.StartOfDay(new DateTime(2026, 11, 1))</c> is 1 November, and so is any instant of that Vietnam day.
    /// </summary>
    /// <param name="from">An instant of the first day.</param>
    /// <param name="to">An instant of the last day (not a day before <paramref name="from"/>'s).</param>
    /// <returns>The period.</returns>
    public static ZaloInteractionPeriod Between(DateTimeOffset from, DateTimeOffset to)
    {
        var first = VietnamTime.ToVietnamTime(from).Date;
        var last = VietnamTime.ToVietnamTime(to).Date;
        if (last < first)
        {
            throw new ArgumentException($"to ({last:yyyy-MM-dd} in Vietnam) is before from ({first:yyyy-MM-dd} in Vietnam).", nameof(to));
        }

        return new(first.ToString("yyyy_MM_dd", CultureInfo.InvariantCulture) + ":" + last.ToString("yyyy_MM_dd", CultureInfo.InvariantCulture));
    }

    /// <inheritdoc />
    public override string ToString() => Value;
}
