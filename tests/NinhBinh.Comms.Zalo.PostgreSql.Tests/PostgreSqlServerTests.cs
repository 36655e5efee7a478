using NinhBinh.Comms.Testing;

namespace NinhBinh.Comms.Zalo.PostgreSql.Tests;

[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlServerTests(PostgreSqlFixture fixture)
{
    [PostgreSqlFact]
    public void The_test_server_answers_on_loopback_and_makes_separate_databases()
    {
        var server = fixture.Server;
        Assert.True(server.Port > 0);
        Assert.True(server.ProcessId > 0);
        Assert.StartsWith("15", server.Psql("SHOW server_version"), System.StringComparison.Ordinal);
        var a = server.CreateDatabase("smoke");
        var b = server.CreateDatabase("smoke");
        Assert.NotEqual(a, b);
        Assert.Contains("Host=127.0.0.1", a, System.StringComparison.Ordinal);
    }
}
