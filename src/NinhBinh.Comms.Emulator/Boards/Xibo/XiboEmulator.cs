using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;

namespace NinhBinh.Comms.Emulator.Boards.Xibo;

/// <summary>
/// A real HTTP server on 127.0.0.1 that answers the subset of the Xibo CMS 4.x API the Xibo board adapter uses, as
/// the CMS does: OAuth2 client credentials with expiring tokens (<c>POST /api/authorize/access_token</c>), display
/// groups and displays, resolutions, layouts with drafts, regions, widgets (embedded, webpage, text) and media from a
/// URL, publishing, <c>changeLayout</c> / <c>revertToSchedule</c>, layout schedule events, screenshots and layout
/// statistics. Answers are bare entities with 201/200/204, errors <c>{"error":{"message","code"}}</c>, lists paged
/// with <c>start</c>/<c>length</c> (10 by default) and <c>X-Total-Count</c>. It keeps what each display shows on
/// screen (its schedule, or an interrupt until its duration ends on the emulator's clock) so tests and the QuickStart
/// can look. All members are thread-safe.
/// </summary>
public sealed partial class XiboEmulator : IAsyncDisposable
{
    private readonly XiboCms _cms;
    private readonly XiboEmulatorOptions _options;
    private WebApplication? _app;
    private int _disposed;

    private XiboEmulator(XiboEmulatorOptions options)
    {
        _options = options;
        _cms = new XiboCms(options);
    }

    /// <summary>The CMS root, e.g. <c>http://127.0.0.1:41234/</c>; the API is under <c>/api</c>.</summary>
    public Uri BaseUri { get; private set; } = new("http://127.0.0.1/");

    /// <summary>The client id the CMS accepts.</summary>
    public string ClientId => _options.ClientId;

    /// <summary>The client secret the CMS accepts.</summary>
    public string ClientSecret => _options.ClientSecret;

    /// <summary>How many access tokens were issued.</summary>
    public int TokensIssued => _cms.TokensIssued;

    /// <summary>How many API requests (not token requests) were received, refused ones included.</summary>
    public int ApiRequests => _cms.ApiRequests;

    /// <summary>How many layouts exist (each display's seeded schedule layout included).</summary>
    public int LayoutCount => _cms.LayoutCount;

    /// <summary>How many schedule events exist.</summary>
    public int EventCount => _cms.EventCount;

    /// <summary>Starts an emulated CMS listening on 127.0.0.1.</summary>
    /// <param name="options">Settings; defaults when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running emulator; dispose it to stop it.</returns>
    public static async Task<XiboEmulator> StartAsync(XiboEmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new XiboEmulatorOptions();
        ArgumentOutOfRangeException.ThrowIfNegative(options.Port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Port, 65535);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.AccessTokenLifetime, TimeSpan.Zero);
        ArgumentException.ThrowIfNullOrEmpty(options.ClientId);
        ArgumentException.ThrowIfNullOrEmpty(options.ClientSecret);
        ArgumentNullException.ThrowIfNull(options.TimeProvider);
        var emulator = new XiboEmulator(options);
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

    /// <summary>Stops the server and releases it.</summary>
    /// <returns>A task that completes when the server is gone.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1 || _app is null)
        {
            return;
        }

        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    // ---- seeding -----------------------------------------------------------------------------------------------

    /// <summary>Adds (or renames) a display group.</summary>
    /// <param name="displayGroupId">Its id.</param>
    /// <param name="name">Its name.</param>
    public void AddDisplayGroup(int displayGroupId, string name)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(displayGroupId);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        _cms.AddDisplayGroup(displayGroupId, name);
    }

    /// <summary>
    /// Adds a display (with its own display-specific group and a schedule layout it shows when nothing else is
    /// scheduled) as a member of display groups.
    /// </summary>
    /// <param name="displayId">Its id.</param>
    /// <param name="name">Its name.</param>
    /// <param name="displayGroupIds">The groups it belongs to (added before).</param>
    /// <param name="online">Whether it is logged in.</param>
    /// <param name="lastSeen">When it last checked in (for an offline display); now when omitted.</param>
    /// <param name="width">Its resolution's width; 1920 by default.</param>
    /// <param name="height">Its resolution's height; 1080 by default.</param>
    public void AddDisplay(int displayId, string name, IReadOnlyList<int> displayGroupIds, bool online = true, DateTimeOffset? lastSeen = null,
        int width = 1920, int height = 1080)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(displayId);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(displayGroupIds);
        _cms.AddDisplay(displayId, name, displayGroupIds.ToArray(), online, lastSeen, width, height);
    }

    /// <summary>
    /// Seeds the demo: display group 1 "UBND xã Gia Viễn - bảng điện tử" with displays 11 "Nhà văn hoá thôn Đông"
    /// and 12 "Chợ Gia Viễn" (online) and 13 "Trạm y tế xã" (offline, last seen 2026-11-25 08:00 +07:00, portrait
    /// 1080×1920); display group 2 "UBND phường Hoa Lư - bảng điện tử" with display 21 "Cổng UBND phường" (online).
    /// </summary>
    public void SeedDemo()
    {
        AddDisplayGroup(1, "UBND xã Gia Viễn - bảng điện tử");
        AddDisplayGroup(2, "UBND phường Hoa Lư - bảng điện tử");
        AddDisplay(11, "Nhà văn hoá thôn Đông", [1]);
        AddDisplay(12, "Chợ Gia Viễn", [1]);
        AddDisplay(13, "Trạm y tế xã", [1], online: false, lastSeen: new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.FromHours(7)), width: 1080, height: 1920);
        AddDisplay(21, "Cổng UBND phường", [2]);
    }

    // ---- inspection and switches -------------------------------------------------------------------------------

    /// <summary>Takes a display offline (it keeps playing what it had, gets no pushed action, reports last seen) or back online.</summary>
    /// <param name="displayId">The display.</param>
    /// <param name="online">Whether it is logged in.</param>
    public void SetOnline(int displayId, bool online) => _cms.SetOnline(displayId, online);

    /// <summary>Turns the CMS's XMR push channel on or off; without it display group actions are refused (422).</summary>
    /// <param name="enabled">Whether XMR is configured.</param>
    public void SetXmr(bool enabled) => _cms.SetXmr(enabled);

    /// <summary>What a display shows on screen now (on the emulator's clock).</summary>
    /// <param name="displayId">The display.</param>
    /// <returns>The screen.</returns>
    public XiboScreen GetScreen(int displayId) => _cms.GetScreen(displayId);

    /// <summary>What every display shows on screen now, by display id.</summary>
    /// <returns>The screens.</returns>
    public IReadOnlyList<XiboScreen> GetScreens() => _cms.GetScreens();

    /// <summary>Makes every issued access token invalid: the next API request answers 401 as with an expired token.</summary>
    public void ExpireTokens() => _cms.ExpireTokens();

    /// <summary>The next requests answer an HTTP error <c>{"error":{"message","code"}}</c> without doing anything.</summary>
    /// <param name="httpStatus">The status, e.g. 500.</param>
    /// <param name="path">Only requests to this path (e.g. <c>/api/display</c>); any API request when <see langword="null"/>.</param>
    /// <param name="times">How many requests.</param>
    public void FailNext(int httpStatus = 500, string? path = null, int times = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(httpStatus, 400);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(httpStatus, 599);
        _cms.AddFault(path, XiboReply.Error(httpStatus, "Emulated failure"), times);
    }

    /// <summary>The next requests answer 200 with an HTML page (a login page or a proxy's page) instead of JSON.</summary>
    /// <param name="path">Only requests to this path; any API request when <see langword="null"/>.</param>
    /// <param name="times">How many requests.</param>
    public void AnswerHtmlNext(string? path = null, int times = 1) =>
        _cms.AddFault(path, new XiboReply(200, Bytes: Encoding.UTF8.GetBytes("<!DOCTYPE html><html><head><title>Xibo - Login</title></head><body><form>Đăng nhập</form></body></html>"),
            ContentType: "text/html; charset=utf-8"), times);
}
