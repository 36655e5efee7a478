using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NinhBinh.Comms.Internal;

namespace NinhBinh.Comms.Broadcast.Radio.Scheduling;

/// <summary>
/// Decides what a station does with a new item under the tiers of Thông tư 39/2020 and says why
/// (docs/articles/radio-priorities.md). Pure: no clock, no I/O; give it "now", what plays, what waits and the new item.
/// Builds on <see cref="StationPlayOrder.GetAction(BulletinPriority)"/> for what each tier does:
/// <list type="bullet">
/// <item><description>Emergency: pre-empts whatever plays, except another emergency; emergencies play in order of issue time.</description></item>
/// <item><description>Priority: plays first within the programme: after what plays now and after the emergencies, ahead of every normal item; priority items in order of issue time.</description></item>
/// <item><description>Normal: waits for the commune's acceptance, then for its slot; starts at its slot or as soon after as the station is free.</description></item>
/// <item><description>An interrupted item resumes right after the emergencies when more than
/// <see cref="RadioConflictResolverOptions.MinimumRemainingToResume"/> is left and it can finish before its window closes;
/// otherwise it plays again from the start in the first free gap after the priority items that fits it whole and ends
/// before its window closes; when there is none, it is dropped.</description></item>
/// </list>
/// </summary>
public sealed class RadioConflictResolver
{
    private readonly TimeSpan _minimumToResume;

    /// <summary>Creates a resolver.</summary>
    /// <param name="options">The options; the defaults when <see langword="null"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">The minimum remaining time is negative.</exception>
    public RadioConflictResolver(RadioConflictResolverOptions? options = null)
    {
        _minimumToResume = (options ?? new RadioConflictResolverOptions()).MinimumRemainingToResume;
        if (_minimumToResume < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), _minimumToResume, "The MinimumRemainingToResume must be zero or more.");
        }
    }

    /// <summary>Decides what the station does with a new item.</summary>
    /// <param name="now">The instant of the decision.</param>
    /// <param name="playing">What plays now, or <see langword="null"/> when the station is silent (an item that has ended counts as silent).</param>
    /// <param name="queued">The items that wait (emergencies and priority items in any order, normal items with or without acceptance and slot).</param>
    /// <param name="incoming">The new item.</param>
    /// <returns>The decision, the plan from now on and the reason in words.</returns>
    /// <exception cref="ArgumentException">An id appears twice among the playing, queued and new items.</exception>
    public RadioDecision Decide(DateTimeOffset now, RadioNowPlaying? playing, IEnumerable<RadioPlayItem> queued, RadioPlayItem incoming)
    {
        Guard.NotNull(incoming);
        var waiting = Guard.NotNull(queued).ToList();
        if (waiting.Any(q => q is null))
        {
            throw new ArgumentException("The queued items must not hold null.", nameof(queued));
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in (playing is null ? Array.Empty<RadioPlayItem>() : new[] { playing.Item }).Concat(waiting).Append(incoming))
        {
            if (!ids.Add(item.Id))
            {
                throw new ArgumentException($"The item id '{item.Id}' appears twice among the playing, queued and new items.", nameof(incoming));
            }
        }

        if (playing is not null && playing.RemainingAt(now) <= TimeSpan.Zero)
        {
            playing = null;
        }

        var action = StationPlayOrder.GetAction(incoming.Tier);
        if (action == PlaybackAction.AwaitSchedule && (!incoming.AcceptedByCommune || incoming.Slot is null))
        {
            var plan = Plan(now, playing, waiting, out _);
            return incoming.AcceptedByCommune
                ? new RadioDecision(RadioDecisionKind.AwaitSlot, incoming, null, null, plan, $"{incoming} is accepted by the commune and waits for a slot in its schedule")
                : new RadioDecision(RadioDecisionKind.AwaitAcceptance, incoming, null, null, plan, $"{incoming} waits for the commune's acceptance before it gets a slot");
        }

        waiting.Add(incoming);
        var entries = Plan(now, playing, waiting, out var interruption);
        var mine = entries.First(e => ReferenceEquals(e.Item, incoming) && !e.IsResume);
        var before = entries.TakeWhile(e => !ReferenceEquals(e, mine)).LastOrDefault();
        switch (action)
        {
            case PlaybackAction.PreemptImmediately when interruption is not null:
                return new RadioDecision(RadioDecisionKind.Preempt, incoming, mine.Start, interruption, entries,
                    $"{incoming} pre-empts {interruption.Item} at {Clock(now)}; {Fate(interruption)}");
            case PlaybackAction.PreemptImmediately when mine.Start == now:
                return new RadioDecision(RadioDecisionKind.PlayNow, incoming, mine.Start, null, entries, $"{incoming} plays at once at {Clock(now)}");
            case PlaybackAction.PreemptImmediately:
                var earlier = entries.Where(e => e.Item.Tier == BulletinPriority.Emergency && !ReferenceEquals(e.Item, incoming) && entries.IndexOf(e) < entries.IndexOf(mine)).ToArray();
                return new RadioDecision(RadioDecisionKind.Queue, incoming, mine.Start, null, entries,
                    $"{incoming} (issued {Clock(incoming.IssuedAt)}) does not interrupt an emergency; emergencies play by issue time, so it follows "
                    + string.Join(", ", earlier.Select(e => $"{e.Item} (issued {Clock(e.Item.IssuedAt)})")) + $" and starts at {Clock(mine.Start)}");
            case PlaybackAction.PlayNextInProgramme when mine.Start == now:
                return new RadioDecision(RadioDecisionKind.PlayNow, incoming, mine.Start, null, entries, $"{incoming} plays at once at {Clock(now)}");
            case PlaybackAction.PlayNextInProgramme:
                return new RadioDecision(RadioDecisionKind.Queue, incoming, mine.Start, null, entries,
                    $"{incoming} plays first within the programme, ahead of the normal items: after {before!.Item}{(before.IsResume ? " (resumed)" : string.Empty)}, at {Clock(mine.Start)}");
            default:
                var slot = incoming.Slot!.Value;
                return new RadioDecision(RadioDecisionKind.AtSlot, incoming, mine.Start, null, entries, mine.Start == slot
                    ? $"{incoming} plays in its slot at {Clock(slot)}"
                    : $"{incoming} has the slot {Clock(slot)} but the station is busy with {before!.Item} until {Clock(before.End)}; it starts at {Clock(mine.Start)}");
        }
    }

    internal static string TierWord(BulletinPriority tier) => tier switch
    {
        BulletinPriority.Emergency => "emergency",
        BulletinPriority.Priority => "priority",
        _ => "normal",
    };

    internal static string Clock(DateTimeOffset instant) => VietnamTime.ToVietnamTime(instant).ToString("HH:mm:ss", CultureInfo.InvariantCulture);

    private static string Seconds(TimeSpan span) => ((long)Math.Round(span.TotalSeconds)).ToString(CultureInfo.InvariantCulture) + " s";

    private string Fate(RadioInterruption interruption) => interruption.Outcome switch
    {
        RadioInterruptionOutcome.Resume => $"{interruption.Item.Id} resumes at {Clock(interruption.PlaysAgainAt!.Value)} for its remaining {Seconds(interruption.Remaining)}",
        RadioInterruptionOutcome.Reschedule => $"{interruption.Item.Id} had {Seconds(interruption.Remaining)} left ({Why(interruption)}), so it plays again from the start at {Clock(interruption.PlaysAgainAt!.Value)}",
        _ => $"{interruption.Item.Id} had {Seconds(interruption.Remaining)} left ({Why(interruption)}) and no free slot ends before its window closes at {Clock(interruption.Item.WindowEnd!.Value)}, so it is dropped",
    };

    private string Why(RadioInterruption interruption) => interruption.Remaining > _minimumToResume
        ? $"its window closes at {Clock(interruption.Item.WindowEnd!.Value)}, before the rest could finish"
        : $"not more than {Seconds(_minimumToResume)}";

    private List<RadioPlanEntry> Plan(DateTimeOffset now, RadioNowPlaying? playing, List<RadioPlayItem> waiting, out RadioInterruption? interruption)
    {
        interruption = null;
        var emergencies = waiting.Where(i => i.Tier == BulletinPriority.Emergency).OrderBy(i => i.IssuedAt).ThenBy(i => i.Id, StringComparer.Ordinal).ToList();
        var priorities = waiting.Where(i => i.Tier == BulletinPriority.Priority).OrderBy(i => i.IssuedAt).ThenBy(i => i.Id, StringComparer.Ordinal).ToList();
        var normals = waiting.Where(i => i.Tier == BulletinPriority.Normal && i.AcceptedByCommune && i.Slot is not null)
            .OrderBy(i => i.Slot!.Value).ThenBy(i => i.IssuedAt).ThenBy(i => i.Id, StringComparer.Ordinal).ToList();
        var plan = new List<RadioPlanEntry>();
        var cursor = now;
        var preempted = playing is not null && playing.Item.Tier != BulletinPriority.Emergency && emergencies.Count > 0;
        if (playing is not null && !preempted)
        {
            cursor = now + playing.RemainingAt(now);
            plan.Add(new RadioPlanEntry(playing.Item, now, cursor, isResume: false));
        }

        foreach (var emergency in emergencies)
        {
            plan.Add(new RadioPlanEntry(emergency, cursor, cursor + emergency.Duration, isResume: false));
            cursor += emergency.Duration;
        }

        RadioPlayItem? toReplay = null;
        TimeSpan remaining = default;
        if (preempted)
        {
            var item = playing!.Item;
            remaining = playing.RemainingAt(now);
            if (remaining > _minimumToResume && (item.WindowEnd is null || cursor + remaining <= item.WindowEnd.Value))
            {
                plan.Add(new RadioPlanEntry(item, cursor, cursor + remaining, isResume: true));
                interruption = new RadioInterruption(item, now, remaining, RadioInterruptionOutcome.Resume, cursor);
                cursor += remaining;
            }
            else
            {
                toReplay = item;
            }
        }

        foreach (var priority in priorities)
        {
            plan.Add(new RadioPlanEntry(priority, cursor, cursor + priority.Duration, isResume: false));
            cursor += priority.Duration;
        }

        foreach (var normal in normals)
        {
            var start = normal.Slot!.Value > cursor ? normal.Slot.Value : cursor;
            if (toReplay is not null && cursor + toReplay.Duration <= start)
            {
                cursor = Replay(plan, toReplay, cursor, remaining, now, out interruption);
                toReplay = null;
            }

            plan.Add(new RadioPlanEntry(normal, start, start + normal.Duration, isResume: false));
            cursor = start + normal.Duration;
        }

        if (toReplay is not null)
        {
            Replay(plan, toReplay, cursor, remaining, now, out interruption);
        }

        return plan;
    }

    private static DateTimeOffset Replay(List<RadioPlanEntry> plan, RadioPlayItem item, DateTimeOffset at, TimeSpan remaining, DateTimeOffset now, out RadioInterruption interruption)
    {
        var end = at + item.Duration;
        if (item.WindowEnd is { } closes && end > closes)
        {
            interruption = new RadioInterruption(item, now, remaining, RadioInterruptionOutcome.Drop, null);
            return at;
        }

        plan.Add(new RadioPlanEntry(item, at, end, isResume: false));
        interruption = new RadioInterruption(item, now, remaining, RadioInterruptionOutcome.Reschedule, at);
        return end;
    }
}
