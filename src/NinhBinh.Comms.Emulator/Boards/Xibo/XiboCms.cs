using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Primitives;

namespace NinhBinh.Comms.Emulator.Boards.Xibo;

/// <summary>
/// The state of the emulated CMS and its handlers. One lock guards everything: requests are few and short.
/// Dates in and out are the CMS's local times (<c>Y-m-d H:i:s</c>, Asia/Ho_Chi_Minh, no offset); lastAccessed and
/// schedule dates in entities are Unix seconds, as the CMS gives them.
/// </summary>
internal sealed class XiboCms
{
    private const string DateFormat = "yyyy-MM-dd HH:mm:ss";
    private static readonly TimeSpan CmsOffset = TimeSpan.FromHours(7);
    /// <summary>A 1×1 GIF standing in for the CMS's forms/filenotfound.gif.</summary>
    private static readonly byte[] FileNotFoundGif = Convert.FromBase64String("R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==");

    private static readonly string[] ImageExtensions = ["jpg", "jpeg", "png", "gif", "bmp", "webp", "svg"];
    private static readonly string[] VideoExtensions = ["mp4", "webm", "mkv", "avi", "mov", "wmv", "m4v"];
    private static readonly string[] WidgetTypes = ["embedded", "webpage", "text", "image", "video"];

    private readonly object _gate = new();
    private readonly XiboEmulatorOptions _options;
    private readonly Dictionary<string, DateTimeOffset> _tokens = new(StringComparer.Ordinal);
    private readonly Dictionary<int, Group> _groups = [];
    private readonly Dictionary<int, Display> _displays = [];
    private readonly Dictionary<int, Layout> _layouts = [];
    private readonly Dictionary<int, Playlist> _playlists = [];
    private readonly Dictionary<int, Widget> _widgets = [];
    private readonly Dictionary<int, Media> _media = [];
    private readonly Dictionary<int, Event> _events = [];
    private readonly List<Stat> _stats = [];
    private readonly Dictionary<int, (byte[] Png, DateTimeOffset At)> _screenshots = [];
    private readonly List<(string? Path, XiboReply Reply)> _faults = [];
    private int _nextId = 1000;
    private bool _xmr;

    public XiboCms(XiboEmulatorOptions options)
    {
        _options = options;
        _xmr = options.XmrEnabled;
        Resolutions = [(1, "Full HD 1920x1080", 1920, 1080), (2, "Portrait 1080x1920", 1080, 1920), (3, "HD 1280x720", 1280, 720)];
    }

    public int TokensIssued { get; private set; }

    public int ApiRequests { get; private set; }

    public DateTimeOffset Now => _options.TimeProvider.GetUtcNow();

    private (int Id, string Name, int Width, int Height)[] Resolutions { get; }

    // ---- seeding, inspection, faults ---------------------------------------------------------------------------

    public void AddDisplayGroup(int id, string name)
    {
        lock (_gate)
        {
            _groups[id] = new Group(id, name, DisplaySpecific: false);
        }
    }

    public void AddDisplay(int id, string name, int[] groupIds, bool online, DateTimeOffset? lastSeen, int width, int height)
    {
        lock (_gate)
        {
            foreach (var g in groupIds)
            {
                if (!_groups.ContainsKey(g))
                {
                    throw new ArgumentException($"groupIds: display group {g} does not exist; add it first.", nameof(groupIds));
                }
            }

            var own = NextId();
            _groups[own] = new Group(own, name, DisplaySpecific: true);
            var fallback = NewLayout("Lịch thường - " + name, 1, width, height, published: true);
            var playlist = fallback.Playlists[0];
            AddWidgetCore(playlist, "text", 10, "<p>Chào mừng đến với " + name + "</p>");
            _displays[id] = new Display(id, name, own, [own, .. groupIds], width, height)
            {
                Online = online,
                LastSeen = lastSeen ?? Now,
                DefaultLayoutId = fallback.Id,
            };
        }
    }

    public void SetOnline(int displayId, bool online)
    {
        lock (_gate)
        {
            var display = _displays.TryGetValue(displayId, out var d) ? d : throw new ArgumentException($"displayId: display {displayId} does not exist.", nameof(displayId));
            if (display.Online && !online)
            {
                display.LastSeen = Now;
            }

            display.Online = online;
        }
    }

    public void SetXmr(bool enabled)
    {
        lock (_gate)
        {
            _xmr = enabled;
        }
    }

    public void ExpireTokens()
    {
        lock (_gate)
        {
            _tokens.Clear();
        }
    }

    public void AddFault(string? path, XiboReply reply, int times)
    {
        lock (_gate)
        {
            for (var i = 0; i < times; i++)
            {
                _faults.Add((path, reply));
            }
        }
    }

    public XiboReply? TakeFault(string path, bool exactOnly = false)
    {
        lock (_gate)
        {
            var index = _faults.FindIndex(f => (f.Path is null && !exactOnly) || string.Equals(f.Path, path, StringComparison.OrdinalIgnoreCase));
            if (index < 0)
            {
                return null;
            }

            var fault = _faults[index].Reply;
            _faults.RemoveAt(index);
            return fault;
        }
    }

    public XiboScreen GetScreen(int displayId)
    {
        lock (_gate)
        {
            var display = _displays.TryGetValue(displayId, out var d) ? d : throw new ArgumentException($"displayId: display {displayId} does not exist.", nameof(displayId));
            return Screen(display);
        }
    }

    public IReadOnlyList<XiboScreen> GetScreens()
    {
        lock (_gate)
        {
            return _displays.Values.OrderBy(d => d.Id).Select(Screen).ToList();
        }
    }

    public int LayoutCount
    {
        get
        {
            lock (_gate)
            {
                return _layouts.Count;
            }
        }
    }

    public int EventCount
    {
        get
        {
            lock (_gate)
            {
                return _events.Count;
            }
        }
    }

    // ---- OAuth -------------------------------------------------------------------------------------------------

    public XiboReply Token(XiboRequest request)
    {
        lock (_gate)
        {
            if (Field(request.Form, "grant_type") != "client_credentials")
            {
                return new XiboReply(400, new JsonObject
                {
                    ["error"] = "unsupported_grant_type",
                    ["error_description"] = "The authorization grant type is not supported by the authorization server.",
                    ["message"] = "The authorization grant type is not supported by the authorization server.",
                });
            }

            if (Field(request.Form, "client_id") != _options.ClientId || Field(request.Form, "client_secret") != _options.ClientSecret)
            {
                return new XiboReply(401, new JsonObject
                {
                    ["error"] = "invalid_client",
                    ["error_description"] = "Client authentication failed",
                    ["message"] = "Client authentication failed",
                });
            }

            var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(20)).ToLowerInvariant();
            _tokens[token] = Now + _options.AccessTokenLifetime;
            TokensIssued++;
            return new XiboReply(200, new JsonObject
            {
                ["token_type"] = "Bearer",
                ["expires_in"] = (long)_options.AccessTokenLifetime.TotalSeconds,
                ["access_token"] = token,
            });
        }
    }

    /// <summary>Null when the bearer token is valid; the CMS's 401 otherwise.</summary>
    public XiboReply? Authenticate(string? authorization)
    {
        lock (_gate)
        {
            ApiRequests++;
            const string Bearer = "Bearer ";
            if (authorization is not null && authorization.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase)
                && _tokens.TryGetValue(authorization[Bearer.Length..].Trim(), out var expires) && Now < expires)
            {
                return null;
            }

            return new XiboReply(401, new JsonObject
            {
                ["error"] = "access_denied",
                ["error_description"] = "The resource owner or authorization server denied the request.",
                ["message"] = "The resource owner or authorization server denied the request.",
                ["hint"] = authorization is null ? "Missing \"Authorization\" header" : "Access token could not be verified",
            });
        }
    }

    // ---- displays and groups -----------------------------------------------------------------------------------

    public XiboReply GetDisplayGroup(XiboRequest request)
    {
        lock (_gate)
        {
            if (!TryRouteId(request, "id", out var id) || !_groups.TryGetValue(id, out var group))
            {
                return XiboReply.Error(404, "Display Group not found");
            }

            return new XiboReply(200, GroupJson(group));
        }
    }

    public XiboReply GetDisplays(XiboRequest request)
    {
        lock (_gate)
        {
            IEnumerable<Display> displays = _displays.Values.OrderBy(d => d.Id);
            if (QueryInt(request, "displayGroupId") is { } group)
            {
                displays = displays.Where(d => d.Groups.Contains(group));
            }

            if (QueryInt(request, "displayId") is { } id)
            {
                displays = displays.Where(d => d.Id == id);
            }

            if (QueryInt(request, "loggedIn") is { } loggedIn)
            {
                displays = displays.Where(d => d.Online == (loggedIn == 1));
            }

            return Page(request, displays.Select(DisplayJson).ToList());
        }
    }

    public XiboReply GetResolutions(XiboRequest request)
    {
        lock (_gate)
        {
            var width = QueryInt(request, "width");
            var height = QueryInt(request, "height");
            var list = Resolutions.Where(r => (width is null || r.Width == width) && (height is null || r.Height == height))
                .Select(r => (JsonNode)new JsonObject
                {
                    ["resolutionId"] = r.Id,
                    ["resolution"] = r.Name,
                    ["width"] = r.Width,
                    ["height"] = r.Height,
                    ["enabled"] = 1,
                })
                .ToList();
            return Page(request, list);
        }
    }

    public XiboReply RequestScreenshot(XiboRequest request)
    {
        lock (_gate)
        {
            if (!TryRouteId(request, "displayId", out var id) || !_displays.TryGetValue(id, out var display))
            {
                return XiboReply.Error(404, "Display not found");
            }

            if (display.Online)
            {
                _screenshots[id] = (Png(Screen(display)), Now);
            }
            else
            {
                display.ScreenshotRequested = true;
            }

            return new XiboReply(200, DisplayJson(display));
        }
    }

    public XiboReply GetScreenshot(XiboRequest request)
    {
        lock (_gate)
        {
            if (!TryRouteId(request, "id", out var id) || !_displays.ContainsKey(id))
            {
                return XiboReply.Error(404, "Display not found");
            }

            // Like the CMS: with no screenshot uploaded it answers 200 with its forms/filenotfound.gif.
            return _screenshots.TryGetValue(id, out var shot)
                ? new XiboReply(200, Bytes: shot.Png, ContentType: "image/png")
                : new XiboReply(200, Bytes: FileNotFoundGif, ContentType: "image/gif");
        }
    }

    // ---- layouts -----------------------------------------------------------------------------------------------

    public XiboReply GetLayouts(XiboRequest request)
    {
        lock (_gate)
        {
            IEnumerable<Layout> layouts = _layouts.Values.Where(l => l.ParentId is null).OrderBy(l => l.Id);
            if (QueryInt(request, "layoutId") is { } id)
            {
                layouts = layouts.Where(l => l.Id == id);
            }

            return Page(request, layouts.Select(l => (JsonNode)LayoutJson(l)).ToList());
        }
    }

    public XiboReply AddLayout(XiboRequest request)
    {
        lock (_gate)
        {
            var name = Field(request.Form, "name");
            if (string.IsNullOrWhiteSpace(name) || name.Length > 50)
            {
                return XiboReply.Error(422, "Layout Name must be between 1 and 50 characters");
            }

            var resolution = Resolutions[0];
            if (FormInt(request, "resolutionId") is { } resolutionId)
            {
                var found = Resolutions.Where(r => r.Id == resolutionId).ToList();
                if (found.Count == 0)
                {
                    return XiboReply.Error(404, "Resolution not found");
                }

                resolution = found[0];
            }

            // The CMS keeps a parent (the published id) and a draft to edit; a new 4.x layout has no region.
            var parent = NewLayout(name, resolution.Id, resolution.Width, resolution.Height, published: false, withRegion: false);
            var draft = NewLayout(name, resolution.Id, resolution.Width, resolution.Height, published: false, withRegion: false);
            draft.ParentId = parent.Id;
            draft.CampaignId = parent.CampaignId;
            parent.DraftId = draft.Id;
            var returned = Flag(request.Form, "returnDraft") ? draft : parent;
            return new XiboReply(201, LayoutJson(returned), Location: "/api/layout/" + Id(returned.Id));
        }
    }

    public XiboReply AddRegion(XiboRequest request)
    {
        lock (_gate)
        {
            if (!TryRouteId(request, "id", out var id) || !_layouts.TryGetValue(id, out var layout))
            {
                return XiboReply.Error(404, "Layout not found");
            }

            if (layout.ParentId is null)
            {
                return XiboReply.Error(422, "Layout is not a draft, please checkout");
            }

            var type = Field(request.Form, "type") ?? "frame";
            if (type is not ("frame" or "playlist" or "zone" or "canvas"))
            {
                return XiboReply.Error(422, "Please provide a valid region type");
            }

            var width = FormInt(request, "width") ?? 250;
            var height = FormInt(request, "height") ?? 250;
            var top = FormInt(request, "top") ?? 50;
            var left = FormInt(request, "left") ?? 50;
            if (width <= 0 || height <= 0)
            {
                return XiboReply.Error(422, "Region width and height must be greater than 0");
            }

            var regionId = NextId();
            var playlist = new Playlist(NextId(), layout.Id);
            _playlists[playlist.Id] = playlist;
            layout.Playlists.Add(playlist);
            return new XiboReply(201, new JsonObject
            {
                ["regionId"] = regionId,
                ["layoutId"] = layout.Id,
                ["type"] = type,
                ["width"] = width,
                ["height"] = height,
                ["top"] = top,
                ["left"] = left,
                ["zIndex"] = 0,
                ["regionPlaylist"] = new JsonObject { ["playlistId"] = playlist.Id, ["regionId"] = regionId, ["widgets"] = new JsonArray() },
            }, Location: "/api/region/" + Id(regionId));
        }
    }

    public XiboReply AddWidget(XiboRequest request)
    {
        lock (_gate)
        {
            if (!TryRouteId(request, "playlistId", out var id) || !_playlists.TryGetValue(id, out var playlist))
            {
                return XiboReply.Error(404, "Playlist not found");
            }

            var type = request.Route["type"];
            if (!WidgetTypes.Contains(type))
            {
                return XiboReply.Error(404, "Module not found: " + type);
            }

            if (!IsDraftPlaylist(playlist))
            {
                return XiboReply.Error(422, "This Layout is not a Draft, please checkout.");
            }

            var widget = AddWidgetCore(playlist, type, 10, null);
            return new XiboReply(201, WidgetJson(widget), Location: "/api/playlist/widget/" + Id(widget.Id));
        }
    }

    public XiboReply EditWidget(XiboRequest request)
    {
        lock (_gate)
        {
            if (!TryRouteId(request, "id", out var id) || !_widgets.TryGetValue(id, out var widget))
            {
                return XiboReply.Error(404, "Widget not found");
            }

            if (FormInt(request, "duration") is { } duration)
            {
                if (duration <= 0)
                {
                    return XiboReply.Error(422, "You must enter a duration.");
                }

                if (FormInt(request, "useDuration") == 1)
                {
                    widget.Duration = duration;
                }
            }

            switch (widget.Type)
            {
                case "embedded":
                    var html = Field(request.Form, "embedHtml");
                    if (string.IsNullOrWhiteSpace(html))
                    {
                        return XiboReply.Error(422, "Please enter some HTML");
                    }

                    widget.Content = html;
                    break;
                case "webpage":
                    var uri = Field(request.Form, "uri");
                    if (!Uri.TryCreate(uri, UriKind.Absolute, out var parsed) || (parsed.Scheme != Uri.UriSchemeHttp && parsed.Scheme != Uri.UriSchemeHttps))
                    {
                        return XiboReply.Error(422, "Please enter a link");
                    }

                    widget.Content = uri;
                    break;
                case "text":
                    widget.Content = Field(request.Form, "text") ?? widget.Content;
                    break;
            }

            widget.Name = Field(request.Form, "name") ?? widget.Name;
            return XiboReply.NoContent();
        }
    }

    public XiboReply UploadUrl(XiboRequest request)
    {
        lock (_gate)
        {
            var url = Field(request.Form, "url");
            var type = Field(request.Form, "type");
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                return XiboReply.Error(422, "Provided URL is invalid");
            }

            var extension = Path.GetExtension(uri.AbsolutePath).TrimStart('.').ToLowerInvariant();
            var allowed = type switch
            {
                "image" => ImageExtensions,
                "video" => VideoExtensions,
                _ => null,
            };
            if (allowed is null)
            {
                return XiboReply.Error(422, "Invalid module type " + type);
            }

            if (!allowed.Contains(extension))
            {
                return XiboReply.Error(422, $"Invalid File Extension. {(extension.Length == 0 ? "none" : extension)} is not a valid {type} extension");
            }

            var media = new Media(NextId(), Field(request.Form, "optionalName") ?? Path.GetFileName(uri.AbsolutePath), type!, uri.AbsoluteUri);
            _media[media.Id] = media;
            return new XiboReply(201, new JsonObject
            {
                ["mediaId"] = media.Id,
                ["name"] = media.Name,
                ["mediaType"] = media.Type,
                ["storedAs"] = Id(media.Id) + "." + extension,
                ["fileName"] = Path.GetFileName(uri.AbsolutePath),
            }, Location: "/api/library/" + Id(media.Id));
        }
    }

    public XiboReply AssignMedia(XiboRequest request)
    {
        lock (_gate)
        {
            if (!TryRouteId(request, "playlistId", out var id) || !_playlists.TryGetValue(id, out var playlist))
            {
                return XiboReply.Error(404, "Playlist not found");
            }

            if (!request.Form.TryGetValue("media[]", out var ids) || ids.Count == 0)
            {
                return XiboReply.Error(422, "Please provide Media to Assign");
            }

            foreach (var text in ids)
            {
                if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var mediaId) || !_media.TryGetValue(mediaId, out var media))
                {
                    return XiboReply.Error(404, "Media not found");
                }

                var duration = FormInt(request, "useDuration") == 1 ? FormInt(request, "duration") ?? 10 : 10;
                var widget = AddWidgetCore(playlist, media.Type, duration, media.Url);
                widget.Name = media.Name;
            }

            return new XiboReply(200, new JsonObject
            {
                ["playlistId"] = playlist.Id,
                ["widgets"] = new JsonArray(playlist.Widgets.Select(w => (JsonNode)WidgetJson(w)).ToArray()),
            });
        }
    }

    public XiboReply Publish(XiboRequest request)
    {
        lock (_gate)
        {
            if (!TryRouteId(request, "layoutId", out var id) || !_layouts.TryGetValue(id, out var parent))
            {
                return XiboReply.Error(404, "Layout not found");
            }

            if (parent.DraftId is not { } draftId || !_layouts.TryGetValue(draftId, out var draft))
            {
                return XiboReply.Error(422, "Layout is not a Draft");
            }

            if (FormInt(request, "publishNow") != 1 && Field(request.Form, "publishDate") is null)
            {
                return XiboReply.Error(422, "Please set a publish date or publish now");
            }

            if (draft.Playlists.Count == 0 || draft.Playlists.Any(p => p.Widgets.Count == 0))
            {
                return XiboReply.Error(422, "This Layout has an empty region: add a widget to every region before publishing");
            }

            // The draft becomes the published layout; the parent id goes away, the campaign stays.
            _layouts.Remove(parent.Id);
            draft.ParentId = null;
            draft.Published = true;
            return new XiboReply(200, LayoutJson(draft));
        }
    }

    public XiboReply DeleteLayout(XiboRequest request)
    {
        lock (_gate)
        {
            if (!TryRouteId(request, "layoutId", out var id) || !_layouts.TryGetValue(id, out var layout))
            {
                return XiboReply.Error(404, "Layout not found");
            }

            if (_displays.Values.Any(d => d.DefaultLayoutId == id))
            {
                return XiboReply.Error(422, "This layout is the default layout of a display and cannot be deleted");
            }

            _layouts.Remove(id);
            if (layout.DraftId is { } draft)
            {
                _layouts.Remove(draft);
            }

            foreach (var eventId in _events.Values.Where(e => e.CampaignId == layout.CampaignId).Select(e => e.Id).ToList())
            {
                _events.Remove(eventId);
            }

            foreach (var display in _displays.Values.Where(d => d.InterruptLayoutId == id))
            {
                EndInterrupt(display);
            }

            return XiboReply.NoContent();
        }
    }

    // ---- actions -----------------------------------------------------------------------------------------------

    public XiboReply ChangeLayout(XiboRequest request)
    {
        lock (_gate)
        {
            if (!TryRouteId(request, "displayGroupId", out var groupId) || !_groups.ContainsKey(groupId))
            {
                return XiboReply.Error(404, "Display Group not found");
            }

            var layout = FormInt(request, "layoutId") is { } layoutId ? _layouts.GetValueOrDefault(layoutId)
                : FormInt(request, "campaignId") is { } campaignId ? _layouts.Values.FirstOrDefault(l => l.CampaignId == campaignId && l.Published)
                : null;
            if (layout is null)
            {
                return XiboReply.Error(404, "Layout not found");
            }

            if (!layout.Published)
            {
                return XiboReply.Error(422, "Cannot change to a Layout that is not published");
            }

            var mode = Field(request.Form, "changeMode");
            if (mode is not ("queue" or "replace"))
            {
                return XiboReply.Error(422, "Please provide a valid changeMode: queue or replace");
            }

            if (!_xmr)
            {
                return XiboReply.Error(422, "This CMS is not configured or ready to receive push commands over XMR");
            }

            var duration = FormInt(request, "duration") ?? 0;
            var now = Now;
            foreach (var display in _displays.Values.Where(d => d.Groups.Contains(groupId) && d.Online))
            {
                EndInterrupt(display);
                display.InterruptLayoutId = layout.Id;
                display.InterruptUntil = duration > 0 ? now + TimeSpan.FromSeconds(duration) : null;
                var stat = new Stat(display.Id, layout.Id, layout.CampaignId, now) { End = display.InterruptUntil };
                _stats.Add(stat);
                display.InterruptStat = stat;
            }

            return XiboReply.NoContent();
        }
    }

    public XiboReply RevertToSchedule(XiboRequest request)
    {
        lock (_gate)
        {
            if (!TryRouteId(request, "displayGroupId", out var groupId) || !_groups.ContainsKey(groupId))
            {
                return XiboReply.Error(404, "Display Group not found");
            }

            if (!_xmr)
            {
                return XiboReply.Error(422, "This CMS is not configured or ready to receive push commands over XMR");
            }

            foreach (var display in _displays.Values.Where(d => d.Groups.Contains(groupId) && d.Online))
            {
                EndInterrupt(display);
            }

            return XiboReply.NoContent();
        }
    }

    // ---- schedule ----------------------------------------------------------------------------------------------

    public XiboReply AddEvent(XiboRequest request)
    {
        lock (_gate)
        {
            if (FormInt(request, "eventTypeId") != 1)
            {
                return XiboReply.Error(422, "This emulator schedules layout events only (eventTypeId=1)");
            }

            if (FormInt(request, "campaignId") is not { } campaignId || !_layouts.Values.Any(l => l.CampaignId == campaignId && l.Published))
            {
                return XiboReply.Error(404, "Campaign not found");
            }

            if (!request.Form.TryGetValue("displayGroupIds[]", out var groupTexts) || groupTexts.Count == 0)
            {
                return XiboReply.Error(422, "Please select one or more displays");
            }

            var groups = new List<int>();
            foreach (var text in groupTexts)
            {
                if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var g) || !_groups.ContainsKey(g))
                {
                    return XiboReply.Error(404, "Display Group not found");
                }

                groups.Add(g);
            }

            if (FromCms(Field(request.Form, "fromDt")) is not { } from)
            {
                return XiboReply.Error(422, "Please enter a from date");
            }

            if (FromCms(Field(request.Form, "toDt")) is not { } to)
            {
                return XiboReply.Error(422, "Please enter a to date");
            }

            if (to <= from)
            {
                return XiboReply.Error(422, "Can not have an end time earlier than your start time");
            }

            var scheduled = new Event(NextId(), campaignId, groups, from, to, FormInt(request, "isPriority") ?? 0);
            _events[scheduled.Id] = scheduled;
            return new XiboReply(201, new JsonObject
            {
                ["eventId"] = scheduled.Id,
                ["eventTypeId"] = 1,
                ["campaignId"] = campaignId,
                ["fromDt"] = from.ToUnixTimeSeconds(),
                ["toDt"] = to.ToUnixTimeSeconds(),
                ["isPriority"] = scheduled.Priority,
                ["displayOrder"] = FormInt(request, "displayOrder") ?? 0,
                ["displayGroups"] = new JsonArray(groups.Select(g => (JsonNode)GroupJson(_groups[g])).ToArray()),
            }, Location: "/api/schedule/" + Id(scheduled.Id));
        }
    }

    public XiboReply DeleteEvent(XiboRequest request)
    {
        lock (_gate)
        {
            return TryRouteId(request, "eventId", out var id) && _events.Remove(id) ? XiboReply.NoContent() : XiboReply.Error(404, "Event not found");
        }
    }

    // ---- statistics --------------------------------------------------------------------------------------------

    public XiboReply GetStats(XiboRequest request)
    {
        lock (_gate)
        {
            var type = Query(request, "type") ?? "layout";
            if (type is not ("layout" or "media" or "widget"))
            {
                return XiboReply.Error(422, "Invalid type");
            }

            var now = Now;
            var from = FromCms(Query(request, "fromDt")) ?? now.AddDays(-1);
            var to = FromCms(Query(request, "toDt")) ?? now;
            var display = QueryInt(request, "displayId");
            var rows = type != "layout"
                ? []
                : _stats.Where(s => (display is null || s.DisplayId == display) && s.Start < to && Ended(s, now) > from)
                    .OrderBy(s => s.Start)
                    .Select(s => (JsonNode)new JsonObject
                    {
                        ["type"] = "layout",
                        ["displayId"] = s.DisplayId,
                        ["display"] = _displays.TryGetValue(s.DisplayId, out var d) ? d.Name : null,
                        ["layoutId"] = s.LayoutId,
                        ["layout"] = _layouts.TryGetValue(s.LayoutId, out var l) ? l.Name : null,
                        ["campaignId"] = s.CampaignId,
                        ["widgetId"] = null,
                        ["mediaId"] = null,
                        ["numberPlays"] = 1,
                        ["duration"] = (int)(Ended(s, now) - s.Start).TotalSeconds,
                        ["start"] = ToCms(s.Start),
                        ["end"] = ToCms(Ended(s, now)),
                        ["statDate"] = ToCms(s.Start),
                    })
                    .ToList();
            return Page(request, rows);
        }
    }

    // ---- internals ---------------------------------------------------------------------------------------------

    private static DateTimeOffset Ended(Stat stat, DateTimeOffset now) => stat.End is { } end && end < now ? end : now;

    private void EndInterrupt(Display display)
    {
        if (display.InterruptStat is { } stat && (stat.End is null || stat.End > Now))
        {
            stat.End = Now;
        }

        display.InterruptLayoutId = null;
        display.InterruptUntil = null;
        display.InterruptStat = null;
    }

    private XiboScreen Screen(Display display)
    {
        var now = Now;
        if (display.InterruptUntil is { } until && until <= now)
        {
            display.InterruptLayoutId = null;
            display.InterruptUntil = null;
            display.InterruptStat = null;
        }

        Layout? layout = null;
        var interrupt = false;
        if (display.InterruptLayoutId is { } interruptId && _layouts.TryGetValue(interruptId, out var shown))
        {
            layout = shown;
            interrupt = true;
        }
        else
        {
            var current = _events.Values
                .Where(e => e.From <= now && now < e.To && e.Groups.Any(display.Groups.Contains))
                .OrderByDescending(e => e.Priority).ThenByDescending(e => e.Id)
                .Select(e => _layouts.Values.FirstOrDefault(l => l.CampaignId == e.CampaignId && l.Published))
                .FirstOrDefault(l => l is not null);
            layout = current ?? _layouts.GetValueOrDefault(display.DefaultLayoutId);
        }

        var widget = layout?.Playlists.SelectMany(p => p.Widgets).FirstOrDefault();
        return new XiboScreen(display.Id, display.Name, display.Online, layout?.Id, layout?.Name, widget?.Type, widget?.Content, interrupt,
            interrupt ? display.InterruptUntil : null);
    }

    private Layout NewLayout(string name, int resolutionId, int width, int height, bool published, bool withRegion = true)
    {
        var layout = new Layout(NextId(), name, resolutionId, width, height) { Published = published };
        layout.CampaignId = NextId();
        if (withRegion)
        {
            var playlist = new Playlist(NextId(), layout.Id);
            _playlists[playlist.Id] = playlist;
            layout.Playlists.Add(playlist);
        }

        _layouts[layout.Id] = layout;
        return layout;
    }

    private Widget AddWidgetCore(Playlist playlist, string type, int duration, string? content)
    {
        var widget = new Widget(NextId(), playlist.Id, type) { Duration = duration, Content = content };
        _widgets[widget.Id] = widget;
        playlist.Widgets.Add(widget);
        return widget;
    }

    private bool IsDraftPlaylist(Playlist playlist) => _layouts.TryGetValue(playlist.LayoutId, out var layout) && layout.ParentId is not null;

    private int NextId() => ++_nextId;

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static string? Field(IReadOnlyDictionary<string, StringValues> form, string name) =>
        form.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;

    private static bool Flag(IReadOnlyDictionary<string, StringValues> form, string name) =>
        Field(form, name) is "1" or "on" or "true";

    private static int? FormInt(XiboRequest request, string name) =>
        int.TryParse(Field(request.Form, name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static string? Query(XiboRequest request, string name) => Field(request.Query, name);

    private static int? QueryInt(XiboRequest request, string name) =>
        int.TryParse(Query(request, name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static bool TryRouteId(XiboRequest request, string name, out int id)
    {
        id = 0;
        return request.Route.TryGetValue(name, out var text) && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out id);
    }

    private static string ToCms(DateTimeOffset instant) => instant.ToOffset(CmsOffset).ToString(DateFormat, CultureInfo.InvariantCulture);

    private static DateTimeOffset? FromCms(string? text) =>
        DateTime.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? new DateTimeOffset(local, CmsOffset)
            : null;

    /// <summary>A list page: <c>start</c>, <c>length</c> (default 10, as the CMS), <c>X-Total-Count</c>.</summary>
    private static XiboReply Page(XiboRequest request, IReadOnlyList<JsonNode> all)
    {
        var start = Math.Max(0, QueryInt(request, "start") ?? 0);
        var length = QueryInt(request, "length") is { } l && l > 0 ? l : 10;
        return new XiboReply(200, new JsonArray(all.Skip(start).Take(length).Select(n => n.DeepClone()).ToArray()), TotalCount: all.Count);
    }

    private static JsonObject GroupJson(Group group) => new()
    {
        ["displayGroupId"] = group.Id,
        ["displayGroup"] = group.Name,
        ["description"] = null,
        ["isDisplaySpecific"] = group.DisplaySpecific ? 1 : 0,
        ["isDynamic"] = 0,
    };

    private JsonObject DisplayJson(Display display)
    {
        var screen = Screen(display);
        return new JsonObject
        {
            ["displayId"] = display.Id,
            ["display"] = display.Name,
            ["displayGroupId"] = display.OwnGroupId,
            ["loggedIn"] = display.Online ? 1 : 0,
            ["lastAccessed"] = (display.Online ? Now : display.LastSeen).ToUnixTimeSeconds(),
            ["mediaInventoryStatus"] = 1,
            ["clientType"] = "android",
            ["defaultLayoutId"] = display.DefaultLayoutId,
            ["currentLayoutId"] = screen.LayoutId,
            ["currentLayout"] = screen.LayoutName,
            ["screenShotRequested"] = display.ScreenshotRequested ? 1 : 0,
            ["xmrChannel"] = _xmr ? "xmr-" + Id(display.Id) : string.Empty,
            ["timeZone"] = "Asia/Ho_Chi_Minh",
            ["resolution"] = Id(display.Width) + "x" + Id(display.Height),
            ["orientation"] = display.Width >= display.Height ? "landscape" : "portrait",
        };
    }

    private static JsonObject LayoutJson(Layout layout) => new()
    {
        ["layoutId"] = layout.Id,
        ["parentId"] = layout.ParentId,
        ["campaignId"] = layout.CampaignId,
        ["layout"] = layout.Name,
        ["width"] = layout.Width,
        ["height"] = layout.Height,
        ["publishedStatusId"] = layout.Published ? 1 : 2,
        ["publishedStatus"] = layout.Published ? "Published" : "Draft",
        ["regions"] = new JsonArray(),
    };

    private static JsonObject WidgetJson(Widget widget) => new()
    {
        ["widgetId"] = widget.Id,
        ["playlistId"] = widget.PlaylistId,
        ["type"] = widget.Type,
        ["duration"] = widget.Duration,
        ["useDuration"] = 0,
        ["displayOrder"] = 1,
    };

    /// <summary>A small solid PNG whose colour follows what is on screen (a "photo" of the screen).</summary>
    private static byte[] Png(XiboScreen screen)
    {
        var seed = (screen.LayoutId ?? 0) * 2654435761u;
        var (r, g, b) = screen.IsInterrupt ? ((byte)200, (byte)16, (byte)32) : ((byte)(seed >> 8), (byte)(seed >> 16), (byte)(seed >> 24));
        return XiboPng.Solid(32, 18, r, g, b);
    }

    private sealed record Group(int Id, string Name, bool DisplaySpecific);

    private sealed class Display(int id, string name, int ownGroupId, int[] groups, int width, int height)
    {
        public int Id { get; } = id;

        public string Name { get; } = name;

        public int OwnGroupId { get; } = ownGroupId;

        public int[] Groups { get; } = groups;

        public int Width { get; } = width;

        public int Height { get; } = height;

        public bool Online { get; set; }

        public DateTimeOffset LastSeen { get; set; }

        public int DefaultLayoutId { get; set; }

        public int? InterruptLayoutId { get; set; }

        public DateTimeOffset? InterruptUntil { get; set; }

        public Stat? InterruptStat { get; set; }

        public bool ScreenshotRequested { get; set; }
    }

    private sealed class Layout(int id, string name, int resolutionId, int width, int height)
    {
        public int Id { get; } = id;

        public string Name { get; } = name;

        public int ResolutionId { get; } = resolutionId;

        public int Width { get; } = width;

        public int Height { get; } = height;

        public int CampaignId { get; set; }

        public int? ParentId { get; set; }

        public int? DraftId { get; set; }

        public bool Published { get; set; }

        public List<Playlist> Playlists { get; } = [];
    }

    private sealed class Playlist(int id, int layoutId)
    {
        public int Id { get; } = id;

        public int LayoutId { get; } = layoutId;

        public List<Widget> Widgets { get; } = [];
    }

    private sealed class Widget(int id, int playlistId, string type)
    {
        public int Id { get; } = id;

        public int PlaylistId { get; } = playlistId;

        public string Type { get; } = type;

        public int Duration { get; set; }

        public string? Name { get; set; }

        public string? Content { get; set; }
    }

    private sealed record Media(int Id, string Name, string Type, string Url);

    private sealed record Event(int Id, int CampaignId, List<int> Groups, DateTimeOffset From, DateTimeOffset To, int Priority);

    private sealed class Stat(int displayId, int layoutId, int campaignId, DateTimeOffset start)
    {
        public int DisplayId { get; } = displayId;

        public int LayoutId { get; } = layoutId;

        public int CampaignId { get; } = campaignId;

        public DateTimeOffset Start { get; } = start;

        public DateTimeOffset? End { get; set; }
    }
}
