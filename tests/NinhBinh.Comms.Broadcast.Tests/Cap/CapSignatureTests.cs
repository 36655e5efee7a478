using System;
using System.IO;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using NinhBinh.Comms.Broadcast.Cap;

namespace NinhBinh.Comms.Broadcast.Tests.Cap;

public class CapSignatureTests
{
    internal static X509Certificate2 SelfSigned(string name = "CN=UBND phuong Hoa Lu")
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest(name, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
    }

    private static X509Certificate2 Canada() => X509Certificate2.CreateFromPem(File.ReadAllText(CapTestFiles.PathOf("environment_canada_x509_cert.pem")));

    [Fact]
    public void The_environment_canada_signature_verifies_with_its_certificate()
    {
        using var certificate = Canada();
        var result = CapSignature.Verify(File.ReadAllText(CapTestFiles.PathOf("canada_signed.cap")), certificate);

        Assert.True(result.IsValid, result.ToString());
        var mine = Assert.Single(result.Signatures, s => s.IsValid);
        Assert.Equal("Environment Canada", mine.Id);
        Assert.Equal("http://www.w3.org/2000/09/xmldsig#rsa-sha1", mine.SignatureMethod);
    }

    [Fact]
    public void Canada_signed_tampered_fails()
    {
        using var certificate = Canada();
        var xml = File.ReadAllText(CapTestFiles.PathOf("canada_signed.cap"));
        var tampered = xml.Replace("<severity>", "<severity>X", StringComparison.Ordinal).Replace("<severity>X", "<severity>", StringComparison.Ordinal)
            .Replace("<urgency>Future</urgency>", "<urgency>Immediate</urgency>", StringComparison.Ordinal);
        Assert.NotEqual(xml, tampered);

        Assert.False(CapSignature.Verify(tampered, certificate).IsValid);
    }

    [Fact]
    public void Signed_with_rsa_sha256_verifies_with_the_certificate_and_stays_schema_valid()
    {
        using var certificate = SelfSigned();
        var signed = CapSignature.Sign(CapRulesTests.Sample(), certificate);

        Assert.Contains("http://www.w3.org/2001/04/xmldsig-more#rsa-sha256", signed);
        var result = CapSignature.Verify(signed, X509CertificateLoader.LoadCertificate(certificate.Export(X509ContentType.Cert)));
        Assert.True(result.IsValid, result.ToString());
        Assert.True(CapSignature.Verify(signed).IsValid);
        Assert.True(CapReader.Parse(signed).IsValid);
    }

    [Fact]
    public void A_tampered_alert_fails_verification()
    {
        using var certificate = SelfSigned();
        var signed = CapSignature.Sign(CapRulesTests.Sample(), certificate);
        var tampered = signed.Replace("<severity>Severe</severity>", "<severity>Minor</severity>", StringComparison.Ordinal);
        Assert.NotEqual(signed, tampered);

        Assert.False(CapSignature.Verify(tampered, certificate).IsValid);
        Assert.False(CapSignature.Verify(tampered).IsValid);
    }

    [Fact]
    public void Another_key_does_not_verify()
    {
        using var signer = SelfSigned();
        using var other = SelfSigned("CN=someone else");

        Assert.False(CapSignature.Verify(CapSignature.Sign(CapRulesTests.Sample(), signer), other).IsValid);
    }

    [Fact]
    public void Unsigned_and_hostile_documents_are_reported_not_thrown()
    {
        Assert.Contains("no enveloped XML signature", CapSignature.Verify(CapWriter.ToXml(CapRulesTests.Sample())).Problem);
        Assert.Contains("DTD", CapSignature.Verify(File.ReadAllText(CapTestFiles.PathOf("xee.cap"))).Problem);
    }

    [Fact]
    public void The_cap11_signed_sample_is_reported_honestly()
    {
        var result = CapSignature.Verify(File.ReadAllText(CapTestFiles.PathOf("earthquake_signed.cap")));

        var signature = Assert.Single(result.Signatures);
        Assert.Equal(result.IsValid, signature.IsValid);
        Assert.False(string.IsNullOrEmpty(signature.Reason));
    }
}
