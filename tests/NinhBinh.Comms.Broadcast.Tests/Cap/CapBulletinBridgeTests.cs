using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using NinhBinh.Comms.Broadcast.Cap;

namespace NinhBinh.Comms.Broadcast.Tests.Cap;

public class CapBulletinBridgeTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2025, 9, 20, 1, 30, 0, TimeSpan.Zero));

    private static Bulletin Emergency(string language = "vi", string title = "Cảnh báo mưa lớn, nguy cơ ngập úng") => Bulletin.CreateBuilder()
        .WithId("NB-2025-0920-1")
        .WithTitle(title)
        .WithBody("Ban Chỉ huy phòng thủ dân sự phường Hoa Lư thông báo: mưa lớn từ chiều nay.")
        .WithIssuingAgency("UBND phường Hoa Lư")
        .WithTopics("phong-chong-thien-tai")
        .WithLanguage(language)
        .WithPriority(BulletinPriority.Emergency)
        .WithTargetAreas("14329")
        .WithAttachment(new BulletinAttachment(new Uri("https://media.ninhbinh.gov.vn/mua-lon.mp3"), "audio/mpeg", 120_000))
        .Build();

    [Fact]
    public void An_emergency_bulletin_becomes_a_schema_valid_alert_with_a_vi_vn_info_geocodes_and_resources()
    {
        var bulletin = Emergency().ToBuilder()
            .WithValidity(new DateTimeOffset(2025, 9, 20, 1, 0, 0, TimeSpan.Zero), new DateTimeOffset(2025, 9, 20, 13, 0, 0, TimeSpan.Zero))
            .Build();
        var alert = CapBulletinBridge.ToAlert(bulletin, new CapBulletinOptions { Sender = "ubnd.hoalu@ninhbinh.gov.vn", Category = CapCategory.Met },
            new[] { Emergency("en", "Heavy rain warning") }, Clock);

        Assert.Equal(new DateTimeOffset(2025, 9, 20, 8, 30, 0, TimeSpan.FromHours(7)), alert.Sent);
        Assert.Equal(TimeSpan.FromHours(7), alert.Sent.Offset);
        Assert.Equal(new[] { "vi-VN", "en" }, alert.Infos.Select(i => i.Language));
        var vi = alert.Infos[0];
        Assert.Equal((CapUrgency.Immediate, CapSeverity.Severe), (vi.Urgency, vi.Severity));
        Assert.Equal(new DateTimeOffset(2025, 9, 20, 8, 0, 0, TimeSpan.FromHours(7)), vi.Effective);
        Assert.Equal((TimeSpan.FromHours(7), TimeSpan.FromHours(7)), (vi.Effective!.Value.Offset, vi.Expires!.Value.Offset));
        Assert.Equal(new CapNamedValue(CapBulletinBridge.AdministrativeCodeName, "14329"), Assert.Single(Assert.Single(vi.Areas).Geocodes));
        Assert.Equal(("audio/mpeg", 120_000L), (Assert.Single(vi.Resources).MimeType, Assert.Single(vi.Resources).Size!.Value));
        Assert.True(CapReader.Parse(CapWriter.ToXml(alert)).IsValid);
    }

    [Fact]
    public void An_incoming_alert_becomes_an_emergency_bulletin_for_the_same_areas()
    {
        var alert = CapBulletinBridge.ToAlert(Emergency(), new CapBulletinOptions { Sender = "ubnd.hoalu@ninhbinh.gov.vn" }, timeProvider: Clock);

        var bulletin = CapBulletinBridge.ToBulletin(CapReader.Parse(CapWriter.ToXml(alert)).Alert!);

        Assert.Equal(("Cảnh báo mưa lớn, nguy cơ ngập úng", BulletinPriority.Emergency, "UBND phường Hoa Lư"), (bulletin.Title, bulletin.Priority, bulletin.IssuingAgency));
        Assert.Equal(new[] { "14329" }, bulletin.TargetAreas);
        Assert.Equal("https://media.ninhbinh.gov.vn/mua-lon.mp3", Assert.Single(bulletin.Attachments).Uri.AbsoluteUri);
    }

    [Theory]
    [InlineData(CapUrgency.Future, CapSeverity.Minor, BulletinPriority.Normal)]
    [InlineData(CapUrgency.Expected, CapSeverity.Minor, BulletinPriority.Priority)]
    [InlineData(CapUrgency.Future, CapSeverity.Moderate, BulletinPriority.Priority)]
    [InlineData(CapUrgency.Future, CapSeverity.Extreme, BulletinPriority.Emergency)]
    [InlineData(CapUrgency.Immediate, CapSeverity.Minor, BulletinPriority.Emergency)]
    public void Priority_follows_urgency_and_severity(CapUrgency urgency, CapSeverity severity, BulletinPriority expected)
    {
        var sample = CapRulesTests.Sample();
        var info = sample.Infos[0];
        var alert = new CapAlert
        {
            Identifier = sample.Identifier, Sender = sample.Sender, Sent = sample.Sent,
            Infos = new[] { new CapInfo { Language = "vi-VN", Categories = info.Categories, Event = info.Event, Urgency = urgency, Severity = severity, Headline = info.Headline, Areas = info.Areas } },
        };

        Assert.Equal(expected, CapBulletinBridge.ToBulletin(alert).Priority);
    }

    [Fact]
    public void A_foreign_alert_without_vietnamese_codes_still_becomes_a_bulletin()
    {
        var bulletin = CapBulletinBridge.ToBulletin(CapReader.ReadFile(CapTestFiles.PathOf("thunderstorm.cap")).Alert!);

        Assert.Equal(BulletinPriority.Emergency, bulletin.Priority);
        Assert.Empty(bulletin.TargetAreas);
    }

    [Fact]
    public async Task An_incoming_alert_is_dispatched_to_the_radio_and_board_channels()
    {
        var radio = new InMemoryBulletinChannel("radio");
        var boards = new InMemoryBulletinChannel("boards");
        var dispatcher = new BulletinDispatcher(new IBulletinChannel[] { radio, boards });
        var alert = CapReader.Parse(CapWriter.ToXml(CapBulletinBridge.ToAlert(Emergency(), new CapBulletinOptions { Sender = "tinh.ninhbinh" }, timeProvider: Clock))).Alert!;

        var result = await dispatcher.DispatchAsync(CapBulletinBridge.ToBulletin(alert));

        Assert.All(result.Outcomes, o => Assert.True(o.IsSuccess));
        Assert.Equal(BulletinPriority.Emergency, Assert.Single(radio.Received).Priority);
        Assert.Equal("Cảnh báo mưa lớn, nguy cơ ngập úng", Assert.Single(boards.Received).Title);
    }
}
