using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using NSubstitute;

namespace NinhBinh.Comms.Tests;

public class CommsModelFactoryTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 26, 9, 0, 0, TimeSpan.FromHours(7));

    [Fact]
    public void A_dispatch_result_is_built_with_every_property()
    {
        var bulletin = TestBulletins.Valid();
        var outcomes = new[] { DeliveryOutcome.Accepted("zalo", "msg-1"), DeliveryOutcome.Rejected("radio", "station offline", "E42") };

        var result = CommsModelFactory.DispatchResult(bulletin, outcomes, Start, Start.AddSeconds(3));

        Assert.Same(bulletin, result.Bulletin);
        Assert.Equal(outcomes, result.Outcomes);
        Assert.Equal(Start, result.StartedAt);
        Assert.Equal(Start.AddSeconds(3), result.CompletedAt);
        Assert.False(result.AllSucceeded);
        Assert.Equal("radio", Assert.Single(result.Failures).Channel);
        Assert.Equal("E42", result["radio"].ErrorCode);
        Assert.Equal(1, result.Count(DeliveryStatus.Accepted));
    }

    [Fact]
    public void A_dispatch_result_defaults_to_no_outcomes_and_no_duration()
    {
        var result = CommsModelFactory.DispatchResult(TestBulletins.Valid(), startedAt: Start);

        Assert.Empty(result.Outcomes);
        Assert.True(result.AllSucceeded);
        Assert.Equal(Start, result.CompletedAt);
    }

    [Fact]
    public void A_dispatch_result_refuses_what_the_dispatcher_never_makes()
    {
        Assert.Equal("bulletin", Assert.Throws<ArgumentNullException>(() => CommsModelFactory.DispatchResult(null!)).ParamName);
        Assert.Equal("outcomes", Assert.Throws<ArgumentException>(() => CommsModelFactory.DispatchResult(TestBulletins.Valid(), new DeliveryOutcome[] { null! })).ParamName);
        Assert.Equal("completedAt", Assert.Throws<ArgumentException>(() => CommsModelFactory.DispatchResult(TestBulletins.Valid(), null, Start, Start.AddSeconds(-1))).ParamName);
    }

    [Fact]
    public void A_delivery_outcome_is_built_with_every_property_including_the_measured_duration()
    {
        var cause = new TimeoutException("slow");

        var outcome = CommsModelFactory.DeliveryOutcome("radio", DeliveryStatus.TransientFailure, "ext-1", Start.AddHours(1), "station offline", "E42",
            TimeSpan.FromSeconds(30), cause, TimeSpan.FromSeconds(2));

        Assert.Equal("radio", outcome.Channel);
        Assert.Equal(DeliveryStatus.TransientFailure, outcome.Status);
        Assert.False(outcome.IsSuccess);
        Assert.Equal("ext-1", outcome.ExternalId);
        Assert.Equal(Start.AddHours(1), outcome.ScheduledFor);
        Assert.Equal("station offline", outcome.Reason);
        Assert.Equal("E42", outcome.ErrorCode);
        Assert.Equal(TimeSpan.FromSeconds(30), outcome.RetryAfter);
        Assert.Same(cause, outcome.Exception);
        Assert.Equal(TimeSpan.FromSeconds(2), outcome.Duration);
        Assert.Equal(DeliveryStatus.Accepted, CommsModelFactory.DeliveryOutcome("zalo").Status);
        Assert.Equal("status", Assert.Throws<ArgumentOutOfRangeException>(() => CommsModelFactory.DeliveryOutcome("zalo", (DeliveryStatus)42)).ParamName);
        Assert.Equal("channel", Assert.Throws<ArgumentException>(() => CommsModelFactory.DeliveryOutcome(" ")).ParamName);
    }

    [Fact]
    public void Every_property_of_the_results_is_a_parameter_of_the_factory()
    {
        foreach (var model in new[] { typeof(DispatchResult), typeof(DeliveryOutcome) })
        {
            var method = typeof(CommsModelFactory).GetMethod(model.Name, BindingFlags.Public | BindingFlags.Static);
            Assert.NotNull(method);
            var parameters = method!.GetParameters().Select(p => p.Name!.ToUpperInvariant()).ToHashSet();
            var stored = model.GetProperties().Where(p => p.GetIndexParameters().Length == 0 && p.GetMethod!.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute)));
            Assert.All(stored, p => Assert.Contains(p.Name.ToUpperInvariant(), parameters));
        }
    }

    [Fact]
    public async Task A_mocked_dispatcher_returns_a_factory_result()
    {
        var bulletin = TestBulletins.Valid(BulletinPriority.Emergency);
        var dispatcher = Substitute.For<BulletinDispatcher>();
        dispatcher.DispatchAsync(bulletin, Arg.Any<CancellationToken>())
            .Returns(CommsModelFactory.DispatchResult(bulletin, new List<DeliveryOutcome> { DeliveryOutcome.Accepted("zalo") }, Start, Start.AddSeconds(1)));

        var result = await dispatcher.DispatchAsync(bulletin);

        Assert.True(result.AllSucceeded);
        Assert.Equal(TimeSpan.FromSeconds(1), result.CompletedAt - result.StartedAt);
    }
}
