namespace NinhBinh.Comms.Broadcast.Cap;

/// <summary>The nature of an alert message (CAP 1.2 <c>msgType</c>).</summary>
public enum CapMessageType
{
    /// <summary>Initial information requiring attention by targeted recipients.</summary>
    Alert,

    /// <summary>Updates and supersedes the earlier messages named in references.</summary>
    Update,

    /// <summary>Cancels the earlier messages named in references.</summary>
    Cancel,

    /// <summary>Acknowledges receipt and acceptance of the messages named in references.</summary>
    Ack,

    /// <summary>Indicates rejection of the messages named in references.</summary>
    Error,
}
