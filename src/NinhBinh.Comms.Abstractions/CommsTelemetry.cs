using System.Collections.Generic;

namespace NinhBinh.Comms;

/// <summary>
/// The names under which NinhBinh.Comms packages publish traces (<see cref="System.Diagnostics.ActivitySource"/>) and
/// metrics (<see cref="System.Diagnostics.Metrics.Meter"/>). Each package uses one name, its own package id, for both.
/// </summary>
/// <example>
/// With OpenTelemetry: <c>builder.AddSource(CommsTelemetry.AllNames.ToArray())</c> and
/// <c>builder.AddMeter(CommsTelemetry.AllNames.ToArray())</c>.
/// </example>
public static class CommsTelemetry
{
    /// <summary>NinhBinh.Comms.Abstractions: the bulletin dispatcher (<c>nbcomms.dispatch.*</c> instruments).</summary>
    public const string AbstractionsName = "NinhBinh.Comms.Abstractions";

    /// <summary>NinhBinh.Comms.Zalo: Zalo OA requests, errors by code, token refreshes.</summary>
    public const string ZaloName = "NinhBinh.Comms.Zalo";

    /// <summary>NinhBinh.Comms.Broadcast: IP radio, e-boards and CAP alerts.</summary>
    public const string BroadcastName = "NinhBinh.Comms.Broadcast";

    /// <summary>NinhBinh.Comms.Metrics: KPI collection and reports.</summary>
    public const string MetricsName = "NinhBinh.Comms.Metrics";

    /// <summary>Every name above, to subscribe to all packages at once.</summary>
    public static IReadOnlyList<string> AllNames { get; } = new[] { AbstractionsName, ZaloName, BroadcastName, MetricsName };
}
