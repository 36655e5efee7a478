using System;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;

namespace NinhBinh.Comms.Emulator.Tests;

/// <summary>An in-process emulator on a fake clock, seeded with one app, one OA and a few users, plus a raw HttpClient.</summary>
internal sealed class Harness : IAsyncDisposable
{
    public const string AppId = "app-1";
    public const string AppSecret = "secret-1";
    public const string RedirectUri = "https://example.gov.vn/zalo/callback";
    public const string OaId = "oa-1";
    public const string RecentUser = "1000000000000000100";      // follower, interacted 1 h ago, tag thon-1
    public const string StaleUser = "1000000000000000200";       // follower, interacted 8 days ago, tag thon-2
    public const string SilentUser = "1000000000000000300";      // follower, never interacted
    public const string NonFollower = "1000000000000000400";     // chatted 1 h ago without following

    /// <summary>Tuesday 10 March 2026, 09:00 in Vietnam.</summary>
    public static readonly DateTimeOffset Start = new(2026, 3, 10, 9, 0, 0, TimeSpan.FromHours(7));

    private Harness(ZaloEmulator emulator, FakeTimeProvider time)
    {
        Emulator = emulator;
        Time = time;
        Http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = emulator.BaseUri };
    }

    public ZaloEmulator Emulator { get; }

    public FakeTimeProvider Time { get; }

    public HttpClient Http { get; }

    public string AccessToken { get; private set; } = string.Empty;

    public string RefreshToken { get; private set; } = string.Empty;

    public static async Task<Harness> StartAsync(Action<ZaloEmulatorOptions>? configure = null)
    {
        var time = new FakeTimeProvider(Start);
        var options = new ZaloEmulatorOptions { TimeProvider = time };
        configure?.Invoke(options);
        var emulator = await ZaloEmulator.StartAsync(options);
        emulator.RegisterApp(AppId, AppSecret, RedirectUri);
        emulator.AddOfficialAccount(OaId, "UBND xã Gia Sinh", 4, AppId);
        emulator.AddFollower(OaId, RecentUser, "Nguyễn Văn An", Start.AddHours(-1), "thon-1");
        emulator.AddFollower(OaId, StaleUser, "Trần Thị Bình", Start.AddDays(-8), "thon-2");
        emulator.AddFollower(OaId, SilentUser, "Lê Minh Châu");
        emulator.RecordInteraction(OaId, NonFollower, Start.AddHours(-1));
        var harness = new Harness(emulator, time);
        (harness.AccessToken, harness.RefreshToken) = emulator.IssueTokens(AppId, OaId);
        return harness;
    }

    public async Task<JsonObject> GetAsync(string pathAndQuery, string? accessToken = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, pathAndQuery);
        request.Headers.Add("access_token", accessToken ?? AccessToken);
        return await SendForJsonAsync(request);
    }

    public Task<JsonObject> GetDataAsync(string path, string dataJson, string? accessToken = null) =>
        GetAsync(path + "?data=" + Uri.EscapeDataString(dataJson), accessToken);

    public async Task<JsonObject> PostJsonAsync(string path, string json, string? accessToken = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("access_token", accessToken ?? AccessToken);
        return await SendForJsonAsync(request);
    }

    public async Task<JsonObject> TokenAsync(string form, string? secretKey = AppSecret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v4/oa/access_token")
        {
            Content = new StringContent(form, Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        if (secretKey is not null)
        {
            request.Headers.Add("secret_key", secretKey);
        }

        return await SendForJsonAsync(request);
    }

    public Task<JsonObject> RefreshAsync(string refreshToken) =>
        TokenAsync($"refresh_token={Uri.EscapeDataString(refreshToken)}&app_id={AppId}&grant_type=refresh_token");

    public async Task<JsonObject> SendForJsonAsync(HttpRequestMessage request)
    {
        using var response = await Http.SendAsync(request);
        Assert.Equal(200, (int)response.StatusCode);
        Assert.StartsWith("application/json", response.Content.Headers.ContentType?.MediaType);
        var node = JsonNode.Parse(await response.Content.ReadAsStringAsync());
        return Assert.IsType<JsonObject>(node);
    }

    public static int Error(JsonObject reply) => reply["error"]!.GetValue<int>();

    public static (string Verifier, string Challenge) Pkce()
    {
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        return (verifier, Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))));
    }

    public static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Text(string userId, string text) =>
        new JsonObject { ["recipient"] = new JsonObject { ["user_id"] = userId }, ["message"] = new JsonObject { ["text"] = text } }.ToJsonString();

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await Emulator.StopAsync(timeout.Token);
        await Emulator.DisposeAsync();
    }
}
