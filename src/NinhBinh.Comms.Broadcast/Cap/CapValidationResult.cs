using System;
using System.Collections.Generic;
using System.Linq;

namespace NinhBinh.Comms.Broadcast.Cap;

/// <summary>The problems found in a CAP alert, errors apart from warnings.</summary>
public sealed class CapValidationResult
{
    /// <summary>Creates a result.</summary>
    /// <param name="problems">The problems found.</param>
    public CapValidationResult(IEnumerable<CapProblem> problems)
    {
        Problems = (problems ?? throw new ArgumentNullException(nameof(problems))).ToArray();
        Errors = Problems.Where(p => p.Severity == CapProblemSeverity.Error).ToArray();
        Warnings = Problems.Where(p => p.Severity == CapProblemSeverity.Warning).ToArray();
    }

    /// <summary>Every problem, in document order.</summary>
    public IReadOnlyList<CapProblem> Problems { get; }

    /// <summary>The errors: the alert is not valid CAP 1.2.</summary>
    public IReadOnlyList<CapProblem> Errors { get; }

    /// <summary>The warnings: valid, but likely a mistake.</summary>
    public IReadOnlyList<CapProblem> Warnings { get; }

    /// <summary>Whether there is no error (warnings allowed).</summary>
    public bool IsValid => Errors.Count == 0;
}
