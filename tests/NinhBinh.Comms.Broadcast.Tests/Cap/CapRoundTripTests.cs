using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using NinhBinh.Comms.Broadcast.Cap;

namespace NinhBinh.Comms.Broadcast.Tests.Cap;

public class CapRoundTripTests
{
    [Theory]
    [InlineData("43b080713727.cap")]
    [InlineData("thunderstorm.cap")]
    [InlineData("australia.cap")]
    [InlineData("canada.cap")]
    [InlineData("wcatwc-warning.cap")]
    [InlineData("earthquake-iso8859-1.cap")]
    [InlineData("canada_signed.cap")]
    [InlineData("earthquake.cap")]
    [InlineData("weather.cap")]
    [InlineData("no_optional_fields.cap")]
    [InlineData("KAR0-0306112239-SW.cap")]
    public void Read_write_read_is_lossless_and_the_output_is_schema_valid_cap12(string file)
    {
        var first = CapReader.ReadFile(CapTestFiles.PathOf(file)).Alert!;
        var written = CapWriter.ToXml(first);
        var again = CapReader.Parse(written);

        Assert.True(again.IsValid, string.Join("\n", again.Validation.Errors));
        Assert.Equal(CapVersion.Cap12, again.Version);
        Assert.DoesNotContain(again.Problems, p => p.Rule == "xsd");
        Assert.Equal(written, CapWriter.ToXml(again.Alert!));
        AssertSameModel(first, again.Alert!);
    }

    internal static void AssertSameModel(CapAlert expected, CapAlert actual)
    {
        Assert.Equal(expected.Identifier, actual.Identifier);
        Assert.Equal(expected.Sender, actual.Sender);
        Assert.Equal(expected.Sent, actual.Sent);
        Assert.Equal(expected.Sent.Offset, actual.Sent.Offset);
        Assert.Equal((expected.Status, expected.MessageType, expected.Scope), (actual.Status, actual.MessageType, actual.Scope));
        Assert.Equal((expected.Source, expected.Restriction, expected.Addresses, expected.Note, expected.References, expected.Incidents),
            (actual.Source, actual.Restriction, actual.Addresses, actual.Note, actual.References, actual.Incidents));
        Assert.Equal(expected.Codes, actual.Codes);
        Assert.Equal(expected.Infos.Count, actual.Infos.Count);
        foreach (var (e, a) in expected.Infos.Zip(actual.Infos, (e, a) => (e, a)))
        {
            Assert.Equal((e.Language, e.Event, e.Urgency, e.Severity, e.Certainty, e.Audience), (a.Language, a.Event, a.Urgency, a.Severity, a.Certainty, a.Audience));
            Assert.Equal(e.Categories, a.Categories);
            Assert.Equal(e.ResponseTypes, a.ResponseTypes);
            Assert.Equal(e.EventCodes, a.EventCodes);
            Assert.Equal((e.Effective, e.Onset, e.Expires), (a.Effective, a.Onset, a.Expires));
            Assert.Equal((e.SenderName, e.Headline, e.Description, e.Instruction, e.Web, e.Contact), (a.SenderName, a.Headline, a.Description, a.Instruction, a.Web, a.Contact));
            Assert.Equal(e.Parameters, a.Parameters);
            Assert.Equal(e.Resources.Select(r => (r.Description, r.MimeType, r.Size, r.Uri, r.DerefUri, r.Digest)), a.Resources.Select(r => (r.Description, r.MimeType, r.Size, r.Uri, r.DerefUri, r.Digest)));
            Assert.Equal(e.Areas.Count, a.Areas.Count);
            foreach (var (ea, aa) in e.Areas.Zip(a.Areas, (x, y) => (x, y)))
            {
                Assert.Equal((ea.Description, ea.Altitude, ea.Ceiling), (aa.Description, aa.Altitude, aa.Ceiling));
                Assert.Equal(ea.Polygons, aa.Polygons);
                Assert.Equal(ea.Circles, aa.Circles);
                Assert.Equal(ea.Geocodes, aa.Geocodes);
            }
        }
    }

    [Fact]
    public void Date_times_are_written_with_their_offset_never_z_or_fractions()
    {
        var alert = new CapAlert
        {
            Identifier = "a", Sender = "b", Sent = new DateTimeOffset(2025, 9, 20, 1, 30, 0, TimeSpan.Zero).AddTicks(1234567),
            Infos = new[] { new CapInfo { Categories = new[] { CapCategory.Met }, Event = "e", Expires = new DateTimeOffset(2025, 9, 20, 18, 0, 0, TimeSpan.FromHours(7)) } },
        };

        var xml = CapWriter.ToXml(alert);

        Assert.Contains("<sent>2025-09-20T01:30:00+00:00</sent>", xml);
        Assert.Contains("<expires>2025-09-20T18:00:00+07:00</expires>", xml);
        Assert.DoesNotContain("Z<", xml);
    }

    [Fact]
    public void Whitespace_only_text_is_kept()
    {
        var sample = CapRulesTests.Sample();
        var info = sample.Infos[0];
        var alert = new CapAlert
        {
            Identifier = sample.Identifier, Sender = sample.Sender, Sent = sample.Sent, Note = "  ",
            Infos = new[] { new CapInfo { Categories = info.Categories, Event = info.Event, Headline = " ", Description = "\n  \n", Areas = info.Areas } },
        };

        var read = CapReader.Parse(CapWriter.ToXml(alert)).Alert!;

        Assert.Equal("  ", read.Note);
        Assert.Equal((" ", "\n  \n"), (read.Infos[0].Headline, read.Infos[0].Description));
    }

    [XmllintFact]
    public void Xmllint_accepts_what_the_sdk_writes()
    {
        var folder = Path.Combine(Path.GetTempPath(), "nbcomms-cap-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var files = new[] { "canada.cap", "wcatwc-warning.cap", "earthquake.cap" }
                .Select(f => CapReader.ReadFile(CapTestFiles.PathOf(f)).Alert!)
                .Append(CapRulesTests.Sample())
                .Select((alert, i) =>
                {
                    var path = Path.Combine(folder, $"written{i}.cap");
                    File.WriteAllText(path, CapWriter.ToXml(alert), new UTF8Encoding(false));
                    return path;
                })
                .ToArray();
            var start = new ProcessStartInfo("xmllint") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var arg in new[] { "--noout", "--nonet", "--schema", CapTestFiles.PathOf("cap12.xsd") }.Concat(files))
            {
                start.ArgumentList.Add(arg);
            }

            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEnd();
            process.WaitForExit();

            Assert.True(process.ExitCode == 0, stderr);
            Assert.Equal(files.Length, stderr.Split('\n').Count(l => l.EndsWith(" validates", StringComparison.Ordinal)));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

/// <summary>A fact that needs xmllint: skipped with a visible reason when it is missing, except under CI=true where it must be present.</summary>
public sealed class XmllintFactAttribute : FactAttribute
{
    public XmllintFactAttribute()
    {
        if (!IsOnPath("xmllint") && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Skip = "xmllint is not installed (Debian: apt-get install libxml2-utils); under CI=true this test runs and fails without it.";
        }
    }

    private static bool IsOnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator).Any(dir => dir.Length > 0 && File.Exists(Path.Combine(dir, tool)));
}
