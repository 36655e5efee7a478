using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace NinhBinh.Comms.Emulator;

/// <content>The Kestrel server: routes (mapped per resource by the backend), request reading, faults, answers.</content>
public sealed partial class ZaloEmulator
{
    private static readonly Dictionary<string, StringValues> _noForm = new(StringComparer.Ordinal);

    private async Task StartCoreAsync(int port, CancellationToken cancellationToken)
        => (_app, BaseUri) = await LoopbackWebHost.StartAsync(port, MapEndpoints, cancellationToken: cancellationToken).ConfigureAwait(false);

    private void MapEndpoints(IEndpointRouteBuilder routes)
    {
        void Map(string method, string pattern, Surface surface, Func<ApiRequest, Reply> handler) =>
            routes.MapMethods(pattern, [method], context => HandleAsync(context, surface, handler));

        _backend.MapOAuthRoutes(Map);
        _backend.MapMessageRoutes(Map);
        _backend.MapFollowerRoutes(Map);
        _backend.MapTagRoutes(Map);
        _backend.MapQuotaRoutes(Map);
        _backend.MapOfficialAccountRoutes(Map);
        _backend.MapZnsRoutes(Map);
        _backend.MapUploadRoutes(Map);
        _backend.MapArticleRoutes(Map);
    }

    private async Task HandleAsync(HttpContext context, Surface surface, Func<ApiRequest, Reply> handler)
    {
        if (surface != Surface.OAuth)
        {
            _backend.CountRequest();
        }

        var files = await ReadFilesAsync(context).ConfigureAwait(false);
        string body;
        using (var reader = new StreamReader(context.Request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true))
        {
            body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        }

        var isForm = context.Request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true;
        var request = new ApiRequest
        {
            Path = context.Request.Path.Value ?? "/",
            Query = context.Request.Query,
            Headers = context.Request.Headers,
            Body = body,
            Form = isForm ? QueryHelpers.ParseQuery(body) : _noForm,
            Files = files,
        };

        var fault = _backend.TakeFault(request.Path);
        var reply = fault switch
        {
            ErrorFault error when surface == Surface.OAuth => Json.OAuthError(error.ErrorCode, "emulated_failure", "Failure injected by the emulator."),
            ErrorFault error => Json.Error(error.ErrorCode, "Failure injected by the emulator."),
            StatusFault status => new Reply(status.HttpStatus, Text: "Failure injected by the emulator.", RetryAfter: status.RetryAfter),
            _ => surface == Surface.OAuth ? handler(request) : _backend.Authenticate(request, surface) ?? handler(request),
        };

        if (fault is DelayFault delay)
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
            try
            {
                await Task.Delay(delay.Delay, linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                context.Abort();
                return;
            }
        }

        await WriteAsync(context, reply).ConfigureAwait(false);
    }

    /// <summary>The file parts of a multipart body, read as bytes (the body is then empty to the handlers).</summary>
    private static async Task<IReadOnlyList<UploadedFile>> ReadFilesAsync(HttpContext context)
    {
        if (!context.Request.HasFormContentType
            || context.Request.ContentType?.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase) != true)
        {
            return [];
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        var files = new List<UploadedFile>(form.Files.Count);
        foreach (var file in form.Files)
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
            files.Add(new UploadedFile(file.Name, file.FileName, file.ContentType, buffer.ToArray()));
        }

        return files;
    }

    private static async Task WriteAsync(HttpContext context, Reply reply)
    {
        var response = context.Response;
        response.StatusCode = reply.StatusCode;
        if (reply.RetryAfter is { } retryAfter)
        {
            response.Headers.RetryAfter = ((long)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        if (reply.Location is not null)
        {
            response.Headers.Location = reply.Location;
        }

        if (reply.Json is not null)
        {
            response.ContentType = "application/json; charset=utf-8";
            await response.WriteAsync(reply.Json.ToJsonString(Json.WriteOptions), Encoding.UTF8, context.RequestAborted).ConfigureAwait(false);
        }
        else if (reply.Text is not null)
        {
            response.ContentType = "text/plain; charset=utf-8";
            await response.WriteAsync(reply.Text, Encoding.UTF8, context.RequestAborted).ConfigureAwait(false);
        }
    }
}
