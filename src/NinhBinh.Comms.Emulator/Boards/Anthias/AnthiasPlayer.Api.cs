using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NinhBinh.Comms.Emulator.Boards.Anthias;

/// <content>The API v2 endpoints: info, assets, order, control, file upload.</content>
internal sealed partial class AnthiasPlayer
{
    private static readonly string[] RequiredFields = ["name", "uri", "start_date", "end_date", "duration", "mimetype", "is_enabled"];

    /// <summary><c>GET /api/v2/info</c>: a subset of what a device reports.</summary>
    public static AnthiasReply Info() => AnthiasReply.Ok(new JsonObject
    {
        ["viewlog"] = "Not yet implemented",
        ["loadavg"] = 0.1,
        ["free_space"] = "10.0 GB",
        ["display_power"] = "on",
        ["up_to_date"] = true,
        ["anthias_version"] = "emulator@nbcomms",
        ["device_model"] = "NinhBinh.Comms emulator",
        ["uptime"] = new JsonObject { ["days"] = 0, ["hours"] = 1.0 },
        ["ip_addresses"] = new JsonArray("127.0.0.1"),
        ["mac_address"] = "00:00:00:00:00:00",
    });

    /// <summary><c>GET /api/v2/assets</c>.</summary>
    public AnthiasReply ListAssets()
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            var list = new JsonArray();
            foreach (var asset in _assets.Values.OrderBy(a => a.PlayOrder).ThenBy(a => a.Created))
            {
                list.Add(ToJson(asset, now));
            }

            return AnthiasReply.Ok(list);
        }
    }

    /// <summary><c>GET /api/v2/assets/{id}</c>.</summary>
    public AnthiasReply GetAsset(string assetId)
    {
        lock (_gate)
        {
            return _assets.TryGetValue(assetId, out var asset) ? AnthiasReply.Ok(ToJson(asset, _time.GetUtcNow())) : NotFound();
        }
    }

    /// <summary><c>DELETE /api/v2/assets/{id}</c>: 204, or 404 for an unknown id.</summary>
    public AnthiasReply DeleteAsset(string assetId)
    {
        lock (_gate)
        {
            if (!_assets.Remove(assetId, out var asset))
            {
                return NotFound();
            }

            _files.Remove(asset.Uri);
            return AnthiasReply.NoContent();
        }
    }

    /// <summary><c>POST /api/v2/assets</c>: validates like Django REST framework, then 201 with the asset.</summary>
    public AnthiasReply CreateAsset(string body)
    {
        if (Parse(body) is not JsonObject data)
        {
            return AnthiasReply.Detail(400, "JSON parse error - expected an object.");
        }

        var errors = new JsonObject();
        foreach (var field in RequiredFields.Where(f => data[f] is null))
        {
            errors[field] = new JsonArray("This field is required.");
        }

        var name = Text(data, "name", errors);
        var uri = Text(data, "uri", errors);
        var mimetype = Text(data, "mimetype", errors);
        var start = Date(data, "start_date", errors);
        var end = Date(data, "end_date", errors);
        var duration = Integer(data, "duration", errors);
        var enabled = Flag(data, "is_enabled", errors);
        var playOrder = data["play_order"] is null ? 0 : Integer(data, "play_order", errors) ?? 0;
        var skipCheck = data["skip_asset_check"] is not null && (Flag(data, "skip_asset_check", errors) ?? false);
        var ext = data["ext"] is JsonValue e && e.TryGetValue<string>(out var x) ? x : string.Empty;
        if (duration is < 0)
        {
            errors["duration"] = new JsonArray("Ensure this value is greater than or equal to 0.");
        }

        if (start is not null && end is not null && end <= start && errors["end_date"] is null)
        {
            // Anthias itself accepts it and the asset never plays (Anthias#2116); the emulator refuses it to catch the mistake.
            errors["end_date"] = new JsonArray("end_date must be after start_date.");
        }

        if (errors.Count > 0)
        {
            return new AnthiasReply(400, errors);
        }

        if (mimetype!.Contains("video", StringComparison.Ordinal) && duration != 0)
        {
            return AnthiasReply.FieldError("duration", "Duration must be zero for video assets.");
        }

        lock (_gate)
        {
            var assetId = Guid.NewGuid().ToString("N");
            if (uri!.StartsWith('/'))
            {
                if (!_files.Remove(uri, out var bytes))
                {
                    return AnthiasReply.FieldError("uri", "Invalid file path. Failed to add asset.");
                }

                uri = AssetDir + assetId + ext;
                _files[uri] = bytes;
            }
            else if (!Uri.TryCreate(uri, UriKind.Absolute, out var parsed) || (parsed.Scheme != Uri.UriSchemeHttp && parsed.Scheme != Uri.UriSchemeHttps
                && parsed.Scheme != "rtsp"))
            {
                return AnthiasReply.FieldError("uri", "Invalid URL. Failed to add asset.");
            }

            _ = skipCheck; // the emulator never fetches a URL: it answers as if the check passed.
            var now = _time.GetUtcNow();
            var active = ActiveLocked(now).Select(a => a.AssetId).ToList();
            var asset = new Asset(assetId, name!.Replace("&amp;", "&", StringComparison.Ordinal), uri, mimetype, start!.Value, end!.Value, duration!.Value,
                enabled!.Value, playOrder);
            _assets[assetId] = asset;
            if (asset.IsActive(now))
            {
                active.Insert(Math.Clamp(playOrder, 0, active.Count), assetId);
            }

            SaveOrderLocked(active);
            return new AnthiasReply(201, ToJson(_assets[assetId], now));
        }
    }

    /// <summary><c>POST /api/v2/assets/order</c> <c>{"ids": "id1,id2"}</c>: 204.</summary>
    public AnthiasReply Order(string body)
    {
        if (Parse(body) is not JsonObject data)
        {
            return AnthiasReply.FieldError("ids", "Expected an object body with an \"ids\" field.");
        }

        var ids = data["ids"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : string.Empty;
        lock (_gate)
        {
            SaveOrderLocked(ids.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }

        return AnthiasReply.NoContent();
    }

    /// <summary>
    /// <c>GET /api/v2/assets/control/{command}</c>: <c>next</c>, <c>previous</c>, <c>asset&amp;{id}</c>. Answers
    /// "Asset switched" like Anthias, also for an unknown asset (which then changes nothing).
    /// </summary>
    public AnthiasReply Control(string command)
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            if (command.StartsWith("asset&", StringComparison.Ordinal))
            {
                var id = command["asset&".Length..];
                if (_assets.ContainsKey(id))
                {
                    _jump = (id, now);
                }
            }
            else if (command is "next" or "previous")
            {
                var active = ActiveLocked(now);
                var jumpedGone = _jump is { } j && !_assets.ContainsKey(j.AssetId);
                var current = jumpedGone ? null : OnScreenLocked(now);
                var index = current is null ? -1 : active.FindIndex(a => a.AssetId == current.AssetId);
                Asset? target = active.Count == 0 ? null
                    : index < 0 ? active[0]
                    : command == "next" ? active[(index + 1) % active.Count]
                    : active[(index - 1 + active.Count) % active.Count];
                _jump = target is null ? null : (target.AssetId, now);
            }

            return AnthiasReply.Ok(JsonValue.Create("Asset switched"));
        }
    }

    /// <summary><c>POST /api/v2/file_asset</c> (multipart <c>file_upload</c>): 200 <c>{uri, ext, upload_id}</c>.</summary>
    public AnthiasReply Upload(string? fileName, byte[]? bytes)
    {
        if (fileName is null || bytes is null)
        {
            return AnthiasReply.FieldError("file_upload", "No file uploaded.");
        }

        var ext = Path.GetExtension(fileName).ToLowerInvariant();
        if (ext is not (".png" or ".jpg" or ".jpeg" or ".gif" or ".webp" or ".bmp" or ".mp4" or ".webm" or ".mkv" or ".mov"))
        {
            return AnthiasReply.FieldError("file_upload", "Invalid file type. Expected image or video.");
        }

        var uploadId = Guid.NewGuid().ToString("N");
        var uri = AssetDir + uploadId + ".tmp";
        lock (_gate)
        {
            _files[uri] = bytes;
        }

        return AnthiasReply.Ok(new JsonObject { ["uri"] = uri, ["ext"] = ext == ".jpeg" ? ".jpg" : ext, ["upload_id"] = uploadId });
    }

    /// <summary>Serves an uploaded file at the path its uri names.</summary>
    public AnthiasReply ServeFile(string path)
    {
        var bytes = GetFile(path);
        if (bytes is null)
        {
            return new AnthiasReply(404, Html: "<!DOCTYPE html><html><body><h1>Not Found</h1></body></html>");
        }

        var type = Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".png" => "image/png",
            ".jpg" or ".jpeg" => "image/jpeg",
            ".gif" => "image/gif",
            ".webp" => "image/webp",
            ".mp4" => "video/mp4",
            _ => "application/octet-stream",
        };
        return new AnthiasReply(200, Bytes: bytes, ContentType: type);
    }

    private void SaveOrderLocked(IEnumerable<string> ids)
    {
        var i = 0;
        foreach (var id in ids)
        {
            if (_assets.TryGetValue(id, out var asset))
            {
                _assets[id] = asset with { PlayOrder = i };
            }

            i++;
        }
    }

    private static AnthiasReply NotFound() => AnthiasReply.Detail(404, "No Asset matches the given query.");

    private static JsonNode? Parse(string body)
    {
        try
        {
            return string.IsNullOrWhiteSpace(body) ? null : JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonObject data, string field, JsonObject errors)
    {
        if (data[field] is null)
        {
            return null;
        }

        if (data[field] is JsonValue value && value.TryGetValue<string>(out var text))
        {
            if (text.Trim().Length == 0)
            {
                errors[field] = new JsonArray("This field may not be blank.");
                return null;
            }

            return text;
        }

        errors[field] = new JsonArray("Not a valid string.");
        return null;
    }

    private static DateTimeOffset? Date(JsonObject data, string field, JsonObject errors)
    {
        if (data[field] is null)
        {
            return null;
        }

        if (data[field] is JsonValue value && value.TryGetValue<string>(out var text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            return parsed;
        }

        errors[field] = new JsonArray("Datetime has wrong format. Use one of these formats instead: YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z].");
        return null;
    }

    private static int? Integer(JsonObject data, string field, JsonObject errors)
    {
        if (data[field] is null)
        {
            return null;
        }

        if (data[field] is JsonValue value && (value.TryGetValue<int>(out var n)
            || (value.TryGetValue<string>(out var s) && int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out n))))
        {
            return n;
        }

        errors[field] = new JsonArray("A valid integer is required.");
        return null;
    }

    private static bool? Flag(JsonObject data, string field, JsonObject errors)
    {
        if (data[field] is null)
        {
            return null;
        }

        if (data[field] is JsonValue value)
        {
            if (value.TryGetValue<bool>(out var b))
            {
                return b;
            }

            if (value.TryGetValue<int>(out var n) && n is 0 or 1)
            {
                return n == 1;
            }

            if (value.TryGetValue<string>(out var s) && s is "true" or "false" or "1" or "0")
            {
                return s is "true" or "1";
            }
        }

        errors[field] = new JsonArray("Must be a valid boolean.");
        return null;
    }

    private static string Iso(DateTimeOffset instant)
    {
        var utc = instant.UtcDateTime;
        var micro = utc.Ticks % TimeSpan.TicksPerSecond / 10;
        return utc.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture)
            + (micro == 0 ? string.Empty : "." + micro.ToString("000000", CultureInfo.InvariantCulture)) + "Z";
    }

    private static JsonObject ToJson(Asset asset, DateTimeOffset now) => new()
    {
        ["asset_id"] = asset.AssetId,
        ["name"] = asset.Name,
        ["uri"] = asset.Uri,
        ["start_date"] = Iso(asset.StartDate),
        ["end_date"] = Iso(asset.EndDate),
        ["duration"] = asset.Duration,
        ["mimetype"] = asset.Mimetype,
        ["is_enabled"] = asset.IsEnabled,
        ["nocache"] = false,
        ["play_order"] = asset.PlayOrder,
        ["skip_asset_check"] = false,
        ["skip_ssl_verify"] = false,
        ["is_active"] = asset.IsActive(now),
        ["is_processing"] = false,
        ["play_days"] = new JsonArray(1, 2, 3, 4, 5, 6, 7),
        ["play_time_from"] = null,
        ["play_time_to"] = null,
        ["is_reachable"] = true,
        ["metadata"] = new JsonObject(),
        ["refresh_interval_s"] = 0,
        ["custom_headers"] = new JsonObject(),
    };
}
