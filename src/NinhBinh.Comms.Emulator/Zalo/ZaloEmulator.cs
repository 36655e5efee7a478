using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;

namespace NinhBinh.Comms.Emulator;

/// <summary>
/// A real HTTP server on 127.0.0.1 that behaves like Zalo's OAuth v4 (<c>/v4/oa/...</c>), OA Open API
/// (<c>/v2.0/...</c>, <c>/v3.0/...</c>) and ZBS template endpoint (<c>/message/template</c>), with seeding,
/// inspection and fault injection for tests. All members are thread-safe.
/// </summary>
public sealed partial class ZaloEmulator : IAsyncDisposable
{
    private readonly ZaloBackend _backend;
    private readonly CancellationTokenSource _stopping = new();
    private WebApplication? _app;
    private int _stopped;
    private int _disposed;

    private ZaloEmulator(ZaloEmulatorOptions options)
    {
        _backend = new ZaloBackend(options);
    }

    /// <summary>The root address, e.g. <c>http://127.0.0.1:41234/</c>; serves OAuth, OpenAPI and business paths.</summary>
    public Uri BaseUri { get; private set; } = new("http://127.0.0.1/");

    /// <summary>OpenAPI and business requests received (including rejected and fault-injected ones).</summary>
    public int TotalRequests => _backend.TotalRequests;

    /// <summary>How many -32 (rate limit) answers were given.</summary>
    public int RateLimitedResponses => _backend.RateLimitedResponses;

    /// <summary>Starts an emulator listening on 127.0.0.1.</summary>
    /// <param name="options">Settings; defaults when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running emulator; dispose it to stop it.</returns>
    public static async Task<ZaloEmulator> StartAsync(ZaloEmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new ZaloEmulatorOptions();
        ArgumentOutOfRangeException.ThrowIfNegative(options.Port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Port, 65535);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.RateLimitPerMinute);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.AccessTokenLifetime, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.RefreshTokenLifetime, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.AuthorizationCodeLifetime, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.InteractionWindow, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.ArticleProcessingDelay, TimeSpan.Zero);

        var emulator = new ZaloEmulator(options);
        try
        {
            await emulator.StartCoreAsync(options.Port, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await emulator.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return emulator;
    }

    /// <summary>Stops listening; pending delayed answers are abandoned.</summary>
    /// <param name="cancellationToken">Ends the graceful shutdown early.</param>
    /// <returns>A task that completes when the server stopped.</returns>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1 || _app is null)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        await _app.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stops the server and releases it.</summary>
    /// <returns>A task that completes when the server is gone.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        try
        {
            DisposeWebhooks();
            await StopAsync().ConfigureAwait(false);
        }
        finally
        {
            if (_app is not null)
            {
                await _app.DisposeAsync().ConfigureAwait(false);
            }

            _stopping.Dispose();
        }
    }

    // ---- seeding and inspection ----------------------------------------------------------------------------

    /// <summary>Registers (or updates) an app.</summary>
    /// <param name="appId">The app id.</param>
    /// <param name="appSecret">The app secret, expected in the <c>secret_key</c> header of token requests.</param>
    /// <param name="redirectUri">The registered callback; when set, the permission endpoint accepts only it.</param>
    public void RegisterApp(string appId, string appSecret, string? redirectUri = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(appId);
        ArgumentException.ThrowIfNullOrEmpty(appSecret);
        _backend.RegisterApp(appId, appSecret, redirectUri);
    }

    /// <summary>Adds (or updates) an official account.</summary>
    /// <param name="oaId">The OA id.</param>
    /// <param name="name">The OA's display name.</param>
    /// <param name="oaType">2 for an enterprise, 4 for a government body.</param>
    /// <param name="appId">The app the OA granted access to; the permission endpoint consents for the first such OA.</param>
    public void AddOfficialAccount(string oaId, string name, int oaType = 4, string? appId = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(oaId);
        ArgumentNullException.ThrowIfNull(name);
        _backend.AddOfficialAccount(oaId, name, oaType, appId);
    }

    /// <summary>Adds a follower to an OA (or updates one: tags are added, not replaced).</summary>
    /// <param name="oaId">The OA id.</param>
    /// <param name="userId">The follower's user id.</param>
    /// <param name="displayName">The display name; "Người dùng &lt;last 4 digits&gt;" when omitted.</param>
    /// <param name="lastInteraction">When the user last interacted with the OA; none when omitted.</param>
    /// <param name="tags">Tags to put on the follower.</param>
    public void AddFollower(string oaId, string userId, string? displayName = null, DateTimeOffset? lastInteraction = null, params string[] tags)
    {
        ArgumentException.ThrowIfNullOrEmpty(oaId);
        ArgumentException.ThrowIfNullOrEmpty(userId);
        _backend.AddFollower(oaId, userId, displayName, lastInteraction, tags);
    }

    /// <summary>
    /// Records that a user interacted with the OA (opens the consultation window, resets the reply quota).
    /// An unknown user is added as a non-follower (someone who chatted without following).
    /// </summary>
    /// <param name="oaId">The OA id.</param>
    /// <param name="userId">The user id.</param>
    /// <param name="at">When the interaction happened.</param>
    public void RecordInteraction(string oaId, string userId, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrEmpty(oaId);
        ArgumentException.ThrowIfNullOrEmpty(userId);
        _backend.RecordInteraction(oaId, userId, at);
    }

    /// <summary>Issues an authorization code, as the consent screen would; valid for the code lifetime, single use.</summary>
    /// <param name="appId">The app id.</param>
    /// <param name="oaId">The consenting OA.</param>
    /// <param name="codeChallenge">base64url(SHA-256(code_verifier)); empty to skip the PKCE check.</param>
    /// <returns>The code.</returns>
    public string IssueAuthorizationCode(string appId, string oaId, string codeChallenge)
    {
        ArgumentException.ThrowIfNullOrEmpty(appId);
        ArgumentException.ThrowIfNullOrEmpty(oaId);
        return _backend.IssueAuthorizationCode(appId, oaId, codeChallenge);
    }

    /// <summary>Seeds a grant directly: a new access token and refresh token for the app and OA.</summary>
    /// <param name="appId">The app id.</param>
    /// <param name="oaId">The OA id.</param>
    /// <returns>The token pair.</returns>
    public (string AccessToken, string RefreshToken) IssueTokens(string appId, string oaId)
    {
        ArgumentException.ThrowIfNullOrEmpty(appId);
        ArgumentException.ThrowIfNullOrEmpty(oaId);
        return _backend.IssueTokens(appId, oaId);
    }

    /// <summary>Successful refresh_token grants for an OA.</summary>
    /// <param name="oaId">The OA id.</param>
    /// <returns>The count (0 for an unknown OA).</returns>
    public int GetRefreshCount(string oaId) => _backend.GetRefreshCount(oaId);

    /// <summary>The messages an OA sent, in order.</summary>
    /// <param name="oaId">The OA id.</param>
    /// <returns>A snapshot (empty for an unknown OA).</returns>
    public IReadOnlyList<EmulatedMessage> GetSentMessages(string oaId) => _backend.GetSentMessages(oaId);

    /// <summary>How many uploads (image, gif, file) an OA has made, expired ones included.</summary>
    /// <param name="oaId">The OA id.</param>
    /// <returns>The count (0 for an unknown OA).</returns>
    public int GetUploadCount(string oaId) => _backend.GetUploads(oaId).Count;

    /// <summary>The next requests to a path answer HTTP 200 <c>{"error":errorCode,...}</c> without doing anything.</summary>
    /// <param name="path">The path, e.g. <c>/v3.0/oa/message/cs</c>.</param>
    /// <param name="errorCode">The Zalo error code to answer.</param>
    /// <param name="times">How many requests.</param>
    public void FailNext(string path, int errorCode, int times = 1) => _backend.AddFault(path, new ErrorFault(errorCode), times);

    /// <summary>The next requests to a path answer an HTTP status (e.g. 503) without doing anything.</summary>
    /// <param name="path">The path, e.g. <c>/v3.0/oa/message/cs</c>.</param>
    /// <param name="httpStatus">The HTTP status code.</param>
    /// <param name="times">How many requests.</param>
    /// <param name="retryAfter">When set, a <c>Retry-After</c> header in whole seconds (rounded up).</param>
    public void FailNextWithStatus(string path, int httpStatus, int times = 1, TimeSpan? retryAfter = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(httpStatus, 100);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(httpStatus, 599);
        _backend.AddFault(path, new StatusFault(httpStatus, retryAfter), times);
    }

    /// <summary>
    /// The next requests to a path are read and applied (a message is recorded as sent), then the answer waits
    /// <paramref name="delay"/> of real time: a response that does not come back in time.
    /// </summary>
    /// <param name="path">The path, e.g. <c>/v3.0/oa/message/cs</c>.</param>
    /// <param name="delay">How long to hold the answer.</param>
    /// <param name="times">How many requests.</param>
    public void DelayNext(string path, TimeSpan delay, int times = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        _backend.AddFault(path, new DelayFault(delay), times);
    }

    /// <summary>
    /// Seeds the demo used by <c>dotnet run</c>: app <c>demo-app</c> (secret <c>demo-secret</c>, redirect
    /// <c>http://127.0.0.1/callback</c>), OA <c>demo-oa</c> ("UBND xã Gia Viễn (demo)", government body) with 120
    /// followers (ids from <c>1000000000000000001</c>; about half interacted within the interaction window; some
    /// tagged <c>thon-1</c> / <c>thon-2</c>; all in Ninh Bình (city 37), aged 18 and over, half women, half on Android,
    /// for broadcast targeting), and the ZNS template <c>100001</c> of the demo OA (parameters <c>ten</c>,
    /// text of at most 30 characters, and <c>ngay_hen</c>, a date <c>dd/MM/yyyy</c>).
    /// </summary>
    /// <returns>A token pair for the demo OA.</returns>
    public (string AccessToken, string RefreshToken) SeedDemo()
    {
        const string App = "demo-app";
        const string Oa = "demo-oa";
        RegisterApp(App, "demo-secret", "http://127.0.0.1/callback");
        AddOfficialAccount(Oa, "UBND xã Gia Viễn (demo)", 4, App);
        string[] family = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đinh", "Bùi"];
        string[] given = ["Văn An", "Thị Bình", "Minh Châu", "Đức Dũng", "Thu Hà", "Quang Huy", "Thị Lan", "Văn Nam", "Hồng Nhung", "Bá Tùng"];
        var now = _backend.Now;
        for (var i = 1; i <= 120; i++)
        {
            var userId = (1_000_000_000_000_000_000L + i).ToString(CultureInfo.InvariantCulture);
            var name = $"{family[i % family.Length]} {given[i % given.Length]}";
            DateTimeOffset? last = (i % 2) switch
            {
                0 => now - TimeSpan.FromHours(3 + (i * 7 % 150)),          // within 7 days (at most 152 h)
                _ when i % 5 == 1 => null,                                  // never interacted
                _ => now - TimeSpan.FromDays(8 + (i % 60)),                // outside the window
            };
            var tags = (i % 10) switch
            {
                0 or 3 => new[] { "thon-1" },
                5 or 7 => new[] { "thon-2" },
                _ => [],
            };
            AddFollower(Oa, userId, name, last, tags);
            SetFollowerDemographics(Oa, userId, ageGroup: 2 + (i % 6), gender: 1 + (i % 2), region: 0, city: 37, platform: 1 + (i % 2)); // broadcast targeting: all in Ninh Bình, aged 18+
        }

        RegisterZnsTemplate(Oa, "100001", [new EmulatedZnsParameter("ten", "STRING", 30), new EmulatedZnsParameter("ngay_hen", "DATE", 20)], name: "Lịch hẹn (demo)");
        return IssueTokens(App, Oa);
    }
}
