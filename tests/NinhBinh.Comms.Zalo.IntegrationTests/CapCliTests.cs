using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using NinhBinh.Comms.Broadcast.Cap;

namespace NinhBinh.Comms.Zalo.IntegrationTests;

/// <summary><c>nbcomms cap …</c> as processes: the exit codes and output lines the issue fixes.</summary>
[Collection("processes")]
public class CapCliTests
{
    private static string Sample(string name) => Path.Combine(AppContext.BaseDirectory, "CapConformance", name);

    [Fact]
    public async Task Validate_exits_0_for_valid_files_and_prints_nothing_but_warnings()
    {
        var run = await Harness.RunCliAsync(null, "cap", "validate", Sample("thunderstorm.cap"), Sample("canada.cap"));

        Assert.Equal(0, run.ExitCode);
        Assert.All(run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => Assert.Contains(": warning: ", l));
    }

    [Fact]
    public async Task Validate_exits_1_with_one_line_per_problem_naming_file_and_element_path()
    {
        var errors = Sample("canada_errors.cap");
        var run = await Harness.RunCliAsync(null, "cap", "validate", Sample("thunderstorm.cap"), errors, Sample("xee.cap"));

        Assert.Equal(1, run.ExitCode);
        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Contains(errors + ": alert/references: references is empty: give space-separated sender,identifier,sent triples [cap.references]", lines);
        Assert.Contains(lines, l => l.StartsWith(Sample("xee.cap") + ": (document): a DTD", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith(Sample("thunderstorm.cap") + ":", StringComparison.Ordinal) && !l.Contains(": warning: ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task New_writes_a_schema_valid_alert_sent_now_in_vietnam_time()
    {
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        var run = await Harness.RunCliAsync(null, "cap", "new", "--sender", "ubnd.hoalu@ninhbinh.gov.vn", "--event", "Mưa lớn", "--category", "Met",
            "--urgency", "Expected", "--severity", "Severe", "--certainty", "Likely", "--headline", "Cảnh báo mưa lớn", "--area-desc", "Phường Hoa Lư",
            "--geocode", "VN-ADM=14329", "--geocode", "VN-ADM=14330", "--identifier", "NB-1", "--instruction", "Không ra ngoài");

        Assert.Equal(0, run.ExitCode);
        var read = CapReader.Parse(run.Stdout);
        Assert.True(read.IsValid, string.Join("\n", read.Problems));
        var alert = read.Alert!;
        Assert.Equal(("NB-1", "ubnd.hoalu@ninhbinh.gov.vn", CapStatus.Actual), (alert.Identifier, alert.Sender, alert.Status));
        Assert.Equal(TimeSpan.FromHours(7), alert.Sent.Offset);
        Assert.InRange(alert.Sent, before, DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.Contains("+07:00</sent>", run.Stdout);
        var info = Assert.Single(alert.Infos);
        Assert.Equal(("vi-VN", "Mưa lớn", "Không ra ngoài"), (info.Language, info.Event, info.Instruction));
        Assert.Equal(new[] { "14329", "14330" }, Assert.Single(info.Areas).Geocodes.Select(g => g.Value));
    }

    [Fact]
    public async Task New_exits_1_for_values_that_break_cap_and_2_for_a_bad_command_line()
    {
        var refused = await Harness.RunCliAsync(null, "cap", "new", "--sender", "has space", "--event", "e", "--category", "Met",
            "--urgency", "Expected", "--severity", "Severe", "--certainty", "Likely", "--headline", "h", "--area-desc", "a");
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("alert/sender", refused.Stderr);
        Assert.Empty(refused.Stdout);

        var usage = await Harness.RunCliAsync(null, "cap", "new", "--sender", "s", "--event", "e", "--category", "Weather",
            "--urgency", "Expected", "--severity", "Severe", "--certainty", "Likely", "--headline", "h", "--area-desc", "a");
        Assert.Equal(2, usage.ExitCode);
        Assert.Contains("--category", usage.Stderr);
    }
}

[Collection("processes")]
public class CapSignCliTests
{
    private static string Sample(string name) => Path.Combine(AppContext.BaseDirectory, "CapConformance", name);

    [Fact]
    public async Task Sign_then_verify_with_the_certificate_and_a_tampered_copy_fails()
    {
        var folder = Harness.TempDirectory();
        try
        {
            using var rsa = System.Security.Cryptography.RSA.Create(2048);
            var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=UBND Hoa Lu", rsa, System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            var pfx = Path.Combine(folder, "signer.pfx");
            var pem = Path.Combine(folder, "signer.pem");
            await File.WriteAllBytesAsync(pfx, certificate.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pfx, "mật-khẩu"));
            await File.WriteAllTextAsync(pem, certificate.ExportCertificatePem());
            var signed = Path.Combine(folder, "signed.cap");

            var sign = await Harness.RunCliAsync(null, "cap", "sign", "--cert", pfx, "--password", "mật-khẩu", Sample("thunderstorm.cap"), signed);
            Assert.Equal(0, sign.ExitCode);
            Assert.DoesNotContain("mật-khẩu", sign.Stdout + sign.Stderr);

            var verify = await Harness.RunCliAsync(null, "cap", "verify", "--cert", pem, signed);
            Assert.Equal(0, verify.ExitCode);
            Assert.Contains(": valid: ", verify.Stdout);
            Assert.Equal(0, (await Harness.RunCliAsync(null, "cap", "validate", signed)).ExitCode);

            var tampered = Path.Combine(folder, "tampered.cap");
            await File.WriteAllTextAsync(tampered, (await File.ReadAllTextAsync(signed)).Replace("<severity>Severe</severity>", "<severity>Minor</severity>", StringComparison.Ordinal));
            var bad = await Harness.RunCliAsync(null, "cap", "verify", "--cert", pem, tampered);
            Assert.Equal(1, bad.ExitCode);
            Assert.Contains(": invalid: ", bad.Stdout);

            var wrongPassword = await Harness.RunCliAsync(null, "cap", "sign", "--cert", pfx, "--password", "sai", Sample("thunderstorm.cap"), signed);
            Assert.Equal(2, wrongPassword.ExitCode);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Verify_checks_the_environment_canada_sample_with_its_certificate()
    {
        var run = await Harness.RunCliAsync(null, "cap", "verify", "--cert", Sample("environment_canada_x509_cert.pem"), Sample("canada_signed.cap"));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(Sample("canada_signed.cap") + ": Environment Canada: valid: ", run.Stdout);
        Assert.Equal(1, (await Harness.RunCliAsync(null, "cap", "verify", Sample("thunderstorm.cap"))).ExitCode);
    }
}

[Collection("processes")]
public class CapBulletinCliTests
{
    [Fact]
    public async Task To_bulletin_prints_title_priority_and_areas_resolved_to_units()
    {
        var folder = Harness.TempDirectory();
        try
        {
            var alertFile = Path.Combine(folder, "alert.cap");
            var created = await Harness.RunCliAsync(null, "cap", "new", "--sender", "ubnd.hoalu@ninhbinh.gov.vn", "--event", "Mưa lớn", "--category", "Met",
                "--urgency", "Immediate", "--severity", "Severe", "--certainty", "Observed", "--headline", "Cảnh báo mưa lớn", "--area-desc", "Hoa Lư",
                "--geocode", "VN-ADM=14329", "--description", "Mưa lớn từ chiều nay.");
            Assert.Equal(0, created.ExitCode);
            await File.WriteAllTextAsync(alertFile, created.Stdout);

            var run = await Harness.RunCliAsync(null, "cap", "to-bulletin", alertFile);

            Assert.Equal(0, run.ExitCode);
            var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            Assert.Contains("title: Cảnh báo mưa lớn", lines);
            Assert.Contains("priority: Emergency", lines);
            var unit = NinhBinh.Comms.AdministrativeUnitRegistry.Default.Find("14329", DateTime.Today)!;
            Assert.Contains("area: 14329 " + unit.Name, lines);

            var invalid = await Harness.RunCliAsync(null, "cap", "to-bulletin", Path.Combine(AppContext.BaseDirectory, "CapConformance", "invalid.cap"));
            Assert.Equal(1, invalid.ExitCode);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
