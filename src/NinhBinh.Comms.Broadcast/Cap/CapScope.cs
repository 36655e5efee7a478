namespace NinhBinh.Comms.Broadcast.Cap;

/// <summary>The intended distribution of an alert (CAP 1.2 <c>scope</c>).</summary>
public enum CapScope
{
    /// <summary>For general dissemination to unrestricted audiences.</summary>
    Public,

    /// <summary>For dissemination only to users with a known operational requirement (see restriction).</summary>
    Restricted,

    /// <summary>For dissemination only to the specified addresses.</summary>
    Private,
}
