using System.Linq;
using NinhBinh.Comms.Broadcast.Cap;

namespace NinhBinh.Comms.Broadcast.Tests.Cap;

/// <summary>Every file of the conformance folder gets the verdict its README states.</summary>
public class CapConformanceTests
{
    [Theory]
    [InlineData("43b080713727.cap", CapVersion.Cap12)]
    [InlineData("thunderstorm.cap", CapVersion.Cap12)]
    [InlineData("australia.cap", CapVersion.Cap12)]
    [InlineData("canada.cap", CapVersion.Cap12)]
    [InlineData("wcatwc-warning.cap", CapVersion.Cap12)]
    [InlineData("earthquake-iso8859-1.cap", CapVersion.Cap12)]
    [InlineData("canada_signed.cap", CapVersion.Cap12)]
    [InlineData("earthquake.cap", CapVersion.Cap11)]
    [InlineData("weather.cap", CapVersion.Cap11)]
    [InlineData("no_optional_fields.cap", CapVersion.Cap11)]
    [InlineData("KAR0-0306112239-SW.cap", CapVersion.Cap11)]
    public void Valid_samples_are_read(string file, CapVersion version)
    {
        var result = CapReader.ReadFile(CapTestFiles.PathOf(file));

        Assert.True(result.IsValid, string.Join("\n", result.Validation.Errors));
        Assert.NotNull(result.Alert);
        Assert.Equal(version, result.Version);
        Assert.Equal(version == CapVersion.Cap11, result.Validation.Warnings.Any(w => w.Rule == "cap.version"));
    }

    [Fact]
    public void Canada_is_bilingual_one_info_per_language()
    {
        var alert = CapReader.ReadFile(CapTestFiles.PathOf("canada.cap")).Alert!;

        Assert.Equal(new[] { "en-CA", "fr-CA" }, alert.Infos.Select(i => i.Language).Distinct().OrderBy(l => l));
    }

    [Fact]
    public void A_declared_iso_8859_1_encoding_is_honoured()
    {
        var alert = CapReader.ReadFile(CapTestFiles.PathOf("earthquake-iso8859-1.cap")).Alert!;
        var all = string.Join(" ", alert.Infos.SelectMany(i => new[] { i.Headline, i.Description, i.SenderName }).Concat(alert.Infos.SelectMany(i => i.Areas).Select(a => a.Description)));

        Assert.DoesNotContain('\uFFFD', all);
        Assert.Contains(all, c => c > 127);
    }

    [Fact]
    public void Canada_errors_is_schema_valid_but_breaks_cap_rules()
    {
        var result = CapReader.ReadFile(CapTestFiles.PathOf("canada_errors.cap"));

        Assert.False(result.IsValid);
        Assert.DoesNotContain(result.Problems, p => p.Rule == "xsd");
        Assert.Contains(result.Validation.Errors, p => p.Path == "alert/references" && p.Rule == "cap.references");
        Assert.Contains(result.Validation.Warnings, p => p.Path == "alert/restriction" && p.Rule == "cap.restriction-scope");
        Assert.Contains(result.Validation.Warnings, p => p.Path == "alert/addresses" && p.Rule == "cap.addresses-scope");
    }

    [Fact]
    public void Invalid_is_rejected_naming_the_problem()
    {
        var result = CapReader.ReadFile(CapTestFiles.PathOf("invalid.cap"));

        Assert.False(result.IsValid);
        Assert.Null(result.Alert);
        var error = Assert.Single(result.Validation.Errors.Take(1));
        Assert.StartsWith("alert", error.Path);
        Assert.Equal("xsd", error.Rule);
    }

    [Fact]
    public void Xee_is_rejected_at_its_doctype_with_nothing_resolved()
    {
        var result = CapReader.ReadFile(CapTestFiles.PathOf("xee.cap"));

        Assert.False(result.IsValid);
        Assert.Null(result.Alert);
        var error = Assert.Single(result.Validation.Errors);
        Assert.Equal("xml.dtd", error.Rule);
    }

    [Theory]
    [InlineData("earthquake_signed.cap")]
    [InlineData("noaa_errors.cap")]
    public void Schema_invalid_cap11_samples_are_rejected_with_their_problems(string file)
    {
        var result = CapReader.ReadFile(CapTestFiles.PathOf(file));

        Assert.False(result.IsValid);
        Assert.Equal(CapVersion.Cap11, result.Version);
        Assert.NotEmpty(result.Validation.Errors);
        Assert.All(result.Validation.Errors, e => Assert.StartsWith("alert", e.Path));
    }
}
