using System;
using System.Collections.Generic;
using System.Linq;
using NinhBinh.Comms.Internal;

namespace NinhBinh.Comms.Broadcast;

/// <summary>
/// The play order of one commune station under the three tiers of Thông tư 39/2020: emergencies first (in arrival
/// order, pre-empting what plays), then priority bulletins, then normal bulletins the commune has scheduled. Normal
/// bulletins wait in <see cref="AwaitingSchedule"/> until <see cref="Schedule"/> is called for them. Thread-safe.
/// </summary>
public sealed class StationPlayOrder
{
    private readonly object _gate = new();
    private readonly List<Bulletin> _emergency = new();
    private readonly List<Bulletin> _priority = new();
    private readonly List<Bulletin> _scheduled = new();
    private readonly List<Bulletin> _awaiting = new();

    /// <summary>The action a station takes for a priority tier.</summary>
    /// <param name="priority">The tier.</param>
    /// <returns>The action.</returns>
    public static PlaybackAction GetAction(BulletinPriority priority) => priority switch
    {
        BulletinPriority.Emergency => PlaybackAction.PreemptImmediately,
        BulletinPriority.Priority => PlaybackAction.PlayNextInProgramme,
        BulletinPriority.Normal => PlaybackAction.AwaitSchedule,
        _ => throw new ArgumentOutOfRangeException(nameof(priority), priority, "Unknown priority tier."),
    };

    /// <summary>Normal bulletins that wait for the commune to schedule them.</summary>
    public IReadOnlyList<Bulletin> AwaitingSchedule
    {
        get
        {
            lock (_gate)
            {
                return _awaiting.ToArray();
            }
        }
    }

    /// <summary>How many bulletins are ready to play (emergency, priority and scheduled normal).</summary>
    public int ReadyCount
    {
        get
        {
            lock (_gate)
            {
                return _emergency.Count + _priority.Count + _scheduled.Count;
            }
        }
    }

    /// <summary>Adds a bulletin to the station.</summary>
    /// <param name="bulletin">The bulletin.</param>
    /// <returns>What the station does with it.</returns>
    /// <exception cref="ArgumentException">A bulletin with the same id is already queued.</exception>
    public PlaybackAction Enqueue(Bulletin bulletin)
    {
        Guard.NotNull(bulletin);
        var action = GetAction(bulletin.Priority);
        lock (_gate)
        {
            if (AllLocked().Any(b => string.Equals(b.Id, bulletin.Id, StringComparison.Ordinal)))
            {
                throw new ArgumentException($"Bulletin '{bulletin.Id}' is already queued at this station.", nameof(bulletin));
            }

            (action switch
            {
                PlaybackAction.PreemptImmediately => _emergency,
                PlaybackAction.PlayNextInProgramme => _priority,
                _ => _awaiting,
            }).Add(bulletin);
        }

        return action;
    }

    /// <summary>Puts a normal bulletin that awaits scheduling into the programme.</summary>
    /// <param name="bulletinId">The bulletin's id.</param>
    /// <returns><see langword="true"/> when it was awaiting and is now scheduled.</returns>
    public bool Schedule(string bulletinId)
    {
        Guard.NotNull(bulletinId);
        lock (_gate)
        {
            var index = _awaiting.FindIndex(b => string.Equals(b.Id, bulletinId, StringComparison.Ordinal));
            if (index < 0)
            {
                return false;
            }

            _scheduled.Add(_awaiting[index]);
            _awaiting.RemoveAt(index);
            return true;
        }
    }

    /// <summary>Takes the bulletin to play next, if any.</summary>
    /// <param name="bulletin">The bulletin, or <see langword="null"/> when nothing is ready.</param>
    /// <returns><see langword="true"/> when a bulletin was taken.</returns>
    public bool TryTakeNext(out Bulletin? bulletin)
    {
        lock (_gate)
        {
            foreach (var list in new[] { _emergency, _priority, _scheduled })
            {
                if (list.Count > 0)
                {
                    bulletin = list[0];
                    list.RemoveAt(0);
                    return true;
                }
            }
        }

        bulletin = null;
        return false;
    }

    /// <summary>Removes a bulletin wherever it waits (for example when its issuer withdraws it).</summary>
    /// <param name="bulletinId">The bulletin's id.</param>
    /// <returns><see langword="true"/> when it was found and removed.</returns>
    public bool Remove(string bulletinId)
    {
        Guard.NotNull(bulletinId);
        lock (_gate)
        {
            foreach (var list in new[] { _emergency, _priority, _scheduled, _awaiting })
            {
                var index = list.FindIndex(b => string.Equals(b.Id, bulletinId, StringComparison.Ordinal));
                if (index >= 0)
                {
                    list.RemoveAt(index);
                    return true;
                }
            }
        }

        return false;
    }

    private IEnumerable<Bulletin> AllLocked() => _emergency.Concat(_priority).Concat(_scheduled).Concat(_awaiting);
}
