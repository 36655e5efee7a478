using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using NinhBinh.Comms.Testing;

namespace NinhBinh.Comms.Zalo.PostgreSql.Tests;

/// <summary>The IZaloWebhookDedupeStore contract, run against the in-memory and the PostgreSQL store, on a fake clock.</summary>
public abstract class DedupeStoreContract
{
    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 28, 2, 0, 0, TimeSpan.Zero));

    /// <summary>A store instance over the shared storage (another server, for PostgreSQL), retention 24 h.</summary>
    protected abstract IZaloWebhookDedupeStore OpenStore();

    [SkippableStoreFact]
    public async Task A_key_is_claimed_once_until_released_or_expired()
    {
        var a = OpenStore();
        var b = OpenStore();
        Assert.True(await a.TryClaimAsync("user_send_text:1", TimeSpan.FromMinutes(5)));
        Assert.False(await b.TryClaimAsync("user_send_text:1", TimeSpan.FromMinutes(5)));
        await a.ReleaseAsync("user_send_text:1");
        Assert.True(await b.TryClaimAsync("user_send_text:1", TimeSpan.FromMinutes(5)));
        Time.Advance(TimeSpan.FromMinutes(5)); // b "crashed": its claim runs out
        Assert.True(await a.TryClaimAsync("user_send_text:1", TimeSpan.FromMinutes(5)));
    }

    [SkippableStoreFact]
    public async Task A_completed_key_is_remembered_for_the_retention_and_never_released()
    {
        var a = OpenStore();
        Assert.True(await a.TryClaimAsync("follow:sha256:ab", TimeSpan.FromMinutes(5)));
        await a.CompleteAsync("follow:sha256:ab");
        await OpenStore().ReleaseAsync("follow:sha256:ab");
        Time.Advance(TimeSpan.FromHours(23));
        Assert.False(await OpenStore().TryClaimAsync("follow:sha256:ab", TimeSpan.FromMinutes(5)));
        Time.Advance(TimeSpan.FromHours(1));
        Assert.True(await OpenStore().TryClaimAsync("follow:sha256:ab", TimeSpan.FromMinutes(5)));
    }

    [SkippableStoreFact]
    public async Task Concurrent_claims_from_many_servers_succeed_once()
    {
        var stores = Enumerable.Range(0, 8).Select(_ => OpenStore()).ToArray();
        var results = await Task.WhenAll(Enumerable.Range(0, 32).Select(i => Task.Run(() => stores[i % stores.Length].TryClaimAsync("k-concurrent", TimeSpan.FromMinutes(5)))));
        Assert.Equal(1, results.Count(r => r));
    }
}

public sealed class InMemoryDedupeStoreContractTests : DedupeStoreContract
{
    private readonly InMemoryZaloWebhookDedupeStore _store;

    public InMemoryDedupeStoreContractTests() => _store = new InMemoryZaloWebhookDedupeStore(Time);

    protected override IZaloWebhookDedupeStore OpenStore() => _store;
}

[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlDedupeStoreContractTests : DedupeStoreContract, IDisposable
{
    private readonly string? _connectionString;
    private readonly System.Collections.Generic.List<PostgreSqlZaloWebhookDedupeStore> _stores = new();

    public PostgreSqlDedupeStoreContractTests(PostgreSqlFixture fixture)
    {
        if (fixture.Server.UnavailableReason is null)
        {
            _connectionString = fixture.Server.CreateDatabase("dedupe");
        }
    }

    protected override IZaloWebhookDedupeStore OpenStore()
    {
        var store = new PostgreSqlZaloWebhookDedupeStore(
            new ZaloPostgreSqlOptions { ConnectionString = _connectionString ?? throw new InvalidOperationException(PostgreSqlServer.Shared.UnavailableReason) }, Time);
        _stores.Add(store);
        return store;
    }

    public void Dispose()
    {
        foreach (var store in _stores)
        {
            store.Dispose();
        }
    }
}
