using System;
using System.Globalization;
using System.Linq;
using NinhBinh.Comms.Broadcast.Radio.Scheduling;

namespace NinhBinh.Comms.Broadcast.Tests.Radio.Scheduling;

/// <summary>The tier rules and pre-emption of docs/articles/radio-priorities.md, every rule with explicit times.</summary>
public sealed class RadioConflictResolverTests
{
    private static readonly RadioConflictResolver Resolver = new();

    private static DateTimeOffset At(int h, int m, int s) => new(2026, 3, 2, h, m, s, TimeSpan.FromHours(7));

    private static RadioPlayItem Item(string id, BulletinPriority tier, DateTimeOffset issued, int seconds) => new(id, tier, issued, TimeSpan.FromSeconds(seconds));

    private static RadioPlayItem Normal(string id, int seconds, DateTimeOffset? slot, bool accepted = true, DateTimeOffset? windowEnd = null)
        => new(id, BulletinPriority.Normal, At(7, 0, 0), TimeSpan.FromSeconds(seconds)) { AcceptedByCommune = accepted, Slot = slot, WindowEnd = windowEnd };

    private static string Clock(DateTimeOffset t) => t.ToOffset(TimeSpan.FromHours(7)).ToString("HH:mm:ss", CultureInfo.InvariantCulture);

    private static string[] Order(RadioDecision d) => d.Plan.Select(e => $"{e.Item.Id}@{Clock(e.Start)}-{Clock(e.End)}{(e.IsResume ? "r" : string.Empty)}").ToArray();

    [Fact]
    public void An_emergency_pre_empts_a_normal_item_which_resumes_after_it_for_its_remaining_time()
    {
        var n1 = Normal("n-1", 240, At(8, 58, 5));
        var e2 = Item("e-2", BulletinPriority.Emergency, At(9, 0, 4), 180);

        var d = Resolver.Decide(At(9, 0, 5), new RadioNowPlaying(n1, At(8, 58, 5)), Array.Empty<RadioPlayItem>(), e2);

        Assert.Equal(RadioDecisionKind.Preempt, d.Kind);
        Assert.Equal(At(9, 0, 5), d.StartsAt);
        Assert.Equal("emergency e-2 pre-empts normal n-1 at 09:00:05; n-1 resumes at 09:03:05 for its remaining 120 s", d.Reason);
        Assert.Equal(RadioInterruptionOutcome.Resume, d.Interruption!.Outcome);
        Assert.Same(n1, d.Interruption.Item);
        Assert.Equal(TimeSpan.FromSeconds(120), d.Interruption.Remaining);
        Assert.Equal(At(9, 3, 5), d.Interruption.PlaysAgainAt);
        Assert.Equal(new[] { "e-2@09:00:05-09:03:05", "n-1@09:03:05-09:05:05r" }, Order(d));
    }

    [Fact]
    public void An_item_resumed_once_counts_what_it_played_before()
    {
        var n1 = Normal("n-1", 600, At(8, 50, 0));
        var e2 = Item("e-2", BulletinPriority.Emergency, At(9, 0, 0), 60);

        // It played 300 s, was interrupted, resumed at 08:58:00: at 09:00:00 it has 600 - 300 - 120 = 180 s left.
        var d = Resolver.Decide(At(9, 0, 0), new RadioNowPlaying(n1, At(8, 58, 0), TimeSpan.FromSeconds(300)), Array.Empty<RadioPlayItem>(), e2);

        Assert.Equal(TimeSpan.FromSeconds(180), d.Interruption!.Remaining);
        Assert.Equal(new[] { "e-2@09:00:00-09:01:00", "n-1@09:01:00-09:04:00r" }, Order(d));
    }

    [Fact]
    public void With_too_little_left_the_interrupted_item_plays_again_whole_in_the_first_free_gap_that_fits_it()
    {
        var n1 = Normal("n-1", 240, At(8, 56, 25));  // 20 s left at 09:00:05
        var small = Normal("n-3", 600, At(9, 5, 0));  // leaves 09:03:05-09:05:00: too short for 240 s
        var e2 = Item("e-2", BulletinPriority.Emergency, At(9, 0, 5), 180);

        var d = Resolver.Decide(At(9, 0, 5), new RadioNowPlaying(n1, At(8, 56, 25)), new[] { small }, e2);

        Assert.Equal(RadioInterruptionOutcome.Reschedule, d.Interruption!.Outcome);
        Assert.Equal(At(9, 15, 0), d.Interruption.PlaysAgainAt);
        Assert.Equal("emergency e-2 pre-empts normal n-1 at 09:00:05; n-1 had 20 s left (not more than 30 s), so it plays again from the start at 09:15:00", d.Reason);
        Assert.Equal(new[] { "e-2@09:00:05-09:03:05", "n-3@09:05:00-09:15:00", "n-1@09:15:00-09:19:00" }, Order(d));

        var roomy = Resolver.Decide(At(9, 0, 5), new RadioNowPlaying(n1, At(8, 56, 25)), new[] { Normal("n-3", 600, At(9, 10, 0)) }, e2);
        Assert.Equal(new[] { "e-2@09:00:05-09:03:05", "n-1@09:03:05-09:07:05", "n-3@09:10:00-09:20:00" }, Order(roomy));
    }

    [Fact]
    public void The_threshold_is_an_option_and_exactly_the_threshold_left_does_not_resume()
    {
        var n1 = Normal("n-1", 240, At(8, 58, 5)); // 120 s left at 09:00:05
        var e2 = Item("e-2", BulletinPriority.Emergency, At(9, 0, 5), 60);
        var strict = new RadioConflictResolver(new RadioConflictResolverOptions { MinimumRemainingToResume = TimeSpan.FromSeconds(120) });
        var lenient = new RadioConflictResolver(new RadioConflictResolverOptions { MinimumRemainingToResume = TimeSpan.FromSeconds(119) });

        Assert.Equal(RadioInterruptionOutcome.Reschedule, strict.Decide(At(9, 0, 5), new RadioNowPlaying(n1, At(8, 58, 5)), Array.Empty<RadioPlayItem>(), e2).Interruption!.Outcome);
        Assert.Equal(RadioInterruptionOutcome.Resume, lenient.Decide(At(9, 0, 5), new RadioNowPlaying(n1, At(8, 58, 5)), Array.Empty<RadioPlayItem>(), e2).Interruption!.Outcome);
        Assert.Throws<ArgumentOutOfRangeException>(() => new RadioConflictResolver(new RadioConflictResolverOptions { MinimumRemainingToResume = TimeSpan.FromSeconds(-1) }));
    }

    [Fact]
    public void When_its_window_closes_before_it_could_finish_the_interrupted_item_is_dropped()
    {
        var n1 = Normal("n-1", 240, At(8, 58, 5), windowEnd: At(9, 4, 0)); // 120 s left would end 09:05:05
        var e2 = Item("e-2", BulletinPriority.Emergency, At(9, 0, 5), 180);

        var d = Resolver.Decide(At(9, 0, 5), new RadioNowPlaying(n1, At(8, 58, 5)), Array.Empty<RadioPlayItem>(), e2);

        Assert.Equal(RadioInterruptionOutcome.Drop, d.Interruption!.Outcome);
        Assert.Null(d.Interruption.PlaysAgainAt);
        Assert.Equal("emergency e-2 pre-empts normal n-1 at 09:00:05; n-1 had 120 s left (its window closes at 09:04:00, before the rest could finish) and no free slot ends before its window closes at 09:04:00, so it is dropped", d.Reason);
        Assert.Equal(new[] { "e-2@09:00:05-09:03:05" }, Order(d));
    }

    [Fact]
    public void Two_emergencies_queue_by_issue_time_and_an_emergency_never_interrupts_another()
    {
        var e2 = Item("e-2", BulletinPriority.Emergency, At(9, 0, 2), 180);
        var e3 = Item("e-3", BulletinPriority.Emergency, At(9, 0, 7), 60);

        var d = Resolver.Decide(At(9, 0, 10), new RadioNowPlaying(e2, At(9, 0, 2)), Array.Empty<RadioPlayItem>(), e3);

        Assert.Equal(RadioDecisionKind.Queue, d.Kind);
        Assert.Null(d.Interruption);
        Assert.Equal(At(9, 3, 2), d.StartsAt);
        Assert.Equal("emergency e-3 (issued 09:00:07) does not interrupt an emergency; emergencies play by issue time, so it follows emergency e-2 (issued 09:00:02) and starts at 09:03:02", d.Reason);
    }

    [Fact]
    public void An_emergency_that_arrives_late_but_was_issued_earlier_goes_ahead_of_the_later_issued_one()
    {
        var e2 = Item("e-2", BulletinPriority.Emergency, At(9, 0, 2), 180);
        var e4 = Item("e-4", BulletinPriority.Emergency, At(9, 0, 9), 60);
        var e3 = Item("e-3", BulletinPriority.Emergency, At(9, 0, 7), 60); // delayed in transit: arrives after e-4

        var d = Resolver.Decide(At(9, 0, 20), new RadioNowPlaying(e2, At(9, 0, 2)), new[] { e4 }, e3);

        Assert.Equal(new[] { "e-2@09:00:20-09:03:02", "e-3@09:03:02-09:04:02", "e-4@09:04:02-09:05:02" }, Order(d));
        Assert.Equal(At(9, 3, 2), d.StartsAt);
    }

    [Fact]
    public void Emergencies_that_pre_empt_play_by_issue_time_before_the_interrupted_item_resumes()
    {
        var p1 = Item("p-1", BulletinPriority.Priority, At(8, 59, 0), 300);
        var e5 = Item("e-5", BulletinPriority.Emergency, At(9, 0, 1), 60);

        var d = Resolver.Decide(At(9, 0, 0), new RadioNowPlaying(p1, At(8, 59, 0)), Array.Empty<RadioPlayItem>(), e5);

        Assert.Equal("emergency e-5 pre-empts priority p-1 at 09:00:00; p-1 resumes at 09:01:00 for its remaining 240 s", d.Reason);
        Assert.Equal(new[] { "e-5@09:00:00-09:01:00", "p-1@09:01:00-09:05:00r" }, Order(d));
    }

    [Fact]
    public void An_emergency_on_a_silent_station_plays_at_once()
    {
        var d = Resolver.Decide(At(9, 0, 0), null, new[] { Normal("n-1", 60, At(10, 0, 0)) }, Item("e-1", BulletinPriority.Emergency, At(8, 59, 59), 120));

        Assert.Equal(RadioDecisionKind.PlayNow, d.Kind);
        Assert.Equal(At(9, 0, 0), d.StartsAt);
        Assert.Equal("emergency e-1 plays at once at 09:00:00", d.Reason);
    }

    [Fact]
    public void A_priority_item_plays_first_within_the_programme_after_what_plays_and_ahead_of_normal_items()
    {
        var n1 = Normal("n-1", 600, At(9, 0, 0));
        var n2 = Normal("n-2", 300, At(9, 10, 0));
        var p0 = Item("p-0", BulletinPriority.Priority, At(9, 2, 0), 60);
        var p1 = Item("p-1", BulletinPriority.Priority, At(9, 3, 0), 120);

        var d = Resolver.Decide(At(9, 5, 0), new RadioNowPlaying(n1, At(9, 0, 0)), new[] { n2, p0 }, p1);

        Assert.Equal(RadioDecisionKind.Queue, d.Kind);
        Assert.Null(d.Interruption);
        Assert.Equal(At(9, 11, 0), d.StartsAt);
        Assert.Equal("priority p-1 plays first within the programme, ahead of the normal items: after priority p-0, at 09:11:00", d.Reason);
        Assert.Equal(new[] { "n-1@09:05:00-09:10:00", "p-0@09:10:00-09:11:00", "p-1@09:11:00-09:13:00", "n-2@09:13:00-09:18:00" }, Order(d));
    }

    [Fact]
    public void A_priority_item_on_a_silent_station_plays_at_once()
    {
        var d = Resolver.Decide(At(9, 0, 0), null, Array.Empty<RadioPlayItem>(), Item("p-1", BulletinPriority.Priority, At(9, 0, 0), 60));

        Assert.Equal(RadioDecisionKind.PlayNow, d.Kind);
        Assert.Equal("priority p-1 plays at once at 09:00:00", d.Reason);
    }

    [Fact]
    public void A_normal_item_waits_for_the_commune_s_acceptance_then_for_its_slot()
    {
        var waiting = Resolver.Decide(At(9, 0, 0), null, Array.Empty<RadioPlayItem>(), Normal("n-2", 300, null, accepted: false));
        var accepted = Resolver.Decide(At(9, 0, 0), null, Array.Empty<RadioPlayItem>(), Normal("n-2", 300, null));
        var slotted = Resolver.Decide(At(9, 0, 0), null, Array.Empty<RadioPlayItem>(), Normal("n-2", 300, At(11, 0, 0)));
        var slotButNotAccepted = Resolver.Decide(At(9, 0, 0), null, Array.Empty<RadioPlayItem>(), Normal("n-2", 300, At(11, 0, 0), accepted: false));

        Assert.Equal((RadioDecisionKind.AwaitAcceptance, (DateTimeOffset?)null), (waiting.Kind, waiting.StartsAt));
        Assert.Equal("normal n-2 waits for the commune's acceptance before it gets a slot", waiting.Reason);
        Assert.Empty(waiting.Plan);
        Assert.Equal(RadioDecisionKind.AwaitSlot, accepted.Kind);
        Assert.Equal("normal n-2 is accepted by the commune and waits for a slot in its schedule", accepted.Reason);
        Assert.Equal((RadioDecisionKind.AtSlot, (DateTimeOffset?)At(11, 0, 0)), (slotted.Kind, slotted.StartsAt));
        Assert.Equal("normal n-2 plays in its slot at 11:00:00", slotted.Reason);
        Assert.Equal(RadioDecisionKind.AwaitAcceptance, slotButNotAccepted.Kind);
    }

    [Fact]
    public void A_normal_item_whose_slot_is_busy_starts_as_soon_as_the_station_is_free()
    {
        var p1 = Item("p-1", BulletinPriority.Priority, At(8, 59, 0), 300);

        var d = Resolver.Decide(At(9, 0, 0), new RadioNowPlaying(p1, At(8, 59, 0)), Array.Empty<RadioPlayItem>(), Normal("n-2", 300, At(9, 2, 0)));

        Assert.Equal(RadioDecisionKind.AtSlot, d.Kind);
        Assert.Equal(At(9, 4, 0), d.StartsAt);
        Assert.Equal("normal n-2 has the slot 09:02:00 but the station is busy with priority p-1 until 09:04:00; it starts at 09:04:00", d.Reason);
    }

    [Fact]
    public void Waiting_normal_items_without_acceptance_or_slot_are_left_out_of_the_plan()
    {
        var d = Resolver.Decide(At(9, 0, 0), null, new[] { Normal("n-1", 60, null, accepted: false), Normal("n-3", 60, null) }, Item("p-1", BulletinPriority.Priority, At(9, 0, 0), 60));

        Assert.Equal(new[] { "p-1@09:00:00-09:01:00" }, Order(d));
    }

    [Fact]
    public void An_item_that_has_ended_is_silence_and_ids_must_be_unique()
    {
        var n1 = Normal("n-1", 60, At(8, 0, 0));
        var ended = Resolver.Decide(At(9, 0, 0), new RadioNowPlaying(n1, At(8, 0, 0)), Array.Empty<RadioPlayItem>(), Item("e-1", BulletinPriority.Emergency, At(9, 0, 0), 60));

        Assert.Equal(RadioDecisionKind.PlayNow, ended.Kind);
        Assert.Null(ended.Interruption);
        var twice = Assert.Throws<ArgumentException>(() => Resolver.Decide(At(9, 0, 0), new RadioNowPlaying(n1, At(8, 59, 30)), Array.Empty<RadioPlayItem>(), Item("n-1", BulletinPriority.Emergency, At(9, 0, 0), 60)));
        Assert.Contains("'n-1' appears twice", twice.Message, StringComparison.Ordinal);
        Assert.Equal("duration", Assert.Throws<ArgumentOutOfRangeException>(() => Item("x", BulletinPriority.Normal, At(9, 0, 0), 0)).ParamName);
        Assert.Equal("alreadyPlayed", Assert.Throws<ArgumentOutOfRangeException>(() => new RadioNowPlaying(n1, At(9, 0, 0), TimeSpan.FromSeconds(60))).ParamName);
    }
}
