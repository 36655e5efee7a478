using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;

namespace NinhBinh.Comms.Zalo.Tests;

public class ZaloArticleTests
{
    private const string Oa = "oa-1";
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.FromHours(7));
    private static readonly Uri Cover = new("https://cdn.giavien.gov.vn/anh/bia.jpg");

    private static ZaloOfficialAccountClient Client(StubZaloHandler handler, FakeTimeProvider? time = null)
    {
        time ??= new FakeTimeProvider(Now);
        var options = new ZaloClientOptions
        {
            AppId = "app-1",
            AppSecret = "app-secret-VALUE-123",
            OpenApiBaseUrl = new Uri("http://openapi.test/"),
            OAuthBaseUrl = new Uri("http://oauth.test/"),
            Retry = new ZaloRetryOptions { BaseDelay = TimeSpan.FromMilliseconds(5), MaxDelay = TimeSpan.FromMilliseconds(20) },
        };
        var store = new InMemoryZaloTokenStore();
        store.SaveAsync(Oa, new ZaloTokenSet("access-1", "refresh-1", Now.AddHours(25), Now.AddDays(90), Now)).GetAwaiter().GetResult();
        return new ZaloClientFactory(options, store, time, null, handler).GetClient(Oa);
    }

    private static ZaloArticleRequest Article(string? title = null, string? author = null, string? description = null, ZaloArticleCover? cover = null, IEnumerable<ZaloArticleBodyItem>? body = null)
        => ZaloArticleRequest.CreateNormal(
            title ?? "Lịch tiêm chủng tháng 12",
            author ?? "UBND xã Gia Viễn",
            description ?? "Trạm y tế xã thông báo lịch tiêm chủng mở rộng.",
            cover ?? ZaloArticleCover.Photo(Cover),
            body ?? [ZaloArticleBodyItem.CreateText("Đoạn một.")]);

    private static HttpResponseMessage Token(string token = "tok-1") => StubZaloHandler.Json($$$"""{"error":0,"message":"Success","data":{"token":"{{{token}}}"}}""");

    [Theory]
    [InlineData("title", 149)]
    [InlineData("author", 50)]
    [InlineData("description", 300)]
    public void A_field_at_its_limit_is_accepted(string field, int length)
    {
        var value = new string('ệ', length);
        var article = field switch
        {
            "title" => Article(title: value),
            "author" => Article(author: value),
            _ => Article(description: value),
        };

        var actual = field switch { "title" => article.Title, "author" => article.Author!, _ => article.Description };
        Assert.Equal(length, actual.Length);
    }

    [Theory]
    [InlineData("title", 150, "title is 150 characters long; it must be shorter than 150 characters.")]
    [InlineData("author", 51, "author is 51 characters long; it must be at most 50 characters.")]
    [InlineData("description", 301, "description is 301 characters long; it must be at most 300 characters.")]
    public void A_field_over_its_limit_is_refused_naming_the_field_and_the_limit(string field, int length, string message)
    {
        var value = new string('a', length);
        var error = Assert.Throws<ArgumentException>(() => field switch
        {
            "title" => Article(title: value),
            "author" => Article(author: value),
            _ => Article(description: value),
        });

        Assert.Equal(field, error.ParamName);
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_or_invalid_parts_are_refused_before_anything_is_sent()
    {
        var noCover = Assert.Throws<ArgumentNullException>(() => ZaloArticleRequest.CreateNormal("t", "a", "d", null!, [ZaloArticleBodyItem.CreateText("x")]));
        Assert.Equal("cover", noCover.ParamName);
        Assert.Contains("cover is required", noCover.Message, StringComparison.Ordinal);

        var noBody = Assert.Throws<ArgumentException>(() => Article(body: []));
        Assert.Equal("body", noBody.ParamName);

        var emptyTitle = Assert.Throws<ArgumentException>(() => Article(title: "  "));
        Assert.Equal("title", emptyTitle.ParamName);

        var emptyText = Assert.Throws<ArgumentException>(() => ZaloArticleBodyItem.CreateText(" "));
        Assert.Equal("text", emptyText.ParamName);

        var relative = Assert.Throws<ArgumentException>(() => ZaloArticleBodyItem.CreateImage(new Uri("/anh.jpg", UriKind.Relative)));
        Assert.Equal("imageUrl", relative.ParamName);

        var ftp = Assert.Throws<ArgumentException>(() => ZaloArticleCover.Photo(new Uri("ftp://cdn.test/bia.jpg")));
        Assert.Equal("photoUrl", ftp.ParamName);

        var noProduct = Assert.Throws<ArgumentException>(() => ZaloArticleBodyItem.CreateProduct(""));
        Assert.Equal("productId", noProduct.ParamName);

        var videoTitle = Assert.Throws<ArgumentException>(() => ZaloArticleRequest.CreateVideo(new string('a', 150), "d", "video-1", Cover));
        Assert.Equal("title", videoTitle.ParamName);

        var noThumbnail = Assert.Throws<ArgumentNullException>(() => ZaloArticleRequest.CreateVideo("t", "d", "video-1", null!));
        Assert.Equal("thumbnailUrl", noThumbnail.ParamName);
    }

    [Theory]
    [InlineData("https://cdn.test/ảnh bìa/Lũ lụt 2026.jpg", "https://cdn.test/%E1%BA%A3nh%20b%C3%ACa/L%C5%A9%20l%E1%BB%A5t%202026.jpg")]
    [InlineData("https://cdn.test/a%20b.jpg", "https://cdn.test/a%20b.jpg")]
    [InlineData("https://cdn.test/100%.png?w=1&h=2", "https://cdn.test/100%25.png?w=1&h=2")]
    [InlineData("https://cdn.test/plain/bia.jpg", "https://cdn.test/plain/bia.jpg")]
    public void Media_urls_are_percent_encoded_once(string given, string sent)
    {
        Assert.Equal(sent, ZaloArticleCover.Photo(new Uri(given)).PhotoUrl);
        Assert.Equal(sent, ZaloArticleBodyItem.CreateImage(new Uri(given)).Url);
    }

    [Fact]
    public async Task Create_posts_the_whole_article_with_percent_encoded_media_and_returns_the_token()
    {
        var handler = new StubZaloHandler((_, _) => Token());
        var article = Article(
            cover: ZaloArticleCover.Photo(new Uri("https://cdn.test/ảnh bìa.jpg")),
            body:
            [
                ZaloArticleBodyItem.CreateText("Bà con lưu ý."),
                ZaloArticleBodyItem.CreateImage(new Uri("https://cdn.test/bản đồ.png"), "Bản đồ"),
                ZaloArticleBodyItem.CreateVideo("video-9", new Uri("https://cdn.test/ảnh nhỏ.jpg")),
                ZaloArticleBodyItem.CreateProduct("42"),
            ]);

        var token = await Client(handler).CreateArticleAsync(article);

        Assert.Equal("tok-1", token);
        var request = Assert.Single(handler.Requests);
        Assert.Equal("/v2.0/article/create", request.Path);
        using var json = JsonDocument.Parse(request.Body);
        var root = json.RootElement;
        Assert.Equal("normal", root.GetProperty("type").GetString());
        Assert.Equal("UBND xã Gia Viễn", root.GetProperty("author").GetString());
        Assert.Equal("photo", root.GetProperty("cover").GetProperty("cover_type").GetString());
        Assert.Equal("https://cdn.test/%E1%BA%A3nh%20b%C3%ACa.jpg", root.GetProperty("cover").GetProperty("photo_url").GetString());
        var body = root.GetProperty("body").EnumerateArray().ToArray();
        Assert.Equal(["text", "image", "video", "product"], body.Select(b => b.GetProperty("type").GetString()));
        Assert.Equal("https://cdn.test/b%E1%BA%A3n%20%C4%91%E1%BB%93.png", body[1].GetProperty("url").GetString());
        Assert.Equal("video-9", body[2].GetProperty("video_id").GetString());
        Assert.Equal("42", body[3].GetProperty("id").GetString());
        Assert.Equal("show", root.GetProperty("status").GetString());
        Assert.Contains("Bà con lưu ý.", request.Body, StringComparison.Ordinal); // UTF-8 as itself, not \u escapes
    }

    [Fact]
    public async Task A_video_article_carries_its_video_and_thumbnail()
    {
        var handler = new StubZaloHandler((_, _) => Token());
        var article = ZaloArticleRequest.CreateVideo("Hướng dẫn thủ tục", "Video hướng dẫn.", "video-1", new Uri("https://cdn.test/ảnh.jpg"), visible: false);

        await Client(handler).CreateArticleAsync(article);

        using var json = JsonDocument.Parse(Assert.Single(handler.Requests).Body);
        Assert.Equal("video", json.RootElement.GetProperty("type").GetString());
        Assert.Equal("video-1", json.RootElement.GetProperty("video_id").GetString());
        Assert.Equal("https://cdn.test/%E1%BA%A3nh.jpg", json.RootElement.GetProperty("avatar").GetString());
        Assert.Equal("hide", json.RootElement.GetProperty("status").GetString());
        Assert.False(json.RootElement.TryGetProperty("author", out _));
    }

    [Fact]
    public async Task Creation_is_at_most_once_but_update_and_remove_are_repeated_after_a_server_error()
    {
        var create = new StubZaloHandler((_, _) => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable));
        await Assert.ThrowsAsync<ZaloOutcomeUnknownException>(() => Client(create).CreateArticleAsync(Article()));
        Assert.Single(create.Requests);

        var time = new FakeTimeProvider(Now);
        var update = new StubZaloHandler((_, n) => n == 1 ? new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) : Token("tok-2"));
        Assert.Equal("tok-2", await FakeClock.Pump(time, Client(update, time).UpdateArticleAsync("article-1", Article()), TimeSpan.FromMilliseconds(5)));
        Assert.Equal(2, update.Requests.Count);
        Assert.All(update.Requests, r => Assert.Contains("\"id\":\"article-1\"", r.Body, StringComparison.Ordinal));

        var remove = new StubZaloHandler((_, n) => n == 1 ? new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) : StubZaloHandler.Json("""{"error":0,"message":"Success"}"""));
        Assert.True(await FakeClock.Pump(time, Client(remove, time).RemoveArticleAsync("article-1").ContinueWith(t => t.IsCompletedSuccessfully, TaskScheduler.Default), TimeSpan.FromMilliseconds(5)));
        Assert.Equal(2, remove.Requests.Count);
        Assert.Equal("/v2.0/article/remove", remove.Requests.Last().Path);
    }

    [Fact]
    public async Task A_page_is_read_with_its_counters_and_the_page_size_is_checked()
    {
        var handler = new StubZaloHandler((_, _) => StubZaloHandler.Json("""
            {"error":0,"message":"Success","data":{"total":11,"medias":[
              {"id":"a1","type":"normal","title":"Tin một","status":"show","total_view":"120","total_share":7,"create_date":1764122400000,"update_date":1764122400000,"thumb":"https://cdn.test/a.jpg","link":"https://zalo.me/a1"}]}}
            """));
        var client = Client(handler);

        var page = await client.GetArticlePageAsync(10, 10);

        Assert.Equal(11, page.Total);
        var article = Assert.Single(page.Articles);
        Assert.Equal(("a1", "Tin một", 120L, 7L), (article.Id, article.Title, article.Views, article.Shares));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1764122400000), article.CreatedAt);
        Assert.Equal("offset=10&limit=10&type=normal", Assert.Single(handler.Requests).Query.TrimStart('?'));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.GetArticlePageAsync(0, 11));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.GetArticlePageAsync(-1, 10));
        Assert.Single(handler.Requests);
    }

    [Fact]
    public void Paragraphs_are_separated_by_blank_lines()
    {
        var items = ZaloArticleBodyItem.CreateParagraphs("  Dòng một\r\ndòng hai  \r\n\r\n \t \nĐoạn hai\n\n\n");

        Assert.Equal(["Dòng một\ndòng hai", "Đoạn hai"], items.Select(i => i.Text));
        Assert.All(items, i => Assert.Equal(ZaloArticleBodyItemKind.Text, i.Kind));
        Assert.Empty(ZaloArticleBodyItem.CreateParagraphs("\n \n"));
    }

    [Fact]
    public void A_bulletin_becomes_an_article_whose_body_carries_its_images_and_files()
    {
        var bulletin = Bulletin.CreateBuilder()
            .WithTitle("Thông báo lịch tiêm chủng")
            .WithBody("Trạm y tế xã thông báo lịch tiêm.\n\nBà con mang theo sổ tiêm.")
            .WithIssuingAgency("UBND xã Gia Viễn")
            .WithTopics("y-te")
            .WithTargetAreas("14329")
            .WithAttachment(new BulletinAttachment(new Uri("https://cdn.test/lịch tiêm.png"), "image/png", 1000))
            .WithAttachment(new BulletinAttachment(new Uri("https://cdn.test/công văn 12.pdf"), "application/pdf", 2000))
            .WithAttachment(new BulletinAttachment(new Uri("https://cdn.test/hướng dẫn.mp4"), "video/mp4", 3000))
            .Build();

        var article = ZaloArticleRequest.FromBulletin(bulletin);

        Assert.Equal("Thông báo lịch tiêm chủng", article.Title);
        Assert.Equal("UBND xã Gia Viễn", article.Author);
        Assert.Equal("https://cdn.test/l%E1%BB%8Bch%20ti%C3%AAm.png", article.Cover!.PhotoUrl);
        Assert.Equal(
            [ZaloArticleBodyItemKind.Text, ZaloArticleBodyItemKind.Text, ZaloArticleBodyItemKind.Image, ZaloArticleBodyItemKind.Text, ZaloArticleBodyItemKind.Video],
            article.Body.Select(b => b.Kind));
        Assert.Equal("Bà con mang theo sổ tiêm.", article.Body[1].Text);
        Assert.Equal("https://cdn.test/l%E1%BB%8Bch%20ti%C3%AAm.png", article.Body[2].Url);
        Assert.Equal("Tệp đính kèm: công văn 12.pdf — https://cdn.test/c%C3%B4ng%20v%C4%83n%2012.pdf", article.Body[3].Text);
        Assert.Equal("https://cdn.test/h%C6%B0%E1%BB%9Bng%20d%E1%BA%ABn.mp4", article.Body[4].Url);
        Assert.StartsWith("Trạm y tế xã thông báo lịch tiêm.", article.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bulletin_without_an_image_needs_a_cover_and_a_long_body_is_shortened_as_the_description()
    {
        var bulletin = Bulletin.CreateBuilder()
            .WithTitle("Thông báo")
            .WithBody(string.Join(" ", Enumerable.Repeat("thông báo", 80)))
            .WithIssuingAgency("UBND xã Gia Viễn")
            .WithTopics("y-te")
            .WithTargetAreas("14329")
            .Build();

        var error = Assert.Throws<ArgumentException>(() => ZaloArticleRequest.FromBulletin(bulletin));
        Assert.Equal("cover", error.ParamName);

        var article = ZaloArticleRequest.FromBulletin(bulletin, Cover);
        Assert.True(article.Description.Length <= ZaloArticleLimits.MaxDescriptionLength);
        Assert.EndsWith("báo…", article.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void The_model_factory_builds_article_models_for_tests_of_code_that_uses_the_sdk()
    {
        var summary = ZaloModelFactory.ZaloArticleSummary("a1", "Tin", views: 5, shares: 2);
        var page = ZaloModelFactory.ZaloArticlePage([summary], offset: 10);
        var detail = ZaloModelFactory.ZaloArticleDetail("a1", "Tin", views: 5, author: "UBND", body: [ZaloArticleBodyItem.CreateText("x")]);

        Assert.Equal(("a1", "Tin", 5L, 2L), (summary.Id, summary.Title, summary.Views, summary.Shares));
        Assert.Equal((11, 10), (page.Total, page.Offset));
        Assert.Equal(("UBND", 1), (detail.Author, detail.Body.Count));
    }
}
