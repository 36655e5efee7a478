using System;

namespace NinhBinh.Comms.Abstractions.Tests;

public class TargetOutcomeTests
{
    [Fact]
    public void Targets_ride_on_the_outcome_and_give_counts_when_it_has_none()
    {
        var outcome = DeliveryOutcome.PartiallyDelivered("boards", new DeliveryCounts(1, 1), "1 of 2 displays did not get it")
            .WithTargets(new[]
            {
                new TargetOutcome("xibo:1", DeliveryStatus.Accepted, "UBND"),
                new TargetOutcome("xibo:2", DeliveryStatus.TransientFailure, "Chợ", "offline, last seen 3 days ago", "OFFLINE"),
            });

        Assert.Equal(2, outcome.Targets.Count);
        Assert.Equal(new DeliveryCounts(1, 1), outcome.Recipients);
        Assert.Equal("xibo:2: TransientFailure (offline, last seen 3 days ago)", outcome.Targets[1].ToString());
        Assert.Equal(2, outcome.WithRecipients(new DeliveryCounts(5, 0)).Targets.Count); // later copies keep them

        var derived = DeliveryOutcome.Accepted("radio").WithTargets(new[]
        {
            new TargetOutcome("spk-1", DeliveryStatus.Accepted),
            new TargetOutcome("spk-2", DeliveryStatus.Accepted),
            new TargetOutcome("spk-3", DeliveryStatus.Rejected, reason: "failed"),
        });
        Assert.Equal(new DeliveryCounts(2, 1), derived.Recipients);
        Assert.Empty(DeliveryOutcome.Accepted("zalo").Targets);
    }

    [Fact]
    public void A_target_that_failed_needs_a_reason()
    {
        var ex = Assert.Throws<ArgumentException>(() => new TargetOutcome("xibo:2", DeliveryStatus.TransientFailure));
        Assert.Equal("reason", ex.ParamName);
        Assert.Throws<ArgumentException>(() => new TargetOutcome(" ", DeliveryStatus.Accepted));
        Assert.Throws<ArgumentNullException>(() => DeliveryOutcome.Accepted("x").WithTargets(new TargetOutcome[] { null! }));
    }

    [Fact]
    public void An_outcome_from_targets_says_accepted_partial_transient_or_rejected()
    {
        var ok = new TargetOutcome("spk-1", DeliveryStatus.Accepted);
        var offline = new TargetOutcome("spk-2", DeliveryStatus.TransientFailure, reason: "offline", errorCode: "OFFLINE");
        var failed = new TargetOutcome("spk-3", DeliveryStatus.Rejected, reason: "codec not supported", errorCode: "FAILED");

        var all = DeliveryOutcome.FromTargets("radio", new[] { ok }, "cmd-1");
        Assert.Equal((DeliveryStatus.Accepted, "cmd-1", new DeliveryCounts(1, 0)), (all.Status, all.ExternalId, all.Recipients!.Value));

        var partial = DeliveryOutcome.FromTargets("radio", new[] { ok, offline });
        Assert.Equal(DeliveryStatus.PartiallyDelivered, partial.Status);
        Assert.Equal("OFFLINE", partial.ErrorCode);
        Assert.Equal("1 of 2 targets did not get it: spk-2: TransientFailure (offline)", partial.Reason);
        Assert.Equal(2, partial.Targets.Count);

        Assert.Equal(DeliveryStatus.TransientFailure, DeliveryOutcome.FromTargets("radio", new[] { offline }).Status);
        var none = DeliveryOutcome.FromTargets("radio", new[] { offline, failed });
        Assert.Equal(DeliveryStatus.Rejected, none.Status);
        Assert.Null(none.ErrorCode); // two different codes
        Assert.Throws<ArgumentException>(() => DeliveryOutcome.FromTargets("radio", Array.Empty<TargetOutcome>()));
    }
}
