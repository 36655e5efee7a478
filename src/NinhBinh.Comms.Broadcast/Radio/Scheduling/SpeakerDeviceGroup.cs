using System;
using System.Collections.Generic;
using System.Linq;
using NinhBinh.Comms.Internal;

namespace NinhBinh.Comms.Broadcast.Radio.Scheduling;

/// <summary>A group of IP speaker devices inside a cluster, addressed together (the speaker profile's group topic).</summary>
public sealed class SpeakerDeviceGroup
{
    /// <summary>Creates a group.</summary>
    /// <param name="id">The group id (1 to 64 of <c>A-Z a-z 0-9 . _ -</c>).</param>
    /// <param name="deviceIds">The device ids (at least one, each a speaker-profile id, no duplicates).</param>
    /// <exception cref="ArgumentException">An id breaks the rules or is repeated; the message names the field.</exception>
    public SpeakerDeviceGroup(string id, IEnumerable<string> deviceIds)
    {
        Id = SpeakerProfile.CheckId(id, nameof(id));
        var devices = Guard.NotNull(deviceIds).Select(d => SpeakerProfile.CheckId(d, nameof(deviceIds))).ToArray();
        if (devices.Length == 0)
        {
            throw new ArgumentException($"The deviceIds of group '{Id}' must hold at least one device id.", nameof(deviceIds));
        }

        var repeated = devices.GroupBy(d => d, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null)
        {
            throw new ArgumentException($"The deviceIds of group '{Id}' hold '{repeated.Key}' twice.", nameof(deviceIds));
        }

        DeviceIds = devices;
    }

    /// <summary>The group id.</summary>
    public string Id { get; }

    /// <summary>The device ids, in the order given.</summary>
    public IReadOnlyList<string> DeviceIds { get; }
}
