using System;
using System.Collections.Generic;
#if NET
using System.Diagnostics.CodeAnalysis;
#endif
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using System.Text;
using System.Xml;

namespace NinhBinh.Comms.Broadcast.Cap;

/// <summary>
/// Enveloped XML-DSig over the whole <c>alert</c>: signs with RSA-SHA256 from an X.509 certificate; verifies existing
/// signatures (the public samples use RSA-SHA1). Several signatures (an issuer, then a distributor) are each checked
/// over the alert with the other signatures set aside, then with them kept (a signature made over earlier ones). Only references to
/// the whole document (<c>URI=""</c>) are accepted, so a signature cannot vouch for a part while the rest changes.
/// The document is loaded with DTDs prohibited and nothing resolved.
/// </summary>
public static class CapSignature
{
    // SignedXml creates the algorithms a document names by reflection, so it is not trim- or AOT-safe; that is passed on
    // to callers (not suppressed) so a trimmed or native-AOT app is told at build time.
    private const string NotTrimSafe = "XML-DSig (System.Security.Cryptography.Xml.SignedXml) creates the algorithms a document names by reflection; in a trimmed or native AOT app they may be removed, and verification then fails closed.";

    private const string DsigNamespace = "http://www.w3.org/2000/09/xmldsig#";

    /// <summary>Signs an alert: writes it as CAP 1.2 and appends an enveloped RSA-SHA256 signature.</summary>
    /// <param name="alert">The alert.</param>
    /// <param name="certificate">A certificate with an RSA private key.</param>
    /// <returns>The signed document (UTF-8 XML text).</returns>
#if NET
    [RequiresUnreferencedCode(NotTrimSafe)]
    [RequiresDynamicCode(NotTrimSafe)]
#endif
    public static string Sign(CapAlert alert, X509Certificate2 certificate) => Sign(CapWriter.ToXml(alert), certificate);

    /// <summary>Signs a CAP document as it is (earlier signatures stay and are covered by the new one).</summary>
    /// <param name="xml">The CAP document.</param>
    /// <param name="certificate">A certificate with an RSA private key.</param>
    /// <returns>The signed document.</returns>
    /// <exception cref="ArgumentException">The certificate has no RSA private key, or the text is not an XML document.</exception>
#if NET
    [RequiresUnreferencedCode(NotTrimSafe)]
    [RequiresDynamicCode(NotTrimSafe)]
#endif
    public static string Sign(string xml, X509Certificate2 certificate)
    {
        if (certificate is null)
        {
            throw new ArgumentNullException(nameof(certificate));
        }

        using var key = certificate.GetRSAPrivateKey() ?? throw new ArgumentException("The certificate has no RSA private key.", nameof(certificate));
        var document = Load(xml ?? throw new ArgumentNullException(nameof(xml)), out var problem) ?? throw new ArgumentException(problem, nameof(xml));
        var signed = NewSignedXml(document);
        signed.SigningKey = key;
        signed.SignedInfo!.SignatureMethod = SignedXml.XmlDsigRSASHA256Url;
        signed.SignedInfo.CanonicalizationMethod = SignedXml.XmlDsigExcC14NTransformUrl;
        var reference = new Reference(string.Empty) { DigestMethod = SignedXml.XmlDsigSHA256Url };
        reference.AddTransform(new XmlDsigEnvelopedSignatureTransform());
        reference.AddTransform(new XmlDsigExcC14NTransform());
        signed.AddReference(reference);
        var keyInfo = new KeyInfo();
        keyInfo.AddClause(new KeyInfoX509Data(certificate));
        signed.KeyInfo = keyInfo;
        signed.ComputeSignature();
        document.DocumentElement!.AppendChild(document.ImportNode(signed.GetXml(), deep: true));
        using var output = new MemoryStream();
        using (var writer = XmlWriter.Create(output, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false }))
        {
            document.Save(writer);
        }

        return Encoding.UTF8.GetString(output.ToArray());
    }

    /// <summary>Verifies the enveloped signatures of a CAP document given as text.</summary>
    /// <param name="xml">The document.</param>
    /// <param name="certificate">The signer's certificate (its public key is used; trust is the caller's decision), or null to use the certificates the signatures carry.</param>
    /// <returns>The outcome per signature.</returns>
#if NET
    [RequiresUnreferencedCode(NotTrimSafe)]
    [RequiresDynamicCode(NotTrimSafe)]
#endif
    public static CapSignatureResult Verify(string xml, X509Certificate2? certificate = null)
    {
        var document = Load(xml ?? throw new ArgumentNullException(nameof(xml)), out var problem);
        return document is null ? CapSignatureResult.Failed(problem!) : Verify(document, certificate);
    }

    /// <summary>Verifies the enveloped signatures of a CAP document read from a stream (any declared encoding).</summary>
    /// <param name="stream">The document.</param>
    /// <param name="certificate">The signer's certificate, or null to use the certificates the signatures carry.</param>
    /// <returns>The outcome per signature.</returns>
#if NET
    [RequiresUnreferencedCode(NotTrimSafe)]
    [RequiresDynamicCode(NotTrimSafe)]
#endif
    public static CapSignatureResult Verify(Stream stream, X509Certificate2? certificate = null)
    {
        var document = Load(XmlReader.Create(stream ?? throw new ArgumentNullException(nameof(stream)), SafeSettings()), out var problem);
        return document is null ? CapSignatureResult.Failed(problem!) : Verify(document, certificate);
    }

#if NET
    [RequiresUnreferencedCode(NotTrimSafe)]
    [RequiresDynamicCode(NotTrimSafe)]
#endif
    private static CapSignatureResult Verify(XmlDocument document, X509Certificate2? certificate)
    {
        var count = Signatures(document).Count;
        if (count == 0)
        {
            return CapSignatureResult.Failed("the alert carries no enveloped XML signature");
        }

        var checks = new List<CapSignatureCheck>();
        for (var i = 0; i < count; i++)
        {
            // A signature added after another one (a distributor after the issuer) may or may not cover it: check over the
            // alert with the other signatures set aside (as the issuer signed it), then with them kept (signed over them).
            CapSignatureCheck? check = null;
            foreach (var setOthersAside in new[] { true, false })
            {
                var copy = new XmlDocument { PreserveWhitespace = true, XmlResolver = null };
                copy.AppendChild(copy.ImportNode(document.DocumentElement!, deep: true));
                var all = Signatures(copy);
                if (setOthersAside)
                {
                    foreach (var other in all.Where((_, n) => n != i))
                    {
                        other.ParentNode!.RemoveChild(other);
                    }
                }

                check = Check(copy, all[i], certificate);
                if (check.IsValid || count == 1)
                {
                    break;
                }
            }

            checks.Add(check!);
        }

        return new CapSignatureResult(checks, null)
        {
            IsValid = certificate is null ? checks.All(c => c.IsValid) : checks.Any(c => c.IsValid),
        };
    }

#if NET
    [RequiresUnreferencedCode(NotTrimSafe)]
    [RequiresDynamicCode(NotTrimSafe)]
#endif
    private static CapSignatureCheck Check(XmlDocument document, XmlElement element, X509Certificate2? given)
    {
        var id = element.HasAttribute("Id") ? element.GetAttribute("Id") : null;
        var signed = NewSignedXml(document);
        try
        {
            signed.LoadXml(element);
        }
        catch (CryptographicException ex)
        {
            return new CapSignatureCheck(id, string.Empty, false, "malformed signature: " + CapReader.OneLine(ex.Message), given);
        }

        var method = signed.SignatureMethod ?? string.Empty;
        if (element.ParentNode != document.DocumentElement)
        {
            return new CapSignatureCheck(id, method, false, "not an enveloped signature of the alert element", given);
        }

        var references = signed.SignedInfo!.References.Cast<Reference>().ToArray();
        if (references.Length != 1 || references[0].Uri != string.Empty)
        {
            return new CapSignatureCheck(id, method, false, "the signature must have exactly one reference, to the whole alert (URI=\"\")", given);
        }

        var certificate = given ?? signed.KeyInfo?.OfType<KeyInfoX509Data>().SelectMany(d => d.Certificates?.Cast<X509Certificate2>() ?? Enumerable.Empty<X509Certificate2>()).FirstOrDefault();
        try
        {
            var ok = certificate is not null
                ? signed.CheckSignature(certificate, verifySignatureOnly: true)
                : signed.CheckSignature();
            return new CapSignatureCheck(id, method, ok, ok
                ? "valid (" + (given is not null ? "the given certificate" : certificate is not null ? "the certificate it carries" : "the key it carries") + ")"
                : given is not null ? "does not verify with the given certificate (altered, or signed by another key)" : "does not verify: the alert was altered after signing", certificate);
        }
        catch (CryptographicException ex)
        {
            return new CapSignatureCheck(id, method, false, "cannot be checked: " + CapReader.OneLine(ex.Message), certificate);
        }
    }

#if NET
    [RequiresUnreferencedCode(NotTrimSafe)]
    [RequiresDynamicCode(NotTrimSafe)]
#endif
    private static SignedXml NewSignedXml(XmlDocument document) => new(document);

    private static List<XmlElement> Signatures(XmlDocument document) =>
        document.DocumentElement is null ? new List<XmlElement>()
            : document.DocumentElement.ChildNodes.OfType<XmlElement>().Where(e => e.LocalName == "Signature" && e.NamespaceURI == DsigNamespace).ToList();

    private static XmlReaderSettings SafeSettings() => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = CapReaderOptions.Default.MaxCharacters,
    };

    private static XmlDocument? Load(string xml, out string? problem) => Load(XmlReader.Create(new StringReader(xml), SafeSettings()), out problem);

    private static XmlDocument? Load(XmlReader reader, out string? problem)
    {
        problem = null;
        var document = new XmlDocument { PreserveWhitespace = true, XmlResolver = null };
        try
        {
            using (reader)
            {
                document.Load(reader);
            }

            return document;
        }
        catch (XmlException ex)
        {
            problem = "not a well-formed, DTD-free XML document: " + CapReader.OneLine(ex.Message);
            return null;
        }
    }
}
