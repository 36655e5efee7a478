using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using NinhBinh.Comms.Emulator;

namespace NinhBinh.Comms.Zalo.IntegrationTests;

/// <summary>The Zalo channel's article-broadcast mode across several commune OAs, against the emulator over loopback.</summary>
public class ZaloArticleChannelTests
{
    private static readonly DateTimeOffset Morning = new(2026, 11, 26, 9, 0, 0, TimeSpan.FromHours(7));
    private static readonly Uri Cover = new("https://ninhbinh.gov.vn/anh/bia-tin.jpg");

    // Four communes of Ninh Bình (37) and their OAs; the last two share one OA.
    private static readonly (string Commune, string Oa)[] Communes =
        [("13285", "oa-phu-ly"), ("13291", "oa-phu-van"), ("13318", "oa-chau-son"), ("13324", "oa-duy-tien"), ("13330", "oa-duy-tien")];

    private static Bulletin Policy(string id = "chinh-sach-bhyt-2611", params string[] areas) => Bulletin.CreateBuilder()
        .WithId(id)
        .WithTitle("Chính sách hỗ trợ bảo hiểm y tế năm 2027")
        .WithSummary("Người dân từ đủ 60 tuổi được hỗ trợ 100% mức đóng.")
        .WithBody("UBND tỉnh thông báo chính sách hỗ trợ bảo hiểm y tế.\n\nĐối tượng: người từ đủ 60 tuổi.")
        .WithIssuingAgency("UBND tỉnh Ninh Bình")
        .WithTopics("y-te")
        .WithTargetAreas(areas.Length == 0 ? ["37"] : areas)
        .Build();

    private sealed class Recorder<T> : IProgress<T>
    {
        public ConcurrentQueue<T> Reports { get; } = new();

        public void Report(T value) => Reports.Enqueue(value);
    }

    private sealed record Setup(ZaloEmulator Emulator, ZaloClientFactory Factory) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            Factory.Dispose();
            await Emulator.DisposeAsync();
        }
    }

    /// <summary>Every OA registered with 3 followers; every OA but <paramref name="unauthorized"/> has a grant in the store.</summary>
    private static async Task<Setup> StartAsync(params string[] unauthorized)
    {
        var time = new FakeTimeProvider(Morning);
        var emulator = await ZaloEmulator.StartAsync(new ZaloEmulatorOptions { TimeProvider = time, ArticleProcessingDelay = TimeSpan.Zero });
        emulator.RegisterApp(Harness.App, Harness.Secret, Harness.Redirect);
        var store = new InMemoryZaloTokenStore();
        foreach (var oa in Communes.Select(c => c.Oa).Distinct())
        {
            emulator.AddOfficialAccount(oa, "UBND " + oa, 4, Harness.App);
            for (var i = 1; i <= 3; i++)
            {
                emulator.AddFollower(oa, oa.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) + "00000000000000" + i);
            }

            if (!unauthorized.Contains(oa))
            {
                await Harness.SeedGrantAsync(emulator, store, Morning, oa);
            }
        }

        return new Setup(emulator, new ZaloClientFactory(Harness.Options(emulator), store, time));
    }

    private static ZaloBulletinChannelOptions Options(Uri? cover = null)
    {
        var options = new ZaloBulletinChannelOptions
        {
            Mode = ZaloBulletinMode.ArticleBroadcast,
            ArticleCover = cover ?? Cover,
            ArticleVerify = new ZaloArticleVerifyOptions { PollInterval = TimeSpan.FromSeconds(1), Timeout = TimeSpan.FromSeconds(10) },
            MaxConcurrency = 2,
        };
        foreach (var (commune, oa) in Communes)
        {
            options.CommuneOfficialAccounts[commune] = oa;
        }

        return options;
    }

    [Fact]
    public async Task Every_targeted_commune_OA_publishes_the_article_and_broadcasts_it_once()
    {
        await using var s = await StartAsync();
        var channel = new ZaloBulletinChannel(s.Factory, Options());
        var progress = new Recorder<DeliveryCounts>();

        var outcome = await channel.DeliverAsync(Policy(), progress);

        Assert.Equal(DeliveryStatus.Accepted, outcome.Status);
        Assert.Equal(new[] { "zalo:oa-phu-ly", "zalo:oa-phu-van", "zalo:oa-chau-son", "zalo:oa-duy-tien" }, outcome.Targets.Select(t => t.Target));
        Assert.Equal(new DeliveryCounts(4, 0), outcome.Recipients);
        Assert.Equal("Phường Duy Tiên, Phường Duy Tân", outcome.Targets[3].Name);
        foreach (var oa in Communes.Select(c => c.Oa).Distinct())
        {
            var broadcast = Assert.Single(s.Emulator.GetBroadcasts(oa));
            Assert.Equal(3, broadcast.RecipientIds.Count);
            Assert.Equal(1, s.Emulator.GetArticleCount(oa));
            var target = outcome.Targets.Single(t => t.Target == "zalo:" + oa);
            Assert.Equal($"article {broadcast.ArticleId} broadcast as message {broadcast.MessageId}", target.Reason);
        }

        var reports = progress.Reports.ToArray();
        Assert.Equal(new DeliveryCounts(0, 0, pending: 4), reports[0]);
        Assert.Equal(new DeliveryCounts(4, 0), reports[^1]);
        Assert.True(reports.Length >= 1 + 4 + 4, $"{reports.Length} reports: one at the start, at least one per verify answer and one per OA");
    }

    [Fact]
    public async Task One_failing_OA_does_not_stop_the_others_and_the_outcome_says_what_went_out()
    {
        await using var s = await StartAsync(unauthorized: "oa-phu-van");
        s.Emulator.SetBroadcastQuota("oa-chau-son", 0);
        var channel = new ZaloBulletinChannel(s.Factory, Options());

        var outcome = await channel.DeliverAsync(Policy(), new Recorder<DeliveryCounts>());

        Assert.Equal(DeliveryStatus.PartiallyDelivered, outcome.Status);
        Assert.Equal(new DeliveryCounts(2, 2), outcome.Recipients);
        var byOa = outcome.Targets.ToDictionary(t => t.Target);
        Assert.True(byOa["zalo:oa-phu-ly"].IsSuccess);
        Assert.True(byOa["zalo:oa-duy-tien"].IsSuccess);
        Assert.StartsWith("nothing went out: the article was not published", byOa["zalo:oa-phu-van"].Reason, StringComparison.Ordinal);
        var quota = byOa["zalo:oa-chau-son"];
        Assert.Equal("-211", quota.ErrorCode);
        Assert.Matches("^article [0-9a-f]+ was published on the OA but not broadcast: ", quota.Reason);
        Assert.Contains("zalo:oa-phu-van", outcome.Reason, StringComparison.Ordinal);
        Assert.Contains("zalo:oa-chau-son", outcome.Reason, StringComparison.Ordinal);
        Assert.Single(s.Emulator.GetBroadcasts("oa-phu-ly"));
        Assert.Single(s.Emulator.GetBroadcasts("oa-duy-tien"));
        Assert.Empty(s.Emulator.GetBroadcasts("oa-chau-son"));
        Assert.Equal(1, s.Emulator.GetArticleCount("oa-chau-son"));
        Assert.Equal(0, s.Emulator.GetArticleCount("oa-phu-van"));
    }

    [Fact]
    public async Task Dispatching_again_publishes_only_on_the_OAs_not_reached_yet()
    {
        await using var s = await StartAsync();
        s.Emulator.SetBroadcastQuota("oa-chau-son", 0);
        var channel = new ZaloBulletinChannel(s.Factory, Options());
        await channel.DeliverAsync(Policy(), new Recorder<DeliveryCounts>());
        s.Emulator.SetBroadcastQuota("oa-chau-son", 5);

        var again = await channel.DeliverAsync(Policy(), new Recorder<DeliveryCounts>());

        Assert.Equal(DeliveryStatus.Accepted, again.Status);
        Assert.Equal(new DeliveryCounts(1, 0, skipped: 3), again.Recipients);
        Assert.Equal("broadcast by an earlier dispatch", again.Targets.Single(t => t.Target == "zalo:oa-phu-ly").Reason);
        Assert.Single(s.Emulator.GetBroadcasts("oa-phu-ly"));
        Assert.Single(s.Emulator.GetBroadcasts("oa-chau-son"));
    }

    [Fact]
    public async Task Only_the_OAs_of_the_targeted_communes_are_reached()
    {
        await using var s = await StartAsync();
        var channel = new ZaloBulletinChannel(s.Factory, Options());

        var outcome = await channel.DeliverAsync(Policy("chinh-sach-2", "13291", "13330"), new Recorder<DeliveryCounts>());

        Assert.Equal(new[] { "zalo:oa-phu-van", "zalo:oa-duy-tien" }, outcome.Targets.Select(t => t.Target));
        Assert.Empty(s.Emulator.GetBroadcasts("oa-phu-ly"));
        var none = await channel.DeliverAsync(Policy("chinh-sach-3", "01"), new Recorder<DeliveryCounts>());
        Assert.Equal(DeliveryStatus.Rejected, none.Status);
        Assert.Contains("has an OA in CommuneOfficialAccounts", none.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bulletin_that_cannot_be_an_article_is_rejected_before_anything_is_sent()
    {
        await using var s = await StartAsync();
        var options = Options();
        options.ArticleCover = null; // and the bulletin has no image
        var channel = new ZaloBulletinChannel(s.Factory, options);

        var outcome = await channel.DeliverAsync(Policy(), new Recorder<DeliveryCounts>());

        Assert.Equal(DeliveryStatus.Rejected, outcome.Status);
        Assert.Equal("ARTICLE_INVALID", outcome.ErrorCode);
        Assert.Contains("cover", outcome.Reason, StringComparison.Ordinal);
        Assert.All(Communes, c => Assert.Equal(0, s.Emulator.GetArticleCount(c.Oa)));
    }

    [Fact]
    public async Task The_mode_and_the_constructor_must_agree_and_bad_settings_are_named()
    {
        await using var s = await StartAsync();
        var client = s.Factory.GetClient("oa-phu-ly");

        var onClient = Assert.Throws<ArgumentException>(() => new ZaloBulletinChannel(client, Options()));
        var onFactory = Assert.Throws<ArgumentException>(() => new ZaloBulletinChannel(s.Factory, new ZaloBulletinChannelOptions()));
        var empty = Assert.Throws<ArgumentException>(() => new ZaloBulletinChannel(s.Factory, new ZaloBulletinChannelOptions { Mode = ZaloBulletinMode.ArticleBroadcast }));
        var badOa = Options();
        badOa.CommuneOfficialAccounts["13285"] = "not an oa id";
        var bad = Assert.Throws<ArgumentException>(() => new ZaloBulletinChannel(s.Factory, badOa));

        Assert.Contains("IZaloClientFactory", onClient.Message, StringComparison.Ordinal);
        Assert.Contains("ArticleBroadcast", onFactory.Message, StringComparison.Ordinal);
        Assert.Equal("CommuneOfficialAccounts", empty.ParamName);
        Assert.Contains("CommuneOfficialAccounts['13285']", bad.Message, StringComparison.Ordinal);
    }
}
