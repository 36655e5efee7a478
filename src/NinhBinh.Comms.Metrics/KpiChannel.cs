using System;

namespace NinhBinh.Comms.Metrics;

/// <summary>A communication channel of a unit (one row of the channel inventory CSV).</summary>
/// <param name="UnitCode">The unit the channel belongs to (province 2 digits or commune 5 digits).</param>
/// <param name="Channel">The channel's name within the unit.</param>
/// <param name="Platform">The platform.</param>
/// <param name="Official">Whether it is an official account of the unit.</param>
public sealed record KpiChannel(string UnitCode, string Channel, KpiPlatform Platform, bool Official)
{
    /// <summary>The day it was established (for radio: the day it went IP), or null when unknown.</summary>
    public DateTime? EstablishedOn { get; init; }

    /// <summary>The day it was closed, or null while it is open.</summary>
    public DateTime? ClosedOn { get; init; }

    /// <summary>Whether the channel is open on a day.</summary>
    /// <param name="date">The day.</param>
    /// <returns>True when established on or before <paramref name="date"/> (or with no date) and not closed on or before it.</returns>
    public bool IsOpenOn(DateTime date) => (EstablishedOn is null || EstablishedOn.Value.Date <= date.Date) && (ClosedOn is null || ClosedOn.Value.Date > date.Date);
}
