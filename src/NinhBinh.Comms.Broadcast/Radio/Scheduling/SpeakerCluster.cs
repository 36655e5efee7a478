using System;
using System.Collections.Generic;
using System.Linq;
using NinhBinh.Comms.Internal;

namespace NinhBinh.Comms.Broadcast.Radio.Scheduling;

/// <summary>A speaker cluster (cụm loa) of a commune station: one place, one or more device groups.</summary>
public sealed class SpeakerCluster
{
    /// <summary>The longest cluster name.</summary>
    public const int MaxNameLength = 200;

    /// <summary>Creates a cluster.</summary>
    /// <param name="id">The cluster id (1 to 64 of <c>A-Z a-z 0-9 . _ -</c>).</param>
    /// <param name="name">Where it stands, e.g. "Cụm loa thôn Đông" (1 to 200 characters).</param>
    /// <param name="groups">Its device groups (at least one; group ids and device ids unique within the cluster).</param>
    /// <exception cref="ArgumentException">A value breaks a rule; the message names the field.</exception>
    public SpeakerCluster(string id, string name, IEnumerable<SpeakerDeviceGroup> groups)
    {
        Id = SpeakerProfile.CheckId(id, nameof(id));
        if (string.IsNullOrWhiteSpace(name) || name.Length > MaxNameLength)
        {
            throw new ArgumentException($"The name of cluster '{Id}' must be 1 to {MaxNameLength} characters.", nameof(name));
        }

        Name = name;
        Groups = Guard.NotNull(groups).ToArray();
        if (Groups.Count == 0 || Groups.Any(g => g is null))
        {
            throw new ArgumentException($"The groups of cluster '{Id}' must hold at least one group and no null.", nameof(groups));
        }

        var group = Groups.GroupBy(g => g.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (group is not null)
        {
            throw new ArgumentException($"The groups of cluster '{Id}' hold group id '{group.Key}' twice.", nameof(groups));
        }

        DeviceIds = Groups.SelectMany(g => g.DeviceIds).ToArray();
        var device = DeviceIds.GroupBy(d => d, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (device is not null)
        {
            throw new ArgumentException($"The groups of cluster '{Id}' hold device '{device.Key}' twice.", nameof(groups));
        }
    }

    /// <summary>The cluster id.</summary>
    public string Id { get; }

    /// <summary>Where it stands.</summary>
    public string Name { get; }

    /// <summary>Its device groups.</summary>
    public IReadOnlyList<SpeakerDeviceGroup> Groups { get; }

    /// <summary>Every device of every group, group by group.</summary>
    public IReadOnlyList<string> DeviceIds { get; }
}
