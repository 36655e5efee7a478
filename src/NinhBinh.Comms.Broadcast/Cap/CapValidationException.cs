using System;
using System.Linq;

namespace NinhBinh.Comms.Broadcast.Cap;

/// <summary>A CAP alert built or written breaks CAP 1.2; <see cref="Result"/> lists every problem.</summary>
public sealed class CapValidationException : CommsException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="result">The problems.</param>
    public CapValidationException(CapValidationResult result)
        : base("The CAP alert is not valid: " + string.Join("; ", (result ?? throw new ArgumentNullException(nameof(result))).Errors.Select(p => p.ToString())))
    {
        Result = result;
    }

    /// <summary>The problems found.</summary>
    public CapValidationResult Result { get; }
}
