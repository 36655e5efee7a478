using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;
using NinhBinh.Comms.Broadcast.Cap;

namespace NinhBinh.Comms.Broadcast.Tests.Cap;

public class CapHostileInputTests
{
    private static readonly string Valid = CapWriter.ToXml(CapRulesTests.Sample());

    [Fact]
    public void Truncated_documents_fail_cleanly_at_every_length()
    {
        for (var length = 0; length < Valid.Length; length += 7)
        {
            var result = CapReader.Parse(Valid.Substring(0, length));
            Assert.False(result.IsValid);
            Assert.Null(result.Alert);
            Assert.Contains(result.Validation.Errors, e => e.Rule.StartsWith("xml.", StringComparison.Ordinal) || e.Rule == "xsd");
        }
    }

    [Fact]
    public void A_huge_document_is_rejected_at_the_size_limit()
    {
        var huge = Valid.Replace("<headline>", "<headline>" + new string('x', 200_000));

        var result = CapReader.Parse(huge, new CapReaderOptions { MaxCharacters = 100_000 });

        Assert.Equal("xml.size", Assert.Single(result.Validation.Errors).Rule);
    }

    [Fact]
    public void An_entity_bomb_is_rejected_unexpanded()
    {
        var bomb = "<?xml version=\"1.0\"?><!DOCTYPE alert [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">]>"
            + "<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\"><identifier>&d;&d;&d;&d;</identifier></alert>";

        Assert.Equal("xml.dtd", Assert.Single(CapReader.Parse(bomb).Validation.Errors).Rule);
    }

    [Fact]
    public void A_wrong_namespace_is_rejected_naming_it()
    {
        var result = CapReader.Parse(Valid.Replace("urn:oasis:names:tc:emergency:cap:1.2", "urn:example:not-cap"));

        var error = result.Validation.Errors[0];
        Assert.Equal("cap.namespace", error.Rule);
        Assert.Contains("urn:example:not-cap", error.Message);
    }

    [Fact]
    public async Task An_external_dtd_and_entities_are_never_fetched()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var accept = listener.AcceptTcpClientAsync();
        var xml = File.ReadAllText(CapTestFiles.PathOf("xee.cap")).Replace("localhost:8080", "127.0.0.1:" + port);
        var withExternalDtd = $"<?xml version=\"1.0\"?><!DOCTYPE alert SYSTEM \"http://127.0.0.1:{port}/cap.dtd\"><alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\"/>";

        var results = new[] { CapReader.Parse(xml), CapReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(withExternalDtd))) };

        Assert.All(results, r => Assert.Equal("xml.dtd", Assert.Single(r.Validation.Errors).Rule));
        Assert.False(accept.IsCompleted, "the reader connected to the URL of the DTD or an entity");
        listener.Stop();
        await Assert.ThrowsAnyAsync<Exception>(() => accept);
    }

    [Fact]
    public void Bytes_that_are_not_the_declared_encoding_fail_cleanly()
    {
        var bytes = Encoding.UTF8.GetBytes(Valid).Concat(new byte[] { 0xC3 }).ToArray();
        bytes = bytes.Take(60).Concat(new byte[] { 0xFF, 0xFE, 0xC3 }).Concat(bytes.Skip(60)).ToArray();

        var result = CapReader.Read(new MemoryStream(bytes));

        Assert.False(result.IsValid);
        Assert.NotEmpty(result.Validation.Errors);
    }
}
