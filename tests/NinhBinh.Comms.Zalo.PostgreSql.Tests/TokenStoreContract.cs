using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NinhBinh.Comms.Testing;

namespace NinhBinh.Comms.Zalo.PostgreSql.Tests;

/// <summary>
/// The IZaloTokenStore contract the token manager relies on, run against every store: round trips, atomic replacement,
/// a lock held by one caller at a time across store instances (processes), refresh-once under the lock.
/// </summary>
public abstract class TokenStoreContract
{
    protected static readonly DateTimeOffset Now = new(2026, 11, 28, 9, 0, 0, TimeSpan.FromHours(7));

    /// <summary>A new store instance over the same shared storage each call (as another process would open it).</summary>
    protected abstract IZaloTokenStore OpenStore();

    protected static ZaloTokenSet Tokens(string suffix) => new("access-" + suffix, "refresh-" + suffix, Now.AddHours(25), Now.AddDays(90), Now);

    [SkippableStoreFact]
    public async Task Round_trips_and_replaces_a_pair()
    {
        var store = OpenStore();
        Assert.Null(await store.GetAsync("oa-contract"));
        await store.SaveAsync("oa-contract", Tokens("a"));
        await store.SaveAsync("oa-contract", Tokens("b"));
        var read = await OpenStore().GetAsync("oa-contract");
        Assert.NotNull(read);
        Assert.Equal("access-b", read.AccessToken);
        Assert.Equal("refresh-b", read.RefreshToken);
        Assert.Equal(Now.AddHours(25), read.AccessTokenExpiresAt);
        Assert.Equal(Now.AddDays(90), read.RefreshTokenExpiresAt);
        Assert.Equal(Now, read.IssuedAt);
    }

    [SkippableStoreFact]
    public async Task Oas_are_kept_apart()
    {
        var store = OpenStore();
        await store.SaveAsync("oa-one", Tokens("1"));
        await store.SaveAsync("oa-two", Tokens("2"));
        Assert.Equal("access-1", (await store.GetAsync("oa-one"))!.AccessToken);
        Assert.Equal("access-2", (await store.GetAsync("oa-two"))!.AccessToken);
    }

    [SkippableStoreFact]
    public async Task The_lock_is_held_by_one_caller_at_a_time_across_store_instances()
    {
        var first = OpenStore();
        var second = OpenStore();
        var held = await first.LockAsync("oa-lock");
        var waiting = second.LockAsync("oa-lock");
        var other = await second.LockAsync("oa-other"); // another OA is not blocked
        await other.DisposeAsync();
        Assert.False(waiting.IsCompleted);
        await held.DisposeAsync();
        var next = await waiting.WaitAsync(TimeSpan.FromSeconds(20));
        await next.DisposeAsync();
    }

    [SkippableStoreFact]
    public async Task A_wait_for_the_lock_can_be_cancelled()
    {
        var held = await OpenStore().LockAsync("oa-cancel");
        using var cancel = new CancellationTokenSource();
        var waiting = OpenStore().LockAsync("oa-cancel", cancel.Token);
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        await held.DisposeAsync();
        await (await OpenStore().LockAsync("oa-cancel")).DisposeAsync();
    }

    [SkippableStoreFact]
    public async Task Refresh_under_the_lock_happens_once_among_many_callers()
    {
        await OpenStore().SaveAsync("oa-once", Tokens("old"));
        var refreshes = 0;
        var tasks = Enumerable.Range(0, 12).Select(i => Task.Run(async () =>
        {
            var store = OpenStore();
            await using var held = await store.LockAsync("oa-once");
            var current = await store.GetAsync("oa-once");
            if (current!.RefreshToken == "refresh-old")
            {
                Interlocked.Increment(ref refreshes);
                await Task.Yield();
                await store.SaveAsync("oa-once", Tokens("new-" + i));
            }
        }));
        await Task.WhenAll(tasks);
        Assert.Equal(1, refreshes);
        Assert.StartsWith("refresh-new-", (await OpenStore().GetAsync("oa-once"))!.RefreshToken, StringComparison.Ordinal);
    }

    [SkippableStoreFact]
    public async Task Bad_oa_ids_are_refused_before_any_storage_is_touched()
    {
        var store = OpenStore();
        await Assert.ThrowsAsync<ArgumentException>(() => store.GetAsync("../etc/passwd"));
        await Assert.ThrowsAsync<ArgumentException>(() => store.SaveAsync("a b", Tokens("x")));
        await Assert.ThrowsAsync<ArgumentException>(() => store.LockAsync(new string('a', 65)));
    }
}

/// <summary>
/// A contract fact: runs for every store; in a test class whose name contains "PostgreSql" it is skipped with the
/// reason shown when the server cannot start, except under CI=true, where it runs and fails.
/// </summary>
[Xunit.Sdk.XunitTestCaseDiscoverer("NinhBinh.Comms.Zalo.PostgreSql.Tests.SkippableStoreFactDiscoverer", "NinhBinh.Comms.Zalo.PostgreSql.Tests")]
public sealed class SkippableStoreFactAttribute : FactAttribute
{
}

public sealed class SkippableStoreFactDiscoverer(Xunit.Abstractions.IMessageSink sink) : Xunit.Sdk.FactDiscoverer(sink)
{
    protected override Xunit.Sdk.IXunitTestCase CreateTestCase(Xunit.Abstractions.ITestFrameworkDiscoveryOptions discoveryOptions, Xunit.Abstractions.ITestMethod testMethod, Xunit.Abstractions.IAttributeInfo factAttribute)
    {
        if (testMethod.TestClass.Class.Name.Contains("PostgreSql", StringComparison.Ordinal) && !PostgreSqlServer.IsCi
            && PostgreSqlServer.Shared.UnavailableReason is { } reason)
        {
            return new Xunit.Sdk.XunitSkippedDataRowTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(),
                testMethod, reason + " Under CI=true this test runs and fails instead.");
        }

        return base.CreateTestCase(discoveryOptions, testMethod, factAttribute);
    }
}

public sealed class InMemoryTokenStoreContractTests : TokenStoreContract
{
    private readonly InMemoryZaloTokenStore _store = new();

    protected override IZaloTokenStore OpenStore() => _store; // one process: the same instance is the shared storage
}

public sealed class FileTokenStoreContractTests : TokenStoreContract, IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "nbcomms-contract-" + Guid.NewGuid().ToString("N"));

    protected override IZaloTokenStore OpenStore() => new FileZaloTokenStore(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}

[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlTokenStoreContractTests : TokenStoreContract, IDisposable
{
    private readonly string? _connectionString;
    private readonly System.Collections.Generic.List<PostgreSqlZaloTokenStore> _stores = new();

    public PostgreSqlTokenStoreContractTests(PostgreSqlFixture fixture)
    {
        if (fixture.Server.UnavailableReason is null)
        {
            _connectionString = fixture.Server.CreateDatabase("contract");
        }
    }

    protected override IZaloTokenStore OpenStore()
    {
        // Under CI=true a server that did not start fails here with its reason.
        var store = new PostgreSqlZaloTokenStore(_connectionString ?? throw new InvalidOperationException(PostgreSqlServer.Shared.UnavailableReason));
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
