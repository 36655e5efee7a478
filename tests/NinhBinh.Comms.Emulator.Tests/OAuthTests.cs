using System;
using System.Linq;
using System.Net;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.WebUtilities;

namespace NinhBinh.Comms.Emulator.Tests;

public class OAuthTests
{
    private static string CodeForm(string code, string verifier, string appId = Harness.AppId) =>
        $"code={Uri.EscapeDataString(code)}&app_id={appId}&grant_type=authorization_code&code_verifier={Uri.EscapeDataString(verifier)}";

    [Fact]
    public async Task Permission_redirects_to_the_callback_with_code_oa_id_and_state()
    {
        await using var h = await Harness.StartAsync();
        var (verifier, challenge) = Harness.Pkce();

        using var response = await h.Http.GetAsync(
            $"/v4/oa/permission?app_id={Harness.AppId}&redirect_uri={Uri.EscapeDataString(Harness.RedirectUri)}&code_challenge={challenge}&state=s-42");

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.StartsWith(Harness.RedirectUri + "?", location.ToString());
        var query = QueryHelpers.ParseQuery(location.Query);
        Assert.Equal(Harness.OaId, query["oa_id"].ToString());
        Assert.Equal("s-42", query["state"].ToString());

        // the code from the redirect is exchangeable with the matching verifier
        var reply = await h.TokenAsync(CodeForm(query["code"].ToString(), verifier));
        Assert.False(reply.ContainsKey("error"));
        Assert.NotEmpty(reply["access_token"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("app_id=unknown&redirect_uri=https%3A%2F%2Fexample.gov.vn%2Fzalo%2Fcallback")]
    [InlineData("app_id=app-1&redirect_uri=https%3A%2F%2Fevil.example%2Fcallback")]
    public async Task Permission_rejects_unknown_app_or_other_redirect_with_400(string query)
    {
        await using var h = await Harness.StartAsync();

        using var response = await h.Http.GetAsync("/v4/oa/permission?" + query + "&code_challenge=x&state=s");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Code_exchange_with_the_right_verifier_returns_a_token_pair_with_expires_in_as_a_string()
    {
        await using var h = await Harness.StartAsync();
        var (verifier, challenge) = Harness.Pkce();
        var code = h.Emulator.IssueAuthorizationCode(Harness.AppId, Harness.OaId, challenge);

        var reply = await h.TokenAsync(CodeForm(code, verifier));

        Assert.Equal(JsonValueKind.String, reply["expires_in"]!.GetValueKind());
        Assert.Equal("90000", reply["expires_in"]!.GetValue<string>());
        var access = reply["access_token"]!.GetValue<string>();
        var refresh = reply["refresh_token"]!.GetValue<string>();
        Assert.True(access.Length >= 43);
        Assert.True(refresh.Length >= 43);
        Assert.NotEqual(access, refresh);
        Assert.All(access, c => Assert.True(char.IsAsciiLetterOrDigit(c) || c is '-' or '_'));

        var oa = await h.GetAsync("/v2.0/oa/getoa", access);
        Assert.Equal(0, Harness.Error(oa));
    }

    [Fact]
    public async Task Code_exchange_with_a_wrong_verifier_answers_14005_and_the_code_cannot_be_reused_after_success()
    {
        await using var h = await Harness.StartAsync();
        var (verifier, challenge) = Harness.Pkce();
        var code = h.Emulator.IssueAuthorizationCode(Harness.AppId, Harness.OaId, challenge);

        var wrong = await h.TokenAsync(CodeForm(code, Harness.Pkce().Verifier));
        Assert.Equal(-14005, Harness.Error(wrong));
        Assert.Contains("verifier", wrong["error_description"]!.GetValue<string>());

        Assert.False((await h.TokenAsync(CodeForm(code, verifier))).ContainsKey("error"));

        var reused = await h.TokenAsync(CodeForm(code, verifier));
        Assert.Equal(-14005, Harness.Error(reused));
        Assert.NotNull(reused["error_name"]);
    }

    [Fact]
    public async Task Code_expires_after_ten_minutes()
    {
        await using var h = await Harness.StartAsync();
        var (verifier, challenge) = Harness.Pkce();
        var code = h.Emulator.IssueAuthorizationCode(Harness.AppId, Harness.OaId, challenge);

        h.Time.Advance(TimeSpan.FromMinutes(10));

        Assert.Equal(-14005, Harness.Error(await h.TokenAsync(CodeForm(code, verifier))));
    }

    [Fact]
    public async Task Code_of_another_app_is_rejected()
    {
        await using var h = await Harness.StartAsync();
        h.Emulator.RegisterApp("app-2", "secret-2");
        var (verifier, challenge) = Harness.Pkce();
        var code = h.Emulator.IssueAuthorizationCode(Harness.AppId, Harness.OaId, challenge);

        var reply = await h.TokenAsync(CodeForm(code, verifier, "app-2"), "secret-2");

        Assert.Equal(-14005, Harness.Error(reply));
    }

    [Fact]
    public async Task Token_endpoint_checks_app_id_then_secret_key_then_grant_type()
    {
        await using var h = await Harness.StartAsync();

        Assert.Equal(-14002, Harness.Error(await h.TokenAsync("app_id=nope&grant_type=refresh_token&refresh_token=x")));
        Assert.Equal(-14004, Harness.Error(await h.TokenAsync($"app_id={Harness.AppId}&grant_type=refresh_token&refresh_token=x", secretKey: null)));
        Assert.Equal(-14004, Harness.Error(await h.TokenAsync($"app_id={Harness.AppId}&grant_type=refresh_token&refresh_token=x", secretKey: "wrong")));
        Assert.Equal(-14018, Harness.Error(await h.TokenAsync($"app_id={Harness.AppId}&grant_type=client_credentials")));
        Assert.Equal(-14014, Harness.Error(await h.TokenAsync($"app_id={Harness.AppId}&grant_type=refresh_token&refresh_token=unknown")));
    }

    [Fact]
    public async Task Secret_in_the_body_instead_of_the_header_is_rejected()
    {
        await using var h = await Harness.StartAsync();

        var reply = await h.TokenAsync(
            $"app_id={Harness.AppId}&grant_type=refresh_token&refresh_token={Uri.EscapeDataString(h.RefreshToken)}&secret_key={Harness.AppSecret}",
            secretKey: null);

        Assert.Equal(-14004, Harness.Error(reply));
        Assert.Equal(0, h.Emulator.GetRefreshCount(Harness.OaId));
    }

    [Fact]
    public async Task Refresh_rotates_the_pair_revokes_the_old_access_token_and_the_old_refresh_token_is_single_use()
    {
        await using var h = await Harness.StartAsync();
        Assert.Equal(0, Harness.Error(await h.GetAsync("/v2.0/oa/getoa")));

        var reply = await h.RefreshAsync(h.RefreshToken);
        var newAccess = reply["access_token"]!.GetValue<string>();
        var newRefresh = reply["refresh_token"]!.GetValue<string>();
        Assert.NotEqual(h.AccessToken, newAccess);
        Assert.NotEqual(h.RefreshToken, newRefresh);
        Assert.Equal(1, h.Emulator.GetRefreshCount(Harness.OaId));

        Assert.Equal(-216, Harness.Error(await h.GetAsync("/v2.0/oa/getoa", h.AccessToken)));
        Assert.Equal(0, Harness.Error(await h.GetAsync("/v2.0/oa/getoa", newAccess)));

        var again = await h.RefreshAsync(h.RefreshToken);
        Assert.Equal(-14014, Harness.Error(again));
        Assert.Equal(1, h.Emulator.GetRefreshCount(Harness.OaId));

        // the new refresh token works once
        Assert.False((await h.RefreshAsync(newRefresh)).ContainsKey("error"));
        Assert.Equal(2, h.Emulator.GetRefreshCount(Harness.OaId));
        Assert.Equal(-216, Harness.Error(await h.GetAsync("/v2.0/oa/getoa", newAccess)));
    }

    [Fact]
    public async Task Concurrent_refreshes_with_the_same_token_succeed_exactly_once()
    {
        await using var h = await Harness.StartAsync();

        var replies = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => h.RefreshAsync(h.RefreshToken)));

        Assert.Equal(1, replies.Count(r => !r.ContainsKey("error")));
        Assert.Equal(7, replies.Count(r => r.ContainsKey("error") && Harness.Error(r) == -14014));
        Assert.Equal(1, h.Emulator.GetRefreshCount(Harness.OaId));
    }

    [Fact]
    public async Task Refresh_token_expires_after_its_lifetime()
    {
        await using var h = await Harness.StartAsync(o => o.RefreshTokenLifetime = TimeSpan.FromDays(3));

        h.Time.Advance(TimeSpan.FromDays(3));

        Assert.Equal(-14014, Harness.Error(await h.RefreshAsync(h.RefreshToken)));
    }

    [Fact]
    public async Task Refresh_token_of_another_app_is_rejected()
    {
        await using var h = await Harness.StartAsync();
        h.Emulator.RegisterApp("app-2", "secret-2");

        var reply = await h.TokenAsync(
            $"refresh_token={Uri.EscapeDataString(h.RefreshToken)}&app_id=app-2&grant_type=refresh_token", "secret-2");

        Assert.Equal(-14014, Harness.Error(reply));
        Assert.Equal(0, Harness.Error(await h.GetAsync("/v2.0/oa/getoa")));
    }
}
