using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace NinhBinh.Comms.Broadcast.Boards.Anthias;

/// <summary>
/// One Screenly Anthias player (one screen) as an <see cref="IBoardSystem"/>, over its API v2
/// (<c>http://&lt;device&gt;/api/v2/</c>). The player's one display is also its only target: its id is
/// <see cref="AnthiasOptions.DisplayId"/>. Thread-safe; dispose it to release the HTTP client it created.
/// </summary>
/// <remarks>
/// <para>
/// An interrupt is an asset placed first in the play order and shown now (<c>assets/control/asset&amp;{id}</c>), with
/// <c>start_date</c> now and <c>end_date</c> at the interrupt's end and a showing as long as the interrupt, so the
/// player returns to its playlist by itself when it ends. Its name starts with <see cref="InterruptNamePrefix"/>;
/// <see cref="RevertAsync"/> deletes every asset so named, restores the play order and moves the player on.
/// A text bulletin is rendered as a PNG (<see cref="BoardRenderer.RenderPng"/>) and uploaded, because Anthias shows
/// HTML only from an http(s) URL.
/// </para>
/// <para>
/// Anthias has no screenshot API (<see cref="GetScreenshotAsync"/> throws <see cref="NotSupportedException"/>) and
/// does not report what it played: <see cref="GetProofOfPlayAsync"/> returns what this instance told the player to
/// show, kept in memory, with <see cref="BoardPlayRecord.Confirmed"/> <see langword="false"/>.
/// </para>
/// <para>
/// An unreachable device (connection refused, no answer within <see cref="AnthiasOptions.RequestTimeout"/>) is not an
/// exception for <see cref="InterruptAsync"/>, <see cref="ScheduleAsync"/>, <see cref="RevertAsync"/> and
/// <see cref="GetDisplaysAsync"/>: the display is reported offline, with when this instance last got an answer from it.
/// A device that answers with an error throws <see cref="BoardException"/>.
/// </para>
/// </remarks>
public sealed class AnthiasBoardSystem : IBoardSystem, IDisposable
{
    /// <summary>The name prefix of the assets an interrupt creates; <see cref="RevertAsync"/> removes every asset whose name starts with it.</summary>
    public const string InterruptNamePrefix = "nbcomms-interrupt:";

    /// <summary>The name prefix of the assets <see cref="ScheduleAsync"/> creates.</summary>
    public const string ScheduleNamePrefix = "nbcomms:";

    /// <summary>The longest interrupt: one day.</summary>
    public static readonly TimeSpan MaxInterruptDuration = TimeSpan.FromDays(1);

    /// <summary>How long a scheduled item without an end stays in the playlist (Anthias needs an <c>end_date</c>): ten years.</summary>
    public static readonly TimeSpan OpenEndedScheduleLength = TimeSpan.FromDays(3652);

    private readonly AnthiasTransport _transport;
    private readonly string _displayId;
    private readonly string _displayName;
    private readonly int _renderWidth;
    private readonly int _renderHeight;
    private readonly bool _checkMedia;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly object _gate = new();
    private readonly List<PlayEntry> _plays = new();
    private List<string>? _orderBeforeInterrupt;

    /// <summary>Creates the adapter for one player.</summary>
    /// <param name="options">The player's settings; checked now.</param>
    /// <param name="httpClient">The HTTP client to use (not disposed by the adapter); one that does not follow redirects is created when <see langword="null"/>.</param>
    /// <param name="timeProvider">The clock (start and end dates, time-outs); <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <param name="logger">A logger, or <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">A setting is missing or invalid; the message names it.</exception>
    public AnthiasBoardSystem(AnthiasOptions options, HttpClient? httpClient = null, TimeProvider? timeProvider = null, ILogger<AnthiasBoardSystem>? logger = null)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        options.Validate();
        _displayId = options.DisplayId;
        _displayName = string.IsNullOrWhiteSpace(options.DisplayName) ? options.DisplayId : options.DisplayName!;
        _renderWidth = options.RenderWidth;
        _renderHeight = options.RenderHeight;
        _checkMedia = options.CheckMedia;
        _time = timeProvider ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        Name = "anthias:" + options.DisplayId;
        _transport = new AnthiasTransport(Name, options, httpClient, _time);
    }

    /// <summary>The system's name: <c>anthias:</c> and the display id.</summary>
    public string Name { get; }

    /// <summary>The id of the player's one display, which is also its target id.</summary>
    public string DisplayId => _displayId;

    /// <inheritdoc />
    /// <remarks>
    /// One display: online with what it shows (the first active asset in play order, an interrupt counting from its
    /// start; Anthias does not report the screen itself) when <c>GET /api/v2/info</c> answers, offline with when it was last seen when it does not.
    /// Anthias does not report its resolution: width and height are <see langword="null"/>.
    /// </remarks>
    public async Task<IReadOnlyList<BoardDisplay>> GetDisplaysAsync(string? targetId = null, CancellationToken cancellationToken = default)
    {
        if (targetId is not null)
        {
            CheckTarget(targetId);
        }

        try
        {
            await _transport.GetJsonAsync("info", cancellationToken).ConfigureAwait(false);
            var assets = await ListAssetsAsync(cancellationToken).ConfigureAwait(false);
            // An interrupt asset starts "now": by the device's clock it may not be active yet, but it was jumped to.
            var now = _time.GetUtcNow();
            var showing = assets
                .Where(a => a.IsActive || (a.IsInterrupt && a.IsEnabled && a.StartDate <= now && now < a.EndDate))
                .OrderBy(a => a.PlayOrder)
                .FirstOrDefault();
            return new[] { new BoardDisplay(_displayId, _displayName, true, _transport.LastSeen, null, showing?.Name) };
        }
        catch (AnthiasUnreachableException ex)
        {
            AnthiasLog.Unreachable(_logger, Name, ex.Message);
            return new[] { new BoardDisplay(_displayId, _displayName, false, _transport.LastSeen) };
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// Requests, in order: <c>GET assets</c>; for a text bulletin <c>POST file_asset</c> (the rendered PNG);
    /// <c>POST assets</c> (name <see cref="InterruptNamePrefix"/> + the content's name, start now, end after
    /// <paramref name="duration"/>, one showing as long as the interrupt, a video for its own length);
    /// <c>POST assets/order</c> with it first (an earlier interrupt still running next, then the playlist);
    /// <c>GET assets/control/asset&amp;{id}</c>. An image, video or web page URL
    /// is checked first unless <see cref="AnthiasOptions.CheckMedia"/> is off.
    /// </remarks>
    public async Task<BoardPublication> InterruptAsync(string targetId, BoardContent content, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        CheckTarget(targetId);
        if (content is null)
        {
            throw new ArgumentNullException(nameof(content));
        }

        if (duration <= TimeSpan.Zero || duration > MaxInterruptDuration)
        {
            throw new ArgumentOutOfRangeException(nameof(duration), duration, $"duration: must be more than 0 and at most {MaxInterruptDuration.TotalHours:0} hours.");
        }

        var png = Render(content, emergency: true);
        await CheckMediaAsync(content, cancellationToken).ConfigureAwait(false);
        var now = _time.GetUtcNow();
        var until = now + duration;

        List<AnthiasAsset> assets;
        try
        {
            assets = await ListAssetsAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (AnthiasUnreachableException ex)
        {
            return OfflinePublication(ex, now, until);
        }

        var previousOrder = assets.Where(a => a.IsActive && !a.IsInterrupt).OrderBy(a => a.PlayOrder).Select(a => a.AssetId).ToList();
        var earlierInterrupts = assets.Where(a => a.IsInterrupt && a.IsEnabled && a.EndDate > now).OrderBy(a => a.PlayOrder).Select(a => a.AssetId);
        try
        {
            var assetId = await CreateAssetAsync(InterruptNamePrefix, content, png, now, until, Seconds(duration), playOrder: 0, cancellationToken).ConfigureAwait(false);
            await _transport.PostOrderAsync(new[] { assetId }.Concat(earlierInterrupts).Concat(previousOrder), cancellationToken).ConfigureAwait(false);
            await _transport.ControlAsync("asset&" + assetId, cancellationToken).ConfigureAwait(false);
            lock (_gate)
            {
                _orderBeforeInterrupt ??= previousOrder;
                _plays.Add(new PlayEntry(assetId, InterruptNamePrefix + content.Name, now, until));
            }

            AnthiasLog.InterruptShown(_logger, Name, assetId, until);
            return new BoardPublication(Name, _displayId, assetId, null, now, until,
                new[] { new BoardDisplayResult(_displayId, _displayName, BoardDisplayStatus.Shown) });
        }
        catch (AnthiasUnreachableException ex)
        {
            throw StoppedAnswering(ex, "the interrupt");
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// Requests, in order: <c>GET assets</c>; <c>DELETE assets/{id}</c> for every asset whose name starts with
    /// <see cref="InterruptNamePrefix"/> (also those another process created); <c>POST assets/order</c> with the order
    /// the playlist had before this instance's first interrupt (else the remaining order); <c>GET assets/control/next</c>.
    /// Without any such asset nothing but the list is requested: the playlist is left as it is.
    /// The display's result is <see cref="BoardDisplayStatus.Scheduled"/>: back on its playlist.
    /// </remarks>
    public async Task<IReadOnlyList<BoardDisplayResult>> RevertAsync(string targetId, CancellationToken cancellationToken = default)
    {
        CheckTarget(targetId);
        List<AnthiasAsset> assets;
        try
        {
            assets = await ListAssetsAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (AnthiasUnreachableException ex)
        {
            AnthiasLog.Unreachable(_logger, Name, ex.Message);
            return new[] { new BoardDisplayResult(_displayId, _displayName, BoardDisplayStatus.Offline, OfflineReason(ex)) };
        }

        try
        {
            var interrupts = assets.Where(a => a.IsInterrupt).ToList();
            if (interrupts.Count == 0)
            {
                // Nothing to end: the playlist is left as it is (no reorder, no skip to the next asset).
                lock (_gate)
                {
                    _orderBeforeInterrupt = null;
                }

                AnthiasLog.Reverted(_logger, Name, 0);
                return new[] { new BoardDisplayResult(_displayId, _displayName, BoardDisplayStatus.Scheduled) };
            }

            foreach (var asset in interrupts)
            {
                await _transport.DeleteAssetAsync(asset.AssetId, toleratesMissing: true, cancellationToken).ConfigureAwait(false);
            }

            var remaining = assets.Where(a => !a.IsInterrupt && a.IsActive).OrderBy(a => a.PlayOrder).Select(a => a.AssetId).ToList();
            List<string> order;
            lock (_gate)
            {
                order = (_orderBeforeInterrupt ?? new List<string>()).Where(remaining.Contains).ToList();
            }

            order.AddRange(remaining.Where(id => !order.Contains(id)));
            if (order.Count > 0)
            {
                await _transport.PostOrderAsync(order, cancellationToken).ConfigureAwait(false);
            }

            await _transport.ControlAsync("next", cancellationToken).ConfigureAwait(false);
            var now = _time.GetUtcNow();
            lock (_gate)
            {
                _orderBeforeInterrupt = null;
                EndPlays(interrupts.Select(a => a.AssetId), now);
            }

            AnthiasLog.Reverted(_logger, Name, interrupts.Count);
            return new[] { new BoardDisplayResult(_displayId, _displayName, BoardDisplayStatus.Scheduled) };
        }
        catch (AnthiasUnreachableException ex)
        {
            throw StoppedAnswering(ex, "the revert");
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// Requests, in order: <c>GET assets</c>; for a text bulletin <c>POST file_asset</c>; <c>POST assets</c> (name
    /// <see cref="ScheduleNamePrefix"/> + the content's name, <c>start_date</c>/<c>end_date</c> the content's validity
    /// window in UTC, from now and for <see cref="OpenEndedScheduleLength"/> when open; enabled; placed last);
    /// <c>POST assets/order</c> with it last. A video plays for its own length (Anthias requires duration 0 for videos).
    /// </remarks>
    /// <exception cref="ArgumentException">The content's validity window has already ended.</exception>
    public async Task<BoardPublication> ScheduleAsync(string targetId, BoardContent content, CancellationToken cancellationToken = default)
    {
        CheckTarget(targetId);
        if (content is null)
        {
            throw new ArgumentNullException(nameof(content));
        }

        var now = _time.GetUtcNow();
        var from = content.ValidFrom ?? now;
        var until = content.ValidUntil ?? from + OpenEndedScheduleLength;
        if (until <= now)
        {
            throw new ArgumentException($"content: its validity window ended at {content.ValidUntil:O}; nothing to schedule.", nameof(content));
        }

        var png = Render(content, emergency: false);
        await CheckMediaAsync(content, cancellationToken).ConfigureAwait(false);
        List<AnthiasAsset> assets;
        try
        {
            assets = await ListAssetsAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (AnthiasUnreachableException ex)
        {
            return OfflinePublication(ex, from, content.ValidUntil, BoardDisplayStatus.Offline);
        }

        try
        {
            var active = assets.Where(a => a.IsActive).OrderBy(a => a.PlayOrder).Select(a => a.AssetId).ToList();
            var seconds = content.Duration is { } d ? Seconds(d) : 0;
            var assetId = await CreateAssetAsync(ScheduleNamePrefix, content, png, from, until, seconds, playOrder: active.Count, cancellationToken).ConfigureAwait(false);
            if (from <= now)
            {
                active.Add(assetId);
            }

            await _transport.PostOrderAsync(active, cancellationToken).ConfigureAwait(false);
            lock (_gate)
            {
                _plays.Add(new PlayEntry(assetId, ScheduleNamePrefix + content.Name, from, until));
            }

            AnthiasLog.Scheduled(_logger, Name, assetId, from, until);
            return new BoardPublication(Name, _displayId, assetId, null, from, content.ValidUntil,
                new[] { new BoardDisplayResult(_displayId, _displayName, BoardDisplayStatus.Scheduled) });
        }
        catch (AnthiasUnreachableException ex)
        {
            throw StoppedAnswering(ex, "the schedule");
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// <c>DELETE /api/v2/assets/{id}</c>. A publication that created nothing (the display was offline) removes nothing.
    /// An asset the device no longer has throws <see cref="BoardException"/> with status 404; an unreachable device
    /// throws <see cref="BoardException"/> with <see cref="CommsException.IsTransient"/> set.
    /// </remarks>
    public async Task RemoveAsync(BoardPublication publication, CancellationToken cancellationToken = default)
    {
        if (publication is null)
        {
            throw new ArgumentNullException(nameof(publication));
        }

        if (!string.Equals(publication.System, Name, StringComparison.Ordinal))
        {
            throw new ArgumentException($"publication: it belongs to '{publication.System}', not to '{Name}'.", nameof(publication));
        }

        if (publication.ContentId.Length == 0)
        {
            return;
        }

        try
        {
            await _transport.DeleteAssetAsync(publication.ContentId, toleratesMissing: false, cancellationToken).ConfigureAwait(false);
        }
        catch (AnthiasUnreachableException ex)
        {
            throw StoppedAnswering(ex, "the removal");
        }

        lock (_gate)
        {
            EndPlays(new[] { publication.ContentId }, _time.GetUtcNow());
        }
    }

    /// <summary>Not supported: Anthias has no screenshot API.</summary>
    /// <param name="displayId">The display.</param>
    /// <param name="cancellationToken">Not used.</param>
    /// <returns>Never returns.</returns>
    /// <exception cref="NotSupportedException">Always: the Anthias API v2 has no screenshot endpoint.</exception>
    public Task<BoardScreenshot> GetScreenshotAsync(string displayId, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException($"{Name}: Anthias has no screenshot API (its API v2 has no screenshot endpoint); use a camera or the Xibo CMS for screenshots.");

    /// <inheritdoc />
    /// <remarks>
    /// Anthias cannot report what it played. The records are what this instance told the player to show (its
    /// interrupts and scheduled items, from start to end, cut short by a revert or removal and never past now), kept in
    /// memory for the life of the instance, with <see cref="BoardPlayRecord.Confirmed"/> <see langword="false"/>.
    /// No request is made.
    /// </remarks>
    public Task<IReadOnlyList<BoardPlayRecord>> GetProofOfPlayAsync(DateTimeOffset since, DateTimeOffset until, string? displayId = null,
        CancellationToken cancellationToken = default)
    {
        if (until <= since)
        {
            throw new ArgumentException($"until ({until:O}) is not after since ({since:O}).", nameof(until));
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (displayId is not null && !string.Equals(displayId, _displayId, StringComparison.Ordinal))
        {
            return Task.FromResult<IReadOnlyList<BoardPlayRecord>>(Array.Empty<BoardPlayRecord>());
        }

        var now = _time.GetUtcNow();
        List<BoardPlayRecord> records;
        lock (_gate)
        {
            records = _plays
                .Select(p => (p, End: p.End < now ? p.End : now))
                .Where(x => x.p.Start <= now && x.p.Start < until && x.End > since)
                .OrderBy(x => x.p.Start)
                .Select(x => new BoardPlayRecord(Name, _displayId, x.p.AssetId, x.p.Name, x.p.Start, x.End, plays: 1, confirmed: false))
                .ToList();
        }

        return Task.FromResult<IReadOnlyList<BoardPlayRecord>>(records);
    }

    /// <summary>Releases the HTTP client the adapter created (not one it was given).</summary>
    public void Dispose() => _transport.Dispose();

    private void CheckTarget(string targetId)
    {
        if (targetId is null)
        {
            throw new ArgumentNullException(nameof(targetId));
        }

        if (!string.Equals(targetId, _displayId, StringComparison.Ordinal))
        {
            throw new BoardException($"{Name}: unknown target '{targetId}': this player's only display is '{_displayId}'.")
            {
                System = Name,
                Channel = "boards",
                Status = 404,
                ErrorCode = "unknown_target",
            };
        }
    }

    private byte[]? Render(BoardContent content, bool emergency) =>
        content.Kind == BoardContentKind.TextBulletin
            ? BoardRenderer.RenderPng(content.TextBulletin!, new BoardRenderOptions { Width = _renderWidth, Height = _renderHeight, Emergency = emergency })
            : null;

    private async Task<List<AnthiasAsset>> ListAssetsAsync(CancellationToken cancellationToken)
    {
        using var document = await _transport.GetJsonAsync("assets", cancellationToken).ConfigureAwait(false);
        if (document.RootElement.ValueKind != System.Text.Json.JsonValueKind.Array)
        {
            throw _transport.NotExpected("GET", "assets", "a list of assets");
        }

        return document.RootElement.EnumerateArray().Select(AnthiasAsset.From).Where(a => a is not null).Select(a => a!).ToList();
    }

    private async Task<string> CreateAssetAsync(string prefix, BoardContent content, byte[]? png, DateTimeOffset start, DateTimeOffset end,
        int seconds, int playOrder, CancellationToken cancellationToken)
    {
        string uri;
        string? ext = null;
        if (png is not null)
        {
            (uri, ext) = await _transport.UploadPngAsync(png, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            uri = content.Uri!.AbsoluteUri;
        }

        var mimetype = content.Kind switch
        {
            BoardContentKind.Video => "video",
            BoardContentKind.WebPage => "webpage",
            _ => "image",
        };
        return await _transport.CreateAssetAsync(new AnthiasNewAsset(prefix + content.Name, uri, ext, start, end,
            content.Kind == BoardContentKind.Video ? 0 : seconds, mimetype, playOrder), cancellationToken).ConfigureAwait(false);
    }

    private Task CheckMediaAsync(BoardContent content, CancellationToken cancellationToken) =>
        _checkMedia && content.Uri is not null ? _transport.CheckMediaAsync(content.Kind, content.Uri, cancellationToken) : Task.CompletedTask;

    private BoardPublication OfflinePublication(AnthiasUnreachableException ex, DateTimeOffset from, DateTimeOffset? until,
        BoardDisplayStatus status = BoardDisplayStatus.Offline)
    {
        AnthiasLog.Unreachable(_logger, Name, ex.Message);
        return new BoardPublication(Name, _displayId, string.Empty, null, from, until,
            new[] { new BoardDisplayResult(_displayId, _displayName, status, OfflineReason(ex)) });
    }

    private string OfflineReason(AnthiasUnreachableException ex)
    {
        var seen = _transport.LastSeen is { } at
            ? "last seen " + VietnamTime.ToVietnamTime(at).ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture)
            : "not seen since this adapter started";
        return $"offline, {seen} ({ex.Message})";
    }

    private BoardException StoppedAnswering(AnthiasUnreachableException ex, string what)
    {
        AnthiasLog.Unreachable(_logger, Name, ex.Message);
        return new BoardException($"{Name}: the device stopped answering during {what}: {ex.Message}; the display may show part of it.", ex)
        {
            System = Name,
            Channel = "boards",
            IsTransient = true,
            ErrorCode = "unreachable",
        };
    }

    private void EndPlays(IEnumerable<string> assetIds, DateTimeOffset at)
    {
        var ids = new HashSet<string>(assetIds, StringComparer.Ordinal);
        for (var i = 0; i < _plays.Count; i++)
        {
            var p = _plays[i];
            if (ids.Contains(p.AssetId) && p.End > at)
            {
                _plays[i] = p with { End = at < p.Start ? p.Start : at };
            }
        }
    }

    private static int Seconds(TimeSpan duration) => Math.Max(1, (int)Math.Ceiling(duration.TotalSeconds));

    private sealed record PlayEntry(string AssetId, string Name, DateTimeOffset Start, DateTimeOffset End);
}
