using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;

namespace NinhBinh.Comms.Zalo.IntegrationTests;

/// <summary>A refreshed grant survives a token store that fails, against the emulator's single-use refresh tokens.</summary>
public sealed class TokenPersistenceIntegrationTests : IDisposable
{
    private const string User = "8451000000000000001";
    private static readonly DateTimeOffset Morning = new(2026, 11, 26, 9, 0, 0, TimeSpan.FromHours(7));
    private readonly FakeTimeProvider _time = new(Morning);
    private readonly string _dir = Harness.TempDirectory();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task A_refreshed_pair_the_store_refuses_is_kept_then_saved_and_another_process_can_refresh_with_it()
    {
        await using var emulator = await Harness.StartAsync(_time);
        emulator.AddFollower(Harness.Oa, User, lastInteraction: Morning);
        var store = new RefusingStore(new FileZaloTokenStore(_dir)) { Refusing = true };
        var original = await Harness.SeedGrantAsync(emulator, store.Inner, _time.GetUtcNow());
        using var factory = new ZaloClientFactory(Harness.Options(emulator), store, _time);
        var oa = factory.GetClient(Harness.Oa);
        _time.Advance(TimeSpan.FromHours(26));
        emulator.RecordInteraction(Harness.Oa, User, _time.GetUtcNow());

        var ex = await Assert.ThrowsAsync<ZaloTokenPersistenceException>(() => Drive(oa.SendTextAsync(User, "lần 1")));
        Assert.Equal(Harness.Oa, ex.OaId);
        Assert.Equal(1, emulator.GetRefreshCount(Harness.Oa));

        // This process goes on with the pair it kept; the file still holds the spent refresh token.
        await oa.SendTextAsync(User, "lần 2");
        Assert.Single(emulator.GetSentMessages(Harness.Oa));
        Assert.Equal(original.RefreshToken, (await store.Inner.GetAsync(Harness.Oa))!.RefreshToken);

        // The store recovers; a later call saves the pair.
        store.Refusing = false;
        _time.Advance(TimeSpan.FromSeconds(10));
        await oa.SendTextAsync(User, "lần 3");
        var saved = (await store.Inner.GetAsync(Harness.Oa))!;
        Assert.NotEqual(original.RefreshToken, saved.RefreshToken);

        // Another process reading the file refreshes with the live refresh token: the grant was never lost.
        using var other = new ZaloClientFactory(Harness.Options(emulator), new FileZaloTokenStore(_dir), _time);
        var renewed = await other.Authorization.RefreshAsync(Harness.Oa);
        Assert.NotEqual(saved.RefreshToken, renewed.RefreshToken);
        Assert.Equal(2, emulator.GetRefreshCount(Harness.Oa));
        Assert.Equal(2, emulator.GetSentMessages(Harness.Oa).Count);
    }

    [Fact]
    public async Task A_wrong_app_secret_proof_is_a_configuration_error_and_spends_no_refresh_token()
    {
        await using var emulator = await Harness.StartAsync(_time);
        emulator.AddFollower(Harness.Oa, User, lastInteraction: Morning);
        var store = new FileZaloTokenStore(_dir);
        var original = await Harness.SeedGrantAsync(emulator, store, _time.GetUtcNow());
        using var factory = new ZaloClientFactory(Harness.Options(emulator, o =>
        {
            o.UseAppSecretProof = true;
            o.AppSecret = "not-the-app-secret";
        }), store, _time);

        var ex = await Assert.ThrowsAsync<ZaloConfigurationException>(() => factory.GetClient(Harness.Oa).SendTextAsync(User, "xin chào"));

        Assert.Equal(ZaloErrorCodes.AppSecretProofInvalid, ex.ZaloCode);
        Assert.DoesNotContain("Re-authorization", ex.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, emulator.GetRefreshCount(Harness.Oa));
        Assert.Equal(original.RefreshToken, (await store.GetAsync(Harness.Oa))!.RefreshToken);
        Assert.Empty(emulator.GetSentMessages(Harness.Oa));
    }

    /// <summary>Moves the fake clock on in small steps until the call is done, so the save backoff passes on the fake clock.</summary>
    private async Task<T> Drive<T>(Task<T> call)
    {
        for (var i = 0; i < 3_000 && !call.IsCompleted; i++)
        {
            await Task.Delay(1);
            _time.Advance(TimeSpan.FromMilliseconds(10));
        }

        return await call;
    }

    /// <summary>A real file store whose saves fail while <see cref="Refusing"/> (a full disk, a file held open on Windows).</summary>
    private sealed class RefusingStore : IZaloTokenStore
    {
        private volatile bool _refusing;

        public RefusingStore(FileZaloTokenStore inner) => Inner = inner;

        public FileZaloTokenStore Inner { get; }

        public bool Refusing
        {
            get => _refusing;
            set => _refusing = value;
        }

        public Task<ZaloTokenSet?> GetAsync(string oaId, CancellationToken cancellationToken = default) => Inner.GetAsync(oaId, cancellationToken);

        public Task SaveAsync(string oaId, ZaloTokenSet tokens, CancellationToken cancellationToken = default)
            => Refusing ? Task.FromException(new IOException("There is not enough space on the disk.")) : Inner.SaveAsync(oaId, tokens, cancellationToken);

        public Task<IAsyncDisposable> LockAsync(string oaId, CancellationToken cancellationToken = default) => Inner.LockAsync(oaId, cancellationToken);
    }
}
