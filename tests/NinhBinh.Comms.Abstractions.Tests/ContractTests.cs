using System;
using System.Linq;
using NinhBinh.Comms.Testing;

namespace NinhBinh.Comms.Tests;

public class ContractTests
{
    [Fact]
    public void Public_api_is_approved() => ApiApproval.Verify(typeof(Bulletin).Assembly);

    [Fact]
    public void CommsException_carries_service_details()
    {
        var ex = new CommsException("OA rate limited", new TimeoutException())
        {
            Channel = "zalo",
            ErrorCode = "-32",
            Status = 200,
            IsTransient = true,
            RetryAfter = TimeSpan.FromSeconds(30),
        };

        Assert.Equal("zalo", ex.Channel);
        Assert.Equal("-32", ex.ErrorCode);
        Assert.Equal(200, ex.Status);
        Assert.True(ex.IsTransient);
        Assert.Equal(TimeSpan.FromSeconds(30), ex.RetryAfter);
        Assert.IsType<TimeoutException>(ex.InnerException);
        Assert.False(new CommsException().IsTransient);
    }

    [Fact]
    public void Outcome_factories_check_their_arguments()
    {
        Assert.Equal("channel", Assert.Throws<ArgumentException>(() => DeliveryOutcome.Accepted(" ")).ParamName);
        Assert.Equal("reason", Assert.Throws<ArgumentNullException>(() => DeliveryOutcome.Rejected("c", null!)).ParamName);
        Assert.Equal("exception", Assert.Throws<ArgumentNullException>(() => DeliveryOutcome.Faulted("c", null!)).ParamName);
        Assert.Equal("c: TransientFailure (busy)", DeliveryOutcome.TransientFailure("c", "busy", TimeSpan.FromSeconds(1)).ToString());
        Assert.False(DeliveryOutcome.Canceled("c").IsSuccess);
    }

    [Fact]
    public void Telemetry_names_are_the_package_ids()
    {
        Assert.Equal(new[] { "NinhBinh.Comms.Abstractions", "NinhBinh.Comms.Zalo", "NinhBinh.Comms.Broadcast", "NinhBinh.Comms.Metrics" }, CommsTelemetry.AllNames);
        Assert.Equal(CommsTelemetry.AbstractionsName, typeof(Bulletin).Assembly.GetName().Name);
    }

    [Fact]
    public void Every_public_type_is_sealed_static_abstract_an_interface_enum_or_mockable()
    {
        // Convention: concrete public classes are sealed unless they are built to be mocked (virtual members + protected ctor).
        var offenders = typeof(Bulletin).Assembly.GetExportedTypes()
            .Where(t => t.IsClass && !t.IsSealed && !t.IsAbstract && !typeof(Exception).IsAssignableFrom(t))
            .Where(t => !t.GetConstructors(System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance).Any(c => c.IsFamily))
            .Select(t => t.FullName)
            .ToArray();
        Assert.Empty(offenders);
    }
}
