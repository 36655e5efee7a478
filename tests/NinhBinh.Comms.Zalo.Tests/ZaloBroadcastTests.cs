using System;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;

namespace NinhBinh.Comms.Zalo.Tests;

public class ZaloBroadcastTests
{
    private const string Oa = "oa-1";
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.FromHours(7));

    private static ZaloOfficialAccountClient Client(StubZaloHandler handler, ZaloBroadcastTargetEncoding? encoding = null)
    {
        var time = new FakeTimeProvider(Now);
        var options = new ZaloClientOptions
        {
            AppId = "app-1",
            AppSecret = "app-secret-VALUE-123",
            OpenApiBaseUrl = new Uri("http://openapi.test/"),
            OAuthBaseUrl = new Uri("http://oauth.test/"),
            Retry = new ZaloRetryOptions { BaseDelay = TimeSpan.FromMilliseconds(5), MaxDelay = TimeSpan.FromMilliseconds(100) },
        };
        if (encoding is { } e)
        {
            options.BroadcastTargetEncoding = e;
        }

        var store = new InMemoryZaloTokenStore();
        store.SaveAsync(Oa, new ZaloTokenSet("access-1", "refresh-1", Now.AddHours(25), Now.AddDays(90), Now)).GetAwaiter().GetResult();
        return new ZaloClientFactory(options, store, time, null, handler).GetClient(Oa);
    }

    private static StubZaloHandler Broadcasting() => new((_, _) => StubZaloHandler.Json("""{"error":0,"message":"Success","data":{"message_id":"bc-1"}}"""));

    private static readonly ZaloBroadcastTarget Target = new()
    {
        Ages = [ZaloBroadcastAgeGroup.From35To44, ZaloBroadcastAgeGroup.From25To34],
        Gender = ZaloBroadcastGender.Female,
        Locations = [ZaloBroadcastRegion.North],
        Cities = ["37", "01"],
        Platforms = [ZaloBroadcastPlatform.Android, ZaloBroadcastPlatform.Ios],
    };

    [Theory]
    [InlineData(null, """{"ages":"3,4","gender":"2","locations":"0","cities":"1,37","platform":"1,2"}""")]
    [InlineData(ZaloBroadcastTargetEncoding.CommaSeparatedStrings, """{"ages":"3,4","gender":"2","locations":"0","cities":"1,37","platform":"1,2"}""")]
    [InlineData(ZaloBroadcastTargetEncoding.IntegerArrays, """{"ages":[3,4],"gender":[2],"locations":[0],"cities":[1,37],"platform":[1,2]}""")]
    public async Task Each_target_encoding_goes_on_the_wire_as_configured(ZaloBroadcastTargetEncoding? encoding, string expectedTarget)
    {
        var handler = Broadcasting();

        var result = await Client(handler, encoding).BroadcastArticleAsync("article-9", Target);

        Assert.Equal("bc-1", result.MessageId);
        Assert.Equal("article-9", result.ArticleId);
        var request = Assert.Single(handler.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v2.0/oa/message", request.Path);
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal(expectedTarget, body.RootElement.GetProperty("recipient").GetProperty("target").GetRawText());
        var element = body.RootElement.GetProperty("message").GetProperty("attachment").GetProperty("payload").GetProperty("elements")[0];
        Assert.Equal("article", element.GetProperty("media_type").GetString());
        Assert.Equal("article-9", element.GetProperty("attachment_id").GetString());
        Assert.Equal("media", body.RootElement.GetProperty("message").GetProperty("attachment").GetProperty("payload").GetProperty("template_type").GetString());
    }

    [Fact]
    public async Task The_integers_encoding_writes_one_number_per_field()
    {
        var handler = Broadcasting();
        var target = new ZaloBroadcastTarget { Ages = [ZaloBroadcastAgeGroup.From65], Gender = ZaloBroadcastGender.Male, Cities = ["37"], Platforms = [ZaloBroadcastPlatform.Android] };

        await Client(handler, ZaloBroadcastTargetEncoding.Integers).BroadcastArticleAsync("article-9", target);

        using var body = JsonDocument.Parse(Assert.Single(handler.Requests).Body);
        Assert.Equal("""{"ages":7,"gender":1,"cities":37,"platform":2}""", body.RootElement.GetProperty("recipient").GetProperty("target").GetRawText());
    }

    [Theory]
    [InlineData(ZaloBroadcastTargetEncoding.CommaSeparatedStrings, """{"gender":"0"}""")]
    [InlineData(ZaloBroadcastTargetEncoding.IntegerArrays, """{"gender":[0]}""")]
    [InlineData(ZaloBroadcastTargetEncoding.Integers, """{"gender":0}""")]
    public async Task No_target_reaches_every_follower(ZaloBroadcastTargetEncoding encoding, string expectedTarget)
    {
        var handler = Broadcasting();

        await Client(handler, encoding).BroadcastArticleAsync("article-9");

        using var body = JsonDocument.Parse(Assert.Single(handler.Requests).Body);
        Assert.Equal(expectedTarget, body.RootElement.GetProperty("recipient").GetProperty("target").GetRawText());
    }

    public static TheoryData<ZaloBroadcastTarget, string> BadTargets => new()
    {
        { new ZaloBroadcastTarget { Ages = [] }, "target.Ages is empty" },
        { new ZaloBroadcastTarget { Locations = [] }, "target.Locations is empty" },
        { new ZaloBroadcastTarget { Platforms = [] }, "target.Platforms is empty" },
        { new ZaloBroadcastTarget { Cities = [] }, "target.Cities is empty" },
        { new ZaloBroadcastTarget { Cities = ["99"] }, "target.Cities contains '99', which is not the code of one of the 34 provinces" },
        { new ZaloBroadcastTarget { Cities = ["35"] }, "target.Cities contains '35'" }, // Hà Nam: merged into Ninh Bình on 2025-07-01
        { new ZaloBroadcastTarget { Ages = [(ZaloBroadcastAgeGroup)8] }, "target.Ages contains 8; the codes are 0–7" },
        { new ZaloBroadcastTarget { Gender = (ZaloBroadcastGender)3 }, "target.Gender is 3" },
        { new ZaloBroadcastTarget { Platforms = [(ZaloBroadcastPlatform)0] }, "target.Platforms contains 0" },
        { new ZaloBroadcastTarget { Locations = [(ZaloBroadcastRegion)5] }, "target.Locations contains 5" },
    };

    [Theory]
    [MemberData(nameof(BadTargets))]
    public async Task A_bad_target_is_refused_naming_the_field_before_anything_is_sent(ZaloBroadcastTarget target, string expected)
    {
        var handler = Broadcasting();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Client(handler).BroadcastArticleAsync("article-9", target));

        Assert.Equal("target", error.ParamName);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task The_integers_encoding_refuses_a_field_with_several_values()
    {
        var handler = Broadcasting();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Client(handler, ZaloBroadcastTargetEncoding.Integers).BroadcastArticleAsync("article-9", Target));

        Assert.Contains("target.Ages has 2 values, but the Integers target encoding carries one value per field", error.Message, StringComparison.Ordinal);
        Assert.Contains("target.Cities has 2 values", error.Message, StringComparison.Ordinal);
        Assert.Empty(handler.Requests);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public async Task An_empty_article_id_is_refused(string articleId)
    {
        var handler = Broadcasting();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Client(handler).BroadcastArticleAsync(articleId));

        Assert.Equal("articleId", error.ParamName);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task Out_of_quota_is_typed_and_a_broadcast_is_never_repeated_after_a_server_error()
    {
        var quota = new StubZaloHandler((_, _) => StubZaloHandler.Json("""{"error":-211,"message":"Out of quota"}"""));
        var error = await Assert.ThrowsAsync<ZaloQuotaExhaustedException>(() => Client(quota).BroadcastArticleAsync("article-9"));
        Assert.Equal(-211, error.ZaloCode);

        var failing = new StubZaloHandler((_, _) => new HttpResponseMessage(System.Net.HttpStatusCode.BadGateway));
        await Assert.ThrowsAsync<ZaloOutcomeUnknownException>(() => Client(failing).BroadcastArticleAsync("article-9"));
        Assert.Single(failing.Requests);
    }
}
