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
}
