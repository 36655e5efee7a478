using System;
using System.IO;
using NinhBinh.Comms.Broadcast.Cap;

namespace NinhBinh.Comms.Broadcast.Tests.Cap;

public class CapFeedTests
{
    [Fact]
    public void An_atom_feed_of_alerts_reads_back_with_every_alert_valid_and_equal()
    {
        var alerts = new[] { CapRulesTests.Sample(), CapReader.ReadFile(CapTestFiles.PathOf("canada.cap")).Alert! };

        var feed = CapFeed.WriteAtom("urn:nbcomms:feed:hoalu", "Cảnh báo phường Hoa Lư", alerts, a => new Uri("https://canhbao.ninhbinh.gov.vn/cap/" + Uri.EscapeDataString(a.Identifier) + ".xml"));
        var entries = CapFeed.ReadAtom(feed);

        Assert.Equal(2, entries.Count);
        Assert.All(entries, e => Assert.True(e.Content!.IsValid, string.Join("\n", e.Content.Problems)));
        CapRoundTripTests.AssertSameModel(alerts[1], entries[1].Content!.Alert!);
        Assert.Equal("https://canhbao.ninhbinh.gov.vn/cap/NB-2025-0001.xml", entries[0].Link);
    }

    [Fact]
    public void An_invalid_alert_in_a_feed_is_reported_with_its_problems()
    {
        var feed = CapFeed.WriteAtom("urn:x", "x", new[] { CapRulesTests.Sample() })
            .Replace("<severity>Severe</severity>", "<severity>Bad</severity>", StringComparison.Ordinal);

        var entry = Assert.Single(CapFeed.ReadAtom(feed));

        Assert.Contains(entry.Content!.Validation.Errors, e => e.Path == "alert/info[1]/severity" && e.Rule == "xsd");
    }

    [Fact]
    public void A_hostile_feed_is_refused_without_resolving_anything()
    {
        var ex = Assert.Throws<CapValidationException>(() => CapFeed.ReadAtom(File.ReadAllText(CapTestFiles.PathOf("xee.cap"))));
        Assert.Equal("xml.well-formed", Assert.Single(ex.Result.Errors).Rule);
    }

    [Fact]
    public void Edxl_de_wraps_and_unwraps_an_alert()
    {
        var alert = CapRulesTests.Sample();

        var envelope = CapFeed.WrapInEdxlDe(alert);
        var unwrapped = Assert.Single(CapFeed.UnwrapEdxlDe(envelope));

        Assert.Contains("<distributionStatus>Actual</distributionStatus>", envelope);
        Assert.True(unwrapped.IsValid);
        CapRoundTripTests.AssertSameModel(alert, unwrapped.Alert!);
    }
}
