using System;
using System.Collections.Generic;
using System.Linq;

namespace NinhBinh.Comms.Broadcast.Cap;

/// <summary>What <see cref="CapSignature.Verify(string, System.Security.Cryptography.X509Certificates.X509Certificate2?)"/> found.</summary>
public sealed class CapSignatureResult
{
    internal CapSignatureResult(IReadOnlyList<CapSignatureCheck> signatures, string? problem)
    {
        Signatures = signatures;
        Problem = problem;
    }

    /// <summary>Each enveloped signature, in document order.</summary>
    public IReadOnlyList<CapSignatureCheck> Signatures { get; }

    /// <summary>Why the document could not be checked at all (not XML, a DTD, no signature), or null.</summary>
    public string? Problem { get; }

    /// <summary>
    /// Whether the alert is validly signed: with a certificate given, at least one signature verifies with its key;
    /// without, there is at least one signature and every one verifies with the certificate it carries.
    /// </summary>
    public bool IsValid { get; internal init; }

    /// <summary>One line: valid or the reasons.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Problem ?? string.Join("; ", Signatures.Select(s => (s.Id ?? "signature") + ": " + s.Reason));

    internal static CapSignatureResult Failed(string problem) => new(Array.Empty<CapSignatureCheck>(), problem);
}
