namespace NinhBinh.Comms.Broadcast.Cap;

/// <summary>How serious a problem found in a CAP alert is.</summary>
public enum CapProblemSeverity
{
    /// <summary>The alert is not valid CAP 1.2 (schema or a rule of the standard).</summary>
    Error,

    /// <summary>The alert is valid but something in it is likely a mistake or will be handled poorly.</summary>
    Warning,
}
