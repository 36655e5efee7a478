using System;
using System.Linq;
using System.Text;
using NinhBinh.Comms.Broadcast.Cap;

namespace NinhBinh.Comms.Broadcast.Tests.Cap;

public class CapRulesTests
{
    private static readonly DateTimeOffset Sent = new(2025, 9, 20, 8, 30, 0, TimeSpan.FromHours(7));

    internal static CapAlert Sample(Func<CapArea, CapArea>? area = null) => new()
    {
        Identifier = "NB-2025-0001",
        Sender = "ubnd.hoalu@ninhbinh.gov.vn",
        Sent = Sent,
        Infos = new[]
        {
            new CapInfo
            {
                Language = "vi-VN",
                Categories = new[] { CapCategory.Met },
                Event = "Mưa lớn",
                Urgency = CapUrgency.Expected,
                Severity = CapSeverity.Severe,
                Certainty = CapCertainty.Likely,
                Headline = "Cảnh báo mưa lớn, nguy cơ ngập úng",
                Areas = new[] { (area ?? (a => a))(new CapArea { Description = "Phường Hoa Lư", Geocodes = new[] { new CapNamedValue("VN-ADM", "14329") } }) },
            },
        },
    };

    private static CapProblem OnlyError(CapAlert alert) => Assert.Single(CapValidator.Validate(alert).Errors);

    [Fact]
    public void The_sample_is_valid() => Assert.True(CapValidator.Validate(Sample()).IsValid);

    [Fact]
    public void Scope_restricted_needs_a_restriction()
    {
        var error = OnlyError(new CapAlert { Identifier = "a", Sender = "b", Sent = Sent, Scope = CapScope.Restricted, Infos = Sample().Infos });
        Assert.Equal(("alert/restriction", "cap.restriction-scope"), (error.Path, error.Rule));
    }

    [Fact]
    public void Scope_private_needs_addresses()
    {
        var error = OnlyError(new CapAlert { Identifier = "a", Sender = "b", Sent = Sent, Scope = CapScope.Private, Infos = Sample().Infos });
        Assert.Equal(("alert/addresses", "cap.addresses-scope"), (error.Path, error.Rule));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("sender,id")]
    [InlineData("sender,id,2025-09-20T08:30:00Z")]
    public void An_update_needs_well_formed_references(string? references)
    {
        var error = OnlyError(new CapAlert { Identifier = "a", Sender = "b", Sent = Sent, MessageType = CapMessageType.Update, References = references, Infos = Sample().Infos });
        Assert.Equal(("alert/references", "cap.references"), (error.Path, error.Rule));
    }

    [Fact]
    public void An_update_built_against_an_earlier_alert_is_valid()
    {
        var first = Sample();
        var update = CapAlert.CreateBuilder().WithSender(first.Sender).WithSent(Sent.AddHours(1)).Referring(CapMessageType.Update, first)
            .AddInfo("vi-VN", CapCategory.Met, "Mưa lớn", CapUrgency.Immediate, CapSeverity.Severe, CapCertainty.Observed).AddArea("Phường Hoa Lư").Build();

        Assert.Equal("ubnd.hoalu@ninhbinh.gov.vn,NB-2025-0001,2025-09-20T08:30:00+07:00", update.References);
    }

    [Theory]
    [InlineData("20.25,105.97 20.26,105.98 20.24,105.99", "at least 4 points")]
    [InlineData("20.25,105.97 20.26,105.98 20.24,105.99 20.25,105.98", "closed")]
    [InlineData("20.25,105.97 91,105.98 20.24,105.99 20.25,105.97", "out of range")]
    [InlineData("20.25,105.97 20.26,181 20.24,105.99 20.25,105.97", "out of range")]
    public void Polygons_are_closed_rings_of_valid_coordinates(string polygon, string message)
    {
        Assert.True(CapPolygon.TryParse(polygon, out var parsed));
        var error = OnlyError(Sample(a => new CapArea { Description = a.Description, Polygons = new[] { parsed! } }));

        Assert.Equal("alert/info[1]/area[1]/polygon[1]", error.Path);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Ceiling_needs_altitude()
    {
        var error = OnlyError(Sample(a => new CapArea { Description = a.Description, Ceiling = 1000 }));
        Assert.Equal(("alert/info[1]/area[1]/ceiling", "cap.ceiling"), (error.Path, error.Rule));
    }

    [Fact]
    public void A_resource_digest_must_match_its_content()
    {
        var content = Encoding.UTF8.GetBytes("âm thanh");
        CapAlert With(string digest) => new()
        {
            Identifier = "a", Sender = "b", Sent = Sent,
            Infos = new[] { new CapInfo { Categories = new[] { CapCategory.Met }, Event = "e", Resources = new[] { new CapResource { Description = "audio", MimeType = "audio/mpeg", DerefUri = Convert.ToBase64String(content), Digest = digest } } } },
        };

        Assert.True(CapValidator.Validate(With(CapResource.ComputeDigest(content))).IsValid);
        var error = OnlyError(With(new string('0', 40)));
        Assert.Equal(("alert/info[1]/resource[1]/digest", "cap.digest"), (error.Path, error.Rule));
    }

    [Fact]
    public void Two_infos_in_one_language_is_a_warning_not_an_error()
    {
        var sample = Sample();
        var result = CapValidator.Validate(new CapAlert { Identifier = "a", Sender = "b", Sent = Sent, Infos = new[] { sample.Infos[0], sample.Infos[0] } });

        Assert.True(result.IsValid);
        Assert.Equal("alert/info[2]/language", Assert.Single(result.Warnings).Path);
    }

    [Fact]
    public void The_builder_refuses_an_alert_that_breaks_cap_listing_every_problem()
    {
        var ex = Assert.Throws<CapValidationException>(() => CapAlert.CreateBuilder().WithSender("has space")
            .AddInfo("vi-VN", CapCategory.Met, "", CapUrgency.Expected, CapSeverity.Severe, CapCertainty.Likely).Build());

        Assert.Equal(new[] { "alert/sender", "alert/info[1]/event" }, ex.Result.Errors.Select(e => e.Path));
    }
}
