namespace NinhBinh.Comms.Broadcast.Cap;

/// <summary>The certainty of the subject event (CAP 1.2 <c>certainty</c>; CAP 1.1's "Very Likely" is read as Likely).</summary>
public enum CapCertainty
{
    /// <summary>Determined to have occurred or to be ongoing.</summary>
    Observed,

    /// <summary>Likely (p &gt; ~50%).</summary>
    Likely,

    /// <summary>Possible but not likely (p &lt;= ~50%).</summary>
    Possible,

    /// <summary>Not expected to occur (p ~ 0).</summary>
    Unlikely,

    /// <summary>Certainty unknown.</summary>
    Unknown,
}
