using System.Security.Cryptography.X509Certificates;

namespace NinhBinh.Comms.Broadcast.Cap;

/// <summary>The outcome for one enveloped XML signature of an alert.</summary>
public sealed class CapSignatureCheck
{
    internal CapSignatureCheck(string? id, string signatureMethod, bool isValid, string reason, X509Certificate2? certificate)
    {
        Id = id;
        SignatureMethod = signatureMethod;
        IsValid = isValid;
        Reason = reason;
        Certificate = certificate;
    }

    /// <summary>The signature's <c>Id</c> attribute, if any.</summary>
    public string? Id { get; }

    /// <summary>The signature algorithm URI (older samples: RSA-SHA1; this SDK signs with RSA-SHA256).</summary>
    public string SignatureMethod { get; }

    /// <summary>Whether the signature verifies.</summary>
    public bool IsValid { get; }

    /// <summary>Why it does or does not verify, in one line.</summary>
    public string Reason { get; }

    /// <summary>The certificate it was checked against: the one given, or the one carried in its KeyInfo.</summary>
    public X509Certificate2? Certificate { get; }
}
