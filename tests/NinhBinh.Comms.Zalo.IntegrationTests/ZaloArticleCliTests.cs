using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using NinhBinh.Comms.Emulator;

namespace NinhBinh.Comms.Zalo.IntegrationTests;

/// <summary><c>nbcomms zalo article publish</c> and <c>nbcomms zalo articles</c> as processes against the emulator.</summary>
[Collection("processes")]
public class ZaloArticleCliTests
{
    private static Dictionary<string, string> Env(Uri emulator, string store) => new()
    {
        ["NBCOMMS_Zalo__AppId"] = Harness.App,
        ["NBCOMMS_Zalo__AppSecret"] = Harness.Secret,
        ["NBCOMMS_Zalo__OpenApiBaseUrl"] = emulator.AbsoluteUri,
        ["NBCOMMS_Zalo__OAuthBaseUrl"] = emulator.AbsoluteUri,
        ["NBCOMMS_Zalo__TokenStorePath"] = store,
        ["NBCOMMS_Zalo__DefaultOaId"] = Harness.Oa,
    };

    private static async Task<ZaloEmulator> StartAsync()
    {
        var emulator = await ZaloEmulator.StartAsync(new ZaloEmulatorOptions { ArticleProcessingDelay = TimeSpan.Zero });
        emulator.RegisterApp(Harness.App, Harness.Secret, Harness.Redirect);
        emulator.AddOfficialAccount(Harness.Oa, "UBND xã Gia Viễn", 4, Harness.App);
        return emulator;
    }

    private static string[] Publish(string bodyFile, string title = "Lịch tiêm chủng tháng 12", string cover = "https://cdn.giavien.test/ảnh bìa.jpg", params string[] more)
        => new[] { "zalo", "article", "publish", "--title", title, "--author", "UBND xã Gia Viễn", "--description", "Lịch tiêm chủng mở rộng.", "--cover", cover, "--body-file", bodyFile }
            .Concat(more).ToArray();

    [Fact]
    public async Task Publish_prints_the_article_id_and_articles_lists_every_article_with_its_counters()
    {
        await using var emulator = await StartAsync();
        var store = Harness.TempDirectory();
        var files = Harness.TempDirectory();
        var tokens = new FileZaloTokenStore(store);
        await Harness.SeedGrantAsync(emulator, tokens, DateTimeOffset.UtcNow);
        var env = Env(emulator.BaseUri, store);
        try
        {
            var body = Path.Combine(files, "noi-dung.txt");
            await File.WriteAllTextAsync(body, "Trạm y tế xã thông báo\nlịch tiêm chủng.\n\n\nBà con mang theo sổ tiêm.\n");

            var published = await Harness.RunCliAsync(env, Publish(body, more: ["--timeout", "30"]));

            Assert.True(published.ExitCode == 0, published.Stderr);
            var id = Assert.Single(published.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)).Trim();
            Assert.Matches("^[0-9a-f]{32}$", id);
            Assert.Empty(published.Stderr);

            using var factory = new ZaloClientFactory(Harness.Options(emulator), tokens);
            var client = factory.GetClient(Harness.Oa);
            var detail = await client.GetArticleAsync(id);
            Assert.Equal(["Trạm y tế xã thông báo\nlịch tiêm chủng.", "Bà con mang theo sổ tiêm."], detail.Body.Select(b => b.Text));
            Assert.Equal("https://cdn.giavien.test/%E1%BA%A3nh%20b%C3%ACa.jpg", detail.CoverPhotoUrl);

            var more = new List<string>();
            for (var i = 1; i <= 11; i++)
            {
                more.Add(await client.PublishArticleAsync(ZaloArticleRequest.CreateNormal($"Tin số {i}", "UBND xã", "Mô tả", ZaloArticleCover.Photo(new Uri("https://cdn.test/a.jpg")), [ZaloArticleBodyItem.CreateText("x")])));
            }

            emulator.SetArticleCounters(Harness.Oa, id, views: 321, shares: 12);
            var listed = await Harness.RunCliAsync(env, "zalo", "articles");

            Assert.True(listed.ExitCode == 0, listed.Stderr);
            var lines = listed.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
            Assert.Equal(12, lines.Length);
            Assert.Equal($"{id}\t321\t12\tLịch tiêm chủng tháng 12", lines[^1]);
            Assert.Equal($"{more[^1]}\t0\t0\tTin số 11", lines[0]);
        }
        finally
        {
            Directory.Delete(store, recursive: true);
            Directory.Delete(files, recursive: true);
        }
    }

    [Fact]
    public async Task Publish_with_broadcast_prints_the_article_id_then_the_broadcast_message_id()
    {
        await using var emulator = await StartAsync();
        emulator.AddFollower(Harness.Oa, "8451000000000000001");
        emulator.AddFollower(Harness.Oa, "8451000000000000002");
        emulator.SetBroadcastQuota(Harness.Oa, 1);
        var store = Harness.TempDirectory();
        var files = Harness.TempDirectory();
        await Harness.SeedGrantAsync(emulator, new FileZaloTokenStore(store), DateTimeOffset.UtcNow);
        var env = Env(emulator.BaseUri, store);
        try
        {
            var body = Path.Combine(files, "noi-dung.txt");
            await File.WriteAllTextAsync(body, "Lịch tiêm chủng tháng 12.");

            var published = await Harness.RunCliAsync(env, Publish(body, more: ["--broadcast"]));
            var quota = await Harness.RunCliAsync(env, Publish(body, more: ["--broadcast"]));

            Assert.True(published.ExitCode == 0, published.Stderr);
            var lines = published.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()).ToArray();
            Assert.Equal(2, lines.Length);
            var sent = Assert.Single(emulator.GetBroadcasts(Harness.Oa));
            Assert.Equal(lines[0], sent.ArticleId);
            Assert.Equal(lines[1], sent.MessageId);
            Assert.Equal(2, sent.RecipientIds.Count);
            Assert.Equal(1, quota.ExitCode);
            Assert.Matches("^[0-9a-f]{32}$", quota.Stdout.Trim());
            Assert.Contains("-211", quota.Stderr, StringComparison.Ordinal);
            Assert.Equal(2, emulator.GetArticleCount(Harness.Oa));
        }
        finally
        {
            Directory.Delete(store, recursive: true);
            Directory.Delete(files, recursive: true);
        }
    }

    [Fact]
    public async Task A_broken_limit_or_broadcast_exits_1_before_anything_is_sent_and_a_refused_article_exits_1()
    {
        await using var emulator = await StartAsync();
        var store = Harness.TempDirectory();
        var files = Harness.TempDirectory();
        await Harness.SeedGrantAsync(emulator, new FileZaloTokenStore(store), DateTimeOffset.UtcNow);
        var env = Env(emulator.BaseUri, store);
        try
        {
            var body = Path.Combine(files, "noi-dung.txt");
            await File.WriteAllTextAsync(body, "Nội dung.");
            var requests = emulator.TotalRequests;

            var longTitle = await Harness.RunCliAsync(env, Publish(body, title: new string('a', 150)));
            Assert.Equal(1, longTitle.ExitCode);
            Assert.Equal("nbcomms: --title: title is 150 characters long; it must be shorter than 150 characters.", longTitle.Stderr.Trim());

            var badCover = await Harness.RunCliAsync(env, Publish(body, cover: "anh-bia.jpg"));
            Assert.Equal(1, badCover.ExitCode);
            Assert.StartsWith("nbcomms: --cover:", badCover.Stderr.Trim(), StringComparison.Ordinal);

            var empty = Path.Combine(files, "trong.txt");
            await File.WriteAllTextAsync(empty, "\n\n");
            var noBody = await Harness.RunCliAsync(env, Publish(empty));
            Assert.Equal(1, noBody.ExitCode);
            Assert.StartsWith("nbcomms: --body-file:", noBody.Stderr.Trim(), StringComparison.Ordinal);

            var broadcast = await Harness.RunCliAsync(env, Publish(body, title: new string('a', 150), more: ["--broadcast"]));
            Assert.Equal(1, broadcast.ExitCode);

            var missing = await Harness.RunCliAsync(env, "zalo", "article", "publish", "--title", "Tin", "--body-file", body);
            Assert.Equal(2, missing.ExitCode);
            var zeroTimeout = await Harness.RunCliAsync(env, Publish(body, more: ["--timeout", "0"]));
            Assert.Equal(2, zeroTimeout.ExitCode);

            Assert.Equal(requests, emulator.TotalRequests);
            foreach (var output in new[] { longTitle, badCover, noBody, broadcast, missing, zeroTimeout })
            {
                Assert.Empty(output.Stdout);
                Assert.Single(output.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            }

            emulator.MarkMediaUnreachable("https://cdn.giavien.test/ảnh bìa.jpg");
            var refused = await Harness.RunCliAsync(env, Publish(body));
            Assert.Equal(1, refused.ExitCode);
            Assert.Contains("-200", refused.Stderr, StringComparison.Ordinal);
            Assert.Empty(refused.Stdout);
            Assert.Equal(0, emulator.GetArticleCount(Harness.Oa));
        }
        finally
        {
            Directory.Delete(store, recursive: true);
            Directory.Delete(files, recursive: true);
        }
    }
}
