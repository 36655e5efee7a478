using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;

namespace NinhBinh.Comms.Zalo.IntegrationTests;

public class ZaloEmulatorIntegrationTests
{
    private const string User = "8451000000000000001";
    private static readonly DateTimeOffset Morning = new(2026, 11, 26, 9, 0, 0, TimeSpan.FromHours(7));

    [Fact]
    public async Task Authorize_with_pkce_then_send_over_real_http()
    {
        await using var emulator = await Harness.StartAsync();
        emulator.AddFollower(Harness.Oa, User, "Nguyễn Văn An", DateTimeOffset.UtcNow.AddDays(-1));
        using var factory = new ZaloClientFactory(Harness.Options(emulator));

        var request = factory.Authorization.CreateAuthorizationRequest(new Uri(Harness.Redirect), "state-42");
        var (code, oaId, state) = await Harness.ConsentAsync(request.Url);
        Assert.Equal(Harness.Oa, oaId);
        Assert.Equal("state-42", state);
        await factory.Authorization.ExchangeCodeAsync(oaId, code, request.CodeVerifier);
        var result = await factory.GetClient(oaId).SendTextAsync(User, "Thông báo lịch tiêm chủng");

        var sent = Assert.Single(emulator.GetSentMessages(Harness.Oa));
        Assert.Equal(result.MessageId, sent.MessageId);
        Assert.Equal("cs", sent.Kind);
        Assert.Equal("Thông báo lịch tiêm chủng", sent.Text);
    }

    [Fact]
    public async Task A_wrong_verifier_or_a_reused_code_is_refused()
    {
        await using var emulator = await Harness.StartAsync();
        using var factory = new ZaloClientFactory(Harness.Options(emulator));
        var request = factory.Authorization.CreateAuthorizationRequest(new Uri(Harness.Redirect));
        var (code, oaId, _) = await Harness.ConsentAsync(request.Url);

        var wrong = await Assert.ThrowsAsync<ZaloReauthorizationRequiredException>(() => factory.Authorization.ExchangeCodeAsync(oaId, code, ZaloPkce.CreateVerifier()));
        Assert.Equal(-14005, wrong.ZaloCode);
        Assert.Equal(Harness.Oa, wrong.OaId);

        var (code2, _, _) = await Harness.ConsentAsync(request.Url);
        await factory.Authorization.ExchangeCodeAsync(oaId, code2, request.CodeVerifier);
        await Assert.ThrowsAsync<ZaloReauthorizationRequiredException>(() => factory.Authorization.ExchangeCodeAsync(oaId, code2, request.CodeVerifier));
    }

    [Fact]
    public async Task An_expired_token_is_refreshed_once_and_the_old_pair_dies()
    {
        var time = new FakeTimeProvider(Morning);
        await using var emulator = await Harness.StartAsync(time);
        emulator.AddFollower(Harness.Oa, User, lastInteraction: Morning);
        var store = new InMemoryZaloTokenStore();
        var original = await Harness.SeedGrantAsync(emulator, store, time.GetUtcNow());
        using var factory = new ZaloClientFactory(Harness.Options(emulator), store, time);
        var oa = factory.GetClient(Harness.Oa);

        time.Advance(TimeSpan.FromHours(26));
        emulator.RecordInteraction(Harness.Oa, User, time.GetUtcNow());
        await oa.SendTextAsync(User, "sau khi hết hạn");

        Assert.Equal(1, emulator.GetRefreshCount(Harness.Oa));
        var renewed = (await store.GetAsync(Harness.Oa))!;
        Assert.NotEqual(original.RefreshToken, renewed.RefreshToken);
        Assert.Equal(time.GetUtcNow().AddHours(25), renewed.AccessTokenExpiresAt);
    }

    [Fact]
    public async Task A_token_the_server_rejects_is_refreshed_once_and_the_call_retried()
    {
        var time = new FakeTimeProvider(Morning);
        await using var emulator = await Harness.StartAsync(time);
        emulator.AddFollower(Harness.Oa, User, lastInteraction: Morning);
        var store = new InMemoryZaloTokenStore();
        var (access, refresh) = emulator.IssueTokens(Harness.App, Harness.Oa);
        // The client believes the token is good for another week; the server says it expired.
        await store.SaveAsync(Harness.Oa, new ZaloTokenSet(access, refresh, Morning.AddDays(8), Morning.AddDays(90), Morning));
        using var factory = new ZaloClientFactory(Harness.Options(emulator), store, time);
        time.Advance(TimeSpan.FromHours(25) + TimeSpan.FromMinutes(1));
        emulator.RecordInteraction(Harness.Oa, User, time.GetUtcNow());

        await factory.GetClient(Harness.Oa).SendTextAsync(User, "thử lại sau -220");

        Assert.Equal(1, emulator.GetRefreshCount(Harness.Oa));
        Assert.Single(emulator.GetSentMessages(Harness.Oa));
    }

    [Fact]
    public async Task Two_stores_refreshing_one_grant_destroy_it_and_the_loser_is_told_to_reauthorize()
    {
        var time = new FakeTimeProvider(Morning);
        await using var emulator = await Harness.StartAsync(time);
        var storeA = new InMemoryZaloTokenStore();
        var tokens = await Harness.SeedGrantAsync(emulator, storeA, time.GetUtcNow());
        var storeB = new InMemoryZaloTokenStore();
        await storeB.SaveAsync(Harness.Oa, tokens);
        using var a = new ZaloClientFactory(Harness.Options(emulator), storeA, time);
        using var b = new ZaloClientFactory(Harness.Options(emulator), storeB, time);

        await a.Authorization.RefreshAsync(Harness.Oa);
        var ex = await Assert.ThrowsAsync<ZaloReauthorizationRequiredException>(() => b.Authorization.RefreshAsync(Harness.Oa));

        Assert.Equal(-14014, ex.ZaloCode);
        Assert.Contains("Re-authorization required for OA " + Harness.Oa, ex.Message);
    }

    [Fact]
    public async Task Consultation_needs_an_interaction_within_seven_days()
    {
        var time = new FakeTimeProvider(Morning);
        await using var emulator = await Harness.StartAsync(time);
        emulator.AddFollower(Harness.Oa, User, lastInteraction: Morning.AddDays(-8));
        var store = new InMemoryZaloTokenStore();
        await Harness.SeedGrantAsync(emulator, store, time.GetUtcNow());
        using var factory = new ZaloClientFactory(Harness.Options(emulator), store, time);

        var ex = await Assert.ThrowsAsync<ZaloInteractionWindowException>(() => factory.GetClient(Harness.Oa).SendTextAsync(User, "xin chào"));

        Assert.Equal(-230, ex.ZaloCode);
        Assert.Empty(emulator.GetSentMessages(Harness.Oa));
    }

    [Fact]
    public async Task Promotions_respect_the_night_ban()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 23, 0, 0, TimeSpan.FromHours(7)));
        await using var emulator = await Harness.StartAsync(time);
        emulator.AddFollower(Harness.Oa, User, lastInteraction: time.GetUtcNow());
        var store = new InMemoryZaloTokenStore();
        await Harness.SeedGrantAsync(emulator, store, time.GetUtcNow());
        using var factory = new ZaloClientFactory(Harness.Options(emulator), store, time);
        var oa = factory.GetClient(Harness.Oa);
        var message = ZaloMessage.CreateImage(new Uri("https://ninhbinh.gov.vn/banner.png"), "Ngày hội văn hóa");

        var ex = await Assert.ThrowsAsync<ZaloNightBanException>(() => oa.SendPromotionAsync(ZaloRecipient.User(User), message));
        Assert.Equal(-234, ex.ZaloCode);

        time.Advance(TimeSpan.FromHours(7)); // 06:00
        await oa.SendPromotionAsync(ZaloRecipient.User(User), message);
        Assert.Equal("promotion", Assert.Single(emulator.GetSentMessages(Harness.Oa)).Kind);
    }

    [Fact]
    public async Task Followers_tags_profile_quota_and_oa_info()
    {
        var time = new FakeTimeProvider(Morning);
        await using var emulator = await Harness.StartAsync(time);
        for (var i = 1; i <= 130; i++)
        {
            emulator.AddFollower(Harness.Oa, (8451000000000000000L + i).ToString(System.Globalization.CultureInfo.InvariantCulture),
                "Người dân " + i, Morning.AddDays(-(i % 40)), i % 4 == 0 ? new[] { "thon-1" } : Array.Empty<string>());
        }

        var store = new InMemoryZaloTokenStore();
        await Harness.SeedGrantAsync(emulator, store, time.GetUtcNow());
        using var factory = new ZaloClientFactory(Harness.Options(emulator), store, time);
        var oa = factory.GetClient(Harness.Oa);

        var all = await ToListAsync(oa.GetFollowerIdsAsync());
        Assert.Equal(130, all.Count);
        Assert.Equal(130, all.Distinct().Count());
        Assert.Equal(32, (await ToListAsync(oa.GetFollowerIdsAsync(new ZaloFollowerQuery { Tag = "thon-1", PageSize = 7 }))).Count);

        var someone = all[4];
        await oa.TagFollowerAsync(someone, "can-bo-thon");
        Assert.Contains("can-bo-thon", await oa.GetTagsAsync());
        Assert.Contains("can-bo-thon", (await oa.GetUserAsync(someone)).Tags);
        await oa.RemoveFollowerFromTagAsync(someone, "can-bo-thon");
        Assert.DoesNotContain("can-bo-thon", (await oa.GetUserAsync(someone)).Tags);
        await oa.RemoveTagAsync("thon-1");
        Assert.DoesNotContain("thon-1", await oa.GetTagsAsync());

        await oa.UpdateUserAsync(someone, new ZaloSharedInfo { Name = "Trần Thị Bình", City = "Ninh Bình" });
        var profile = await oa.GetUserAsync(someone);
        Assert.Equal("Trần Thị Bình", profile.SharedInfo.Name);
        Assert.True(profile.IsFollower);

        var quota = await oa.GetUserQuotaAsync(all[0]);
        Assert.True(quota.ConsultationTotal > 0);
        Assert.True((await oa.GetOaQuotaAsync()).Total > 0);

        var info = await oa.GetInfoAsync();
        Assert.Equal(ZaloOfficialAccountType.GovernmentBody, info.OaType);
        Assert.Equal(130, info.FollowerCount);
        Assert.Equal("UBND xã Gia Viễn", info.Name);
    }

    [Fact]
    public async Task The_client_rate_limit_keeps_the_app_under_zalos_limit()
    {
        var time = new WatchedTimeProvider(Morning);
        await using var emulator = await Harness.StartAsync(time, rateLimit: 30);
        emulator.AddFollower(Harness.Oa, User, lastInteraction: Morning);
        var store = new InMemoryZaloTokenStore();
        await Harness.SeedGrantAsync(emulator, store, time.GetUtcNow());
        var requestTimeout = TimeSpan.FromSeconds(30);
        using var factory = new ZaloClientFactory(Harness.Options(emulator, o =>
        {
            o.RequestsPerMinute = 30;
            o.RequestTimeout = requestTimeout;
        }), store, time);
        var oa = factory.GetClient(Harness.Oa);

        var sends = Enumerable.Range(0, 35).Select(i => oa.SendTextAsync(User, "tin " + i)).ToArray();

        // Positive signal: the limiter's timer is set on the (frozen) clock for the 61-second window to move on (the 5
        // remaining sends wait in its queue, in order). Time does not move until the test advances it, so nothing else
        // can release them.
        bool WindowWait(TimeSpan due) => due > requestTimeout && due <= TimeSpan.FromSeconds(61);
        await time.WaitForPendingTimersAsync(1, WindowWait, "the rate-limit window's timer");
        await WaitUntilAsync(() => sends.Count(s => s.IsCompletedSuccessfully) == 30);
        Assert.Equal(30, emulator.GetSentMessages(Harness.Oa).Count);
        Assert.All(emulator.GetSentMessages(Harness.Oa), m => Assert.Equal(Morning, m.SentAt));

        time.Advance(TimeSpan.FromSeconds(61));
        await Task.WhenAll(sends).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(35, emulator.GetSentMessages(Harness.Oa).Count);
        Assert.Equal(5, emulator.GetSentMessages(Harness.Oa).Count(m => m.SentAt == Morning.AddSeconds(61))); // sent only once the window moved on
        Assert.Equal(0, emulator.RateLimitedResponses);
    }

    [Fact]
    public async Task A_send_whose_answer_times_out_is_not_sent_twice()
    {
        await using var emulator = await Harness.StartAsync();
        emulator.AddFollower(Harness.Oa, User, lastInteraction: DateTimeOffset.UtcNow);
        var store = new InMemoryZaloTokenStore();
        await Harness.SeedGrantAsync(emulator, store, DateTimeOffset.UtcNow);
        using var factory = new ZaloClientFactory(Harness.Options(emulator, o => o.RequestTimeout = TimeSpan.FromMilliseconds(500)), store);
        emulator.DelayNext("/v3.0/oa/message/cs", TimeSpan.FromSeconds(3));

        var ex = await Assert.ThrowsAsync<ZaloOutcomeUnknownException>(() => factory.GetClient(Harness.Oa).SendTextAsync(User, "chỉ một lần"));

        Assert.Contains("never sent twice", ex.Message);
        Assert.Single(emulator.GetSentMessages(Harness.Oa));
    }

    [Fact]
    public async Task Reads_are_retried_through_server_errors()
    {
        await using var emulator = await Harness.StartAsync();
        emulator.AddFollower(Harness.Oa, User);
        var store = new InMemoryZaloTokenStore();
        await Harness.SeedGrantAsync(emulator, store, DateTimeOffset.UtcNow);
        using var factory = new ZaloClientFactory(Harness.Options(emulator), store);
        emulator.FailNextWithStatus("/v3.0/oa/user/getlist", 503, times: 2);

        var ids = await ToListAsync(factory.GetClient(Harness.Oa).GetFollowerIdsAsync());

        Assert.Equal(new[] { User }, ids);
    }

    [Fact]
    public async Task A_retry_after_longer_than_the_configured_maximum_is_surfaced_not_waited_for()
    {
        await using var emulator = await Harness.StartAsync();
        emulator.AddFollower(Harness.Oa, User);
        var store = new InMemoryZaloTokenStore();
        await Harness.SeedGrantAsync(emulator, store, DateTimeOffset.UtcNow);
        using var factory = new ZaloClientFactory(Harness.Options(emulator), store);
        emulator.FailNextWithStatus("/v3.0/oa/user/getlist", 503, times: 1, retryAfter: TimeSpan.FromSeconds(120));

        var ex = await Assert.ThrowsAsync<ZaloException>(() => factory.GetClient(Harness.Oa).GetFollowerPageAsync(0, 50));

        Assert.Equal(503, ex.Status);
        Assert.Equal(TimeSpan.FromSeconds(120), ex.RetryAfter);
        Assert.True(ex.IsTransient);
    }

    [Fact]
    public async Task Zalo_errors_surface_typed_with_their_code()
    {
        await using var emulator = await Harness.StartAsync();
        emulator.AddFollower(Harness.Oa, User, lastInteraction: DateTimeOffset.UtcNow);
        var store = new InMemoryZaloTokenStore();
        await Harness.SeedGrantAsync(emulator, store, DateTimeOffset.UtcNow);
        using var factory = new ZaloClientFactory(Harness.Options(emulator), store);
        emulator.FailNext("/v3.0/oa/message/cs", -211);

        var ex = await Assert.ThrowsAsync<ZaloQuotaExhaustedException>(() => factory.GetClient(Harness.Oa).SendTextAsync(User, "x"));

        Assert.Equal(-211, ex.ZaloCode);
        Assert.Equal("-211", ex.ErrorCode);
    }

    private static async Task<List<string>> ToListAsync(IAsyncEnumerable<string> source)
    {
        var list = new List<string>();
        await foreach (var item in source)
        {
            list.Add(item);
        }

        return list;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(condition());
    }
}
