using System;
using System.Collections.Generic;
using System.Linq;

namespace NinhBinh.Comms;

/// <summary>
/// Thrown when a bulletin cannot be built because one or more fields are invalid.
/// <see cref="Problems"/> lists every problem found, each with its field name.
/// </summary>
public sealed class BulletinValidationException : ArgumentException
{
    /// <summary>Creates the exception from the problems found.</summary>
    /// <param name="problems">Every problem found; at least one.</param>
    public BulletinValidationException(IEnumerable<ValidationProblem> problems)
        : this(problems?.ToArray() ?? throw new ArgumentNullException(nameof(problems)))
    {
    }

    private BulletinValidationException(ValidationProblem[] problems)
        : base(BuildMessage(problems), problems.Length > 0 ? problems[0].Field : null)
    {
        Problems = problems;
    }

    /// <summary>Every problem found, in field order.</summary>
    public IReadOnlyList<ValidationProblem> Problems { get; }

    private static string BuildMessage(ValidationProblem[] problems)
        => problems.Length == 1
            ? "The bulletin is invalid: " + problems[0]
            : $"The bulletin is invalid ({problems.Length} problems): " + string.Join("; ", problems.Select(p => p.ToString()));
}
