using System;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace NinhBinh.Comms.Emulator.Tests;

public class FaultTests
{
    private const string Cs = "/v3.0/oa/message/cs";

    [Fact]
    public async Task FailNext_answers_the_error_code_the_given_number_of_times_without_sending()
    {
        await using var h = await Harness.StartAsync();
        h.Emulator.FailNext(Cs, -200, times: 2);
        var body = Harness.Text(Harness.RecentUser, "x");

        Assert.Equal(-200, Harness.Error(await h.PostJsonAsync(Cs, body)));
        Assert.Equal(0, Harness.Error(await h.GetAsync("/v2.0/oa/getoa")));       // other paths unaffected
        Assert.Equal(-200, Harness.Error(await h.PostJsonAsync(Cs, body)));
        Assert.Empty(h.Emulator.GetSentMessages(Harness.OaId));

        Assert.Equal(0, Harness.Error(await h.PostJsonAsync(Cs, body)));
        Assert.Single(h.Emulator.GetSentMessages(Harness.OaId));
        Assert.Equal(4, h.Emulator.TotalRequests);
    }

    [Fact]
    public async Task FailNext_can_simulate_an_expired_token_once()
    {
        await using var h = await Harness.StartAsync();
        h.Emulator.FailNext("/v2.0/oa/getoa", -216);

        Assert.Equal(-216, Harness.Error(await h.GetAsync("/v2.0/oa/getoa")));
        Assert.Equal(0, Harness.Error(await h.GetAsync("/v2.0/oa/getoa")));
    }

    [Fact]
    public async Task FailNext_on_the_token_endpoint_uses_the_oauth_error_shape()
    {
        await using var h = await Harness.StartAsync();
        h.Emulator.FailNext("/v4/oa/access_token", -14014);

        var failed = await h.RefreshAsync(h.RefreshToken);
        Assert.Equal(-14014, Harness.Error(failed));
        Assert.NotNull(failed["error_description"]);
        Assert.Equal(0, h.Emulator.GetRefreshCount(Harness.OaId));

        Assert.False((await h.RefreshAsync(h.RefreshToken)).ContainsKey("error"));     // the token was not consumed
    }

    [Fact]
    public async Task FailNextWithStatus_answers_the_status_and_retry_after()
    {
        await using var h = await Harness.StartAsync();
        h.Emulator.FailNextWithStatus(Cs, 503, times: 1, retryAfter: TimeSpan.FromSeconds(2.5));
        h.Emulator.FailNextWithStatus(Cs, 429);

        using (var first = await PostAsync(h, Cs, Harness.Text(Harness.RecentUser, "x")))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, first.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(3), first.Headers.RetryAfter!.Delta);
        }

        using (var second = await PostAsync(h, Cs, Harness.Text(Harness.RecentUser, "x")))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
            Assert.Null(second.Headers.RetryAfter);
        }

        Assert.Empty(h.Emulator.GetSentMessages(Harness.OaId));
        Assert.Equal(0, Harness.Error(await h.PostJsonAsync(Cs, Harness.Text(Harness.RecentUser, "x"))));
    }

    [Fact]
    public async Task DelayNext_applies_the_request_but_holds_the_answer()
    {
        await using var h = await Harness.StartAsync();
        h.Emulator.DelayNext(Cs, TimeSpan.FromMinutes(5));

        using var caller = new CancellationTokenSource();
        var pending = PostAsync(h, Cs, Harness.Text(Harness.RecentUser, "đến muộn"), caller.Token);

        // Positive signal: the message is recorded as sent. The answer is held for 5 minutes, so it cannot have come yet.
        var sent = await WaitForSingleSentMessageAsync(h);
        Assert.Equal("đến muộn", sent.Text);
        Assert.False(pending.IsCompleted);

        await caller.CancelAsync();
        var cancelled = await Assert.ThrowsAsync<TaskCanceledException>(() => pending);
        Assert.Equal(caller.Token, cancelled.CancellationToken);

        // only the next request was delayed
        Assert.Equal(0, Harness.Error(await h.PostJsonAsync(Cs, Harness.Text(Harness.RecentUser, "đúng giờ"))));
    }

    [Fact]
    public async Task Stopping_the_emulator_abandons_a_delayed_answer()
    {
        var h = await Harness.StartAsync();
        h.Emulator.DelayNext("/v2.0/oa/getoa", TimeSpan.FromHours(1));
        var pending = h.GetAsync("/v2.0/oa/getoa");
        using (var request = new HttpRequestMessage(HttpMethod.Post, "/v2.0/oa/quota/message"))
        {
            // a request after the delayed one proves the delayed one was already taken
            request.Headers.Add("access_token", h.AccessToken);
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
            await h.SendForJsonAsync(request);
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await h.Emulator.StopAsync(timeout.Token);

        // The server drops the connection without an answer.
        await Assert.ThrowsAsync<HttpRequestException>(() => pending);
        await h.DisposeAsync();
    }

    private static async Task<EmulatedMessage> WaitForSingleSentMessageAsync(Harness h)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (h.Emulator.GetSentMessages(Harness.OaId).Count == 0)
        {
            await Task.Delay(10, timeout.Token);
        }

        return Assert.Single(h.Emulator.GetSentMessages(Harness.OaId));
    }

    private static async Task<HttpResponseMessage> PostAsync(Harness h, string path, string json, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("access_token", h.AccessToken);
        return await h.Http.SendAsync(request, cancellationToken);
    }
}
