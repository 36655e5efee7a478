using System;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;

namespace NinhBinh.Comms.Zalo.IntegrationTests;

public class ZaloBulletinChannelTests
{
    private static readonly DateTimeOffset Morning = new(2026, 11, 26, 9, 0, 0, TimeSpan.FromHours(7));

    private static Bulletin Emergency() => Bulletin.CreateBuilder()
        .WithTitle("Cảnh báo mưa lớn")
        .WithSummary("Không ra đồng chiều nay.")
        .WithBody("Ban Chỉ huy phòng thủ dân sự xã thông báo…")
        .WithIssuingAgency("UBND xã Gia Viễn")
        .WithPriority(BulletinPriority.Emergency)
        .Build();

    [Fact]
    public async Task A_bulletin_reaches_the_followers_who_interacted_within_seven_days()
    {
        var time = new FakeTimeProvider(Morning);
        await using var emulator = await Harness.StartAsync(time);
        for (var i = 1; i <= 6; i++)
        {
            emulator.AddFollower(Harness.Oa, "845100000000000000" + i, lastInteraction: Morning.AddDays(i <= 3 ? -1 : -9), tags: i == 2 ? "thon-2" : "thon-1");
        }

        var store = new InMemoryZaloTokenStore();
        await Harness.SeedGrantAsync(emulator, store, time.GetUtcNow());
        using var factory = new ZaloClientFactory(Harness.Options(emulator), store, time);
        var oa = factory.GetClient(Harness.Oa);
        var dispatcher = new BulletinDispatcher(new IBulletinChannel[] { new ZaloBulletinChannel(oa), new ZaloBulletinChannel(oa, tag: "thon-2") }, timeProvider: time);

        var result = await dispatcher.DispatchAsync(Emergency());

        Assert.Equal(DeliveryStatus.Accepted, result["zalo:" + Harness.Oa].Status);
        Assert.Equal(new DeliveryCounts(sent: 3, failed: 0), result["zalo:" + Harness.Oa].Recipients);
        Assert.Equal(new DeliveryCounts(sent: 1, failed: 0), result["zalo:" + Harness.Oa + ":thon-2"].Recipients);
        var sent = emulator.GetSentMessages(Harness.Oa);
        Assert.Equal(4, sent.Count);
        Assert.All(sent, m => Assert.StartsWith("[KHẨN CẤP] Cảnh báo mưa lớn", m.Text));
        Assert.All(sent, m => Assert.Contains("— UBND xã Gia Viễn", m.Text));
    }

    [Fact]
    public async Task Nobody_to_reach_or_no_grant_are_rejections_with_reasons()
    {
        var time = new FakeTimeProvider(Morning);
        await using var emulator = await Harness.StartAsync(time);
        emulator.AddFollower(Harness.Oa, "8451000000000000001", lastInteraction: Morning.AddDays(-30));
        var store = new InMemoryZaloTokenStore();
        await Harness.SeedGrantAsync(emulator, store, time.GetUtcNow());
        using var factory = new ZaloClientFactory(Harness.Options(emulator), store, time);
        var channels = new IBulletinChannel[] { new ZaloBulletinChannel(factory.GetClient(Harness.Oa)), new ZaloBulletinChannel(factory.GetClient("oa-unauthorized")) };

        var result = await new BulletinDispatcher(channels, timeProvider: time).DispatchAsync(Emergency());

        Assert.Equal(DeliveryStatus.Rejected, result["zalo:" + Harness.Oa].Status);
        Assert.Contains("last 7 days", result["zalo:" + Harness.Oa].Reason);
        Assert.Equal(DeliveryStatus.Rejected, result["zalo:oa-unauthorized"].Status);
        Assert.Contains("Re-authorization required for OA oa-unauthorized", result["zalo:oa-unauthorized"].Reason);
        Assert.Empty(emulator.GetSentMessages(Harness.Oa));
    }

    [Fact]
    public void Long_bulletins_are_cut_to_zalos_limit()
    {
        var bulletin = Bulletin.CreateBuilder().WithTitle("Tiêu đề").WithBody(new string('x', 5000)).WithIssuingAgency("UBND").Build();
        var text = ZaloBulletinChannel.FormatText(bulletin);
        Assert.Equal(ZaloLimits.MaxTextLength, text.Length);
        Assert.EndsWith("…", text);
        Assert.Equal("maxConcurrency", Assert.Throws<ArgumentOutOfRangeException>(() => new ZaloBulletinChannel(new ZaloClientFactory(new ZaloClientOptions { AppId = "a", AppSecret = "s" }).GetClient("oa"), maxConcurrency: 0)).ParamName);
    }
}
