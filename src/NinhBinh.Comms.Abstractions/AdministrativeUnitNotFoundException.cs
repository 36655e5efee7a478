using System;
using System.Collections.Generic;
using System.Globalization;

namespace NinhBinh.Comms;

/// <summary>
/// Thrown when an administrative code cannot be resolved on a date: it is unknown, it is not yet valid, or it ended
/// without successors.
/// </summary>
public sealed class AdministrativeUnitNotFoundException : KeyNotFoundException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="code">The code that was looked up.</param>
    /// <param name="asOf">The date it was looked up for.</param>
    /// <param name="reason">Why it could not be resolved.</param>
    public AdministrativeUnitNotFoundException(string code, DateTime asOf, string reason)
        : base($"Administrative unit '{code}' cannot be resolved on {asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}: {reason}")
    {
        Code = code;
        AsOf = asOf.Date;
    }

    /// <summary>The code that was looked up.</summary>
    public string Code { get; }

    /// <summary>The date it was looked up for.</summary>
    public DateTime AsOf { get; }
}
