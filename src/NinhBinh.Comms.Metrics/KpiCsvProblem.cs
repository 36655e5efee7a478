namespace NinhBinh.Comms.Metrics;

/// <summary>A bad row of a KPI CSV file: its 1-based line number and the reason.</summary>
/// <param name="Line">The line number (the header is line 1).</param>
/// <param name="Reason">What is wrong, naming the column.</param>
public sealed record KpiCsvProblem(int Line, string Reason)
{
    /// <summary><c>&lt;line&gt;: &lt;reason&gt;</c>.</summary>
    public override string ToString() => $"{Line}: {Reason}";
}
