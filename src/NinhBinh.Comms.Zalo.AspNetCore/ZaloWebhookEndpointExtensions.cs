using System;
using System.IO;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NinhBinh.Comms.Zalo;
using NinhBinh.Comms.Zalo.AspNetCore;

#pragma warning disable IDE0130 // Endpoint extensions live in the ASP.NET Core namespace, as Microsoft's do.
namespace Microsoft.AspNetCore.Builder;
#pragma warning restore IDE0130

/// <summary>Maps the Zalo webhook endpoint.</summary>
public static class ZaloWebhookEndpointExtensions
{
    /// <summary>The meter of the endpoint's instruments (<c>nbcomms.zalo.webhook.*</c>: received, rejected, duplicates, handled, handler_failures, queue_full, queue_depth, in_flight).</summary>
    public const string MeterName = "NinhBinh.Comms.Zalo.AspNetCore";

    /// <summary>
    /// Maps <c>POST <paramref name="pattern"/></c>: reads the raw body up to
    /// <see cref="ZaloWebhookOptions.MaxBodyBytes"/> (a larger one is refused with 413 before it is read), verifies the
    /// signature and the replay window (401 when forged or replayed, 400 when not a Zalo event), queues the event and
    /// answers 200 at once; handlers run from the background queue. When the queue is full the answer is 503, so
    /// Zalo delivers again later. Call <c>services.AddZaloWebhooks(…)</c> first.
    /// </summary>
    /// <param name="endpoints">The app.</param>
    /// <param name="pattern">The route; default <c>/zalo/webhook</c>.</param>
    /// <returns>The endpoint's convention builder.</returns>
    public static IEndpointConventionBuilder MapZaloWebhook(this IEndpointRouteBuilder endpoints, string pattern = "/zalo/webhook")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrWhiteSpace(pattern);
        if (endpoints.ServiceProvider.GetService<ZaloWebhookQueue>() is null)
        {
            throw new InvalidOperationException("MapZaloWebhook needs services.AddZaloWebhooks(...) first.");
        }

        return endpoints.MapPost(pattern, HandleAsync);
    }

    private static async Task HandleAsync(HttpContext context)
    {
        var services = context.RequestServices;
        var options = services.GetRequiredService<IOptions<ZaloWebhookEndpointOptions>>().Value;
        var receiver = services.GetRequiredService<ZaloWebhookReceiver>();
        var queue = services.GetRequiredService<ZaloWebhookQueue>();
        var metrics = services.GetRequiredService<ZaloWebhookMetrics>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("NinhBinh.Comms.Zalo.AspNetCore");
        var max = options.Verification.MaxBodyBytes;

        var sizeFeature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false })
        {
            sizeFeature.MaxRequestBodySize = max;
        }

        var length = context.Request.ContentLength;
        if (length > max)
        {
            await RefuseAsync(context, logger, metrics, StatusCodes.Status413PayloadTooLarge, ZaloWebhookFailure.TooLarge, $"The body is {length} bytes; the limit is {max}.").ConfigureAwait(false);
            return;
        }

        byte[]? body;
        try
        {
            body = await ReadBodyAsync(context.Request, length, max, context.RequestAborted).ConfigureAwait(false);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            body = null;
        }

        if (body is null)
        {
            await RefuseAsync(context, logger, metrics, StatusCodes.Status413PayloadTooLarge, ZaloWebhookFailure.TooLarge, $"The body is larger than the limit ({max} bytes).").ConfigureAwait(false);
            return;
        }

        var isZns = string.Equals(context.Request.Headers[ZaloWebhookVerifier.ServerHeader].ToString(), "ZNS", StringComparison.OrdinalIgnoreCase);
        var receipt = receiver.Read(body, context.Request.Headers[ZaloWebhookVerifier.SignatureHeader].ToString(), isZns);
        if (!receipt.IsValid)
        {
            var status = receipt.Verification.Failure switch
            {
                ZaloWebhookFailure.InvalidJson or ZaloWebhookFailure.MissingTimestamp => StatusCodes.Status400BadRequest,
                ZaloWebhookFailure.TooLarge => StatusCodes.Status413PayloadTooLarge,
                _ => StatusCodes.Status401Unauthorized,
            };
            await RefuseAsync(context, logger, metrics, status, receipt.Verification.Failure, receipt.Verification.Reason).ConfigureAwait(false);
            return;
        }

        var webhookEvent = receipt.Event!;
        if (!queue.Channel.Writer.TryWrite(webhookEvent))
        {
            metrics.Dropped.Add(1);
            ZaloWebhookLog.QueueFull(logger, queue.Capacity, webhookEvent.EventName);
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }

        metrics.Received.Add(1);
        ZaloWebhookLog.Queued(logger, webhookEvent.EventName, webhookEvent.DedupeKey, context.Request.Headers["num_retry"].ToString() is { Length: > 0 } n ? n : null);
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync("{\"error\":0,\"message\":\"Success\"}", context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>Reads at most <paramref name="max"/> bytes; <see langword="null"/> when the body is larger.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, long? length, int max, System.Threading.CancellationToken cancellationToken)
    {
        if (length is { } known)
        {
            var exact = new byte[known];
            var read = 0;
            while (read < exact.Length)
            {
                var n = await request.Body.ReadAsync(exact.AsMemory(read), cancellationToken).ConfigureAwait(false);
                if (n == 0)
                {
                    throw new BadHttpRequestException("The body ended before its Content-Length.", StatusCodes.Status400BadRequest);
                }

                read += n;
            }

            return exact;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        while (true)
        {
            var n = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false);
            if (n == 0)
            {
                return buffer.ToArray();
            }

            if (buffer.Length + n > max)
            {
                return null;
            }

            buffer.Write(chunk, 0, n);
        }
    }

    private static async Task RefuseAsync(HttpContext context, ILogger logger, ZaloWebhookMetrics metrics, int status, ZaloWebhookFailure failure, string reason)
    {
        metrics.Rejected.Add(1, new System.Collections.Generic.KeyValuePair<string, object?>("reason", failure.ToString()));
        ZaloWebhookLog.Refused(logger, failure, reason);
        context.Response.StatusCode = status;
        if (status == StatusCodes.Status413PayloadTooLarge)
        {
            context.Response.Headers.Connection = "close";
        }

        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(failure + ": " + reason, context.RequestAborted).ConfigureAwait(false);
    }
}
