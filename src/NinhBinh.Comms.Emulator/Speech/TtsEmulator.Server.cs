using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace NinhBinh.Comms.Emulator.Speech;

/// <content>The Kestrel server and the three providers' endpoints.</content>
public sealed partial class TtsEmulator
{
    private static readonly string[] _fptVoices = ["banmai", "thuminh", "myan", "giahuy", "ngoclam", "leminh", "minhquang", "linhsan", "lannhi"];
    private static readonly string[] _viettelVoices = ["hn-quynhanh", "hn-thanhtung", "hn-phuongtrang", "hcm-diemmy", "hcm-minhquan", "hue-baoquoc", "hue-maingoc"];

    private async Task StartCoreAsync(int port, CancellationToken cancellationToken)
        => (_app, BaseUri) = await LoopbackWebHost.StartAsync(port, app =>
        {
            app.MapMethods("/v1/tts/synthesize", ["POST"], ZaloAiAsync);
            app.MapMethods("/hmi/tts/v5", ["POST"], FptAiAsync);
            app.MapMethods("/tts/speech_synthesis", ["POST"], ViettelAiAsync);
            app.MapMethods("/audio/{id}", ["GET", "HEAD"], AudioAsync);
        }, cancellationToken: cancellationToken).ConfigureAwait(false);

    // ---- Zalo AI: form input/speed/speaker_id/encode_type, header apikey -> {error_code, error_message, data{url}} ----
    private async Task ZaloAiAsync(HttpContext context)
    {
        var body = await ReadBodyAsync(context).ConfigureAwait(false);
        var form = QueryHelpers.ParseQuery(body);
        var input = form.TryGetValue("input", out var i) ? i.ToString() : string.Empty;
        var speed = form.TryGetValue("speed", out var s) ? s.ToString() : null;
        var speaker = form.TryGetValue("speaker_id", out var v) ? v.ToString() : null;
        var encode = form.TryGetValue("encode_type", out var e) ? e.ToString() : "0";
        if (await FaultAsync(context, "zalo-ai", input, speaker, speed).ConfigureAwait(false))
        {
            return;
        }

        if (!string.Equals(context.Request.Headers["apikey"].ToString(), _options.ZaloAiApiKey, StringComparison.Ordinal))
        {
            await ZaloErrorAsync(context, 401, -401, "Invalid API key.", input, speaker, speed).ConfigureAwait(false);
            return;
        }

        var (code, message) = input.Trim().Length == 0 ? (-1, "input is empty.")
            : input.Length > 2000 ? (-2, "input is longer than 2000 characters.")
            : !double.TryParse(speed ?? "1.0", NumberStyles.Float, CultureInfo.InvariantCulture, out var sp) || sp < 0.8 || sp > 1.2 ? (-3, "speed must be between 0.8 and 1.2.")
            : !int.TryParse(speaker ?? "1", NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id is < 1 or > 6 ? (-4, "speaker_id must be between 1 and 6.")
            : encode is not ("0" or "1" or "2") ? (-5, "encode_type must be 0, 1 or 2.")
            : !TakeQuota(input.Length) ? (-6, "Character quota exceeded.")
            : (0, "Successful.");
        if (code != 0)
        {
            await ZaloErrorAsync(context, 200, code, message, input, speaker, speed).ConfigureAwait(false);
            return;
        }

        RecordSuccess("zalo-ai", input, speaker, speed);
        var duration = EmulatedAudio.DurationOf(input);
        var (bytes, type, extension) = encode switch
        {
            "0" => (EmulatedAudio.Wave(duration), "audio/wav", "wav"),
            "2" => (EmulatedAudio.Aac(duration), "audio/aac", "aac"),
            _ => (EmulatedAudio.Mp3(duration), "audio/mpeg", "mp3"),
        };
        var url = Store(bytes, type, extension, TimeSpan.Zero);
        await WriteJsonAsync(context, 200, new JsonObject
        {
            ["error_code"] = 0,
            ["error_message"] = message,
            ["data"] = new JsonObject { ["url"] = url },
        }).ConfigureAwait(false);
    }

    private Task ZaloErrorAsync(HttpContext context, int status, int code, string message, string input, string? speaker, string? speed)
    {
        Record("zalo-ai", input, speaker, speed, status);
        return WriteJsonAsync(context, status, new JsonObject { ["error_code"] = code, ["error_message"] = message });
    }

    // ---- FPT.AI: body text, headers api-key/voice/speed -> {async, error, message, request_id}; the URL is 404 for a while ----
    private async Task FptAiAsync(HttpContext context)
    {
        var text = await ReadBodyAsync(context).ConfigureAwait(false);
        var voice = context.Request.Headers["voice"].ToString();
        var speed = context.Request.Headers["speed"].ToString();
        if (await FaultAsync(context, "fpt-ai", text, voice, speed).ConfigureAwait(false))
        {
            return;
        }

        if (!string.Equals(context.Request.Headers["api-key"].ToString(), _options.FptAiApiKey, StringComparison.Ordinal))
        {
            Record("fpt-ai", text, voice, speed, 401);
            await WriteJsonAsync(context, 401, new JsonObject { ["message"] = "Invalid API key." }).ConfigureAwait(false);
            return;
        }

        var length = text.Trim().Length;
        var (code, message) = length < 3 || length > 5000 ? (1, "The text must be 3 to 5000 characters long.")
            : voice.Length > 0 && !_fptVoices.Contains(voice) ? (2, "The voice is not supported.")
            : speed.Length > 0 && (!int.TryParse(speed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var sp) || sp is < -3 or > 3) ? (3, "speed must be between -3 and 3.")
            : !TakeQuota(text.Length) ? (4, "Character quota exceeded.")
            : (0, "The content will be returned after a few seconds under the async link.");
        if (code != 0)
        {
            Record("fpt-ai", text, voice, speed, 200);
            await WriteJsonAsync(context, 200, new JsonObject { ["error"] = code, ["message"] = message, ["request_id"] = Guid.NewGuid().ToString() }).ConfigureAwait(false);
            return;
        }

        RecordSuccess("fpt-ai", text, voice, speed);
        var url = Store(EmulatedAudio.Mp3(EmulatedAudio.DurationOf(text)), "audio/mpeg", "mp3", _options.FptAiReadyAfter);
        await WriteJsonAsync(context, 200, new JsonObject
        {
            ["async"] = url,
            ["error"] = 0,
            ["message"] = message,
            ["request_id"] = Guid.NewGuid().ToString(),
        }).ConfigureAwait(false);
    }

    // ---- Viettel AI: JSON {text, voice, speed, tts_return_option, token, without_filter} -> audio bytes or a JSON error ----
    private async Task ViettelAiAsync(HttpContext context)
    {
        var body = await ReadBodyAsync(context).ConfigureAwait(false);
        string text = string.Empty, voice = "hn-quynhanh", token = string.Empty;
        double speed = 1.0;
        var option = 2;
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            text = root.TryGetProperty("text", out var t) ? t.GetString() ?? string.Empty : string.Empty;
            voice = root.TryGetProperty("voice", out var v) ? v.GetString() ?? voice : voice;
            speed = root.TryGetProperty("speed", out var s) ? s.GetDouble() : speed;
            option = root.TryGetProperty("tts_return_option", out var o) ? o.GetInt32() : option;
            token = root.TryGetProperty("token", out var k) ? k.GetString() ?? string.Empty : string.Empty;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            await ViettelErrorAsync(context, 400, 400, "Dữ liệu không hợp lệ", "The body is not valid JSON.", text, voice, null).ConfigureAwait(false);
            return;
        }

        var speedText = speed.ToString(CultureInfo.InvariantCulture);
        if (await FaultAsync(context, "viettel-ai", text, voice, speedText).ConfigureAwait(false))
        {
            return;
        }

        if (!string.Equals(token, _options.ViettelAiToken, StringComparison.Ordinal))
        {
            await ViettelErrorAsync(context, 401, 401, "Token không hợp lệ", "Invalid token.", text, voice, speedText).ConfigureAwait(false);
            return;
        }

        (int Status, int Code, string Vi, string En) problem = text.Trim().Length == 0 ? (400, 400, "Văn bản trống", "text is empty.")
            : text.Length > 2000 ? (400, 400, "Văn bản quá dài", "text is longer than 2000 characters.")
            : !_viettelVoices.Contains(voice) ? (400, 404, "Giọng đọc không tồn tại", "The voice does not exist.")
            : speed is < 0.7 or > 1.3 ? (400, 400, "Tốc độ không hợp lệ", "speed must be between 0.7 and 1.3.")
            : option is not (2 or 3) ? (400, 400, "tts_return_option không hợp lệ", "tts_return_option must be 2 or 3.")
            : !TakeQuota(text.Length) ? (200, 402, "Hết hạn mức ký tự", "Character quota exceeded.")
            : (0, 0, string.Empty, string.Empty);
        if (problem.Status != 0)
        {
            await ViettelErrorAsync(context, problem.Status, problem.Code, problem.Vi, problem.En, text, voice, speedText).ConfigureAwait(false);
            return;
        }

        RecordSuccess("viettel-ai", text, voice, speedText);
        var duration = EmulatedAudio.DurationOf(text);
        var (bytes, type) = option == 3 ? (EmulatedAudio.Mp3(duration), "audio/mpeg") : (EmulatedAudio.Wave(duration), "audio/wav");
        context.Response.StatusCode = 200;
        context.Response.ContentType = type;
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
    }

    private Task ViettelErrorAsync(HttpContext context, int status, int code, string vi, string en, string text, string? voice, string? speed)
    {
        Record("viettel-ai", text, voice, speed, status);
        return WriteJsonAsync(context, status, new JsonObject { ["code"] = code, ["vi_message"] = vi, ["en_message"] = en });
    }

    // ---- audio files: 404 before they are ready (FPT.AI) and after they expire ----
    private async Task AudioAsync(HttpContext context)
    {
        var id = context.Request.RouteValues["id"]?.ToString() ?? string.Empty;
        StoredAudio? audio;
        lock (_gate)
        {
            _audioRequests++;
            _audio.TryGetValue(id, out audio);
        }

        var now = _time.GetUtcNow();
        if (audio is null || now < audio.AvailableFrom || now >= audio.ExpiresAt)
        {
            context.Response.StatusCode = 404;
            return;
        }

        context.Response.StatusCode = 200;
        context.Response.ContentType = audio.MediaType;
        context.Response.ContentLength = audio.Bytes.Length;
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await context.Response.Body.WriteAsync(audio.Bytes, context.RequestAborted).ConfigureAwait(false);
        }
    }

    // ---- shared ----
    private async Task<bool> FaultAsync(HttpContext context, string provider, string text, string? voice, string? speed)
    {
        int status;
        TimeSpan? retryAfter = null;
        var stall = false;
        lock (_gate)
        {
            if (_stallNext > 0)
            {
                _stallNext--;
                stall = true;
                status = 0;
            }
            else if (_rateLimitNext > 0)
            {
                _rateLimitNext--;
                status = 429;
                retryAfter = _retryAfter;
            }
            else if (_failNext > 0)
            {
                _failNext--;
                status = _failStatus;
            }
            else
            {
                return false;
            }
        }

        Record(provider, text, voice, speed, status);
        if (stall)
        {
            try
            {
                await Task.Delay(TimeSpan.FromMinutes(2), context.RequestAborted).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // The client gave up, as intended.
            }

            context.Abort();
            return true;
        }

        context.Response.StatusCode = status;
        if (retryAfter is { } wait)
        {
            context.Response.Headers.RetryAfter = ((long)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync("Failure injected by the emulator.", context.RequestAborted).ConfigureAwait(false);
        return true;
    }

    private bool TakeQuota(int characters)
    {
        lock (_gate)
        {
            if (_characterQuota < characters)
            {
                return false;
            }

            _characterQuota -= characters;
            return true;
        }
    }

    private void Record(string provider, string text, string? voice, string? speed, int status, bool synthesized = false)
    {
        lock (_gate)
        {
            _requests.Add(new TtsRequestRecord(provider, text, voice, speed, status, synthesized, _time.GetUtcNow()));
        }
    }

    private void RecordSuccess(string provider, string text, string? voice, string? speed) => Record(provider, text, voice, speed, 200, synthesized: true);

    private string Store(byte[] bytes, string mediaType, string extension, TimeSpan readyAfter)
    {
        var id = Guid.NewGuid().ToString("N") + "." + extension;
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            _audio[id] = new StoredAudio(bytes, mediaType, now + readyAfter, now + readyAfter + _options.UrlLifetime);
        }

        return new Uri(BaseUri, "audio/" + id).AbsoluteUri;
    }

    private static async Task<string> ReadBodyAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        return await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
    }

    private static async Task WriteJsonAsync(HttpContext context, int status, JsonObject json)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(json.ToJsonString(), Encoding.UTF8, context.RequestAborted).ConfigureAwait(false);
    }
}
