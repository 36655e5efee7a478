using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NinhBinh.Comms.Internal;

namespace NinhBinh.Comms.Broadcast.Radio.Scheduling;

/// <summary>
/// The IP radio station of one commune (đài truyền thanh cấp xã): its administrative unit, checked against the
/// registry on a date, and its speaker clusters.
/// </summary>
public sealed class RadioStation
{
    /// <summary>Creates a station.</summary>
    /// <param name="communeCode">The commune's 5-digit administrative code.</param>
    /// <param name="asOf">The date (Vietnam calendar) the code must be valid on, e.g. today.</param>
    /// <param name="clusters">Its speaker clusters (at least one; cluster ids and device ids unique across the station).</param>
    /// <param name="registry">The administrative units; <see cref="AdministrativeUnitRegistry.Default"/> when <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">
    /// The code is not five digits, not a commune-level unit valid on <paramref name="asOf"/>, or a cluster or device
    /// id is repeated; the message names the field.
    /// </exception>
    public RadioStation(string communeCode, DateTime asOf, IEnumerable<SpeakerCluster> clusters, AdministrativeUnitRegistry? registry = null)
    {
        CommuneCode = RadioSchedule.CheckCommuneCode(communeCode, nameof(communeCode));
        var unit = (registry ?? AdministrativeUnitRegistry.Default).Find(communeCode, asOf.Date);
        if (unit is null || unit.Level != AdministrativeLevel.Commune)
        {
            throw new ArgumentException(
                $"The communeCode {communeCode} is not a commune valid on {asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} (old codes must be resolved to their successors first).",
                nameof(communeCode));
        }

        CommuneName = unit.Name;
        Clusters = Guard.NotNull(clusters).ToArray();
        if (Clusters.Count == 0 || Clusters.Any(c => c is null))
        {
            throw new ArgumentException($"The clusters of station {CommuneCode} must hold at least one cluster and no null.", nameof(clusters));
        }

        var cluster = Clusters.GroupBy(c => c.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (cluster is not null)
        {
            throw new ArgumentException($"The clusters of station {CommuneCode} hold cluster id '{cluster.Key}' twice.", nameof(clusters));
        }

        DeviceIds = Clusters.SelectMany(c => c.DeviceIds).ToArray();
        var device = DeviceIds.GroupBy(d => d, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (device is not null)
        {
            throw new ArgumentException($"The clusters of station {CommuneCode} hold device '{device.Key}' twice.", nameof(clusters));
        }
    }

    /// <summary>The commune's administrative code.</summary>
    public string CommuneCode { get; }

    /// <summary>The commune's name in the registry, e.g. "Phường Hoa Lư".</summary>
    public string CommuneName { get; }

    /// <summary>The station's speaker clusters.</summary>
    public IReadOnlyList<SpeakerCluster> Clusters { get; }

    /// <summary>Every device of the station, cluster by cluster.</summary>
    public IReadOnlyList<string> DeviceIds { get; }

    /// <summary>Finds the cluster a device belongs to.</summary>
    /// <param name="deviceId">The device id.</param>
    /// <returns>The cluster, or <see langword="null"/> when the device is not one of the station's.</returns>
    public SpeakerCluster? FindCluster(string deviceId)
    {
        Guard.NotNull(deviceId);
        return Clusters.FirstOrDefault(c => c.DeviceIds.Contains(deviceId, StringComparer.Ordinal));
    }
}
