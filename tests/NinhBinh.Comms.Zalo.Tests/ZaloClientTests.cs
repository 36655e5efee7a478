using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace NinhBinh.Comms.Zalo.Tests;

public class ZaloClientTests
{
    private const string Oa = "oa-1";
    private const string User = "8451234567890123456";
    private const string Secret = "app-secret-VALUE-123";
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.FromHours(7));

    private static (ZaloClientFactory Factory, InMemoryZaloTokenStore Store) Create(StubZaloHandler handler, TimeProvider? time = null,
        Action<ZaloClientOptions>? configure = null, ILoggerFactory? loggerFactory = null)
    {
        time ??= new FakeTimeProvider(Now);
        var options = new ZaloClientOptions
        {
            AppId = "app-1",
            AppSecret = Secret,
            OpenApiBaseUrl = new Uri("http://openapi.test/"),
            OAuthBaseUrl = new Uri("http://oauth.test/"),
            Retry = new ZaloRetryOptions { BaseDelay = TimeSpan.FromMilliseconds(5), MaxDelay = TimeSpan.FromMilliseconds(100) },
        };
        configure?.Invoke(options);
        var store = new InMemoryZaloTokenStore();
        var issued = time.GetUtcNow();
        store.SaveAsync(Oa, new ZaloTokenSet("access-1", "refresh-1", issued.AddHours(25), issued.AddDays(90), issued)).GetAwaiter().GetResult();
        return (new ZaloClientFactory(options, store, time, loggerFactory, handler), store);
    }

    private static HttpResponseMessage Sent(string id = "msg-1") => StubZaloHandler.Json($$$$"""{"error":0,"message":"Success","data":{"message_id":"{{{{id}}}}","user_id":"{{{{User}}}}"}}""");

    private static HttpResponseMessage Error(int code, string message = "error") => StubZaloHandler.Json($$$$"""{"error":{{{{code}}}},"message":"{{{{message}}}}"}""");

    [Fact]
    public async Task SendText_posts_a_consultation_message_with_the_access_token_header()
    {
        var handler = new StubZaloHandler((_, _) => Sent());
        var (factory, _) = Create(handler);

        var result = await factory.GetClient(Oa).SendTextAsync(User, "Xin chào bà con");

        Assert.Equal("msg-1", result.MessageId);
        var request = Assert.Single(handler.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v3.0/oa/message/cs", request.Path);
        Assert.Equal("access-1", request.Header("access_token"));
        Assert.Null(request.Header("appsecret_proof"));
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal(User, body.RootElement.GetProperty("recipient").GetProperty("user_id").GetString());
        Assert.Equal("Xin chào bà con", body.RootElement.GetProperty("message").GetProperty("text").GetString());
        Assert.False(body.RootElement.GetProperty("recipient").TryGetProperty("anonymous_id", out _));
    }

    [Fact]
    public async Task Message_kinds_go_to_their_endpoints_with_their_shapes()
    {
        var handler = new StubZaloHandler((_, _) => Sent());
        var (factory, _) = Create(handler);
        var oa = factory.GetClient(Oa);
        var row = new ZaloListElement("Lịch tiếp dân", "Thứ Năm", new Uri("https://x.example/a.png"), ZaloButton.OpenUrl("Xem", new Uri("https://x.example/")));

        await oa.SendTransactionAsync(ZaloRecipient.User(User), ZaloMessage.CreateList(new[] { row }, new[] { ZaloButton.OpenPhone("Gọi", "02293871234") }));
        await oa.SendPromotionAsync(ZaloRecipient.User(User), ZaloMessage.CreateImage(new Uri("https://x.example/a.png")));
        await oa.SendConsultationAsync(ZaloRecipient.Anonymous("anon-1", "conv-1"), ZaloMessage.CreateText("Chào bạn", quoteMessageId: "m0"));
        await oa.SendTemplateAsync(User, "tpl-1", new Dictionary<string, string> { ["ten"] = "Lan" });

        var requests = handler.Requests.ToArray();
        Assert.Equal(new[] { "/v3.0/oa/message/transaction", "/v3.0/oa/message/promotion", "/v3.0/oa/message/cs", "/v3.0/oa/message/template" }, requests.Select(r => r.Path));
        using var list = JsonDocument.Parse(requests[0].Body);
        var payload = list.RootElement.GetProperty("message").GetProperty("attachment").GetProperty("payload");
        Assert.Equal("list", payload.GetProperty("template_type").GetString());
        Assert.Equal("oa.open.url", payload.GetProperty("elements")[0].GetProperty("default_action").GetProperty("type").GetString());
        Assert.Equal("02293871234", payload.GetProperty("buttons")[0].GetProperty("payload").GetProperty("phone_code").GetString());
        using var image = JsonDocument.Parse(requests[1].Body);
        Assert.Equal("image", image.RootElement.GetProperty("message").GetProperty("attachment").GetProperty("payload").GetProperty("elements")[0].GetProperty("media_type").GetString());
        using var anonymous = JsonDocument.Parse(requests[2].Body);
        Assert.Equal("conv-1", anonymous.RootElement.GetProperty("recipient").GetProperty("conversation_id").GetString());
        Assert.Equal("m0", anonymous.RootElement.GetProperty("message").GetProperty("quote_message_id").GetString());
        using var template = JsonDocument.Parse(requests[3].Body);
        Assert.Equal("Lan", template.RootElement.GetProperty("message").GetProperty("attachment").GetProperty("payload").GetProperty("template_data").GetProperty("ten").GetString());
    }

    [Fact]
    public async Task Bad_input_is_refused_before_any_request()
    {
        var handler = new StubZaloHandler((_, _) => Sent());
        var (factory, _) = Create(handler);
        var oa = factory.GetClient(Oa);

        await Assert.ThrowsAsync<ArgumentException>(() => oa.SendTextAsync(User, new string('x', 2001)));
        await Assert.ThrowsAsync<ArgumentException>(() => oa.SendTextAsync("not-a-user", "hi"));
        await Assert.ThrowsAsync<ArgumentException>(() => oa.SendPromotionAsync(ZaloRecipient.Anonymous("a", "c"), ZaloMessage.CreateText("x")));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => oa.GetFollowerPageAsync(9952, 50));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => oa.GetFollowerPageAsync(0, 51));
        await Assert.ThrowsAsync<ArgumentException>(() => oa.TagFollowerAsync(User, new string('t', 101)));
        Assert.Throws<ArgumentException>(() => factory.GetClient("bad id"));
        Assert.Equal(0, handler.Count);
    }

    [Theory]
    [InlineData(-230, typeof(ZaloInteractionWindowException))]
    [InlineData(-213, typeof(ZaloNotFollowerException))]
    [InlineData(-234, typeof(ZaloNightBanException))]
    [InlineData(-211, typeof(ZaloQuotaExhaustedException))]
    [InlineData(-201, typeof(ZaloInvalidRequestException))]
    [InlineData(-205, typeof(ZaloException))]
    public async Task Http_200_error_envelopes_become_typed_exceptions(int code, Type expected)
    {
        var handler = new StubZaloHandler((_, _) => Error(code));
        var (factory, _) = Create(handler);

        var ex = (ZaloException)await Assert.ThrowsAsync(expected, () => factory.GetClient(Oa).SendTextAsync(User, "hi"));

        Assert.IsType(expected, ex);
        Assert.Equal(code, ex.ZaloCode);
        Assert.Contains(Oa, ex.Message);
        Assert.Contains(code.ToString(System.Globalization.CultureInfo.InvariantCulture), ex.Message);
        Assert.DoesNotContain("access-1", ex.Message);
        Assert.Equal(1, handler.Count);
    }

    [Fact]
    public async Task A_rejected_token_is_refreshed_once_and_the_call_retried_once()
    {
        var handler = new StubZaloHandler((r, n) => r.Path switch
        {
            "/v4/oa/access_token" => StubZaloHandler.Tokens("access-2", "refresh-2"),
            _ when r.Header("access_token") == "access-1" => Error(-216, "Access token is invalid"),
            _ => Sent(),
        });
        var (factory, store) = Create(handler);

        var result = await factory.GetClient(Oa).SendTextAsync(User, "hi");

        Assert.Equal("msg-1", result.MessageId);
        var refresh = Assert.Single(handler.To("/access_token"));
        Assert.Equal(Secret, refresh.Header("secret_key"));
        Assert.Contains("grant_type=refresh_token", refresh.Body);
        Assert.Contains("refresh_token=refresh-1", refresh.Body);
        Assert.Contains("app_id=app-1", refresh.Body);
        Assert.Equal(new[] { "access-1", "access-2" }, handler.To("/message/cs").Select(r => r.Header("access_token")));
        var stored = await store.GetAsync(Oa);
        Assert.Equal("refresh-2", stored!.RefreshToken);
        Assert.Equal(Now.AddSeconds(90000), stored.AccessTokenExpiresAt);
    }

    [Fact]
    public async Task A_token_rejected_again_after_refresh_needs_reauthorization()
    {
        var handler = new StubZaloHandler((r, _) => r.Path == "/v4/oa/access_token" ? StubZaloHandler.Tokens("access-2", "refresh-2") : Error(-220));
        var (factory, _) = Create(handler);

        var ex = await Assert.ThrowsAsync<ZaloReauthorizationRequiredException>(() => factory.GetClient(Oa).SendTextAsync(User, "hi"));

        Assert.Equal(Oa, ex.OaId);
        Assert.Contains("Re-authorization required for OA oa-1", ex.Message);
        Assert.Single(handler.To("/access_token"));
        Assert.Equal(2, handler.To("/message/cs").Count);
    }

    [Fact]
    public async Task A_refused_refresh_token_says_reauthorization_is_required()
    {
        var handler = new StubZaloHandler((r, _) => r.Path == "/v4/oa/access_token"
            ? StubZaloHandler.Json("""{"error":-14014,"error_name":"Invalid refresh token","error_description":"Refresh token is invalid"}""")
            : Error(-216));
        var (factory, store) = Create(handler);

        var ex = await Assert.ThrowsAsync<ZaloReauthorizationRequiredException>(() => factory.GetClient(Oa).GetTagsAsync());

        Assert.Equal(-14014, ex.ZaloCode);
        Assert.Equal(Oa, ex.OaId);
        Assert.Contains("Re-authorization required for OA oa-1", ex.Message);
        Assert.Equal("refresh-1", (await store.GetAsync(Oa))!.RefreshToken);
    }

    [Fact]
    public async Task A_wrong_app_secret_proof_is_a_configuration_error_and_no_refresh()
    {
        var handler = new StubZaloHandler((r, _) => r.Path == "/v4/oa/access_token"
            ? StubZaloHandler.Tokens("access-2", "refresh-2")
            : Error(-242, "appsecret_proof is invalid"));
        var (factory, store) = Create(handler, configure: o => o.UseAppSecretProof = true);

        var ex = await Assert.ThrowsAsync<ZaloConfigurationException>(() => factory.GetClient(Oa).SendTextAsync(User, "hi"));

        Assert.Equal(ZaloErrorKind.Configuration, ex.Kind);
        Assert.Equal(-242, ex.ZaloCode);
        Assert.False(ex.IsTransient);
        Assert.Contains("Zalo refused", ex.Message);
        Assert.Contains("UseAppSecretProof", ex.Message);
        Assert.DoesNotContain("Re-authorization", ex.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Secret, ex.Message);
        Assert.Empty(handler.To("/access_token"));
        Assert.Single(handler.To("/message/cs"));
        Assert.Equal("refresh-1", (await store.GetAsync(Oa))!.RefreshToken);
    }

    [Fact]
    public async Task Tokens_are_refreshed_before_they_expire()
    {
        var time = new FakeTimeProvider(Now);
        var handler = new StubZaloHandler((r, _) => r.Path == "/v4/oa/access_token" ? StubZaloHandler.Tokens("access-2", "refresh-2") : Sent());
        var (factory, _) = Create(handler, time);
        var oa = factory.GetClient(Oa);

        await oa.SendTextAsync(User, "1");
        time.Advance(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(49)); // 11 minutes before expiry: still fresh
        await oa.SendTextAsync(User, "2");
        time.Advance(TimeSpan.FromMinutes(2)); // inside the 10-minute margin
        await oa.SendTextAsync(User, "3");

        Assert.Single(handler.To("/access_token"));
        Assert.Equal(new[] { "access-1", "access-1", "access-2" }, handler.To("/message/cs").Select(r => r.Header("access_token")));
    }

    [Fact]
    public async Task Concurrent_callers_cause_exactly_one_refresh()
    {
        var time = new FakeTimeProvider(Now);
        var handler = new StubZaloHandler((r, _) => r.Path == "/v4/oa/access_token" ? StubZaloHandler.Tokens("access-2", "refresh-2") : Sent());
        var (factory, _) = Create(handler, time);
        time.Advance(TimeSpan.FromHours(26)); // expired

        await Task.WhenAll(Enumerable.Range(0, 50).Select(i => factory.GetClient(Oa).SendTextAsync(User, "m" + i)));

        Assert.Single(handler.To("/access_token"));
        Assert.All(handler.To("/message/cs"), r => Assert.Equal("access-2", r.Header("access_token")));
    }

    [Fact]
    public async Task A_message_send_is_never_retried_once_it_may_have_reached_Zalo()
    {
        var handler = new StubZaloHandler((r, _) => r.Path.Contains("/message/", StringComparison.Ordinal)
            ? throw new HttpRequestException("The response ended prematurely.", null, HttpStatusCode.OK)
            : Sent());
        var (factory, _) = Create(handler, TimeProvider.System);

        var ex = await Assert.ThrowsAsync<ZaloOutcomeUnknownException>(() => factory.GetClient(Oa).SendTextAsync(User, "hi"));

        Assert.Equal(1, handler.Count);
        Assert.Contains("never sent twice", ex.Message);
    }

    [Fact]
    public async Task A_send_refused_for_rate_is_retried_because_Zalo_did_not_act_on_it()
    {
        var time = new FakeTimeProvider(Now);
        var handler = new StubZaloHandler((_, n) => n == 1 ? Error(-32, "Rate limit") : Sent());
        var (factory, _) = Create(handler, time);

        var result = await FakeClock.Pump(time, factory.GetClient(Oa).SendTextAsync(User, "hi"));

        Assert.Equal("msg-1", result.MessageId);
        Assert.Equal(2, handler.Count);
    }

    [Fact]
    public async Task Persistent_rate_limiting_surfaces_as_a_transient_typed_error_after_the_retries()
    {
        var time = new FakeTimeProvider(Now);
        var handler = new StubZaloHandler((_, _) => Error(-32, "Rate limit"));
        var (factory, _) = Create(handler, time, o => o.Retry.MaxRetries = 2);

        var ex = Assert.IsType<ZaloRateLimitedException>(await FakeClock.PumpFailure(time, factory.GetClient(Oa).SendTextAsync(User, "hi")));

        Assert.True(ex.IsTransient);
        Assert.Equal(-32, ex.ZaloCode);
        Assert.Equal(3, handler.Count);
    }

    [Fact]
    public async Task A_read_that_times_out_is_retried_and_a_send_that_times_out_is_not()
    {
        var time = new FakeTimeProvider(Now);
        var handler = new StubZaloHandler((r, _) => r.Path.Contains("/message/", StringComparison.Ordinal) ? Sent() : StubZaloHandler.Json("""{"error":0,"data":["a"]}"""))
        {
            // The first read and every send take longer than the 1 s attempt timeout (on the fake clock).
            Delay = (r, n) => n == 1 || r.Path.Contains("/message/", StringComparison.Ordinal) ? TimeSpan.FromSeconds(5) : TimeSpan.Zero,
            Clock = time,
        };
        var (factory, _) = Create(handler, time, o => o.RequestTimeout = TimeSpan.FromSeconds(1));

        Assert.Equal(new[] { "a" }, await FakeClock.Pump(time, factory.GetClient(Oa).GetTagsAsync(), TimeSpan.FromMilliseconds(100)));
        Assert.Equal(2, handler.Count);
        var ex = Assert.IsType<ZaloOutcomeUnknownException>(await FakeClock.PumpFailure(time, factory.GetClient(Oa).SendTextAsync(User, "hi"), TimeSpan.FromMilliseconds(100)));
        Assert.Contains("timed out", ex.Message);
        Assert.Equal(3, handler.Count);
    }

    [Fact]
    public async Task A_send_answered_503_is_not_retried_but_a_read_is()
    {
        var time = new FakeTimeProvider(Now);
        var sendHandler = new StubZaloHandler((_, _) => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable));
        var (sendFactory, _) = Create(sendHandler, time);
        var ex = Assert.IsType<ZaloOutcomeUnknownException>(await FakeClock.PumpFailure(time, sendFactory.GetClient(Oa).SendTextAsync(User, "hi")));
        Assert.Equal(503, ex.Status);
        Assert.Contains("never sent twice", ex.Message);
        Assert.Equal(1, sendHandler.Count);

        var readHandler = new StubZaloHandler((_, n) => n < 3
            ? new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { Headers = { RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromMilliseconds(50)) } }
            : StubZaloHandler.Json("""{"error":0,"message":"Success","data":["thon-1","thon-2"]}"""));
        var (readFactory, _) = Create(readHandler, time);
        Assert.Equal(new[] { "thon-1", "thon-2" }, await FakeClock.Pump(time, readFactory.GetClient(Oa).GetTagsAsync()));
        Assert.Equal(3, readHandler.Count);
    }

    [Fact]
    public async Task Reads_give_up_after_the_configured_retries()
    {
        var time = new FakeTimeProvider(Now);
        var handler = new StubZaloHandler((_, _) => throw new HttpRequestException("connection reset"));
        var (factory, _) = Create(handler, time, o => o.Retry.MaxRetries = 2);

        var ex = Assert.IsType<ZaloException>(await FakeClock.PumpFailure(time, factory.GetClient(Oa).GetTagsAsync()));

        Assert.True(ex.IsTransient);
        Assert.Equal(3, handler.Count);
    }

    [Fact]
    public async Task A_bare_socket_error_is_a_transient_transport_failure_retried_for_reads()
    {
        // SocketsHttpHandler can let a bare SocketException out when the peer resets the connection as it is set up.
        var time = new FakeTimeProvider(Now);
        var handler = new StubZaloHandler((_, _) => throw new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.NotConnected));
        var (factory, _) = Create(handler, time, o => o.Retry.MaxRetries = 2);

        var ex = Assert.IsType<ZaloException>(await FakeClock.PumpFailure(time, factory.GetClient(Oa).GetTagsAsync()));

        Assert.True(ex.IsTransient);
        Assert.Equal(3, handler.Count);
    }

    [Fact]
    public async Task Followers_are_paged_through_with_the_data_parameter()
    {
        var handler = new StubZaloHandler((r, _) =>
        {
            using var query = JsonDocument.Parse(r.Query["?data=".Length..]);
            var offset = query.RootElement.GetProperty("offset").GetInt32();
            var count = query.RootElement.GetProperty("count").GetInt32();
            var users = Enumerable.Range(offset, Math.Max(0, Math.Min(count, 120 - offset))).Select(i => $$$$"""{"user_id":"{{{{1000 + i}}}}"}""");
            return StubZaloHandler.Json($$$$"""{"error":0,"message":"Success","data":{"total":120,"count":{{{{count}}}},"offset":{{{{offset}}}},"users":[{{{{string.Join(",", users)}}}}]}}""");
        });
        var (factory, _) = Create(handler);

        var ids = new List<string>();
        await foreach (var id in factory.GetClient(Oa).GetFollowerIdsAsync(new ZaloFollowerQuery { Tag = "thon-1", LastInteraction = ZaloInteractionPeriod.Last30Days }))
        {
            ids.Add(id);
        }

        Assert.Equal(Enumerable.Range(1000, 120).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), ids);
        Assert.Equal(3, handler.Count);
        var first = handler.Requests.First();
        Assert.Equal("/v3.0/oa/user/getlist", first.Path);
        Assert.Contains("\"tag_name\":\"thon-1\"", first.Query);
        Assert.Contains("\"last_interaction_period\":\"L30D\"", first.Query);
        Assert.Contains("\"count\":50", first.Query);
        Assert.DoesNotContain("is_follower", first.Query);
    }

    [Fact]
    public async Task Paging_past_Zalos_offset_limit_fails_loudly()
    {
        var handler = new StubZaloHandler((r, _) =>
        {
            using var query = JsonDocument.Parse(r.Query["?data=".Length..]);
            var offset = query.RootElement.GetProperty("offset").GetInt32();
            var users = Enumerable.Range(offset, 50).Select(i => $$$$"""{"user_id":"{{{{i + 1}}}}"}""");
            return StubZaloHandler.Json($$$$"""{"error":0,"data":{"total":25000,"count":50,"offset":{{{{offset}}}},"users":[{{{{string.Join(",", users)}}}}]}}""");
        });
        var (factory, _) = Create(handler);
        var seen = 0;

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (var _ in factory.GetClient(Oa).GetFollowerIdsAsync())
            {
                seen++;
            }
        });

        Assert.Equal(10_000, seen);
        Assert.Contains("9951", ex.Message);
    }

    [Fact]
    public async Task User_detail_tags_quota_and_oa_info_are_mapped()
    {
        var handler = new StubZaloHandler((r, _) => r.Path switch
        {
            "/v3.0/oa/user/detail" => StubZaloHandler.Json($$$$"""{"error":0,"data":{"user_id":"{{{{User}}}}","display_name":"Lan","user_last_interaction_date":"25/11/2026","user_is_follower":true,"tags_and_notes_info":{"tag_names":["thon-1"]},"shared_info":{"phone":"0912345678","name":"Nguyễn Thị Lan","address":""}}}"""),
            "/v3.0/oa/quota/message" => StubZaloHandler.Json("""{"error":0,"data":{"last_interaction":"2026-11-25T08:00:00+07:00","cs_reply":{"remain":7,"total":8},"promotion":{"daily_remain":1,"daily_total":1,"monthly_remain":3,"monthly_total":4}}}"""),
            "/v2.0/oa/quota/message" => StubZaloHandler.Json("""{"error":0,"data":{"total":2000,"remain":1999,"type":"oa"}}"""),
            "/v2.0/oa/getoa" => StubZaloHandler.Json("""{"error":0,"data":{"oa_id":"oa-1","name":"UBND xã Gia Viễn","oa_type":4,"num_follower":1234,"is_verified":true}}"""),
            _ => StubZaloHandler.Json("""{"error":0,"message":"Success"}"""),
        });
        var (factory, _) = Create(handler);
        var oa = factory.GetClient(Oa);

        var user = await oa.GetUserAsync(User);
        Assert.Equal("Lan", user.DisplayName);
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.FromHours(7)), user.LastInteractionDate);
        Assert.Equal(new[] { "thon-1" }, user.Tags);
        Assert.Equal("0912345678", user.SharedInfo.Phone);
        Assert.Null(user.SharedInfo.Address);
        Assert.DoesNotContain("0912345678", user.SharedInfo.ToString());

        var quota = await oa.GetUserQuotaAsync(User);
        Assert.Equal(7, quota.ConsultationRemaining);
        Assert.Equal(4, quota.PromotionMonthlyTotal);
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.FromHours(7)), quota.LastInteraction);
        Assert.Equal(1999, (await oa.GetOaQuotaAsync()).Remaining);

        var info = await oa.GetInfoAsync();
        Assert.Equal(ZaloOfficialAccountType.GovernmentBody, info.OaType);
        Assert.Equal(1234, info.FollowerCount);

        await oa.TagFollowerAsync(User, "thon-1");
        await oa.RemoveFollowerFromTagAsync(User, "thon-1");
        await oa.RemoveTagAsync("thon-1");
        await oa.UpdateUserAsync(User, new ZaloSharedInfo { Name = "Lan", City = "Ninh Bình" });
        Assert.Equal(new[] { "/v2.0/oa/tag/tagfollower", "/v2.0/oa/tag/rmfollowerfromtag", "/v2.0/oa/tag/rmtag", "/v3.0/oa/user/update" },
            handler.Requests.Skip(4).Select(r => r.Path));
        Assert.Contains("\"tag_name\":\"thon-1\"", handler.Requests.Skip(6).First().Body);
        Assert.DoesNotContain("user_id", handler.Requests.Skip(6).First().Body);
    }

    [Fact]
    public async Task App_secret_proof_is_the_hmac_of_the_access_token()
    {
        var handler = new StubZaloHandler((_, _) => Sent());
        var (factory, _) = Create(handler, configure: o => o.UseAppSecretProof = true);

        await factory.GetClient(Oa).SendTextAsync(User, "hi");

        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(Secret));
        var expected = Convert.ToHexString(hmac.ComputeHash(Encoding.UTF8.GetBytes("access-1"))).ToLowerInvariant();
        Assert.Equal(expected, handler.Requests.Single().Header("appsecret_proof"));
    }

    [Fact]
    public async Task Logs_and_errors_never_carry_tokens_secrets_or_phone_numbers()
    {
        var collector = new FakeLogCollector();
        using var loggerFactory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(collector)));
        var handler = new StubZaloHandler((r, n) => r.Path switch
        {
            "/v4/oa/access_token" => StubZaloHandler.Tokens("access-2-SECRETTOKEN", "refresh-2-SECRETTOKEN"),
            _ when r.Header("access_token") == "access-1" => Error(-216),
            _ => Error(-201, "phone 0912345678 is not valid for access_token access-2-SECRETTOKEN"),
        });
        var (factory, _) = Create(handler, TimeProvider.System, loggerFactory: loggerFactory);

        var ex = await Assert.ThrowsAsync<ZaloInvalidRequestException>(() => factory.GetClient(Oa).SendTextAsync(User, "hi"));

        var everything = string.Join("\n", collector.GetSnapshot().Select(r => r.Message)) + "\n" + ex.Message;
        Assert.NotEmpty(collector.GetSnapshot());
        foreach (var secret in new[] { "access-1", "refresh-1", "SECRETTOKEN", Secret, "0912345678" })
        {
            Assert.DoesNotContain(secret, everything);
        }

        Assert.Contains("[phone]", ex.Message);
    }

    [Fact]
    public async Task Refreshes_are_counted()
    {
        using var collector = new MetricCollector<long>(null, CommsTelemetry.ZaloName, "nbcomms.zalo.token.refreshes");
        var handler = new StubZaloHandler((r, _) => r.Path == "/v4/oa/access_token" ? StubZaloHandler.Tokens("access-2", "refresh-2") : Sent());
        var (factory, _) = Create(handler);

        await factory.Authorization.RefreshAsync(Oa);

        Assert.Contains(collector.GetMeasurementSnapshot(), m => (string?)m.Tags["nbcomms.zalo.refresh.outcome"] == "refreshed");
    }

    [Fact]
    public async Task Authorization_builds_the_v4_url_and_stores_exchanged_tokens()
    {
        var handler = new StubZaloHandler((r, _) => StubZaloHandler.Tokens("access-9", "refresh-9"));
        var (factory, store) = Create(handler);

        var request = factory.Authorization.CreateAuthorizationRequest(new Uri("https://portal.ninhbinh.gov.vn/zalo/callback"), "st-1");
        Assert.True(request.VerifierGenerated);
        Assert.Equal(43, request.CodeVerifier.Length);
        Assert.StartsWith("http://oauth.test/v4/oa/permission?app_id=app-1&redirect_uri=https%3A%2F%2Fportal.ninhbinh.gov.vn%2Fzalo%2Fcallback", request.Url.AbsoluteUri);
        Assert.Contains("code_challenge=" + ZaloPkce.ComputeChallenge(request.CodeVerifier), request.Url.AbsoluteUri);
        Assert.EndsWith("&state=st-1", request.Url.AbsoluteUri);

        var tokens = await factory.Authorization.ExchangeCodeAsync("oa-2", "code-1", request.CodeVerifier);

        Assert.Equal("access-9", tokens.AccessToken);
        Assert.Equal("refresh-9", (await store.GetAsync("oa-2"))!.RefreshToken);
        var exchange = handler.Requests.Single();
        Assert.Contains("grant_type=authorization_code", exchange.Body);
        Assert.Contains("code_verifier=" + request.CodeVerifier, exchange.Body);
        Assert.Equal(Secret, exchange.Header("secret_key"));
    }

    [Fact]
    public void A_configured_verifier_is_used_when_none_is_given()
    {
        var fixedVerifier = new string('v', 43);
        var (factory, _) = Create(new StubZaloHandler((_, _) => Sent()), configure: o => o.CodeVerifier = fixedVerifier);

        var request = factory.Authorization.CreateAuthorizationRequest(new Uri("https://x.example/cb"));

        Assert.False(request.VerifierGenerated);
        Assert.Equal(fixedVerifier, request.CodeVerifier);
        Assert.Equal(fixedVerifier.Length, request.CodeVerifier.Length);
    }

    [Fact]
    public async Task An_oa_without_tokens_needs_authorization()
    {
        var handler = new StubZaloHandler((_, _) => Sent());
        var (factory, _) = Create(handler);

        var ex = await Assert.ThrowsAsync<ZaloReauthorizationRequiredException>(() => factory.GetClient("oa-unknown").SendTextAsync(User, "hi"));

        Assert.Equal("oa-unknown", ex.OaId);
        Assert.Equal(0, handler.Count);
    }
}
