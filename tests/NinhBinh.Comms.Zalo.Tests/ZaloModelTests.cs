using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Reflection;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;

namespace NinhBinh.Comms.Zalo.Tests;

/// <summary>The 1.0 shape of the Zalo API: read-only models and their factory, enums on the wire, instants, error statuses.</summary>
public class ZaloModelTests
{
    private const string Oa = "oa-1";
    private const string User = "8451234567890123456";
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.FromHours(7));

    private static readonly Type[] ResponseModels =
    {
        typeof(ZaloMessageResult), typeof(ZaloFollowerPage), typeof(ZaloUserProfile), typeof(ZaloUserQuota), typeof(ZaloQuota),
        typeof(ZaloOfficialAccountInfo), typeof(ZaloAuthorizationRequest), typeof(ZaloTokenSet), typeof(ZaloUploadResult),
        typeof(ZaloZnsResult), typeof(ZaloZnsTemplate), typeof(ZaloZnsTemplateParameter), typeof(ZaloZnsMessageStatus), typeof(ZaloZnsQuota),
        typeof(ZaloArticleSummary), typeof(ZaloArticlePage), typeof(ZaloArticleDetail), typeof(ZaloBroadcastResult),
    };

    private static ZaloClientFactory Create(StubZaloHandler handler, Action<ZaloClientOptions>? configure = null)
    {
        var time = new FakeTimeProvider(Now);
        var options = new ZaloClientOptions
        {
            AppId = "app-1",
            AppSecret = "app-secret-VALUE-123",
            OpenApiBaseUrl = new Uri("http://openapi.test/"),
            OAuthBaseUrl = new Uri("http://oauth.test/"),
        };
        configure?.Invoke(options);
        var store = new InMemoryZaloTokenStore();
        var issued = time.GetUtcNow();
        store.SaveAsync(Oa, new ZaloTokenSet("access-1", "refresh-1", issued.AddHours(25), issued.AddDays(90), issued)).GetAwaiter().GetResult();
        return new ZaloClientFactory(options, store, time, null, handler);
    }

    private static HttpResponseMessage Sent() => StubZaloHandler.Json($$$$"""{"error":0,"message":"Success","data":{"message_id":"msg-1","user_id":"{{{{User}}}}"}}""");

    [Fact]
    public void Every_model_the_clients_return_is_in_the_model_factory()
    {
        var returned = new[] { typeof(ZaloOfficialAccountClient), typeof(ZaloAuthorizationClient), typeof(IZaloTokenStore) }
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Select(m => Unwrap(m.ReturnType))
            .Where(t => t.Namespace == typeof(ZaloException).Namespace && t.IsClass)
            .Distinct()
            .ToList();
        var built = typeof(ZaloModelFactory).GetMethods(BindingFlags.Public | BindingFlags.Static).Select(m => m.ReturnType).ToList();

        Assert.NotEmpty(returned);
        Assert.Empty(returned.Except(built));
        Assert.Empty(returned.Except(ResponseModels));
    }

    [Fact]
    public void Response_models_are_read_only()
    {
        foreach (var model in ResponseModels)
        {
            Assert.True(model.IsSealed, model.Name + " is sealed");
            Assert.All(model.GetProperties(), p => Assert.True(p.SetMethod is null || !p.SetMethod.IsPublic, $"{model.Name}.{p.Name} has a public setter or init"));
        }

        // The SDK builds these; users build them through ZaloModelFactory (ZaloTokenSet keeps its constructor for custom token stores).
        Assert.All(ResponseModels.Where(t => t != typeof(ZaloTokenSet)), t => Assert.Empty(t.GetConstructors()));
    }

    [Fact]
    public void Every_instant_in_the_public_api_is_a_DateTimeOffset()
    {
        const BindingFlags Public = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var uses = new List<string>();
        foreach (var type in typeof(ZaloException).Assembly.GetExportedTypes())
        {
            uses.AddRange(type.GetProperties(Public).Where(p => IsDateTime(p.PropertyType)).Select(p => $"{type.Name}.{p.Name}"));
            uses.AddRange(type.GetFields(Public).Where(f => IsDateTime(f.FieldType)).Select(f => $"{type.Name}.{f.Name}"));
            foreach (var method in type.GetMethods(Public).Cast<MethodBase>().Concat(type.GetConstructors()))
            {
                uses.AddRange(method.GetParameters().Where(p => IsDateTime(p.ParameterType)).Select(p => $"{type.Name}.{method.Name}({p.Name})"));
                if (method is MethodInfo info && IsDateTime(Unwrap(info.ReturnType)))
                {
                    uses.Add($"{type.Name}.{method.Name} returns DateTime");
                }
            }
        }

        Assert.Empty(uses);

        static bool IsDateTime(Type t) => (Nullable.GetUnderlyingType(t) ?? t) == typeof(DateTime);
    }

    [Fact]
    public void The_model_factory_builds_every_model_with_every_property()
    {
        var at = new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.FromHours(7));

        var sent = ZaloModelFactory.ZaloMessageResult("msg-9", User);
        Assert.Equal(("msg-9", User), (sent.MessageId, sent.UserId));

        var page = ZaloModelFactory.ZaloFollowerPage(new[] { "1", "2" }, total: 120, offset: 50);
        Assert.Equal((120, 50), (page.Total, page.Offset));
        Assert.Equal(new[] { "1", "2" }, page.UserIds);
        var lastPage = ZaloModelFactory.ZaloFollowerPage(new[] { "1", "2" }, offset: 50);
        Assert.Equal(52, lastPage.Total);
        Assert.Empty(ZaloModelFactory.ZaloFollowerPage().UserIds);

        var shared = new ZaloSharedInfo { Name = "Lan" };
        var profile = ZaloModelFactory.ZaloUserProfile(User, "app-user", "Lan", "chị Lan", isFollower: true, isSensitive: true, lastInteractionDate: at,
            avatar: "https://x.example/a.png", tags: new[] { "thon-1" }, sharedInfo: shared);
        Assert.Equal(User, profile.UserId);
        Assert.Equal("app-user", profile.UserIdByApp);
        Assert.Equal("Lan", profile.DisplayName);
        Assert.Equal("chị Lan", profile.Alias);
        Assert.True(profile.IsFollower);
        Assert.True(profile.IsSensitive);
        Assert.Equal(at, profile.LastInteractionDate);
        Assert.Equal("https://x.example/a.png", profile.Avatar);
        Assert.Equal(new[] { "thon-1" }, profile.Tags);
        Assert.Same(shared, profile.SharedInfo);
        var bare = ZaloModelFactory.ZaloUserProfile(User);
        Assert.Empty(bare.Tags);
        Assert.NotNull(bare.SharedInfo);
        Assert.Null(bare.LastInteractionDate);

        var userQuota = ZaloModelFactory.ZaloUserQuota(at, 1, 2, 3, 4, 5, 6);
        Assert.Equal((at, 1, 2, 3, 4, 5, 6), (userQuota.LastInteraction, userQuota.ConsultationRemaining, userQuota.ConsultationTotal,
            userQuota.PromotionDailyRemaining, userQuota.PromotionDailyTotal, userQuota.PromotionMonthlyRemaining, userQuota.PromotionMonthlyTotal));

        var quota = ZaloModelFactory.ZaloQuota("promotion", 10, 7, "msg-1");
        Assert.Equal(("promotion", 10, 7, "msg-1"), (quota.Type, quota.Total, quota.Remaining, quota.MessageId));

        var info = ZaloModelFactory.ZaloOfficialAccountInfo(Oa, "UBND xã Gia Viễn", "mô tả", "giavien", isVerified: true, oaTypeCode: 4,
            categoryName: "Cơ quan nhà nước", followerCount: 1234, avatar: "https://x.example/oa.png", packageName: "gov");
        Assert.Equal((Oa, "UBND xã Gia Viễn", "mô tả", "giavien", true, 4), (info.OaId, info.Name, info.Description, info.Alias, info.IsVerified, info.OaTypeCode));
        Assert.Equal(("Cơ quan nhà nước", 1234L, "https://x.example/oa.png", "gov"), (info.CategoryName, info.FollowerCount, info.Avatar, info.PackageName));
        Assert.Equal(ZaloOfficialAccountType.GovernmentBody, info.OaType);

        var url = new Uri("https://oauth.example/v4/oa/permission?app_id=1");
        var request = ZaloModelFactory.ZaloAuthorizationRequest(url, "st-1", new string('v', 43), verifierGenerated: false);
        Assert.Equal((url, "st-1", new string('v', 43), false), (request.Url, request.State, request.CodeVerifier, request.VerifierGenerated));

        var tokens = ZaloModelFactory.ZaloTokenSet("a", "r", at.AddHours(25), at.AddDays(90), at);
        Assert.Equal(("a", "r", at.AddHours(25), at.AddDays(90), at), (tokens.AccessToken, tokens.RefreshToken, tokens.AccessTokenExpiresAt, tokens.RefreshTokenExpiresAt, tokens.IssuedAt));
    }

    [Fact]
    public void The_model_factory_refuses_missing_identities()
    {
        Assert.Equal("messageId", Assert.Throws<ArgumentException>(() => ZaloModelFactory.ZaloMessageResult(" ")).ParamName);
        Assert.Equal("userId", Assert.Throws<ArgumentNullException>(() => ZaloModelFactory.ZaloUserProfile(null!)).ParamName);
        Assert.Equal("oaId", Assert.Throws<ArgumentException>(() => ZaloModelFactory.ZaloOfficialAccountInfo("")).ParamName);
    }

    [Fact]
    public async Task Factory_models_stand_in_for_the_client_in_tests_of_user_code()
    {
        var oa = Substitute.For<ZaloOfficialAccountClient>();
        oa.GetUserAsync(User).Returns(ZaloModelFactory.ZaloUserProfile(User, displayName: "Lan", isFollower: true));

        var profile = await oa.GetUserAsync(User);

        Assert.Equal("Lan", profile.DisplayName);
        Assert.True(profile.IsFollower);
    }

    [Theory]
    [InlineData(ZaloButtonType.OpenUrl, "oa.open.url")]
    [InlineData(ZaloButtonType.QueryShow, "oa.query.show")]
    [InlineData(ZaloButtonType.QueryHide, "oa.query.hide")]
    [InlineData(ZaloButtonType.OpenSms, "oa.open.sms")]
    [InlineData(ZaloButtonType.OpenPhone, "oa.open.phone")]
    public async Task Each_button_type_goes_on_the_wire_as_zalos_name(ZaloButtonType type, string wireName)
    {
        var button = type switch
        {
            ZaloButtonType.OpenUrl => ZaloButton.OpenUrl("Xem", new Uri("https://x.example/")),
            ZaloButtonType.QueryShow => ZaloButton.QueryShow("Hỏi", "#lich"),
            ZaloButtonType.QueryHide => ZaloButton.QueryHide("Hỏi", "#lich"),
            ZaloButtonType.OpenSms => ZaloButton.OpenSms("Nhắn", "+84912345678", "DK"),
            ZaloButtonType.OpenPhone => ZaloButton.OpenPhone("Gọi", "02293871234"),
            _ => throw new ArgumentOutOfRangeException(nameof(type)),
        };
        Assert.Equal(type, button.Type);
        var handler = new StubZaloHandler((_, _) => Sent());
        using var factory = Create(handler);
        var row = new ZaloListElement("Lịch tiếp dân", defaultAction: button);

        await factory.GetClient(Oa).SendConsultationAsync(ZaloRecipient.User(User), ZaloMessage.CreateList(new[] { row }, new[] { button }));

        using var body = JsonDocument.Parse(Assert.Single(handler.Requests).Body);
        var payload = body.RootElement.GetProperty("message").GetProperty("attachment").GetProperty("payload");
        Assert.Equal(wireName, payload.GetProperty("buttons")[0].GetProperty("type").GetString());
        Assert.Equal(wireName, payload.GetProperty("elements")[0].GetProperty("default_action").GetProperty("type").GetString());
    }

    [Fact]
    public void Every_button_type_is_covered_by_the_wire_test()
        => Assert.Equal(5, Enum.GetValues<ZaloButtonType>().Length);

    [Fact]
    public void Each_message_factory_gives_its_kind()
    {
        var png = new Uri("https://x.example/a.png");
        var gif = new Uri("https://x.example/a.gif");
        var kinds = new Dictionary<ZaloMessageKind, ZaloMessage[]>
        {
            [ZaloMessageKind.Text] = new[] { ZaloMessage.CreateText("Xin chào") },
            [ZaloMessageKind.Image] = new[] { ZaloMessage.CreateImage(png), ZaloMessage.CreateImageFromAttachment("att-1") },
            [ZaloMessageKind.Gif] = new[] { ZaloMessage.CreateGif(gif, 10, 10), ZaloMessage.CreateGifFromAttachment("att-2", 10, 10) },
            [ZaloMessageKind.File] = new[] { ZaloMessage.CreateFile("file-token") },
            [ZaloMessageKind.List] = new[] { ZaloMessage.CreateList(new[] { new ZaloListElement("Hàng") }) },
            [ZaloMessageKind.RequestUserInfo] = new[] { ZaloMessage.CreateRequestUserInfo("Đăng ký", "Chia sẻ", png) },
            [ZaloMessageKind.Template] = new[] { ZaloMessage.CreateTemplate("tpl-1", new Dictionary<string, string> { ["ten"] = "Lan" }) },
        };

        Assert.Equal(Enum.GetValues<ZaloMessageKind>().OrderBy(k => k), kinds.Keys.OrderBy(k => k));
        foreach (var (kind, messages) in kinds)
        {
            Assert.All(messages, m => Assert.Equal(kind, m.Kind));
        }
    }

    [Fact]
    public async Task A_template_message_is_refused_by_the_other_sends_before_any_request()
    {
        var handler = new StubZaloHandler((_, _) => Sent());
        using var factory = Create(handler);

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => factory.GetClient(Oa).SendConsultationAsync(ZaloRecipient.User(User),
            ZaloMessage.CreateTemplate("tpl-1", new Dictionary<string, string> { ["ten"] = "Lan" })));

        Assert.Equal("message", ex.ParamName);
        Assert.Equal(0, handler.Count);
    }

    [Theory]
    [InlineData("2026-11-25T08:00:00+07:00", "2026-11-25T08:00:00+07:00")]
    [InlineData("2026-11-25T01:00:00Z", "2026-11-25T08:00:00+07:00")]
    [InlineData("2026-11-25T08:00:00", "2026-11-25T08:00:00+07:00")]
    [InlineData("2026-11-25 08:00:00", "2026-11-25T08:00:00+07:00")]
    [InlineData("25/11/2026 08:00:00", "2026-11-25T08:00:00+07:00")]
    [InlineData("25/11/2026", "2026-11-25T00:00:00+07:00")]
    [InlineData("1795568400000", "2026-11-25T08:00:00+07:00")]
    [InlineData("1795568400", "2026-11-25T08:00:00+07:00")]
    public async Task Last_interaction_instants_are_read_with_vietnam_time_when_zalo_gives_no_offset(string wire, string expected)
    {
        var handler = new StubZaloHandler((_, _) => StubZaloHandler.Json($$$$"""{"error":0,"data":{"last_interaction":"{{{{wire}}}}","cs_reply":{"remain":1,"total":8}}}"""));
        using var factory = Create(handler);

        var quota = await factory.GetClient(Oa).GetUserQuotaAsync(User);

        var instant = DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(instant, quota.LastInteraction);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a time")]
    public async Task Missing_or_unreadable_instants_are_null(string wire)
    {
        var handler = new StubZaloHandler((_, _) => StubZaloHandler.Json($$$$"""{"error":0,"data":{"last_interaction":"{{{{wire}}}}","user_last_interaction_date":"{{{{wire}}}}","user_id":"{{{{User}}}}"}}"""));
        using var factory = Create(handler);
        var oa = factory.GetClient(Oa);

        Assert.Null((await oa.GetUserQuotaAsync(User)).LastInteraction);
        Assert.Null((await oa.GetUserAsync(User)).LastInteractionDate);
    }

    [Fact]
    public async Task The_last_interaction_date_is_the_start_of_that_day_in_vietnam()
    {
        var handler = new StubZaloHandler((_, _) => StubZaloHandler.Json($$$$"""{"error":0,"data":{"user_id":"{{{{User}}}}","user_last_interaction_date":"01/12/2026"}}"""));
        using var factory = Create(handler);

        var date = (await factory.GetClient(Oa).GetUserAsync(User)).LastInteractionDate;

        Assert.Equal(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.FromHours(7)), date);
        Assert.Equal(TimeSpan.FromHours(7), date!.Value.Offset);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 17, 0, 0, TimeSpan.Zero), date.Value.ToUniversalTime());
    }

    [Fact]
    public async Task Errors_from_an_http_200_envelope_carry_status_200()
    {
        var handler = new StubZaloHandler((_, _) => StubZaloHandler.Json("""{"error":-230,"message":"User has not interacted in 7 days"}"""));
        using var factory = Create(handler);

        var ex = await Assert.ThrowsAsync<ZaloInteractionWindowException>(() => factory.GetClient(Oa).SendTextAsync(User, "hi"));

        Assert.Equal(200, ex.Status);
        Assert.Equal(-230, ex.ZaloCode);
    }

    [Fact]
    public async Task Errors_from_an_envelope_with_another_2xx_status_carry_that_status()
    {
        var handler = new StubZaloHandler((_, _) => StubZaloHandler.Json("""{"error":-201,"message":"Parameter invalid"}""", System.Net.HttpStatusCode.Accepted));
        using var factory = Create(handler);

        var ex = await Assert.ThrowsAsync<ZaloInvalidRequestException>(() => factory.GetClient(Oa).GetTagsAsync());

        Assert.Equal(202, ex.Status);
    }

    [Fact]
    public async Task OAuth_errors_carry_status_200_through_the_reauthorization_error()
    {
        var handler = new StubZaloHandler((_, _) => StubZaloHandler.Json("""{"error":-14014,"error_name":"Invalid refresh token","error_description":"Refresh token is invalid"}"""));
        using var factory = Create(handler);

        var refresh = await Assert.ThrowsAsync<ZaloReauthorizationRequiredException>(() => factory.Authorization.RefreshAsync(Oa));
        var exchange = await Assert.ThrowsAsync<ZaloReauthorizationRequiredException>(() => factory.Authorization.ExchangeCodeAsync("oa-2", "code-1", new string('v', 43)));

        Assert.Equal(200, refresh.Status);
        Assert.Equal(-14014, refresh.ZaloCode);
        Assert.Equal(200, exchange.Status);
    }

    [Fact]
    public void FromCode_keeps_the_status_it_is_given()
    {
        Assert.Equal(200, ZaloException.FromCode(-216, "x", "oa-1", 200).Status);
        Assert.Equal(200, ZaloException.FromCode(-205, "x", status: 200).Status);
        Assert.Equal(0, ZaloException.FromCode(-205, "x").Status);
    }

    [Fact]
    public async Task A_base_url_with_a_path_keeps_its_path()
    {
        var handler = new StubZaloHandler((_, _) => Sent());
        using var factory = Create(handler, o => o.OpenApiBaseUrl = new Uri("http://gateway.test/zalo"));

        await factory.GetClient(Oa).SendTextAsync(User, "hi");

        Assert.Equal("/zalo/v3.0/oa/message/cs", Assert.Single(handler.Requests).Path);
    }

    private static Type Unwrap(Type type)
    {
        while (type.IsGenericType && type.GetGenericTypeDefinition() is var d
            && (d == typeof(Task<>) || d == typeof(IAsyncEnumerable<>) || d == typeof(IReadOnlyList<>)))
        {
            type = type.GetGenericArguments()[0];
        }

        return type;
    }
}
