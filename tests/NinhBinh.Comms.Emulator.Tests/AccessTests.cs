using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;

namespace NinhBinh.Comms.Emulator.Tests;

public class AccessTests
{
    [Fact]
    public async Task Missing_or_unknown_access_token_answers_216()
    {
        await using var h = await Harness.StartAsync();

        using var request = new HttpRequestMessage(HttpMethod.Get, "/v2.0/oa/getoa");
        var missing = await h.SendForJsonAsync(request);

        Assert.Equal(-216, Harness.Error(missing));
        Assert.Equal(-216, Harness.Error(await h.GetAsync("/v2.0/oa/getoa", "not-a-token")));
    }

    [Fact]
    public async Task Access_token_expires_after_25_hours_with_220()
    {
        await using var h = await Harness.StartAsync();

        h.Time.Advance(TimeSpan.FromHours(25) - TimeSpan.FromSeconds(1));
        Assert.Equal(0, Harness.Error(await h.GetAsync("/v2.0/oa/getoa")));

        h.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(-220, Harness.Error(await h.GetAsync("/v2.0/oa/getoa")));

        // the refresh token outlives it
        var renewed = await h.RefreshAsync(h.RefreshToken);
        Assert.Equal(0, Harness.Error(await h.GetAsync("/v2.0/oa/getoa", renewed["access_token"]!.GetValue<string>())));
    }

    [Fact]
    public async Task Appsecret_proof_is_checked_when_present()
    {
        await using var h = await Harness.StartAsync();
        var proof = Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Harness.AppSecret), Encoding.UTF8.GetBytes(h.AccessToken))).ToLowerInvariant();

        Assert.Equal(0, Harness.Error(await GetOaWithProof(h, proof)));
        Assert.Equal(-242, Harness.Error(await GetOaWithProof(h, new string('0', 64))));
        Assert.Equal(-242, Harness.Error(await GetOaWithProof(h, proof.ToUpperInvariant())));
    }

    private static async Task<System.Text.Json.Nodes.JsonObject> GetOaWithProof(Harness h, string proof)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v2.0/oa/getoa");
        request.Headers.Add("access_token", h.AccessToken);
        request.Headers.Add("appsecret_proof", proof);
        return await h.SendForJsonAsync(request);
    }

    [Fact]
    public async Task Rate_limit_answers_32_beyond_the_per_minute_limit_and_recovers_when_the_window_passes()
    {
        await using var h = await Harness.StartAsync(o => o.RateLimitPerMinute = 5);

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(0, Harness.Error(await h.GetAsync("/v2.0/oa/getoa")));
        }

        h.Time.Advance(TimeSpan.FromSeconds(30));
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(0, Harness.Error(await h.GetAsync("/v2.0/oa/getoa")));
        }

        Assert.Equal(-32, Harness.Error(await h.GetAsync("/v2.0/oa/getoa")));
        Assert.Equal(-32, Harness.Error(await h.PostJsonAsync("/v3.0/oa/message/cs", Harness.Text(Harness.RecentUser, "xin chào"))));
        Assert.Empty(h.Emulator.GetSentMessages(Harness.OaId));

        // 30 s later the first three leave the trailing window: three more fit, not four
        h.Time.Advance(TimeSpan.FromSeconds(30));
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(0, Harness.Error(await h.GetAsync("/v2.0/oa/getoa")));
        }

        Assert.Equal(-32, Harness.Error(await h.GetAsync("/v2.0/oa/getoa")));

        Assert.Equal(3, h.Emulator.RateLimitedResponses);
        Assert.Equal(11, h.Emulator.TotalRequests);
    }

    [Fact]
    public async Task Rate_limit_comes_before_the_token_check_and_is_counted_per_app()
    {
        await using var h = await Harness.StartAsync(o => o.RateLimitPerMinute = 2);
        h.Emulator.RegisterApp("app-2", "secret-2");
        var otherApp = h.Emulator.IssueTokens("app-2", Harness.OaId).AccessToken;
        var renewed = (await h.RefreshAsync(h.RefreshToken))["access_token"]!.GetValue<string>();

        Assert.Equal(-216, Harness.Error(await h.GetAsync("/v2.0/oa/getoa", h.AccessToken)));   // revoked, counted
        Assert.Equal(0, Harness.Error(await h.GetAsync("/v2.0/oa/getoa", renewed)));
        Assert.Equal(-32, Harness.Error(await h.GetAsync("/v2.0/oa/getoa", renewed)));
        Assert.Equal(-32, Harness.Error(await h.GetAsync("/v2.0/oa/getoa", h.AccessToken)));    // -32 before -216

        Assert.Equal(0, Harness.Error(await h.GetAsync("/v2.0/oa/getoa", otherApp)));           // another app's budget
        Assert.Equal(2, h.Emulator.RateLimitedResponses);
    }

    [Fact]
    public async Task Unknown_path_answers_404_and_is_not_counted()
    {
        await using var h = await Harness.StartAsync();

        using var response = await h.Http.GetAsync("/v3.0/oa/nothing-here");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(0, h.Emulator.TotalRequests);
    }

    [Fact]
    public async Task Thousands_of_concurrent_requests_are_all_answered_and_counted()
    {
        await using var h = await Harness.StartAsync();
        const int Requests = 2000;
        var body = Harness.Text(Harness.RecentUser, "tin nhắn");

        using var gate = new System.Threading.SemaphoreSlim(64);
        var replies = await Task.WhenAll(Enumerable.Range(0, Requests).Select(async _ =>
        {
            await gate.WaitAsync();
            try
            {
                return Harness.Error(await h.PostJsonAsync("/v3.0/oa/message/cs", body));
            }
            finally
            {
                gate.Release();
            }
        }));

        Assert.All(replies, e => Assert.Equal(0, e));
        Assert.Equal(Requests, h.Emulator.TotalRequests);
        var sent = h.Emulator.GetSentMessages(Harness.OaId);
        Assert.Equal(Requests, sent.Count);
        Assert.Equal(Requests, sent.Select(m => m.MessageId).Distinct().Count());
    }
}
