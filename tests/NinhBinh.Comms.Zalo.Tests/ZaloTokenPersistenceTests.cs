using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace NinhBinh.Comms.Zalo.Tests;

/// <summary>"A refreshed grant is never lost": a new pair is in use before it is saved, and a failing store does not lose it.</summary>
public sealed class ZaloTokenPersistenceTests : IDisposable
{
    private const string Oa = "oa-1";
    private const string User = "8451234567890123456";
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.FromHours(7));
    private readonly FakeTimeProvider _time = new(Now);
    private readonly FakeLogCollector _logs = new();
    private readonly ILoggerFactory _loggerFactory;

    public ZaloTokenPersistenceTests()
        => _loggerFactory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(_logs)));

    public void Dispose() => _loggerFactory.Dispose();

    [Fact]
    public async Task A_save_that_fails_once_is_retried_after_a_backoff_and_the_call_succeeds()
    {
        var store = new FlakyTokenStore(_time) { FailSave = n => n == 1 ? SharingViolation() : null };
        var (factory, handler) = Create(store);
        _time.Advance(TimeSpan.FromHours(26)); // the access token has expired

        var result = await Drive(factory.GetClient(Oa).SendTextAsync(User, "hi"));

        Assert.Equal("msg-1", result.MessageId);
        Assert.Single(handler.To("/access_token"));
        Assert.Equal("access-2", Assert.Single(handler.To("/message/cs")).Header("access_token"));
        Assert.Equal("refresh-2", (await store.Inner.GetAsync(Oa))!.RefreshToken);
        Assert.Equal(2, store.SaveAttempts.Count);
        AssertGap(store.SaveAttempts[0], store.SaveAttempts[1], TimeSpan.FromMilliseconds(100));
        var warning = Assert.Single(_logs.GetSnapshot(), r => r.Level == LogLevel.Warning);
        Assert.Contains("attempt 1 of 5", warning.Message);
        Assert.DoesNotContain(_logs.GetSnapshot(), r => r.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task A_store_that_always_fails_is_reported_naming_the_oa_and_the_pair_stays_in_use()
    {
        var failure = new IOException("There is not enough space on the disk.");
        var store = new FlakyTokenStore(_time) { FailSave = _ => failure };
        var (factory, handler) = Create(store);
        _time.Advance(TimeSpan.FromHours(26));

        var ex = await Assert.ThrowsAsync<ZaloTokenPersistenceException>(() => Drive(factory.GetClient(Oa).SendTextAsync(User, "first")));

        Assert.Equal(Oa, ex.OaId);
        Assert.Contains("OA oa-1", ex.Message);
        Assert.Contains(nameof(FlakyTokenStore), ex.Message);
        Assert.Contains("not enough space", ex.Message);
        Assert.Same(failure, ex.InnerException);
        Assert.True(ex.IsTransient);
        Assert.Equal(5, store.SaveAttempts.Count);
        AssertGap(store.SaveAttempts[0], store.SaveAttempts[1], TimeSpan.FromMilliseconds(100));
        AssertGap(store.SaveAttempts[1], store.SaveAttempts[2], TimeSpan.FromMilliseconds(200));
        AssertGap(store.SaveAttempts[2], store.SaveAttempts[3], TimeSpan.FromMilliseconds(400));
        AssertGap(store.SaveAttempts[3], store.SaveAttempts[4], TimeSpan.FromMilliseconds(800));
        var error = Assert.Single(_logs.GetSnapshot(), r => r.Level == LogLevel.Error);
        Assert.Contains("OA oa-1", error.Message);
        Assert.Empty(handler.To("/message/cs")); // the call that hit the failure sent nothing

        // The next call in this process uses the kept pair: no second refresh spends a token again.
        var second = await factory.GetClient(Oa).SendTextAsync(User, "second");

        Assert.Equal("msg-1", second.MessageId);
        Assert.Single(handler.To("/access_token"));
        Assert.Equal("access-2", Assert.Single(handler.To("/message/cs")).Header("access_token"));
        Assert.Equal("refresh-1", (await store.Inner.GetAsync(Oa))!.RefreshToken); // the store still holds the spent pair
        Assert.Equal(5, store.SaveAttempts.Count); // not tried again before the retry interval

        var everything = string.Join("\n", _logs.GetSnapshot().Select(r => r.Message)) + "\n" + ex.Message;
        Assert.DoesNotContain("access-2", everything);
        Assert.DoesNotContain("refresh-2", everything);
    }

    [Fact]
    public async Task An_unsaved_pair_is_saved_by_a_later_call_once_the_store_works_again()
    {
        var failing = true;
        var store = new FlakyTokenStore(_time) { FailSave = _ => failing ? SharingViolation() : null };
        var (factory, handler) = Create(store);
        _time.Advance(TimeSpan.FromHours(26));
        await Assert.ThrowsAsync<ZaloTokenPersistenceException>(() => Drive(factory.GetClient(Oa).GetTagsAsync()));

        _time.Advance(TimeSpan.FromSeconds(10)); // the retry interval: this call tries once more, fails, and still works
        await factory.GetClient(Oa).GetTagsAsync();
        Assert.Equal(6, store.SaveAttempts.Count);
        Assert.Equal("refresh-1", (await store.Inner.GetAsync(Oa))!.RefreshToken);
        Assert.Contains(_logs.GetSnapshot(), r => r.Level == LogLevel.Error && r.Message.Contains("still not saved", StringComparison.Ordinal));

        failing = false;
        await factory.GetClient(Oa).GetTagsAsync(); // not due yet: served from memory, no save
        Assert.Equal(6, store.SaveAttempts.Count);
        _time.Advance(TimeSpan.FromSeconds(10));
        await factory.GetClient(Oa).GetTagsAsync();

        Assert.Equal(7, store.SaveAttempts.Count);
        Assert.Equal("refresh-2", (await store.Inner.GetAsync(Oa))!.RefreshToken);
        Assert.Contains(_logs.GetSnapshot(), r => r.Level == LogLevel.Information && r.Message.Contains("now saved", StringComparison.Ordinal));
        Assert.Single(handler.To("/access_token"));
        Assert.All(handler.To("/tag"), r => Assert.Equal("access-2", r.Header("access_token")));

        _time.Advance(TimeSpan.FromSeconds(10));
        await factory.GetClient(Oa).GetTagsAsync();
        Assert.Equal(7, store.SaveAttempts.Count); // saved: nothing more to do
    }

    [Fact]
    public async Task An_unsaved_pair_is_never_replaced_by_the_older_stored_pair()
    {
        var store = new FlakyTokenStore(_time) { FailSave = _ => SharingViolation() };
        var refreshes = 0;
        var handler = new StubZaloHandler((r, _) => r.Path switch
        {
            // Zalo's rule: a refresh token works once.
            "/v4/oa/access_token" when r.Body.Contains("refresh_token=refresh-1", StringComparison.Ordinal) && Interlocked.Increment(ref refreshes) == 1
                => StubZaloHandler.Tokens("access-2", "refresh-2"),
            "/v4/oa/access_token" when r.Body.Contains("refresh_token=refresh-2", StringComparison.Ordinal) => StubZaloHandler.Tokens("access-3", "refresh-3"),
            "/v4/oa/access_token" => StubZaloHandler.Json("""{"error":-14014,"error_name":"Invalid refresh token","error_description":"Refresh token is invalid"}"""),
            _ => Tags(),
        });
        var factory = CreateFactory(store, handler);
        _time.Advance(TimeSpan.FromHours(26));
        await Assert.ThrowsAsync<ZaloTokenPersistenceException>(() => Drive(factory.GetClient(Oa).GetTagsAsync()));

        // A forced refresh reads the store (which still holds refresh-1, spent) but refreshes with the unsaved refresh-2.
        var ex = await Assert.ThrowsAsync<ZaloTokenPersistenceException>(() => Drive(factory.Authorization.RefreshAsync(Oa)));

        Assert.Equal(Oa, ex.OaId);
        Assert.Equal(new[] { "refresh-1", "refresh-2" }, handler.To("/access_token").Select(r => r.Body.Contains("refresh-1", StringComparison.Ordinal) ? "refresh-1" : "refresh-2"));
        await factory.GetClient(Oa).GetTagsAsync();
        Assert.Equal("access-3", Assert.Single(handler.To("/tag")).Header("access_token"));
        Assert.Equal(2, handler.To("/access_token").Count);
    }

    [Fact]
    public async Task An_oa_authorized_again_elsewhere_wins_over_an_unsaved_pair()
    {
        var failing = true;
        var store = new FlakyTokenStore(_time) { FailSave = _ => failing ? SharingViolation() : null };
        var (factory, handler) = Create(store);
        _time.Advance(TimeSpan.FromHours(26));
        await Assert.ThrowsAsync<ZaloTokenPersistenceException>(() => Drive(factory.GetClient(Oa).GetTagsAsync()));

        // Another process authorizes the OA again, after the unsaved pair was issued; then the store recovers.
        _time.Advance(TimeSpan.FromSeconds(5));
        var now = _time.GetUtcNow();
        await store.Inner.SaveAsync(Oa, new ZaloTokenSet("access-9", "refresh-9", now.AddHours(25), now.AddDays(90), now));
        failing = false;
        _time.Advance(TimeSpan.FromSeconds(10));
        await factory.GetClient(Oa).GetTagsAsync();
        await factory.GetClient(Oa).GetTagsAsync();

        Assert.Equal("refresh-9", (await store.Inner.GetAsync(Oa))!.RefreshToken); // not overwritten by the older unsaved pair
        Assert.Equal(new[] { "access-9", "access-9" }, handler.To("/tag").Select(r => r.Header("access_token")));
        Assert.Contains(_logs.GetSnapshot(), r => r.Message.Contains("authorized again", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_code_exchange_whose_save_fails_keeps_the_pair_in_use()
    {
        var store = new FlakyTokenStore(_time) { FailSave = _ => SharingViolation() };
        var handler = new StubZaloHandler((r, _) => r.Path == "/v4/oa/access_token" ? StubZaloHandler.Tokens("access-7", "refresh-7") : Tags());
        var factory = CreateFactory(store, handler);
        var request = factory.Authorization.CreateAuthorizationRequest(new Uri("https://portal.example/cb"));

        var ex = await Assert.ThrowsAsync<ZaloTokenPersistenceException>(() => Drive(factory.Authorization.ExchangeCodeAsync("oa-2", "code-1", request.CodeVerifier)));

        Assert.Equal("oa-2", ex.OaId);
        Assert.Equal(5, store.SaveAttempts.Count);
        await factory.GetClient("oa-2").GetTagsAsync();
        Assert.Equal("access-7", Assert.Single(handler.To("/tag")).Header("access_token"));
        Assert.Single(handler.To("/access_token"));
    }

    private (ZaloClientFactory Factory, StubZaloHandler Handler) Create(FlakyTokenStore store)
    {
        var handler = new StubZaloHandler((r, _) => r.Path switch
        {
            "/v4/oa/access_token" => StubZaloHandler.Tokens("access-2", "refresh-2"),
            "/v3.0/oa/message/cs" => StubZaloHandler.Json($$$$"""{"error":0,"message":"Success","data":{"message_id":"msg-1","user_id":"{{{{User}}}}"}}"""),
            _ => Tags(),
        });
        return (CreateFactory(store, handler), handler);
    }

    private ZaloClientFactory CreateFactory(FlakyTokenStore store, StubZaloHandler handler)
    {
        store.Inner.SaveAsync(Oa, new ZaloTokenSet("access-1", "refresh-1", Now.AddHours(25), Now.AddDays(90), Now)).GetAwaiter().GetResult();
        var options = new ZaloClientOptions
        {
            AppId = "app-1",
            AppSecret = "app-secret-VALUE-123",
            OpenApiBaseUrl = new Uri("http://openapi.test/"),
            OAuthBaseUrl = new Uri("http://oauth.test/"),
        };
        return new ZaloClientFactory(options, store, _time, _loggerFactory, handler);
    }

    private static HttpResponseMessage Tags() => StubZaloHandler.Json("""{"error":0,"message":"Success","data":["thon-1"]}""");

    private static IOException SharingViolation() => new("The process cannot access the file because it is being used by another process.");

    /// <summary>Moves the fake clock on in small steps until the call is done, so backoff waits pass on the fake clock.</summary>
    private async Task<T> Drive<T>(Task<T> call)
    {
        for (var i = 0; i < 2_000 && !call.IsCompleted; i++)
        {
            await Task.Delay(1);
            _time.Advance(TimeSpan.FromMilliseconds(10));
        }

        return await call;
    }

    private static void AssertGap(DateTimeOffset first, DateTimeOffset second, TimeSpan expected)
    {
        var gap = second - first;
        Assert.True(gap >= expected && gap < expected + expected, $"expected a wait of {expected.TotalMilliseconds} ms on the clock, saw {gap.TotalMilliseconds} ms");
    }

    /// <summary>An in-memory store whose saves fail as a test says, recording when each save was attempted.</summary>
    private sealed class FlakyTokenStore : IZaloTokenStore
    {
        private readonly TimeProvider _time;
        private readonly List<DateTimeOffset> _saveAttempts = new();

        public FlakyTokenStore(TimeProvider time) => _time = time;

        public InMemoryZaloTokenStore Inner { get; } = new();

        /// <summary>Given the save attempt number (from 1), the exception to throw, or null to save.</summary>
        public Func<int, Exception?> FailSave { get; init; } = _ => null;

        public IReadOnlyList<DateTimeOffset> SaveAttempts
        {
            get
            {
                lock (_saveAttempts)
                {
                    return _saveAttempts.ToArray();
                }
            }
        }

        public Task<ZaloTokenSet?> GetAsync(string oaId, CancellationToken cancellationToken = default) => Inner.GetAsync(oaId, cancellationToken);

        public Task SaveAsync(string oaId, ZaloTokenSet tokens, CancellationToken cancellationToken = default)
        {
            int attempt;
            lock (_saveAttempts)
            {
                _saveAttempts.Add(_time.GetUtcNow());
                attempt = _saveAttempts.Count;
            }

            return FailSave(attempt) is { } failure ? Task.FromException(failure) : Inner.SaveAsync(oaId, tokens, cancellationToken);
        }

        public Task<IAsyncDisposable> LockAsync(string oaId, CancellationToken cancellationToken = default) => Inner.LockAsync(oaId, cancellationToken);
    }
}
