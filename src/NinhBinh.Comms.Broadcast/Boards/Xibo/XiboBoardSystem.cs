using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace NinhBinh.Comms.Broadcast.Boards.Xibo;

/// <summary>
/// A Xibo CMS (4.x API) as a board system. A target is a display group id. Every piece of content becomes a new
/// layout (one full-size region with one widget), published at once; an interrupt then tells the display group to
/// show it now (<c>changeLayout</c>, replace mode, for the interrupt's duration; the players go back to their
/// schedule by themselves when it ends, or at <see cref="RevertAsync"/>), and a schedule adds a layout event in
/// the content's validity window. Thread-safe; one instance per CMS.
/// </summary>
/// <remarks>
/// Text bulletins become an <c>embedded</c> widget whose HTML is <see cref="BoardRenderer.RenderHtml"/> at the layout's
/// size; web pages a <c>webpage</c> widget; images and videos are added to the CMS library from their URL
/// (<c>POST /library/uploadUrl</c>) and assigned to the region's playlist. Instant actions (interrupt, revert,
/// screenshot) travel over the CMS's XMR push channel; a CMS without XMR refuses them, which throws
/// <see cref="BoardException"/>.
/// </remarks>
public sealed class XiboBoardSystem : IBoardSystem, IDisposable
{
    /// <summary>The longest interrupt: one day.</summary>
    public static readonly TimeSpan MaxInterruptDuration = TimeSpan.FromDays(1);

    private const int PageSize = 100;
    private readonly XiboApi _api;
    private readonly XiboOptions _options;
    private readonly TimeProvider _time;
    private readonly TimeZoneInfo _zone;
    private readonly ILogger _logger;
    private readonly HttpClient? _ownedClient;

    /// <summary>Creates a board system for one CMS.</summary>
    /// <param name="options">The CMS settings; checked now.</param>
    /// <param name="httpClient">The HTTP client to send with (not disposed by this class; its own timeout should be longer than <see cref="XiboOptions.RequestTimeout"/>), or <see langword="null"/> for one of its own, disposed with it.</param>
    /// <param name="timeProvider">The clock for token expiry and "now"; the system clock when <see langword="null"/>.</param>
    /// <param name="logger">A logger, or <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">An option is missing or invalid; the message names it.</exception>
    public XiboBoardSystem(XiboOptions options, HttpClient? httpClient = null, TimeProvider? timeProvider = null, ILogger<XiboBoardSystem>? logger = null)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        options.Validate();
        if (httpClient is null)
        {
            httpClient = _ownedClient = new HttpClient { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        }

        _options = options;
        _time = timeProvider ?? TimeProvider.System;
        _zone = XiboWire.FindTimeZone(options.DefaultTimeZone);
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _api = new XiboApi(httpClient, options, _time, _logger);
    }


    /// <inheritdoc />
    public string Name => _options.Name;

    /// <inheritdoc />
    public async Task<IReadOnlyList<BoardDisplay>> GetDisplaysAsync(string? targetId = null, CancellationToken cancellationToken = default)
    {
        int? group = null;
        if (targetId is not null)
        {
            group = ParseId(targetId, nameof(targetId));
            await CheckGroupAsync(group.Value, cancellationToken).ConfigureAwait(false);
        }

        var displays = await ListDisplaysAsync(group, cancellationToken).ConfigureAwait(false);
        var result = new List<BoardDisplay>(displays.Count);
        foreach (var d in displays)
        {
            result.Add(new BoardDisplay(d.Id, d.Name, d.Online, d.LastSeen, d.DisplayGroupId, d.Showing, d.Width, d.Height));
        }

        return result;
    }

    /// <inheritdoc />
    /// <remarks>
    /// Requests: <c>GET /displaygroup/{id}</c> (404 = unknown group), <c>GET /display?displayGroupId=</c>, then the
    /// layout (<c>GET /resolution</c>, <c>POST /layout</c> with <c>returnDraft=1</c>, <c>POST /region/{draftId}</c>,
    /// the widget, <c>PUT /layout/publish/{parentId}</c>), then <c>POST /displaygroup/{id}/action/changeLayout</c>
    /// with <c>duration</c>, <c>downloadRequired=1</c> and <c>changeMode=replace</c>. Displays that are logged in are
    /// <see cref="BoardDisplayStatus.Shown"/>; the others <see cref="BoardDisplayStatus.Offline"/> with when they were
    /// last seen. <see cref="BoardPublication.ContentId"/> is the published layout id.
    /// </remarks>
    public async Task<BoardPublication> InterruptAsync(string targetId, BoardContent content, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        var group = ParseId(targetId, nameof(targetId));
        if (content is null)
        {
            throw new ArgumentNullException(nameof(content));
        }

        if (duration <= TimeSpan.Zero || duration > MaxInterruptDuration)
        {
            throw new ArgumentOutOfRangeException(nameof(duration), duration, "duration: must be more than 0 and at most a day.");
        }

        var seconds = (int)Math.Ceiling(duration.TotalSeconds);
        await CheckGroupAsync(group, cancellationToken).ConfigureAwait(false);
        var displays = await ListDisplaysAsync(group, cancellationToken).ConfigureAwait(false);
        var layout = await CreateLayoutAsync(content, emergency: true, cancellationToken).ConfigureAwait(false);
        var from = _time.GetUtcNow();
        using (await _api.SendAsync(HttpMethod.Post, $"displaygroup/{XiboWire.Id(group)}/action/changeLayout", null, new[]
        {
            Field("layoutId", XiboWire.Id(layout.LayoutId)),
            Field("duration", XiboWire.Id(seconds)),
            Field("downloadRequired", "1"),
            Field("changeMode", "replace"),
        }, XiboExpect.Nothing, $"display group {XiboWire.Id(group)}", cancellationToken).ConfigureAwait(false))
        {
        }

        XiboLog.Published(_logger, Name, layout.LayoutId, layout.CampaignId, "shown now", targetId);
        var results = new List<BoardDisplayResult>(displays.Count);
        foreach (var d in displays)
        {
            results.Add(d.Online
                ? new BoardDisplayResult(d.Id, d.Name, BoardDisplayStatus.Shown)
                : new BoardDisplayResult(d.Id, d.Name, BoardDisplayStatus.Offline, OfflineReason(d) + "; it did not get the interrupt"));
        }

        return new BoardPublication(Name, targetId, XiboWire.Id(layout.LayoutId), null, from, from + TimeSpan.FromSeconds(seconds), results);
    }

    /// <inheritdoc />
    /// <remarks>Requests: <c>GET /displaygroup/{id}</c>, <c>POST /displaygroup/{id}/action/revertToSchedule</c>, <c>GET /display?displayGroupId=</c>. Online displays are <see cref="BoardDisplayStatus.Scheduled"/> (back on their schedule).</remarks>
    public async Task<IReadOnlyList<BoardDisplayResult>> RevertAsync(string targetId, CancellationToken cancellationToken = default)
    {
        var group = ParseId(targetId, nameof(targetId));
        await CheckGroupAsync(group, cancellationToken).ConfigureAwait(false);
        using (await _api.SendAsync(HttpMethod.Post, $"displaygroup/{XiboWire.Id(group)}/action/revertToSchedule", null, null,
            XiboExpect.Nothing, $"display group {XiboWire.Id(group)}", cancellationToken).ConfigureAwait(false))
        {
        }

        var displays = await ListDisplaysAsync(group, cancellationToken).ConfigureAwait(false);
        var results = new List<BoardDisplayResult>(displays.Count);
        foreach (var d in displays)
        {
            results.Add(d.Online
                ? new BoardDisplayResult(d.Id, d.Name, BoardDisplayStatus.Scheduled)
                : new BoardDisplayResult(d.Id, d.Name, BoardDisplayStatus.Offline, OfflineReason(d) + "; it gets the revert when it reconnects"));
        }

        return results;
    }

    /// <inheritdoc />
    /// <remarks>
    /// Makes and publishes a layout as <see cref="InterruptAsync"/> does, then <c>POST /schedule</c>: a layout event
    /// (<c>eventTypeId=1</c>) for the layout's campaign on the display group, <c>isPriority=0</c>, from the content's
    /// <see cref="BoardContent.ValidFrom"/> (now when absent) to its <see cref="BoardContent.ValidUntil"/> (ten years
    /// later when absent: the CMS needs an end), in the CMS's time zone. <see cref="BoardPublication.EventId"/> is the
    /// event id.
    /// </remarks>
    public async Task<BoardPublication> ScheduleAsync(string targetId, BoardContent content, CancellationToken cancellationToken = default)
    {
        var group = ParseId(targetId, nameof(targetId));
        if (content is null)
        {
            throw new ArgumentNullException(nameof(content));
        }

        var now = _time.GetUtcNow();
        var from = content.ValidFrom ?? now;
        var until = content.ValidUntil ?? from.AddYears(10);
        if (until <= now)
        {
            throw new ArgumentException($"content: its validity ended at {VietnamTime.ToVietnamTime(until):yyyy-MM-dd HH:mm zzz}.", nameof(content));
        }

        await CheckGroupAsync(group, cancellationToken).ConfigureAwait(false);
        var displays = await ListDisplaysAsync(group, cancellationToken).ConfigureAwait(false);
        var layout = await CreateLayoutAsync(content, emergency: false, cancellationToken).ConfigureAwait(false);
        int eventId;
        using (var created = await _api.SendAsync(HttpMethod.Post, "schedule", null, new[]
        {
            Field("eventTypeId", "1"),
            Field("campaignId", XiboWire.Id(layout.CampaignId)),
            Field("displayGroupIds[]", XiboWire.Id(group)),
            Field("displayOrder", "0"),
            Field("isPriority", "0"),
            Field("fromDt", XiboWire.ToCmsTime(from, _zone)),
            Field("toDt", XiboWire.ToCmsTime(until, _zone)),
        }, XiboExpect.Json, $"display group {XiboWire.Id(group)}", cancellationToken).ConfigureAwait(false))
        {
            eventId = XiboWire.Int(created.Root, "eventId") ?? throw Malformed("POST /api/schedule", "eventId");
        }

        XiboLog.Published(_logger, Name, layout.LayoutId, layout.CampaignId, "scheduled", targetId);
        var results = new List<BoardDisplayResult>(displays.Count);
        foreach (var d in displays)
        {
            results.Add(d.Online
                ? new BoardDisplayResult(d.Id, d.Name, BoardDisplayStatus.Scheduled)
                : new BoardDisplayResult(d.Id, d.Name, BoardDisplayStatus.Offline, OfflineReason(d) + "; it gets the schedule when it reconnects"));
        }

        return new BoardPublication(Name, targetId, XiboWire.Id(layout.LayoutId), XiboWire.Id(eventId), from, content.ValidUntil, results);
    }

    /// <inheritdoc />
    /// <remarks>
    /// A scheduled publication: <c>DELETE /schedule/{eventId}</c>, then <c>DELETE /layout/{layoutId}</c>. An interrupt
    /// (no event id): <c>POST /displaygroup/{id}/action/revertToSchedule</c> (which ends any interrupt of that group),
    /// then <c>DELETE /layout/{layoutId}</c>.
    /// </remarks>
    public async Task RemoveAsync(BoardPublication publication, CancellationToken cancellationToken = default)
    {
        if (publication is null)
        {
            throw new ArgumentNullException(nameof(publication));
        }

        var layoutId = ParseId(publication.ContentId, nameof(publication) + ".ContentId");
        if (publication.EventId is { } eventText)
        {
            var eventId = ParseId(eventText, nameof(publication) + ".EventId");
            using (await _api.SendAsync(HttpMethod.Delete, $"schedule/{XiboWire.Id(eventId)}", null, null, XiboExpect.Nothing,
                $"event {XiboWire.Id(eventId)}", cancellationToken).ConfigureAwait(false))
            {
            }
        }
        else
        {
            var group = ParseId(publication.TargetId, nameof(publication) + ".TargetId");
            using (await _api.SendAsync(HttpMethod.Post, $"displaygroup/{XiboWire.Id(group)}/action/revertToSchedule", null, null,
                XiboExpect.Nothing, $"display group {XiboWire.Id(group)}", cancellationToken).ConfigureAwait(false))
            {
            }
        }

        using (await _api.SendAsync(HttpMethod.Delete, $"layout/{XiboWire.Id(layoutId)}", null, null, XiboExpect.Nothing,
            $"layout {XiboWire.Id(layoutId)}", cancellationToken).ConfigureAwait(false))
        {
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// <c>PUT /display/requestscreenshot/{id}</c> asks the player for a new screenshot (over XMR, else at its next
    /// collect), then <c>GET /display/screenshot/{id}</c> (a CMS route that swagger.json does not list) fetches the
    /// latest one the CMS holds: on a real CMS that may be the previous screenshot until the player has uploaded.
    /// A display that has never uploaded one is a <see cref="BoardException"/> with <c>ErrorCode</c>
    /// <c>no_screenshot</c> (the CMS itself answers 200 with a "file not found" GIF).
    /// </remarks>
    public async Task<BoardScreenshot> GetScreenshotAsync(string displayId, CancellationToken cancellationToken = default)
    {
        var id = ParseId(displayId, nameof(displayId));
        var subject = $"display {XiboWire.Id(id)}";
        using (await _api.SendAsync(HttpMethod.Put, $"display/requestscreenshot/{XiboWire.Id(id)}", null, null, XiboExpect.Nothing, subject,
            cancellationToken).ConfigureAwait(false))
        {
        }

        using var image = await _api.SendAsync(HttpMethod.Get, $"display/screenshot/{XiboWire.Id(id)}", null, null, XiboExpect.Image, subject,
            cancellationToken).ConfigureAwait(false);
        if (image.ContentType!.StartsWith("image/gif", StringComparison.OrdinalIgnoreCase))
        {
            // The CMS answers 200 with its forms/filenotfound.gif when the player has never uploaded a screenshot
            // (players upload JPEG).
            throw new BoardException($"{Name}: display {XiboWire.Id(id)} has no screenshot yet (the CMS answered its 'file not found' placeholder); "
                + "the player uploads one after the request, at once over XMR or else at its next collect.")
            {
                System = Name, Channel = "boards", Status = 200, ErrorCode = "no_screenshot", IsTransient = true,
            };
        }

        return new BoardScreenshot(displayId, image.ContentType!, image.Body);
    }

    /// <inheritdoc />
    /// <remarks>
    /// <c>GET /stats?type=layout&amp;fromDt=&amp;toDt=[&amp;displayId=]</c> (CMS local times), paged with <c>start</c>
    /// and <c>length</c> until <c>X-Total-Count</c> rows are read. Only layouts with statistics enabled are counted by
    /// the CMS.
    /// </remarks>
    public async Task<IReadOnlyList<BoardPlayRecord>> GetProofOfPlayAsync(DateTimeOffset since, DateTimeOffset until, string? displayId = null,
        CancellationToken cancellationToken = default)
    {
        if (until <= since)
        {
            throw new ArgumentException($"until ({until:O}) is not after since ({since:O}).", nameof(until));
        }

        int? display = displayId is null ? null : ParseId(displayId, nameof(displayId));
        var records = new List<BoardPlayRecord>();
        for (var start = 0; ; start += PageSize)
        {
            var query = new List<KeyValuePair<string, string>>
            {
                Field("type", "layout"),
                Field("fromDt", XiboWire.ToCmsTime(since, _zone)),
                Field("toDt", XiboWire.ToCmsTime(until, _zone)),
            };
            if (display is { } d)
            {
                query.Add(Field("displayId", XiboWire.Id(d)));
            }

            query.Add(Field("start", XiboWire.Id(start)));
            query.Add(Field("length", XiboWire.Id(PageSize)));
            using var page = await _api.SendAsync(HttpMethod.Get, "stats", query, null, XiboExpect.Json, null, cancellationToken).ConfigureAwait(false);
            var rows = Array(page.Root, "GET /api/stats");
            foreach (var row in rows.EnumerateArray())
            {
                var rowStart = XiboWire.FromCmsTime(XiboWire.String(row, "start"), _zone) ?? throw Malformed("GET /api/stats", "start");
                var rowEnd = XiboWire.FromCmsTime(XiboWire.String(row, "end"), _zone) ?? throw Malformed("GET /api/stats", "end");
                records.Add(new BoardPlayRecord(Name,
                    XiboWire.String(row, "displayId") ?? throw Malformed("GET /api/stats", "displayId"),
                    XiboWire.String(row, "layoutId") ?? throw Malformed("GET /api/stats", "layoutId"),
                    XiboWire.String(row, "layout"),
                    rowStart,
                    rowEnd < rowStart ? rowStart : rowEnd,
                    Math.Max(1, XiboWire.Int(row, "numberPlays") ?? 1)));
            }

            var read = start + rows.GetArrayLength();
            if (rows.GetArrayLength() == 0 || read >= (page.TotalCount ?? read))
            {
                break;
            }
        }

        records.Sort((a, b) => a.Start.CompareTo(b.Start));
        return records;
    }

    /// <summary>The campaign id of a layout (what schedule events refer to), e.g. of <see cref="BoardPublication.ContentId"/>.</summary>
    /// <param name="layoutId">The layout id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The layout's campaign id.</returns>
    /// <exception cref="BoardException">The CMS refused or failed, or has no such layout (<see cref="CommsException.Status"/> 404).</exception>
    /// <remarks>Request: <c>GET /layout?layoutId=</c>.</remarks>
    public async Task<string> GetCampaignIdAsync(string layoutId, CancellationToken cancellationToken = default)
    {
        var id = ParseId(layoutId, nameof(layoutId));
        using var found = await _api.SendAsync(HttpMethod.Get, "layout", new[] { Field("layoutId", XiboWire.Id(id)) }, null, XiboExpect.Json,
            $"layout {XiboWire.Id(id)}", cancellationToken).ConfigureAwait(false);
        var list = Array(found.Root, "GET /api/layout");
        if (list.GetArrayLength() == 0)
        {
            throw new BoardException($"{Name}: GET /api/layout (layout {XiboWire.Id(id)}) found no such layout") { System = Name, Channel = "boards", Status = 404 };
        }

        return XiboWire.String(list[0], "campaignId") ?? throw Malformed("GET /api/layout", "campaignId");
    }

    // ---- layouts -----------------------------------------------------------------------------------------------

    private async Task<(int LayoutId, int CampaignId)> CreateLayoutAsync(BoardContent content, bool emergency, CancellationToken cancellationToken)
    {
        int? resolutionId;
        using (var resolutions = await _api.SendAsync(HttpMethod.Get, "resolution", new[]
        {
            Field("width", XiboWire.Id(_options.Width)),
            Field("height", XiboWire.Id(_options.Height)),
        }, null, XiboExpect.Json, null, cancellationToken).ConfigureAwait(false))
        {
            var list = Array(resolutions.Root, "GET /api/resolution");
            resolutionId = list.GetArrayLength() > 0 ? XiboWire.Int(list[0], "resolutionId") : null;
        }

        // A new layout (and so a new campaign) per content item: edits to a scheduled layout are ignored by players (xibo#1700, #2442).
        var stamp = VietnamTime.ToVietnamTime(_time.GetUtcNow()).ToString("yyMMdd-HHmmss", CultureInfo.InvariantCulture);
        var suffix = " " + stamp + "-" + Guid.NewGuid().ToString("N").Substring(0, 4);
        var baseName = content.Name.Length + suffix.Length > 50 ? content.Name.Substring(0, 50 - suffix.Length) : content.Name;
        var layoutFields = new List<KeyValuePair<string, string>> { Field("name", baseName + suffix) };
        if (resolutionId is { } r)
        {
            layoutFields.Add(Field("resolutionId", XiboWire.Id(r)));
        }

        layoutFields.Add(Field("returnDraft", "1"));
        int draftId, parentId, campaignId, width, height;
        using (var layout = await _api.SendAsync(HttpMethod.Post, "layout", null, layoutFields, XiboExpect.Json, null, cancellationToken).ConfigureAwait(false))
        {
            draftId = XiboWire.Int(layout.Root, "layoutId") ?? throw Malformed("POST /api/layout", "layoutId");
            parentId = XiboWire.Int(layout.Root, "parentId") ?? draftId;
            campaignId = XiboWire.Int(layout.Root, "campaignId") ?? throw Malformed("POST /api/layout", "campaignId");
            width = XiboWire.Int(layout.Root, "width") ?? _options.Width;
            height = XiboWire.Int(layout.Root, "height") ?? _options.Height;
        }

        int playlistId;
        using (var region = await _api.SendAsync(HttpMethod.Post, $"region/{XiboWire.Id(draftId)}", null, new[]
        {
            Field("type", "frame"),
            Field("width", XiboWire.Id(width)),
            Field("height", XiboWire.Id(height)),
            Field("top", "0"),
            Field("left", "0"),
        }, XiboExpect.Json, $"layout {XiboWire.Id(draftId)}", cancellationToken).ConfigureAwait(false))
        {
            playlistId = region.Root.ValueKind == JsonValueKind.Object && region.Root.TryGetProperty("regionPlaylist", out var playlist)
                ? XiboWire.Int(playlist, "playlistId") ?? throw Malformed("POST /api/region", "regionPlaylist.playlistId")
                : throw Malformed("POST /api/region", "regionPlaylist");
        }

        var showing = content.Duration is { } d ? (int)Math.Ceiling(d.TotalSeconds) : (int?)null;
        switch (content.Kind)
        {
            case BoardContentKind.TextBulletin:
                var html = BoardRenderer.RenderHtml(content.TextBulletin!, new BoardRenderOptions { Width = width, Height = height, Emergency = emergency });
                await AddWidgetAsync(playlistId, "embedded", content.Name, showing, Field("embedHtml", html), cancellationToken).ConfigureAwait(false);
                break;
            case BoardContentKind.WebPage:
                await AddWidgetAsync(playlistId, "webpage", content.Name, showing, Field("uri", content.Uri!.AbsoluteUri), cancellationToken).ConfigureAwait(false);
                break;
            default:
                await AddMediaAsync(playlistId, content, showing, cancellationToken).ConfigureAwait(false);
                break;
        }

        int layoutId;
        using (var published = await _api.SendAsync(HttpMethod.Put, $"layout/publish/{XiboWire.Id(parentId)}", null, new[] { Field("publishNow", "1") },
            XiboExpect.Json, $"layout {XiboWire.Id(parentId)}", cancellationToken).ConfigureAwait(false))
        {
            // The draft becomes the published layout; the CMS answers it (its id is the draft's).
            layoutId = XiboWire.Int(published.Root, "layoutId") ?? draftId;
            campaignId = XiboWire.Int(published.Root, "campaignId") ?? campaignId;
        }

        return (layoutId, campaignId);
    }

    private async Task AddWidgetAsync(int playlistId, string type, string name, int? duration, KeyValuePair<string, string> property, CancellationToken cancellationToken)
    {
        int widgetId;
        using (var widget = await _api.SendAsync(HttpMethod.Post, $"playlist/widget/{type}/{XiboWire.Id(playlistId)}", null, new[] { Field("displayOrder", "1") },
            XiboExpect.Json, $"playlist {XiboWire.Id(playlistId)}", cancellationToken).ConfigureAwait(false))
        {
            widgetId = XiboWire.Int(widget.Root, "widgetId") ?? throw Malformed("POST /api/playlist/widget", "widgetId");
        }

        var fields = new List<KeyValuePair<string, string>> { Field("name", name) };
        if (duration is { } seconds)
        {
            fields.Add(Field("useDuration", "1"));
            fields.Add(Field("duration", XiboWire.Id(seconds)));
        }

        fields.Add(Field("enableStat", "On"));
        fields.Add(property);
        using (await _api.SendAsync(HttpMethod.Put, $"playlist/widget/{XiboWire.Id(widgetId)}", null, fields, XiboExpect.Nothing,
            $"widget {XiboWire.Id(widgetId)}", cancellationToken).ConfigureAwait(false))
        {
        }
    }

    private async Task AddMediaAsync(int playlistId, BoardContent content, int? duration, CancellationToken cancellationToken)
    {
        var type = content.Kind == BoardContentKind.Image ? "image" : "video";
        int mediaId;
        using (var media = await _api.SendAsync(HttpMethod.Post, "library/uploadUrl", null, new[]
        {
            Field("url", content.Uri!.AbsoluteUri),
            Field("type", type),
            Field("optionalName", content.Name),
        }, XiboExpect.Json, $"{type} {content.Name}", cancellationToken).ConfigureAwait(false))
        {
            mediaId = XiboWire.Int(media.Root, "mediaId") ?? throw Malformed("POST /api/library/uploadUrl", "mediaId");
        }

        var fields = new List<KeyValuePair<string, string>> { Field("media[]", XiboWire.Id(mediaId)) };
        if (duration is { } seconds)
        {
            fields.Add(Field("duration", XiboWire.Id(seconds)));
            fields.Add(Field("useDuration", "1"));
        }

        using (await _api.SendAsync(HttpMethod.Post, $"playlist/library/assign/{XiboWire.Id(playlistId)}", null, fields, XiboExpect.Json,
            $"playlist {XiboWire.Id(playlistId)}", cancellationToken).ConfigureAwait(false))
        {
        }
    }

    // ---- displays ----------------------------------------------------------------------------------------------

    private async Task CheckGroupAsync(int group, CancellationToken cancellationToken)
    {
        using var found = await _api.SendAsync(HttpMethod.Get, $"displaygroup/{XiboWire.Id(group)}", null, null, XiboExpect.Json,
            $"display group {XiboWire.Id(group)}", cancellationToken).ConfigureAwait(false);
    }

    private async Task<List<DisplayRow>> ListDisplaysAsync(int? group, CancellationToken cancellationToken)
    {
        var rows = new List<DisplayRow>();
        for (var start = 0; ; start += PageSize)
        {
            var query = new List<KeyValuePair<string, string>>();
            if (group is { } g)
            {
                query.Add(Field("displayGroupId", XiboWire.Id(g)));
            }

            query.Add(Field("start", XiboWire.Id(start)));
            query.Add(Field("length", XiboWire.Id(PageSize)));
            using var page = await _api.SendAsync(HttpMethod.Get, "display", query, null, XiboExpect.Json,
                group is null ? null : $"display group {XiboWire.Id(group.Value)}", cancellationToken).ConfigureAwait(false);
            var list = Array(page.Root, "GET /api/display");
            foreach (var d in list.EnumerateArray())
            {
                var id = XiboWire.String(d, "displayId") ?? throw Malformed("GET /api/display", "displayId");
                var lastAccessed = XiboWire.Long(d, "lastAccessed");
                int? width = null, height = null;
                if (XiboWire.String(d, "resolution") is { } resolution && resolution.Split('x', 'X') is { Length: 2 } parts
                    && int.TryParse(parts[0].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var w)
                    && int.TryParse(parts[1].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var h))
                {
                    width = w;
                    height = h;
                }

                var currentLayout = XiboWire.String(d, "currentLayout");
                var currentLayoutId = XiboWire.String(d, "currentLayoutId");
                rows.Add(new DisplayRow(
                    id,
                    XiboWire.String(d, "display") ?? id,
                    XiboWire.Int(d, "loggedIn") == 1,
                    lastAccessed is > 0 ? VietnamTime.ToVietnamTime(DateTimeOffset.FromUnixTimeSeconds(lastAccessed.Value)) : null,
                    XiboWire.String(d, "displayGroupId"),
                    currentLayout is null ? currentLayoutId is null ? null : "layout " + currentLayoutId : currentLayoutId is null ? currentLayout : $"{currentLayout} (layout {currentLayoutId})",
                    width,
                    height));
            }

            var read = start + list.GetArrayLength();
            if (list.GetArrayLength() == 0 || read >= (page.TotalCount ?? read))
            {
                return rows;
            }
        }
    }

    private static string OfflineReason(DisplayRow display) => display.LastSeen is { } seen
        ? "offline, last seen " + seen.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture)
        : "offline, never seen";

    // ---- helpers -----------------------------------------------------------------------------------------------

    private static KeyValuePair<string, string> Field(string name, string value) => new(name, value);

    private static int ParseId(string? id, string name)
    {
        if (id is null)
        {
            throw new ArgumentNullException(name);
        }

        return int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new ArgumentException($"{name}: '{id}' is not a Xibo id (a positive whole number).", name);
    }

    private JsonElement Array(JsonElement root, string request) => root.ValueKind == JsonValueKind.Array
        ? root
        : throw new BoardException($"{Name}: {request} answered {root.ValueKind} where a JSON list was expected") { System = Name, Channel = "boards", Status = 200 };

    private BoardException Malformed(string request, string field) =>
        new($"{Name}: {request} answered without '{field}'") { System = Name, Channel = "boards", Status = 200 };

    private sealed record DisplayRow(string Id, string Name, bool Online, DateTimeOffset? LastSeen, string? DisplayGroupId, string? Showing, int? Width, int? Height);

    /// <summary>Disposes the HTTP client the system created for itself (not one it was given).</summary>
    public void Dispose() => _ownedClient?.Dispose();
}
