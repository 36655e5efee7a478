using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using NinhBinh.Comms.Emulator;

namespace NinhBinh.Comms.Zalo.IntegrationTests;

/// <summary>Articles through the emulator over loopback: asynchronous processing on a fake clock, paging, counters.</summary>
public class ZaloArticleEmulatorTests
{
    private static readonly DateTimeOffset Morning = new(2026, 11, 26, 9, 0, 0, TimeSpan.FromHours(7));
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(3);
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private sealed class Reports : IProgress<ZaloArticleProgress>
    {
        public List<ZaloArticleProgress> All { get; } = [];

        public void Report(ZaloArticleProgress value)
        {
            lock (All)
            {
                All.Add(value);
            }
        }
    }

    private static ZaloArticleRequest Article(string title = "Lịch tiêm chủng tháng 12", string cover = "https://cdn.giavien.test/ảnh bìa.jpg")
        => ZaloArticleRequest.CreateNormal(title, "UBND xã Gia Viễn", "Trạm y tế xã thông báo lịch tiêm chủng.",
            ZaloArticleCover.Photo(new Uri(cover)),
            [ZaloArticleBodyItem.CreateText("Bà con mang theo sổ tiêm."), ZaloArticleBodyItem.CreateImage(new Uri("https://cdn.giavien.test/lịch tiêm.png"), "Lịch")]);

    private static async Task<(ZaloEmulator Emulator, ZaloClientFactory Factory, ZaloOfficialAccountClient Client)> StartAsync(TimeProvider time, TimeSpan processing)
    {
        var emulator = await ZaloEmulator.StartAsync(new ZaloEmulatorOptions { TimeProvider = time, ArticleProcessingDelay = processing });
        emulator.RegisterApp(Harness.App, Harness.Secret, Harness.Redirect);
        emulator.AddOfficialAccount(Harness.Oa, "UBND xã Gia Viễn", 4, Harness.App);
        var store = new InMemoryZaloTokenStore();
        await Harness.SeedGrantAsync(emulator, store, time.GetUtcNow());
        var factory = new ZaloClientFactory(Harness.Options(emulator), store, time);
        return (emulator, factory, factory.GetClient(Harness.Oa));
    }

    [Fact]
    public async Task Publish_creates_then_verifies_on_the_clock_reporting_each_answer_until_the_id()
    {
        var time = new WatchedTimeProvider(Morning);
        var (emulator, factory, client) = await StartAsync(time, TimeSpan.FromSeconds(6));
        await using var _ = emulator;
        using var __ = factory;
        var reports = new Reports();

        var publishing = client.PublishArticleAsync(Article(), new ZaloArticleVerifyOptions { PollInterval = Poll, Timeout = TimeSpan.FromSeconds(30) }, reports);
        for (var i = 0; i < 2; i++)
        {
            await time.WaitForPendingTimersAsync(1, d => d == Poll, "the wait before the next verify");
            Assert.Equal(0, emulator.GetArticleCount(Harness.Oa));
            time.Advance(Poll);
        }

        var id = await publishing;

        Assert.Equal(
            [(1, ZaloArticleState.Processing, 0d), (2, ZaloArticleState.Processing, 3d), (3, ZaloArticleState.Published, 6d)],
            reports.All.Select(r => (r.Attempt, r.State, r.Elapsed.TotalSeconds)));
        Assert.Equal(id, reports.All[^1].ArticleId);
        Assert.Equal(1, emulator.GetArticleCount(Harness.Oa));
        var detail = await client.GetArticleAsync(id);
        Assert.Equal("Lịch tiêm chủng tháng 12", detail.Title);
        Assert.Equal("UBND xã Gia Viễn", detail.Author);
        Assert.Equal("https://cdn.giavien.test/%E1%BA%A3nh%20b%C3%ACa.jpg", detail.CoverPhotoUrl);
        Assert.Equal([ZaloArticleBodyItemKind.Text, ZaloArticleBodyItemKind.Image], detail.Body.Select(b => b.Kind));
        Assert.Equal("https://cdn.giavien.test/l%E1%BB%8Bch%20ti%C3%AAm.png", detail.Body[1].Url);
    }

    [Fact]
    public async Task A_media_url_Zalo_cannot_fetch_surfaces_as_a_failure_at_verify()
    {
        var time = new WatchedTimeProvider(Morning);
        var (emulator, factory, client) = await StartAsync(time, TimeSpan.Zero);
        await using var _ = emulator;
        using var __ = factory;
        emulator.MarkMediaUnreachable("https://cdn.giavien.test/lịch tiêm.png");
        var reports = new Reports();

        var error = await Assert.ThrowsAsync<ZaloException>(() => client.PublishArticleAsync(Article(), progress: reports));

        Assert.Equal(ZaloErrorCodes.SendFailed, error.ZaloCode);
        Assert.Contains("could not be fetched", error.Message, StringComparison.Ordinal);
        var report = Assert.Single(reports.All);
        Assert.Equal((1, ZaloArticleState.Failed), (report.Attempt, report.State));
        Assert.Equal(0, emulator.GetArticleCount(Harness.Oa));
        Assert.Empty(await client.GetArticlesAsync().ToListAsync());
    }

    [Fact]
    public async Task Verify_gives_up_at_its_timeout_and_says_how_to_continue()
    {
        var time = new WatchedTimeProvider(Morning);
        var (emulator, factory, client) = await StartAsync(time, TimeSpan.FromMinutes(10));
        await using var _ = emulator;
        using var __ = factory;
        var reports = new Reports();

        var token = await client.CreateArticleAsync(Article());
        var verifying = client.VerifyArticleAsync(token, new ZaloArticleVerifyOptions { PollInterval = Poll, Timeout = TimeSpan.FromSeconds(9) }, reports);
        for (var i = 0; i < 3; i++)
        {
            await time.WaitForPendingTimersAsync(1, d => d == Poll, "the wait before the next verify");
            time.Advance(Poll);
        }

        var timeout = await Assert.ThrowsAsync<ZaloArticleTimeoutException>(() => verifying);

        Assert.Equal((token, 4, TimeSpan.FromSeconds(9)), (timeout.Token, timeout.Attempts, timeout.Elapsed));
        Assert.Equal([1, 2, 3, 4], reports.All.Select(r => r.Attempt));
        Assert.All(reports.All, r => Assert.Equal(ZaloArticleState.Processing, r.State));

        // Zalo finishes later: verifying the same token again gives the id.
        time.Advance(TimeSpan.FromMinutes(10));
        Assert.Matches("^[0-9a-f]{32}$", await client.VerifyArticleAsync(token));
    }

    [Fact]
    public async Task More_than_ten_articles_are_listed_page_by_page_newest_first_with_views_and_shares()
    {
        var time = new WatchedTimeProvider(Morning);
        var (emulator, factory, client) = await StartAsync(time, TimeSpan.Zero);
        await using var _ = emulator;
        using var __ = factory;
        var ids = new List<string>();
        for (var i = 1; i <= 23; i++)
        {
            ids.Add(await client.PublishArticleAsync(Article($"Tin số {i}")));
        }

        emulator.SetArticleCounters(Harness.Oa, ids[4], views: 1200, shares: 35);
        var requests = emulator.TotalRequests;

        var listed = await client.GetArticlesAsync().ToListAsync();

        Assert.Equal(3, emulator.TotalRequests - requests); // 10 + 10 + 3
        Assert.Equal(Enumerable.Range(1, 23).Reverse().Select(i => $"Tin số {i}"), listed.Select(a => a.Title));
        var counted = Assert.Single(listed, a => a.Id == ids[4]);
        Assert.Equal((1200L, 35L), (counted.Views, counted.Shares));
        Assert.All(listed.Where(a => a.Id != ids[4]), a => Assert.Equal((0L, 0L), (a.Views, a.Shares)));
        var last = await client.GetArticlePageAsync(20, 10);
        Assert.Equal((23, 3), (last.Total, last.Articles.Count));
        Assert.Empty(await client.GetArticlesAsync(ZaloArticleType.Video).ToListAsync());

        var detail = await client.GetArticleAsync(ids[4]);
        Assert.Equal((1200L, 35L, "Tin số 5"), (detail.Views, detail.Shares, detail.Title));
    }

    [Fact]
    public async Task An_article_is_updated_after_processing_and_removed()
    {
        var time = new WatchedTimeProvider(Morning);
        var (emulator, factory, client) = await StartAsync(time, TimeSpan.Zero);
        await using var _ = emulator;
        using var __ = factory;
        var id = await client.PublishArticleAsync(Article());

        var token = await client.UpdateArticleAsync(id, Article("Lịch tiêm chủng (đã cập nhật)"));
        Assert.Equal(id, await client.VerifyArticleAsync(token));
        Assert.Equal("Lịch tiêm chủng (đã cập nhật)", (await client.GetArticleAsync(id)).Title);

        await client.RemoveArticleAsync(id);

        Assert.Equal(0, emulator.GetArticleCount(Harness.Oa));
        var gone = await Assert.ThrowsAsync<ZaloInvalidRequestException>(() => client.GetArticleAsync(id));
        Assert.Equal(ZaloErrorCodes.ParameterInvalid, gone.ZaloCode);
        var again = await Assert.ThrowsAsync<ZaloInvalidRequestException>(() => client.RemoveArticleAsync(id));
        Assert.Equal(ZaloErrorCodes.ParameterInvalid, again.ZaloCode);
    }

    [Theory]
    [InlineData("title", 150, -210)]
    [InlineData("author", 51, -210)]
    [InlineData("description", 301, -210)]
    [InlineData("title", 0, -201)]
    public async Task The_emulator_enforces_the_limits_itself(string field, int length, int code)
    {
        var (emulator, factory, _) = await StartAsync(TimeProvider.System, TimeSpan.Zero);
        await using var __ = emulator;
        using var ___ = factory;
        var (access, _) = emulator.IssueTokens(Harness.App, Harness.Oa);
        var article = new Dictionary<string, object>
        {
            ["type"] = "normal",
            ["title"] = "Tin",
            ["author"] = "UBND",
            ["description"] = "Mô tả",
            ["cover"] = new Dictionary<string, string> { ["cover_type"] = "photo", ["photo_url"] = "https://cdn.test/a.jpg" },
            ["body"] = new[] { new Dictionary<string, string> { ["type"] = "text", ["content"] = "Nội dung" } },
        };
        article[field] = new string('a', length);

        Assert.Equal(code, await CreateRawAsync(emulator, access, JsonSerializer.Serialize(article)));
        article[field] = new string('a', Math.Max(1, length - 1));
        article["cover"] = new Dictionary<string, string> { ["cover_type"] = "photo", ["photo_url"] = "https://cdn.test/ảnh bìa.jpg" };
        Assert.Equal(-201, await CreateRawAsync(emulator, access, JsonSerializer.Serialize(article, Relaxed)));
        article.Remove("cover");
        Assert.Equal(-201, await CreateRawAsync(emulator, access, JsonSerializer.Serialize(article)));
        Assert.Equal(0, emulator.GetArticleCount(Harness.Oa));
    }

    private static async Task<int> CreateRawAsync(ZaloEmulator emulator, string access, string json)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(emulator.BaseUri, "v2.0/article/create"));
        request.Headers.Add("access_token", access);
        request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await http.SendAsync(request);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("error").GetInt32();
    }
}
