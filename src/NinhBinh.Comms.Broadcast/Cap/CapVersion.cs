namespace NinhBinh.Comms.Broadcast.Cap;

/// <summary>The CAP version a document was read as (the model is always CAP 1.2).</summary>
public enum CapVersion
{
    /// <summary>CAP 1.2 (urn:oasis:names:tc:emergency:cap:1.2).</summary>
    Cap12,

    /// <summary>CAP 1.1 (urn:oasis:names:tc:emergency:cap:1.1), converted to 1.2 on reading.</summary>
    Cap11,
}
