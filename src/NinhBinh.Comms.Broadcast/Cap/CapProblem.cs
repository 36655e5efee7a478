namespace NinhBinh.Comms.Broadcast.Cap;

/// <summary>One problem found in a CAP document or model: where, which rule, what, how serious.</summary>
public sealed class CapProblem
{
    /// <summary>Creates a problem.</summary>
    /// <param name="path">The element path, for example <c>alert/info[1]/area[2]/polygon[1]</c> (empty for the document).</param>
    /// <param name="rule">The rule broken, for example <c>xsd</c>, <c>xml.dtd</c>, <c>cap.references</c>.</param>
    /// <param name="message">What is wrong, in one line.</param>
    /// <param name="severity">Error or warning.</param>
    public CapProblem(string path, string rule, string message, CapProblemSeverity severity = CapProblemSeverity.Error)
    {
        Path = path ?? string.Empty;
        Rule = rule ?? string.Empty;
        Message = message ?? string.Empty;
        Severity = severity;
    }

    /// <summary>The element path, for example <c>alert/info[1]/area[2]/polygon[1]</c>; empty for the document as a whole.</summary>
    public string Path { get; }

    /// <summary>The rule broken: <c>xml.*</c> (well-formedness and safety), <c>xsd</c> (the OASIS schema) or <c>cap.*</c> (rules of the standard the schema cannot express).</summary>
    public string Rule { get; }

    /// <summary>What is wrong, in one line.</summary>
    public string Message { get; }

    /// <summary>Error or warning.</summary>
    public CapProblemSeverity Severity { get; }

    /// <summary><c>path: message [rule]</c>, prefixed with <c>warning:</c> for warnings.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        (Severity == CapProblemSeverity.Warning ? "warning: " : string.Empty) + (Path.Length == 0 ? "(document)" : Path) + ": " + Message + " [" + Rule + "]";
}
