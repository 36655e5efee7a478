using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace NinhBinh.Comms.Zalo.Internal;

/// <summary>The Zalo package's ActivitySource and Meter (<see cref="CommsTelemetry.ZaloName"/>).</summary>
internal static class ZaloTelemetry
{
    public static readonly ActivitySource Source = new(CommsTelemetry.ZaloName);
    public static readonly Meter Meter = new(CommsTelemetry.ZaloName);

    public static readonly Counter<long> Requests = Meter.CreateCounter<long>(
        "nbcomms.zalo.requests", "{request}", "Zalo API operations, by operation.");

    public static readonly Counter<long> Errors = Meter.CreateCounter<long>(
        "nbcomms.zalo.errors", "{error}", "Zalo errors, by Zalo error code.");

    public static readonly Counter<long> Refreshes = Meter.CreateCounter<long>(
        "nbcomms.zalo.token.refreshes", "{refresh}", "Access token refreshes, by outcome.");

    public static readonly Counter<long> Retries = Meter.CreateCounter<long>(
        "nbcomms.zalo.retries", "{retry}", "HTTP attempts retried after a transient failure.");

    public static void CountRequest(string operation)
        => Requests.Add(1, new KeyValuePair<string, object?>("nbcomms.zalo.operation", operation));

    public static void CountError(string operation, int code)
        => Errors.Add(1, new KeyValuePair<string, object?>("nbcomms.zalo.operation", operation), new KeyValuePair<string, object?>("nbcomms.zalo.error_code", code));

    public static void CountRefresh(string outcome)
        => Refreshes.Add(1, new KeyValuePair<string, object?>("nbcomms.zalo.refresh.outcome", outcome));
}
