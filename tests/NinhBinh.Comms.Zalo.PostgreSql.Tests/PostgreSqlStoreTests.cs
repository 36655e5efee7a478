using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NinhBinh.Comms.Testing;

namespace NinhBinh.Comms.Zalo.PostgreSql.Tests;

[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlStoreTests(PostgreSqlFixture fixture)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Public_api_is_approved() => ApiApproval.Verify(typeof(PostgreSqlZaloTokenStore).Assembly);

    [PostgreSqlFact]
    public async Task A_holder_whose_session_dies_releases_the_lock_at_once()
    {
        var database = fixture.Server.CreateDatabase("crash");
        using var holder = new PostgreSqlZaloTokenStore(database);
        using var other = new PostgreSqlZaloTokenStore(new ZaloPostgreSqlOptions { ConnectionString = database, LockTimeout = TimeSpan.FromSeconds(30) });
        var held = await holder.LockAsync("oa-crash");
        var waiting = other.LockAsync("oa-crash");
        Assert.False(waiting.IsCompleted);

        // The holder's process "crashes": its session ends, as when a server dies or is killed.
        var db = database.Split("Database=")[1];
        Assert.Equal("t", fixture.Server.Psql($"SELECT bool_or(pg_terminate_backend(pid)) FROM pg_locks WHERE locktype = 'advisory' AND granted AND database = (SELECT oid FROM pg_database WHERE datname = '{db}')"));
        var next = await waiting.WaitAsync(TimeSpan.FromSeconds(20));
        await next.DisposeAsync();
        await held.DisposeAsync(); // the dead holder's release does not throw
    }

    [PostgreSqlFact]
    public async Task A_silent_holder_is_cut_off_after_the_lease()
    {
        var database = fixture.Server.CreateDatabase("lease");
        using var holder = new PostgreSqlZaloTokenStore(new ZaloPostgreSqlOptions { ConnectionString = database, LockLease = TimeSpan.FromSeconds(5) });
        using var other = new PostgreSqlZaloTokenStore(new ZaloPostgreSqlOptions { ConnectionString = database, LockTimeout = TimeSpan.FromSeconds(60) });
        var held = await holder.LockAsync("oa-hung"); // never released by its holder (hung, or its network is gone)
        var watch = Stopwatch.StartNew();
        var next = await other.LockAsync("oa-hung").WaitAsync(TimeSpan.FromSeconds(60));
        Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(4), $"acquired after {watch.Elapsed}, before the 5 s lease");
        await next.DisposeAsync();
        await held.DisposeAsync();
    }

    [PostgreSqlFact]
    public async Task A_lock_wait_past_its_timeout_is_a_TimeoutException()
    {
        var database = fixture.Server.CreateDatabase("timeout");
        using var holder = new PostgreSqlZaloTokenStore(database);
        using var other = new PostgreSqlZaloTokenStore(new ZaloPostgreSqlOptions { ConnectionString = database, LockTimeout = TimeSpan.FromMilliseconds(300) });
        await using var held = await holder.LockAsync("oa-timeout");
        var ex = await Assert.ThrowsAsync<TimeoutException>(() => other.LockAsync("oa-timeout"));
        Assert.Contains("oa-timeout", ex.Message, StringComparison.Ordinal);
    }

    [PostgreSqlFact]
    public async Task Without_table_creation_a_missing_table_names_the_shipped_script_which_then_works()
    {
        var database = fixture.Server.CreateDatabase("migrate");
        var options = new ZaloPostgreSqlOptions { ConnectionString = database, CreateTablesIfMissing = false };
        using (var store = new PostgreSqlZaloTokenStore(options))
        {
            var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => store.GetAsync("oa-1"));
            Assert.Contains("Migrations/001_zalo_stores.sql", ex.Message, StringComparison.Ordinal);
            Assert.Contains("CreateTablesIfMissing", ex.Message, StringComparison.Ordinal);
        }

        var script = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "src", "NinhBinh.Comms.Zalo.PostgreSql", "Migrations", "001_zalo_stores.sql"));
        fixture.Server.Psql(script, database.Split("Database=")[1]);
        using (var store = new PostgreSqlZaloTokenStore(options))
        {
            await store.SaveAsync("oa-1", new ZaloTokenSet("a", "r", Now.AddHours(25), Now.AddDays(90), Now));
            Assert.Equal("r", (await store.GetAsync("oa-1"))!.RefreshToken);
        }

        using var dedupe = new PostgreSqlZaloWebhookDedupeStore(options);
        Assert.True(await dedupe.TryClaimAsync("k", TimeSpan.FromMinutes(1)));
    }

    [PostgreSqlFact]
    public async Task Tables_are_created_once_when_many_servers_start_together()
    {
        var database = fixture.Server.CreateDatabase("create");
        var stores = new List<PostgreSqlZaloTokenStore>();
        for (var i = 0; i < 6; i++)
        {
            stores.Add(new PostgreSqlZaloTokenStore(database));
        }

        await Task.WhenAll(stores.ConvertAll(s => s.GetAsync("oa-x")));
        stores.ForEach(s => s.Dispose());
        Assert.Equal("2", fixture.Server.Psql("SELECT count(*) FROM pg_tables WHERE tablename LIKE 'nbcomms_zalo_%'", database.Split("Database=")[1]));
    }

    [Fact]
    public async Task A_server_that_is_down_is_reported_at_once_without_the_password()
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        using var store = new PostgreSqlZaloTokenStore($"Host=127.0.0.1;Port={port};Username=app;Password=very-secret-pw;Database=x;Timeout=3");
        var watch = Stopwatch.StartNew();
        var ex = await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => store.GetAsync("oa-1"));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10));
        Assert.DoesNotContain("very-secret-pw", ex.ToString(), StringComparison.Ordinal);
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => store.LockAsync("oa-1"));
    }

    [Fact]
    public void Settings_are_checked_and_never_show_the_connection_string()
    {
        var ex = Assert.Throws<ArgumentException>(() => new PostgreSqlZaloTokenStore(new ZaloPostgreSqlOptions { LockLease = TimeSpan.FromSeconds(1) }));
        Assert.Contains("Zalo:TokenStoreConnectionString", ex.Message, StringComparison.Ordinal);
        Assert.Contains("LockLease", ex.Message, StringComparison.Ordinal);
        const string cs = "Host=db;Username=u;Password=pw-123";
        Assert.DoesNotContain("pw-123", new ZaloPostgreSqlOptions { ConnectionString = cs }.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("pw-123", new ZaloClientOptions { TokenStoreConnectionString = cs }.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_connection_string_setting_selects_the_PostgreSQL_stores_and_wins_over_the_folder()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Zalo:AppId"] = "app",
            ["Zalo:AppSecret"] = "secret",
            ["Zalo:TokenStorePath"] = Path.Combine(Path.GetTempPath(), "nbcomms-unused-" + Guid.NewGuid().ToString("N")),
            ["Zalo:TokenStoreConnectionString"] = "Host=127.0.0.1;Username=postgres;Database=x",
        }).Build();

        var services = new ServiceCollection();
        services.AddZaloOfficialAccount(configuration);
        services.AddZaloPostgreSqlStores();
        using (var provider = services.BuildServiceProvider())
        {
            Assert.IsType<PostgreSqlZaloTokenStore>(provider.GetRequiredService<IZaloTokenStore>());
            Assert.IsType<PostgreSqlZaloWebhookDedupeStore>(provider.GetRequiredService<IZaloWebhookDedupeStore>());
            Assert.NotNull(provider.GetRequiredService<IZaloClientFactory>());
        }

        // Without the PostgreSQL package registered, the setting is refused rather than silently ignored.
        var bare = new ServiceCollection();
        bare.AddZaloOfficialAccount(configuration);
        using var bareProvider = bare.BuildServiceProvider();
        var ex = Assert.Throws<ArgumentException>(() => bareProvider.GetRequiredService<IZaloTokenStore>());
        Assert.Contains("TokenStoreConnectionString", ex.Message, StringComparison.Ordinal);
        Assert.Contains("AddZaloPostgreSqlStores", ex.Message, StringComparison.Ordinal);
    }
}
