using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using NinhBinh.Comms.Testing;
using NinhBinh.Comms.Zalo.PostgreSql;

namespace NinhBinh.Comms.Zalo.IntegrationTests;

/// <summary>The CLI with Zalo:TokenStoreConnectionString: tokens come from, and go back to, PostgreSQL.</summary>
[Collection(PostgreSqlCollection.Name)]
public class CliPostgreSqlTests(PostgreSqlFixture fixture)
{
    [PostgreSqlFact]
    public async Task Send_text_uses_the_PostgreSQL_token_store_when_the_connection_string_is_set()
    {
        const string user = "8451000000000000031";
        var database = fixture.Server.CreateDatabase("cli");
        await using var emulator = await Harness.StartAsync();
        emulator.AddFollower(Harness.Oa, user, lastInteraction: DateTimeOffset.UtcNow);
        using var store = new PostgreSqlZaloTokenStore(database);
        await Harness.SeedGrantAsync(emulator, store, DateTimeOffset.UtcNow);
        var env = new Dictionary<string, string>
        {
            ["NBCOMMS_Zalo__AppId"] = Harness.App,
            ["NBCOMMS_Zalo__AppSecret"] = Harness.Secret,
            ["NBCOMMS_Zalo__OpenApiBaseUrl"] = emulator.BaseUri.AbsoluteUri,
            ["NBCOMMS_Zalo__OAuthBaseUrl"] = emulator.BaseUri.AbsoluteUri,
            ["NBCOMMS_Zalo__TokenStoreConnectionString"] = database,
        };
        var send = await Harness.RunCliAsync(env, "zalo", "send-text", "--oa-id", Harness.Oa, "--user-id", user, "--text", "Lịch họp tổ dân phố");
        Assert.Equal(0, send.ExitCode);
        Assert.Equal(Assert.Single(emulator.GetSentMessages(Harness.Oa)).MessageId, send.Stdout.Trim());

        env["NBCOMMS_Zalo__TokenStoreConnectionString"] = database.Replace("Database=", "Database=missing_", StringComparison.Ordinal);
        var missing = await Harness.RunCliAsync(env, "zalo", "send-text", "--oa-id", Harness.Oa, "--user-id", user, "--text", "x");
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("missing_", missing.Stderr, StringComparison.Ordinal);
        Assert.Single(missing.Stderr.Trim().Split('\n'));
    }
}
