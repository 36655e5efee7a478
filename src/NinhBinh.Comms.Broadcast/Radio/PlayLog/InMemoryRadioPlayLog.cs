using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NinhBinh.Comms.Internal;

namespace NinhBinh.Comms.Broadcast.Radio.PlayLog;

/// <summary>A play log in memory (gone with the process): for tests, demos and the emulator. Thread-safe.</summary>
public sealed class InMemoryRadioPlayLog : IRadioPlayLog
{
    private readonly object _gate = new();
    private readonly Dictionary<(string Commune, string Device, string Command, RadioPlayStage Stage), RadioPlayLogEntry> _entries = new();

    /// <summary>How many entries are held.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    /// <inheritdoc />
    public Task<bool> RecordAsync(RadioPlayLogEntry entry, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(entry);
        cancellationToken.ThrowIfCancellationRequested();
        var key = (entry.CommuneCode, entry.DeviceId, entry.CommandId, entry.Stage);
        lock (_gate)
        {
            if (_entries.ContainsKey(key))
            {
                return Task.FromResult(false);
            }

            _entries.Add(key, entry);
            return Task.FromResult(true);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<RadioPlayLogEntry>> QueryAsync(string communeCode, DateTime firstDate, DateTime lastDate, CancellationToken cancellationToken = default)
    {
        var (start, end) = RadioPlayLogPeriod.Check(communeCode, firstDate, lastDate);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            IReadOnlyList<RadioPlayLogEntry> found = RadioPlayLogPeriod.Sort(_entries.Values.Where(e => e.CommuneCode == communeCode && e.At >= start && e.At < end)).ToArray();
            return Task.FromResult(found);
        }
    }
}
