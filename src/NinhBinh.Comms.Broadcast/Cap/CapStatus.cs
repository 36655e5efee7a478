namespace NinhBinh.Comms.Broadcast.Cap;

/// <summary>The code of an alert's status (CAP 1.2 <c>status</c>).</summary>
public enum CapStatus
{
    /// <summary>Actionable by all targeted recipients.</summary>
    Actual,

    /// <summary>Actionable only by designated exercise participants.</summary>
    Exercise,

    /// <summary>For messages that support alert network internal functions.</summary>
    System,

    /// <summary>Technical testing only; all recipients disregard.</summary>
    Test,

    /// <summary>A preliminary template or draft, not actionable in its current form.</summary>
    Draft,
}
