using System.Threading.Tasks;

namespace NinhBinh.Comms.Emulator.Tests;

public class BroadcastTests
{
    private const string Article = "article-1";

    private static string Broadcast(string target, string article = Article) =>
        "{\"recipient\":{\"target\":" + target + "},\"message\":{\"attachment\":{\"type\":\"template\",\"payload\":{\"template_type\":\"media\",\"elements\":[{\"media_type\":\"article\",\"attachment_id\":\"" + article + "\"}]}}}}";

    /// <summary>The harness's followers (recent, stale, silent) get ages, genders, cities and platforms; the non-follower too, to show it is never reached.</summary>
    private static async Task<Harness> StartAsync()
    {
        var h = await Harness.StartAsync();
        h.Emulator.AddPublishedArticle(Harness.OaId, Article);
        h.Emulator.SetFollowerDemographics(Harness.OaId, Harness.RecentUser, ageGroup: 3, gender: 2, region: 0, city: 37, platform: 2);
        h.Emulator.SetFollowerDemographics(Harness.OaId, Harness.StaleUser, ageGroup: 4, gender: 1, region: 0, city: 37, platform: 1);
        h.Emulator.SetFollowerDemographics(Harness.OaId, Harness.SilentUser, ageGroup: 3, gender: 2, region: 2, city: 79, platform: 2);
        h.Emulator.SetFollowerDemographics(Harness.OaId, Harness.NonFollower, ageGroup: 3, gender: 2, region: 0, city: 37, platform: 2);
        return h;
    }

    [Theory]
    [InlineData("{\"ages\":\"3,4\",\"gender\":\"2\",\"cities\":\"37\"}")]
    [InlineData("{\"ages\":[3,4],\"gender\":[2],\"cities\":[37]}")]
    [InlineData("{\"ages\":3,\"gender\":2,\"cities\":37}")]
    public async Task Each_target_encoding_reaches_the_followers_matching_every_field(string target)
    {
        await using var h = await StartAsync();

        var reply = await h.PostJsonAsync("/v2.0/oa/message", Broadcast(target));

        Assert.Equal(0, Harness.Error(reply));
        var sent = Assert.Single(h.Emulator.GetBroadcasts(Harness.OaId));
        Assert.Equal(reply["data"]!["message_id"]!.GetValue<string>(), sent.MessageId);
        Assert.Equal(Article, sent.ArticleId);
        Assert.Equal(new[] { Harness.RecentUser }, sent.RecipientIds);
        Assert.Equal(Broadcast(target), sent.RawJson);
        Assert.Empty(h.Emulator.GetSentMessages(Harness.OaId));
    }

    [Fact]
    public async Task Gender_zero_reaches_every_follower_and_never_a_non_follower()
    {
        await using var h = await StartAsync();

        Assert.Equal(0, Harness.Error(await h.PostJsonAsync("/v2.0/oa/message", Broadcast("{\"gender\":\"0\"}"))));
        Assert.Equal(0, Harness.Error(await h.PostJsonAsync("/v2.0/oa/message", Broadcast("{\"platform\":\"2\",\"locations\":\"2\"}"))));

        var broadcasts = h.Emulator.GetBroadcasts(Harness.OaId);
        Assert.Equal(3, broadcasts[0].RecipientIds.Count);
        Assert.DoesNotContain(Harness.NonFollower, broadcasts[0].RecipientIds);
        Assert.Equal(new[] { Harness.SilentUser }, broadcasts[1].RecipientIds);
    }

    [Theory]
    [InlineData("{\"ages\":\"\"}")]
    [InlineData("{\"ages\":[]}")]
    [InlineData("{\"ages\":\"9\"}")]
    [InlineData("{\"gender\":\"3\"}")]
    [InlineData("{\"platform\":[0]}")]
    [InlineData("{\"cities\":\"ha-noi\"}")]
    [InlineData("\"all\"")]
    public async Task A_bad_target_answers_201_and_nothing_is_sent(string target)
    {
        await using var h = await StartAsync();

        Assert.Equal(-201, Harness.Error(await h.PostJsonAsync("/v2.0/oa/message", Broadcast(target))));
        Assert.Empty(h.Emulator.GetBroadcasts(Harness.OaId));
    }

    [Fact]
    public async Task An_unknown_article_answers_201()
    {
        await using var h = await StartAsync();

        Assert.Equal(-201, Harness.Error(await h.PostJsonAsync("/v2.0/oa/message", Broadcast("{\"gender\":\"0\"}", "no-such-article"))));
        Assert.Empty(h.Emulator.GetBroadcasts(Harness.OaId));
    }

    [Fact]
    public async Task The_broadcast_beyond_the_quota_answers_211()
    {
        await using var h = await StartAsync();
        h.Emulator.SetBroadcastQuota(Harness.OaId, 1);

        Assert.Equal(0, Harness.Error(await h.PostJsonAsync("/v2.0/oa/message", Broadcast("{\"gender\":\"0\"}"))));
        Assert.Equal(-211, Harness.Error(await h.PostJsonAsync("/v2.0/oa/message", Broadcast("{\"gender\":\"0\"}"))));

        Assert.Single(h.Emulator.GetBroadcasts(Harness.OaId));
    }

    [Fact]
    public async Task The_demo_followers_can_be_targeted()
    {
        await using var emulator = await ZaloEmulator.StartAsync();
        emulator.SeedDemo();
        emulator.AddPublishedArticle("demo-oa", Article);
        var (access, _) = emulator.IssueTokens("demo-app", "demo-oa");
        using var http = new System.Net.Http.HttpClient();
        using var request = new System.Net.Http.HttpRequestMessage(System.Net.Http.HttpMethod.Post, new System.Uri(emulator.BaseUri, "v2.0/oa/message"));
        request.Headers.Add("access_token", access);
        request.Content = new System.Net.Http.StringContent(Broadcast("{\"gender\":\"2\",\"cities\":\"37\"}"), System.Text.Encoding.UTF8, "application/json");

        using var response = await http.SendAsync(request);

        var sent = Assert.Single(emulator.GetBroadcasts("demo-oa"));
        Assert.Equal(60, sent.RecipientIds.Count);
        Assert.All(sent.RecipientIds, id => Assert.True(long.Parse(id, System.Globalization.CultureInfo.InvariantCulture) % 2 == 1));
    }
}
