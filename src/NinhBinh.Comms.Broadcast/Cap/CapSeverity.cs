namespace NinhBinh.Comms.Broadcast.Cap;

/// <summary>The severity of the subject event (CAP 1.2 <c>severity</c>).</summary>
public enum CapSeverity
{
    /// <summary>Extraordinary threat to life or property.</summary>
    Extreme,

    /// <summary>Significant threat to life or property.</summary>
    Severe,

    /// <summary>Possible threat to life or property.</summary>
    Moderate,

    /// <summary>Minimal to no known threat to life or property.</summary>
    Minor,

    /// <summary>Severity unknown.</summary>
    Unknown,
}
