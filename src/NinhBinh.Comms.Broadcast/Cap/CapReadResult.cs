using System.Collections.Generic;

namespace NinhBinh.Comms.Broadcast.Cap;

/// <summary>What <see cref="CapReader"/> made of a document: the alert (when it could be read) and every problem.</summary>
public sealed class CapReadResult
{
    internal CapReadResult(CapAlert? alert, CapVersion? version, CapValidationResult validation)
    {
        Alert = alert;
        Version = version;
        Validation = validation;
    }

    /// <summary>The alert, converted to CAP 1.2; null when the document is not well-formed, unsafe or not schema-valid.</summary>
    public CapAlert? Alert { get; }

    /// <summary>The CAP version of the document, when its root is a CAP alert.</summary>
    public CapVersion? Version { get; }

    /// <summary>Every problem found: XML and safety, the schema, the CAP rules.</summary>
    public CapValidationResult Validation { get; }

    /// <summary>Shortcut for <see cref="CapValidationResult.Problems"/>.</summary>
    public IReadOnlyList<CapProblem> Problems => Validation.Problems;

    /// <summary>Whether the document is a valid CAP alert (warnings allowed).</summary>
    public bool IsValid => Alert is not null && Validation.IsValid;
}
