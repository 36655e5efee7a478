using System;
using System.Collections.Generic;

namespace NinhBinh.Comms.Metrics;

/// <summary>
/// An agency (cơ quan, đơn vị) of a unit that keeps communication channels and staff: the unit's People's Committee,
/// a department, a mass organisation. The <c>social-accounts-per-agency</c> and <c>training-coverage</c> indicators
/// count agencies; a unit with no agency recorded counts as one agency that owns all its channels.
/// </summary>
/// <param name="Code">The agency's code (unique in the store, e.g. <c>37-SVHTT</c> or <c>14329-UBND</c>).</param>
/// <param name="Name">Its name, in Vietnamese.</param>
/// <param name="UnitCode">The unit it belongs to (province 2 digits or commune 5 digits).</param>
public sealed record KpiAgency(string Code, string Name, string UnitCode)
{
    /// <summary>How many communication staff it has (the denominator of <c>training-coverage</c>).</summary>
    public int CommunicationStaff { get; init; }

    /// <summary>The names of the channels of its unit (as in the channel inventory) that it keeps.</summary>
    public IReadOnlyList<string> Channels { get; init; } = Array.Empty<string>();
}
