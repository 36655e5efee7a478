using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Builder;

namespace NinhBinh.Comms.Zalo.AspNetCore;

/// <summary>The endpoint's instruments, on the meter <see cref="ZaloWebhookEndpointExtensions.MeterName"/>.</summary>
internal sealed class ZaloWebhookMetrics
{
    public ZaloWebhookMetrics(IMeterFactory meters, ZaloWebhookQueue queue)
    {
        var meter = meters.Create(new MeterOptions(ZaloWebhookEndpointExtensions.MeterName));
        Meter = meter;
        Received = meter.CreateCounter<long>("nbcomms.zalo.webhook.received", "{delivery}", "Deliveries verified and queued.");
        Rejected = meter.CreateCounter<long>("nbcomms.zalo.webhook.rejected", "{delivery}", "Deliveries refused (tag reason: the failure).");
        Duplicates = meter.CreateCounter<long>("nbcomms.zalo.webhook.duplicates", "{event}", "Events already handled, ignored.");
        Handled = meter.CreateCounter<long>("nbcomms.zalo.webhook.handled", "{event}", "Events handled by every handler.");
        HandlerFailures = meter.CreateCounter<long>("nbcomms.zalo.webhook.handler_failures", "{failure}", "Handler attempts that threw.");
        Dropped = meter.CreateCounter<long>("nbcomms.zalo.webhook.queue_full", "{delivery}", "Deliveries answered 503 because the queue was full.");
        meter.CreateObservableGauge("nbcomms.zalo.webhook.queue_depth", () => queue.Count, "{event}", "Events waiting for their handlers.");
        meter.CreateObservableGauge("nbcomms.zalo.webhook.in_flight", () => queue.InFlight, "{event}", "Events being handled.");
    }

    public Meter Meter { get; }

    public Counter<long> Received { get; }

    public Counter<long> Rejected { get; }

    public Counter<long> Duplicates { get; }

    public Counter<long> Handled { get; }

    public Counter<long> HandlerFailures { get; }

    public Counter<long> Dropped { get; }
}
