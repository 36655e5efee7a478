using System;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;

namespace NinhBinh.Comms.Zalo.IntegrationTests;

/// <summary>BroadcastArticleAsync against the emulator over loopback: each target encoding reaches the same followers.</summary>
public class ZaloBroadcastEmulatorTests
{
    private const string Article = "article-chinh-sach-1";
    private static readonly DateTimeOffset Morning = new(2026, 11, 26, 9, 0, 0, TimeSpan.FromHours(7));

    private static string User(int i) => (8_451_000_000_000_000_000L + i).ToString(System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData(ZaloBroadcastTargetEncoding.CommaSeparatedStrings)]
    [InlineData(ZaloBroadcastTargetEncoding.IntegerArrays)]
    [InlineData(ZaloBroadcastTargetEncoding.Integers)]
    public async Task Every_encoding_reaches_the_followers_the_target_names(ZaloBroadcastTargetEncoding encoding)
    {
        var time = new FakeTimeProvider(Morning);
        await using var emulator = await Harness.StartAsync(time);
        for (var i = 1; i <= 10; i++)
        {
            emulator.AddFollower(Harness.Oa, User(i));
            emulator.SetFollowerDemographics(Harness.Oa, User(i), ageGroup: i % 8, gender: 1 + (i % 2), region: 0, city: i <= 6 ? 37 : 1, platform: 2);
        }

        emulator.AddPublishedArticle(Harness.Oa, Article);
        var store = new InMemoryZaloTokenStore();
        await Harness.SeedGrantAsync(emulator, store, Morning);
        using var factory = new ZaloClientFactory(Harness.Options(emulator, o => o.BroadcastTargetEncoding = encoding), store, time);

        var result = await factory.GetClient(Harness.Oa).BroadcastArticleAsync(Article, new ZaloBroadcastTarget
        {
            Gender = ZaloBroadcastGender.Female, // odd i
            Cities = ["37"],                      // i <= 6
            Platforms = [ZaloBroadcastPlatform.Android],
        });

        var sent = Assert.Single(emulator.GetBroadcasts(Harness.Oa));
        Assert.Equal(result.MessageId, sent.MessageId);
        Assert.Equal(new[] { User(1), User(3), User(5) }, sent.RecipientIds);
    }

    [Fact]
    public async Task An_unknown_article_and_a_used_up_quota_come_back_as_typed_errors()
    {
        var time = new FakeTimeProvider(Morning);
        await using var emulator = await Harness.StartAsync(time);
        emulator.AddPublishedArticle(Harness.Oa, Article);
        emulator.SetBroadcastQuota(Harness.Oa, 0);
        var store = new InMemoryZaloTokenStore();
        await Harness.SeedGrantAsync(emulator, store, Morning);
        using var factory = new ZaloClientFactory(Harness.Options(emulator), store, time);
        var oa = factory.GetClient(Harness.Oa);

        var unknown = await Assert.ThrowsAsync<ZaloInvalidRequestException>(() => oa.BroadcastArticleAsync("no-such-article"));
        var quota = await Assert.ThrowsAsync<ZaloQuotaExhaustedException>(() => oa.BroadcastArticleAsync(Article));

        Assert.Equal(ZaloErrorCodes.ParameterInvalid, unknown.ZaloCode);
        Assert.Equal(ZaloErrorCodes.OutOfQuota, quota.ZaloCode);
        Assert.Empty(emulator.GetBroadcasts(Harness.Oa));
    }
}
