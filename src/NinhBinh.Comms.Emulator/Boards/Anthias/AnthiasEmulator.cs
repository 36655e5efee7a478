using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;

namespace NinhBinh.Comms.Emulator.Boards.Anthias;

/// <summary>
/// A real HTTP server on 127.0.0.1 that behaves like one Screenly Anthias player's API v2 (the subset the
/// NinhBinh.Comms adapter uses): <c>GET info</c>, <c>GET/POST assets</c>, <c>GET/DELETE assets/{id}</c>,
/// <c>POST assets/order</c>, <c>GET assets/control/{next|previous|asset&amp;id}</c> and <c>POST file_asset</c>, with
/// optional HTTP Basic authentication. It keeps what is "on screen" (<see cref="GetOnScreen"/>), can go offline
/// (<see cref="SetOnline"/>) and can inject faults. All members are thread-safe.
/// </summary>
/// <remarks>
/// <para>
/// On screen: the asset the player was told to jump to (<c>asset&amp;{id}</c>, even an inactive one) for one showing
/// (its duration; a 0-second video until its end date), then the first active asset (enabled, start &lt; now &lt; end,
/// by the emulator's clock) in play order. The emulator does not rotate through the playlist.
/// </para>
/// <para>
/// Differences from a device: it never fetches an asset URL (it answers as if the check passed); it refuses an
/// <c>end_date</c> that is not after <c>start_date</c> with a 400 (Anthias accepts it and the asset never plays,
/// Anthias#2116); an uploaded file is served back at the path its <c>uri</c> names (<c>/data/anthias_assets/…</c>),
/// so an image asset's uri resolves against <see cref="BaseUri"/>; play days and times are not modelled.
/// Without credentials a request is redirected (302) to <c>/login/</c>; wrong credentials answer 401, as Anthias does.
/// </para>
/// <para>
/// Offline (<see cref="SetOnline"/> with <see langword="false"/>): every connection is closed without an answer, as
/// when the device is off the network; it never answers 503.
/// </para>
/// </remarks>
public sealed partial class AnthiasEmulator : IAsyncDisposable
{
    private readonly AnthiasPlayer _player;
    private readonly CancellationTokenSource _stopping = new();
    private WebApplication? _app;
    private int _stopped;
    private int _disposed;

    private AnthiasEmulator(AnthiasEmulatorOptions options)
    {
        _player = new AnthiasPlayer(options);
    }

    /// <summary>The device root, e.g. <c>http://127.0.0.1:41234/</c>; the API is under <c>api/v2/</c>.</summary>
    public Uri BaseUri { get; private set; } = new("http://127.0.0.1/");

    /// <summary>The id of the player's one display.</summary>
    public string DisplayId => _player.DisplayId;

    /// <summary>API requests received (<c>/api/v2/…</c>, rejected and fault-injected ones included), as "METHOD /path", oldest first.</summary>
    public IReadOnlyList<string> Requests => _player.Requests;

    /// <summary>How many API requests were received.</summary>
    public int TotalRequests => _player.Requests.Count;

    /// <summary>Whether the player answers.</summary>
    public bool IsOnline => _player.IsOnline;

    /// <summary>Starts an emulated player listening on 127.0.0.1.</summary>
    /// <param name="options">Settings; defaults when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running emulator; dispose it to stop it.</returns>
    public static async Task<AnthiasEmulator> StartAsync(AnthiasEmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new AnthiasEmulatorOptions();
        ArgumentOutOfRangeException.ThrowIfNegative(options.Port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Port, 65535);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.DisplayId);
        ArgumentNullException.ThrowIfNull(options.TimeProvider);
        if (string.IsNullOrEmpty(options.User) != string.IsNullOrEmpty(options.Password))
        {
            throw new ArgumentException("User and Password are set together or not at all.", nameof(options));
        }

        var emulator = new AnthiasEmulator(options);
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

    /// <summary>What the display shows now (see the remarks), or <see langword="null"/> when nothing is active.</summary>
    /// <param name="displayId">The display's id (<see cref="DisplayId"/>).</param>
    /// <returns>A snapshot of the asset on screen, or <see langword="null"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="displayId"/> is not this player's display.</exception>
    public AnthiasEmulatedAsset? GetOnScreen(string displayId)
    {
        CheckDisplay(displayId);
        return _player.OnScreen();
    }

    /// <summary>Every asset, in play order.</summary>
    /// <returns>A snapshot.</returns>
    public IReadOnlyList<AnthiasEmulatedAsset> GetAssets() => _player.Snapshot();

    /// <summary>The bytes of an uploaded file, by the <c>uri</c> that <c>file_asset</c> or the asset gave it.</summary>
    /// <param name="uri">The path, e.g. <c>/data/anthias_assets/0f…9c.png</c>.</param>
    /// <returns>The bytes, or <see langword="null"/> when there is no such file.</returns>
    public byte[]? GetUploadedFile(string uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        return _player.GetFile(uri);
    }

    /// <summary>Takes the display off the network (every connection closed without an answer) or puts it back.</summary>
    /// <param name="displayId">The display's id (<see cref="DisplayId"/>).</param>
    /// <param name="online">Whether it answers.</param>
    /// <exception cref="ArgumentException"><paramref name="displayId"/> is not this player's display.</exception>
    public void SetOnline(string displayId, bool online)
    {
        CheckDisplay(displayId);
        _player.IsOnline = online;
    }

    /// <summary>Adds an enabled asset at the end of the play order, as if an operator had added it.</summary>
    /// <param name="name">The name.</param>
    /// <param name="uri">The URL.</param>
    /// <param name="mimetype"><c>webpage</c>, <c>image</c> or <c>video</c>.</param>
    /// <param name="duration">One showing, in seconds (0 for a video).</param>
    /// <param name="start">The start of its window; a day ago when omitted.</param>
    /// <param name="end">The end of its window; a year on when omitted.</param>
    /// <returns>The new asset's id.</returns>
    public string AddAsset(string name, Uri uri, string mimetype = "webpage", int duration = 30, DateTimeOffset? start = null, DateTimeOffset? end = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(uri);
        ArgumentException.ThrowIfNullOrWhiteSpace(mimetype);
        ArgumentOutOfRangeException.ThrowIfNegative(duration);
        var now = _player.Now;
        return _player.AddAsset(name, uri.AbsoluteUri, mimetype, duration, start ?? now.AddDays(-1), end ?? now.AddYears(1));
    }

    /// <summary>
    /// Seeds the demo playlist used by <c>nbcomms emulator anthias</c> and the QuickStart: "Lịch tiếp công dân" (a web
    /// page) and "Bản tin nông nghiệp" (an image), both active.
    /// </summary>
    public void SeedDemo()
    {
        AddAsset("Lịch tiếp công dân", new Uri("http://127.0.0.1/lich-tiep-cong-dan.html"), "webpage", 30);
        AddAsset("Bản tin nông nghiệp", new Uri("http://127.0.0.1/ban-tin-nong-nghiep.png"), "image", 20);
    }

    /// <summary>The next API requests (to one path, or to any) answer an HTTP status (e.g. 500) with <c>{"error": …}</c> without doing anything.</summary>
    /// <param name="httpStatus">The HTTP status code.</param>
    /// <param name="path">Only requests to this path (e.g. <c>/api/v2/assets/order</c>); any API request when <see langword="null"/>.</param>
    /// <param name="times">How many requests.</param>
    public void FailNext(int httpStatus, string? path = null, int times = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(httpStatus, 100);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(httpStatus, 599);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(times);
        _player.AddFault(new AnthiasPlayer.StatusFault(httpStatus), path, times);
    }

    /// <summary>The next API requests answer 200 with an HTML page (a captive portal, a wrong address) instead of JSON.</summary>
    /// <param name="times">How many requests.</param>
    public void AnswerHtmlNext(int times = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(times);
        _player.AddFault(new AnthiasPlayer.HtmlFault(), null, times);
    }

    /// <summary>
    /// The next API requests (to one path, or to any) are received and never answered, until the client gives up or
    /// the emulator stops: a device that hangs. Nothing is done.
    /// </summary>
    /// <param name="path">Only requests to this path (e.g. <c>/api/v2/assets</c>); any API request when <see langword="null"/>.</param>
    /// <param name="times">How many requests.</param>
    public void HoldNext(string? path = null, int times = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(times);
        _player.AddFault(new AnthiasPlayer.HoldFault(), path, times);
    }

    /// <summary>Stops listening.</summary>
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

    private void CheckDisplay(string displayId)
    {
        ArgumentNullException.ThrowIfNull(displayId);
        if (!string.Equals(displayId, _player.DisplayId, StringComparison.Ordinal))
        {
            throw new ArgumentException($"displayId: '{displayId}' is not this player's display ('{_player.DisplayId}').", nameof(displayId));
        }
    }
}
