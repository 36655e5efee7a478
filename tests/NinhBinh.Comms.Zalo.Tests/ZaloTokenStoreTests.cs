using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.Versioning;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NinhBinh.Comms.Zalo.Internal;

namespace NinhBinh.Comms.Zalo.Tests;

public sealed class ZaloTokenStoreTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.FromHours(7));
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "nbcomms-store-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    private static ZaloTokenSet Tokens(string suffix) => new("access-" + suffix, "refresh-" + suffix, Now.AddHours(25), Now.AddDays(90), Now);

    [Fact]
    public async Task File_store_round_trips_and_leaves_no_temporary_files()
    {
        var store = new FileZaloTokenStore(_dir);
        Assert.Null(await store.GetAsync("oa-1"));

        await store.SaveAsync("oa-1", Tokens("a"));
        await store.SaveAsync("oa-1", Tokens("b"));
        var read = await new FileZaloTokenStore(_dir).GetAsync("oa-1");

        Assert.Equal("access-b", read!.AccessToken);
        Assert.Equal("refresh-b", read.RefreshToken);
        Assert.Equal(Now.AddHours(25), read.AccessTokenExpiresAt);
        Assert.Equal(new[] { "oa-1.json" }, Directory.GetFiles(_dir).Select(Path.GetFileName));
    }

    [UnixFact]
    [UnsupportedOSPlatform("windows")]
    public async Task File_store_is_owner_only_on_unix()
    {
        var store = new FileZaloTokenStore(_dir);
        await store.SaveAsync("oa-1", Tokens("a"));

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(_dir));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(_dir, "oa-1.json")));
    }

    [Fact]
    public async Task A_corrupt_file_is_reported_not_ignored()
    {
        var store = new FileZaloTokenStore(_dir);
        await File.WriteAllTextAsync(Path.Combine(_dir, "oa-1.json"), "{\"access_token\":");

        var ex = await Assert.ThrowsAsync<InvalidDataException>(() => store.GetAsync("oa-1"));

        Assert.Contains("oa-1", ex.Message);
    }

    [Fact]
    public async Task The_refresh_lock_is_exclusive()
    {
        var store = new FileZaloTokenStore(_dir);
        var inside = 0;
        var peak = 0;

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            await using var held = await store.LockAsync("oa-1");
            var now = Interlocked.Increment(ref inside);
            InterlockedMax(ref peak, now);
            await Task.Delay(10);
            Interlocked.Decrement(ref inside);
        })));

        Assert.Equal(1, peak);
    }

    [Fact]
    public async Task Lock_waits_can_be_cancelled()
    {
        var store = new FileZaloTokenStore(_dir);
        await using var held = await store.LockAsync("oa-1");
        using var cts = new CancellationTokenSource();

        var waiting = store.LockAsync("oa-1", cts.Token);
        Assert.False(waiting.IsCompleted);
        cts.Cancel();

        await Assert.ThrowsAsync<OperationCanceledException>(() => waiting.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task A_reader_holding_the_token_file_open_does_not_block_its_replacement()
    {
        // What GetAsync does while it reads: open with read, write and delete sharing. On Windows a reader without
        // delete sharing makes the rename that replaces the file fail with a sharing violation.
        var store = new FileZaloTokenStore(_dir);
        await store.SaveAsync("oa-1", Tokens("a"));
        var path = Path.Combine(_dir, "oa-1.json");

        using (var reader = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
        {
            Assert.Equal("access-a", (await store.GetAsync("oa-1"))!.AccessToken); // another read alongside it

            await store.SaveAsync("oa-1", Tokens("b"));

            Assert.Equal("access-b", (await store.GetAsync("oa-1"))!.AccessToken);
            using var old = new StreamReader(reader);
            Assert.Contains("access-a", await old.ReadToEndAsync()); // the reader keeps the file it opened
        }

        Assert.Equal("access-b", (await new FileZaloTokenStore(_dir).GetAsync("oa-1"))!.AccessToken);
        Assert.Equal(new[] { "oa-1.json" }, Directory.GetFiles(_dir).Select(Path.GetFileName));
    }

    [Fact]
    public void A_token_folder_that_cannot_be_created_is_a_configuration_error_at_once()
    {
        Directory.CreateDirectory(_dir);
        var file = Path.Combine(_dir, "not-a-folder");
        File.WriteAllText(file, "x");
        var wanted = Path.Combine(file, "tokens");

        var ex = Assert.Throws<ArgumentException>(() => new FileZaloTokenStore(wanted));

        Assert.Equal("directory", ex.ParamName);
        Assert.Contains(wanted, ex.Message);
        Assert.Contains("cannot be created", ex.Message);
        Assert.IsAssignableFrom<IOException>(ex.InnerException);
    }

    [UnwritableFolderFact]
    [UnsupportedOSPlatform("windows")]
    public void A_token_folder_this_process_cannot_write_in_is_a_configuration_error_at_once()
    {
        Directory.CreateDirectory(_dir, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        try
        {
            var ex = Assert.Throws<ArgumentException>(() => new FileZaloTokenStore(_dir));

            Assert.Equal("directory", ex.ParamName);
            Assert.Contains(_dir, ex.Message);
            Assert.Contains("not writable", ex.Message);
            Assert.IsType<UnauthorizedAccessException>(ex.InnerException);
        }
        finally
        {
            File.SetUnixFileMode(_dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    [UnwritableFolderFact]
    [UnsupportedOSPlatform("windows")]
    public async Task A_lock_file_that_cannot_be_created_fails_at_once_not_after_the_lock_timeout()
    {
        var store = new FileZaloTokenStore(_dir) { LockTimeout = TimeSpan.FromMinutes(10) };
        File.SetUnixFileMode(_dir, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        try
        {
            // A wait for the lock would last 10 minutes; the bound turns it into a TimeoutException, failing the test.
            var ex = await Assert.ThrowsAsync<IOException>(() => store.LockAsync("oa-1").WaitAsync(TimeSpan.FromSeconds(30)));

            Assert.Contains("oa-1.lock", ex.Message);
            Assert.Contains("cannot be created or opened", ex.Message);
        }
        finally
        {
            File.SetUnixFileMode(_dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    [Fact]
    public async Task A_token_folder_removed_after_opening_fails_the_lock_at_once()
    {
        var store = new FileZaloTokenStore(_dir) { LockTimeout = TimeSpan.FromMinutes(10) };
        Directory.Delete(_dir, recursive: true);

        var ex = await Assert.ThrowsAsync<IOException>(() => store.LockAsync("oa-1").WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.Contains(_dir, ex.Message);
        Assert.IsType<DirectoryNotFoundException>(ex.InnerException);
    }

    [Fact]
    public async Task A_lock_held_by_another_opener_is_waited_for_until_the_timeout()
    {
        var store = new FileZaloTokenStore(_dir) { LockTimeout = TimeSpan.FromMilliseconds(200) };
        await using var held = await new FileZaloTokenStore(_dir).LockAsync("oa-1");

        var ex = await Assert.ThrowsAsync<TimeoutException>(() => store.LockAsync("oa-1").WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.Contains("oa-1", ex.Message);
    }

    [Fact]
    public async Task In_memory_store_round_trips_and_locks()
    {
        var store = new InMemoryZaloTokenStore();
        await store.SaveAsync("oa-1", Tokens("a"));
        Assert.Equal("access-a", (await store.GetAsync("oa-1"))!.AccessToken);
        var held = await store.LockAsync("oa-1");
        var second = store.LockAsync("oa-1");
        Assert.False(second.IsCompleted);
        await held.DisposeAsync();
        await (await second).DisposeAsync();
        await Assert.ThrowsAsync<ArgumentException>(() => store.GetAsync("../etc/passwd"));
    }

    [Fact]
    public async Task Rate_limiter_allows_the_limit_then_waits_for_the_window()
    {
        var time = new FakeTimeProvider(Now);
        var limiter = new ZaloRequestRateLimiter(3, TimeSpan.FromSeconds(61), time);

        for (var i = 0; i < 3; i++)
        {
            await limiter.AcquireAsync(CancellationToken.None);
            time.Advance(TimeSpan.FromSeconds(1));
        }

        var fourth = limiter.AcquireAsync(CancellationToken.None).AsTask();
        Assert.False(fourth.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(57)); // 60 s after the first start: still inside the 61 s window
        Assert.False(fourth.IsCompleted); // the limiter's timer runs inside Advance: nothing is left to happen later
        Assert.Equal(1, limiter.QueueLength);
        time.Advance(TimeSpan.FromSeconds(1));
        await fourth.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_rate_limiter_with_no_permits_does_not_limit()
    {
        var limiter = new ZaloRequestRateLimiter(0, TimeSpan.FromSeconds(61), new FakeTimeProvider(Now));
        for (var i = 0; i < 10_000; i++)
        {
            var acquire = limiter.AcquireAsync(CancellationToken.None);
            Assert.True(acquire.IsCompleted);
            await acquire;
        }
    }

    [Fact]
    public void Di_binds_the_zalo_section_and_validates_it()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Zalo:AppId"] = "app-1",
            ["Zalo:AppSecret"] = "s",
            ["Zalo:OpenApiBaseUrl"] = "http://127.0.0.1:5000",
            ["Zalo:RequestsPerMinute"] = "1200",
            ["Zalo:Retry:MaxRetries"] = "1",
            ["Zalo:TokenStorePath"] = _dir,
        }).Build();
        var services = new ServiceCollection();
        var builder = services.AddZaloOfficialAccount(config);
        using var provider = services.BuildServiceProvider();

        Assert.Equal(ServiceCollectionExtensionsNames.HttpClient, builder.Name);
        var options = provider.GetRequiredService<IOptions<ZaloClientOptions>>().Value;
        Assert.Equal(new Uri("http://127.0.0.1:5000/"), options.OpenApiBaseUrl);
        Assert.Equal(1200, options.RequestsPerMinute);
        Assert.Equal(1, options.Retry.MaxRetries);
        Assert.IsType<FileZaloTokenStore>(provider.GetRequiredService<IZaloClientFactory>().TokenStore);
        var keyed = provider.GetRequiredKeyedService<ZaloOfficialAccountClient>("oa-7");
        Assert.Equal("oa-7", keyed.OaId);
    }

    [Fact]
    public void Di_reports_missing_settings_by_key()
    {
        var services = new ServiceCollection();
        services.AddZaloOfficialAccount(new ConfigurationBuilder().Build());
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IZaloClientFactory>());

        Assert.Contains("Zalo:AppId is required.", ex.Failures);
        Assert.Contains("Zalo:AppSecret is required.", ex.Failures);
    }

    [Fact]
    public void Di_reports_malformed_values_by_key()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Zalo:RequestsPerMinute"] = "many" }).Build();
        var services = new ServiceCollection();
        services.AddZaloOfficialAccount(config);
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ZaloClientOptions>>().Value);

        Assert.Contains("'Zalo:RequestsPerMinute'", ex.Message);
        Assert.Contains("'many'", ex.Message);
    }

    [Fact]
    public void The_factory_refuses_invalid_options_with_every_problem()
    {
        var ex = Assert.Throws<ArgumentException>(() => new ZaloClientFactory(new ZaloClientOptions()));
        Assert.Equal("options", ex.ParamName);
        Assert.Contains("Zalo:AppId is required.", ex.Message);
        Assert.Contains("Zalo:AppSecret is required.", ex.Message);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }

    private static class ServiceCollectionExtensionsNames
    {
        public const string HttpClient = ZaloServiceCollectionExtensions.HttpClientName;
    }
}
