using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using NinhBinh.Comms.Emulator;
using NinhBinh.Comms.Testing;
using NinhBinh.Comms.Zalo.PostgreSql;

namespace NinhBinh.Comms.Zalo.AspNetCore.Tests;

/// <summary>The emulator's signed deliveries into MapZaloWebhook over real loopback; two servers sharing a PostgreSQL dedupe store.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class EmulatorDeliveryTests(PostgreSqlFixture fixture)
{
    [Fact]
    public async Task The_emulators_deliveries_are_verified_a_duplicate_handled_once_and_a_forgery_refused()
    {
        await using var host = await WebhookHost.StartAsync(o => o.MaxConcurrency = 1);
        await using var emulator = await ZaloEmulator.StartAsync();
        emulator.AddOfficialAccount("oa-e2e", "UBND xã Gia Viễn", 4);
        emulator.RegisterWebhook(WebhookHost.AppId, host.Endpoint, WebhookHost.Secret);

        var msgId = emulator.SendUserText(WebhookHost.AppId, "oa-e2e", "8451000000000000055", "Đã rõ, cảm ơn xã.", duplicate: true);
        var forged = emulator.DeliverWebhook(WebhookHost.TextBody("giả", "forged-1"), forged: true);
        foreach (var id in new[] { 1, 2, forged })
        {
            await emulator.WaitForWebhookAttemptsAsync(id, 1).WaitAsync(TimeSpan.FromSeconds(20));
        }

        var deliveries = emulator.GetWebhookDeliveries();
        Assert.Equal(200, deliveries[0].Attempts[0].StatusCode);
        Assert.Equal(200, deliveries[1].Attempts[0].StatusCode); // the duplicate is acknowledged too (no redelivery)
        Assert.Equal(401, deliveries.Single(d => d.Id == forged).Attempts[0].StatusCode);

        using var marker = await host.PostAsync(WebhookHost.TextBody("marker", "marker-1"));
        await host.Recorder.WaitHandledAsync(2);
        var handled = host.Recorder.Messages.Select(m => ((ZaloMessageEvent)m).MessageId).ToArray();
        Assert.Equal(new[] { msgId, "marker-1" }, handled);
        Assert.Equal("Đã rõ, cảm ơn xã.", ((ZaloMessageEvent)host.Recorder.Messages.First()).Text);
    }

    [PostgreSqlFact]
    public async Task Two_servers_sharing_the_PostgreSQL_dedupe_store_handle_a_redelivered_event_once()
    {
        var database = fixture.Server.CreateDatabase("farm_hooks");
        void UsePostgreSql(IServiceCollection services) => services.AddSingleton<IZaloWebhookDedupeStore>(new PostgreSqlZaloWebhookDedupeStore(new ZaloPostgreSqlOptions { ConnectionString = database }));
        await using var first = await WebhookHost.StartAsync(services: UsePostgreSql);
        await using var second = await WebhookHost.StartAsync(services: UsePostgreSql);

        var body = WebhookHost.TextBody("Một lần thôi", "farm-1");
        using var a = await first.PostAsync(body);   // Zalo's first attempt reaches server 1
        await first.Recorder.WaitHandledAsync(1);
        using var b = await second.PostAsync(body);  // its retry, behind the load balancer, reaches server 2
        using var marker = await second.PostAsync(WebhookHost.TextBody("marker", "farm-2"));
        await second.Recorder.WaitHandledAsync(1);

        Assert.Equal("farm-1", ((ZaloMessageEvent)Assert.Single(first.Recorder.Messages)).MessageId);
        Assert.Equal("farm-2", ((ZaloMessageEvent)Assert.Single(second.Recorder.Messages)).MessageId);
    }
}
