using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Xml;
using System.Xml.Schema;
using BenchmarkDotNet.Attributes;
using NinhBinh.Comms.Broadcast.Cap;

namespace NinhBinh.Comms.Benchmarks;

/// <summary>
/// CAP 1.2: parse + validate (schema and CAP rules, into the model) of a ~3 KB alert against a bare XSD-validating
/// XmlReader pass over the same text (target: at most 2x the bare pass); sign and verify (RSA-2048, SHA-256).
/// </summary>
[MemoryDiagnoser]
public class CapBenchmarks
{
    private string _alert = null!;
    private string _signed = null!;
    private XmlReaderSettings _bare = null!;
    private X509Certificate2 _certificate = null!;
    private CapAlert _model = null!;

    [GlobalSetup]
    public void Setup()
    {
        var polygon = new CapPolygon(Enumerable.Range(0, 40).Select(i => new CapPoint(20.25m + (i * 0.001m), 105.97m + (i % 7 * 0.002m))).Append(new CapPoint(20.25m, 105.97m)));
        _model = CapAlert.CreateBuilder()
            .WithIdentifier("NB-2025-0920-0001").WithSender("ubnd.hoalu@ninhbinh.gov.vn").WithSent(new DateTimeOffset(2025, 9, 20, 8, 30, 0, TimeSpan.FromHours(7)))
            .AddInfo("vi-VN", CapCategory.Met, "Mưa lớn", CapUrgency.Immediate, CapSeverity.Severe, CapCertainty.Likely, "Cảnh báo mưa lớn, nguy cơ ngập úng",
                "Ban Chỉ huy phòng thủ dân sự phường Hoa Lư thông báo: từ chiều nay đến hết ngày mai có mưa lớn, lượng mưa phổ biến 100–150 mm, có nơi trên 200 mm. Nguy cơ ngập úng tại các khu vực trũng thấp, sạt lở đất ven sông.",
                "Người dân hạn chế ra ngoài, không đi qua ngầm tràn, khu vực nước chảy xiết; chằng chống nhà cửa; theo dõi loa phát thanh phường.")
            .AddInfo("en-US", CapCategory.Met, "Heavy rain", CapUrgency.Immediate, CapSeverity.Severe, CapCertainty.Likely, "Heavy rain warning, risk of flooding")
            .AddArea(new CapArea { Description = "Phường Hoa Lư, tỉnh Ninh Bình", Polygons = new[] { polygon }, Geocodes = new[] { new CapNamedValue("VN-ADM", "14329") } })
            .Build();
        _alert = CapWriter.ToXml(_model);
        var schemas = new XmlSchemaSet { XmlResolver = null };
        using (var xsd = typeof(CapReader).Assembly.GetManifestResourceStream("NinhBinh.Comms.Broadcast.Cap.cap12.xsd")!)
        {
            schemas.Add(XmlSchema.Read(XmlReader.Create(xsd, new XmlReaderSettings { XmlResolver = null }), null)!);
        }

        schemas.Compile();
        _bare = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, ValidationType = ValidationType.Schema, Schemas = schemas };
        using var rsa = RSA.Create(2048);
        _certificate = new CertificateRequest("CN=bench", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1).CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        _signed = CapSignature.Sign(_model, _certificate);
        Console.WriteLine($"// alert: {_alert.Length} characters");
    }

    [GlobalCleanup]
    public void Cleanup() => _certificate.Dispose();

    [Benchmark(Baseline = true, Description = "bare XSD-validating XmlReader pass")]
    public int BareXsdPass()
    {
        var errors = 0;
        var settings = _bare.Clone();
        settings.ValidationEventHandler += (_, _) => errors++;
        using var reader = XmlReader.Create(new StringReader(_alert), settings);
        while (reader.Read())
        {
        }

        return errors;
    }

    [Benchmark(Description = "CapReader.Parse (XSD + CAP rules + model)")]
    public bool ParseAndValidate() => CapReader.Parse(_alert).IsValid;

    [Benchmark(Description = "CapSignature.Sign (RSA-SHA256)")]
    public int Sign() => CapSignature.Sign(_alert, _certificate).Length;

    [Benchmark(Description = "CapSignature.Verify")]
    public bool Verify() => CapSignature.Verify(_signed, _certificate).IsValid;
}
