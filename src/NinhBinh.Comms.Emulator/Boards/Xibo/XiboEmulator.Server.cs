using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace NinhBinh.Comms.Emulator.Boards.Xibo;

/// <content>The Kestrel server: the CMS's routes, request reading, authentication, faults, answers.</content>
public sealed partial class XiboEmulator
{
    private static readonly Dictionary<string, StringValues> _noForm = new(StringComparer.Ordinal);

    private async Task StartCoreAsync(int port, CancellationToken cancellationToken)
        => (_app, BaseUri) = await LoopbackWebHost.StartAsync(port, MapEndpoints, cancellationToken: cancellationToken).ConfigureAwait(false);

    private void MapEndpoints(IEndpointRouteBuilder routes)
    {
        void Map(string method, string pattern, Func<XiboRequest, XiboReply> handler, bool authenticated = true) =>
            routes.MapMethods(pattern, [method], context => HandleAsync(context, handler, authenticated));

        Map("POST", "/api/authorize/access_token", _cms.Token, authenticated: false);
        Map("GET", "/api/displaygroup/{id}", _cms.GetDisplayGroup);
        Map("GET", "/api/display", _cms.GetDisplays);
        Map("PUT", "/api/display/requestscreenshot/{displayId}", _cms.RequestScreenshot);
        Map("GET", "/api/display/screenshot/{id}", _cms.GetScreenshot);
        Map("GET", "/api/resolution", _cms.GetResolutions);
        Map("GET", "/api/layout", _cms.GetLayouts);
        Map("POST", "/api/layout", _cms.AddLayout);
        Map("DELETE", "/api/layout/{layoutId}", _cms.DeleteLayout);
        Map("PUT", "/api/layout/publish/{layoutId}", _cms.Publish);
        Map("POST", "/api/region/{id}", _cms.AddRegion);
        Map("POST", "/api/playlist/widget/{type}/{playlistId}", _cms.AddWidget);
        Map("PUT", "/api/playlist/widget/{id}", _cms.EditWidget);
        Map("POST", "/api/library/uploadUrl", _cms.UploadUrl);
        Map("POST", "/api/playlist/library/assign/{playlistId}", _cms.AssignMedia);
        Map("POST", "/api/displaygroup/{displayGroupId}/action/changeLayout", _cms.ChangeLayout);
        Map("POST", "/api/displaygroup/{displayGroupId}/action/revertToSchedule", _cms.RevertToSchedule);
        Map("POST", "/api/schedule", _cms.AddEvent);
        Map("DELETE", "/api/schedule/{eventId}", _cms.DeleteEvent);
        Map("GET", "/api/stats", _cms.GetStats);
    }

    private async Task HandleAsync(HttpContext context, Func<XiboRequest, XiboReply> handler, bool authenticated)
    {
        string body;
        using (var reader = new StreamReader(context.Request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true))
        {
            body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        }

        var isForm = context.Request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true;
        var route = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in context.Request.RouteValues)
        {
            route[key] = Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
        }

        var request = new XiboRequest
        {
            Route = route,
            Query = context.Request.Query.ToDictionary(q => q.Key, q => q.Value, StringComparer.Ordinal),
            Form = isForm ? QueryHelpers.ParseQuery(body) : _noForm,
        };

        var path = context.Request.Path.Value ?? "/";
        XiboReply reply;
        if (!authenticated)
        {
            reply = _cms.TakeFault(path, exactOnly: true) ?? handler(request);
        }
        else
        {
            reply = _cms.Authenticate(context.Request.Headers.Authorization.ToString() is { Length: > 0 } header ? header : null)
                ?? _cms.TakeFault(path)
                ?? handler(request);
        }

        await WriteAsync(context, reply).ConfigureAwait(false);
    }

    private static async Task WriteAsync(HttpContext context, XiboReply reply)
    {
        var response = context.Response;
        response.StatusCode = reply.StatusCode;
        if (reply.Location is not null)
        {
            response.Headers.Location = reply.Location;
        }

        if (reply.TotalCount is { } total)
        {
            response.Headers["X-Total-Count"] = total.ToString(CultureInfo.InvariantCulture);
        }

        if (reply.Json is not null)
        {
            response.ContentType = "application/json";
            await response.WriteAsync(reply.Json.ToJsonString(), Encoding.UTF8, context.RequestAborted).ConfigureAwait(false);
        }
        else if (reply.Bytes is not null)
        {
            response.ContentType = reply.ContentType ?? "application/octet-stream";
            await response.Body.WriteAsync(reply.Bytes, context.RequestAborted).ConfigureAwait(false);
        }
    }
}
