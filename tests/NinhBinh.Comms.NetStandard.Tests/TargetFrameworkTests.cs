using System.Reflection;
using System.Runtime.Versioning;

namespace NinhBinh.Comms.NetStandard.Tests;

public class TargetFrameworkTests
{
    [Theory]
    [InlineData(typeof(Bulletin))]
    [InlineData(typeof(Zalo.ZaloException))]
    [InlineData(typeof(Broadcast.StationPlayOrder))]
    [InlineData(typeof(Metrics.ReportingPeriod))]
    public void These_tests_run_against_the_netstandard20_builds(System.Type type)
        => Assert.Equal(".NETStandard,Version=v2.0", type.Assembly.GetCustomAttribute<TargetFrameworkAttribute>()?.FrameworkName);
}
