using System;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace NinhBinh.Comms.Emulator.Boards.Anthias;

/// <content>The Kestrel server: offline switch, authentication, faults, routing to the player, answers.</content>
public sealed partial class AnthiasEmulator
{
    private const string Api = "/api/v2/";

    private async Task StartCoreAsync(int port, CancellationToken cancellationToken)
        => (_app, BaseUri) = await LoopbackWebHost.StartAsync(port, app =>
        {
            app.Map(Api + "{**rest}", HandleApiAsync);
            app.MapGet(AnthiasPlayer.AssetDir + "{file}", context => WriteAsync(context, _player.ServeFile(context.Request.Path.Value ?? "/")));
            app.MapGet("/login/", context => WriteAsync(context, new AnthiasReply(200, Html: "<!DOCTYPE html><html><body><form>Anthias login</form></body></html>")));
        }, next => connection =>
        {
            // Offline: the connection is closed without an answer, as when the device is off the network.
            if (!_player.IsOnline)
            {
                connection.Abort();
                return Task.CompletedTask;
            }

            return next(connection);
        }, cancellationToken).ConfigureAwait(false);

    private async Task HandleApiAsync(HttpContext context)
    {
        if (!_player.IsOnline)
        {
            context.Abort();
            return;
        }

        var method = context.Request.Method;
        var path = context.Request.Path.Value ?? "/";
        _player.Record(method, path);

        string body = string.Empty;
        string? fileName = null;
        byte[]? fileBytes = null;
        if (context.Request.HasFormContentType)
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
            if (form.Files.GetFile("file_upload") is { } file)
            {
                using var buffer = new MemoryStream();
                await file.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
                fileName = file.FileName;
                fileBytes = buffer.ToArray();
            }
        }
        else
        {
            using var reader = new StreamReader(context.Request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
            body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        }

        var fault = _player.TakeFault(path);
        if (fault is AnthiasPlayer.HoldFault)
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
            try
            {
                await Task.Delay(Timeout.Infinite, linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                context.Abort();
            }

            return;
        }

        var reply = Authenticate(context, path) ?? fault switch
        {
            AnthiasPlayer.StatusFault status => new AnthiasReply(status.Status, new System.Text.Json.Nodes.JsonObject { ["error"] = "Failure injected by the emulator." }),
            AnthiasPlayer.HtmlFault => new AnthiasReply(200, Html: "<!DOCTYPE html><html><head><title>Wi-Fi login</title></head><body>Please sign in.</body></html>"),
            _ => Route(method, path[Api.Length..], body, fileName, fileBytes),
        };
        await WriteAsync(context, reply).ConfigureAwait(false);
    }

    private AnthiasReply? Authenticate(HttpContext context, string path)
    {
        if (string.IsNullOrEmpty(_player.User))
        {
            return null;
        }

        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return new AnthiasReply(302, Location: "/login/?next=" + Uri.EscapeDataString(path));
        }

        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim()));
        }
        catch (FormatException)
        {
            return AnthiasReply.Detail(401, "Invalid basic header. Credentials not correctly base64 encoded.") with { Challenge = true };
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        var ok = colon > 0
            && string.Equals(decoded[..colon], _player.User, StringComparison.Ordinal)
            && string.Equals(decoded[(colon + 1)..], _player.Password, StringComparison.Ordinal);
        return ok ? null : AnthiasReply.Detail(401, "Invalid username/password.") with { Challenge = true };
    }

    private AnthiasReply Route(string method, string rest, string body, string? fileName, byte[]? fileBytes)
    {
        rest = rest.TrimEnd('/');
        return (method, rest) switch
        {
            ("GET", "info") => AnthiasPlayer.Info(),
            ("GET", "assets") => _player.ListAssets(),
            ("POST", "assets") => _player.CreateAsset(body),
            ("POST", "assets/order") => _player.Order(body),
            ("POST", "file_asset") => _player.Upload(fileName, fileBytes),
            ("GET", _) when rest.StartsWith("assets/control/", StringComparison.Ordinal) => _player.Control(rest["assets/control/".Length..]),
            ("GET", _) when IsAssetPath(rest) => _player.GetAsset(rest["assets/".Length..]),
            ("DELETE", _) when IsAssetPath(rest) => _player.DeleteAsset(rest["assets/".Length..]),
            (_, "info" or "assets" or "assets/order" or "file_asset") => AnthiasReply.Detail(405, $"Method \"{method}\" not allowed."),
            _ when IsAssetPath(rest) => AnthiasReply.Detail(405, $"Method \"{method}\" not allowed."),
            _ => AnthiasReply.Detail(404, "Not found."),
        };
    }

    private static bool IsAssetPath(string rest) =>
        rest.StartsWith("assets/", StringComparison.Ordinal) && rest.Length > "assets/".Length && rest.IndexOf('/', "assets/".Length) < 0;

    private static async Task WriteAsync(HttpContext context, AnthiasReply reply)
    {
        var response = context.Response;
        response.StatusCode = reply.Status;
        if (reply.Location is not null)
        {
            response.Headers.Location = reply.Location;
        }

        if (reply.Challenge)
        {
            response.Headers.WWWAuthenticate = "Basic realm=\"api\"";
        }

        if (reply.Json is not null)
        {
            response.ContentType = "application/json";
            await response.WriteAsync(reply.Json.ToJsonString(new JsonSerializerOptions { WriteIndented = false }), Encoding.UTF8, context.RequestAborted).ConfigureAwait(false);
        }
        else if (reply.Html is not null)
        {
            response.ContentType = "text/html; charset=utf-8";
            await response.WriteAsync(reply.Html, Encoding.UTF8, context.RequestAborted).ConfigureAwait(false);
        }
        else if (reply.Bytes is not null)
        {
            response.ContentType = reply.ContentType ?? "application/octet-stream";
            await response.Body.WriteAsync(reply.Bytes, context.RequestAborted).ConfigureAwait(false);
        }
    }
}
