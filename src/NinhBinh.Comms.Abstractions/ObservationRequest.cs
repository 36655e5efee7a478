using System;

namespace NinhBinh.Comms;

/// <summary>What to read from an <see cref="IObservationSource"/>: one channel of a unit, between two Vietnam dates (inclusive).</summary>
/// <param name="UnitCode">The unit the channel belongs to (province 2 digits or commune 5 digits).</param>
/// <param name="Channel">The channel's name within the unit, as in the KPI channel inventory.</param>
/// <param name="From">The first day.</param>
/// <param name="To">The last day.</param>
public sealed record ObservationRequest(string UnitCode, string Channel, DateTime From, DateTime To);
