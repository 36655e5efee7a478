using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using NinhBinh.Comms.Internal;

namespace NinhBinh.Comms.Zalo.Internal;

/// <summary>
/// The token lifecycle of every OA of one app: proactive refresh before expiry, single-flight refresh per OA within
/// the process (a semaphore) and across processes sharing the store (the store's lock), and one refresh after Zalo
/// rejects a token. A new pair is kept in memory before it is saved, so a failing store never loses it.
/// </summary>
/// <remarks>
/// Once Zalo has answered a refresh, the old refresh token is spent and the new pair is the only way to the grant. The
/// pair is therefore put in use first, then saved under the store's lock with <see cref="SaveAttempts"/> attempts and
/// exponential backoff from <see cref="FirstSaveRetryDelay"/>. If every attempt fails, the caller gets a
/// <see cref="ZaloTokenPersistenceException"/> and an error is logged, but the pair stays in use ("unsaved") for this
/// process: no later call spends a refresh token again for it, a store read never replaces it with the older stored
/// pair, and saving it is tried again on later calls (at most every <see cref="UnsavedRetryInterval"/>, and first
/// thing in any refresh) until it succeeds.
/// </remarks>
internal sealed class ZaloTokenManager
{
    /// <summary>Attempts to save a new pair before giving up and reporting it.</summary>
    internal const int SaveAttempts = 5;

    /// <summary>The wait after the first failed save; doubled after each further failure (100, 200, 400, 800 ms).</summary>
    internal static readonly TimeSpan FirstSaveRetryDelay = TimeSpan.FromMilliseconds(100);

    /// <summary>How often later calls try again to save a pair the store refused.</summary>
    internal static readonly TimeSpan UnsavedRetryInterval = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.Ordinal);

    // The last pair seen per OA, so a fresh token costs no store read. A pair another process replaced is found out
    // when Zalo rejects the old token: the rejection path re-reads the store before it refreshes.
    private readonly ConcurrentDictionary<string, ZaloTokenSet> _cache = new(StringComparer.Ordinal);

    // Pairs in use that the store has not saved. The store still holds the pair they replaced, whose refresh token is
    // spent: they win over any store read (unless the OA was authorized again since) and are saved again later.
    private readonly ConcurrentDictionary<string, UnsavedPair> _unsaved = new(StringComparer.Ordinal);
    private readonly IZaloTokenStore _store;
    private readonly string _storeName;
    private readonly ZaloOAuthCalls _oauth;
    private readonly ZaloClientOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public ZaloTokenManager(IZaloTokenStore store, ZaloOAuthCalls oauth, ZaloClientOptions options, TimeProvider time, ILogger logger)
    {
        _store = store;
        _storeName = store is FileZaloTokenStore file ? $"the file token store at {file.Directory}" : "the token store " + store.GetType().Name;
        _oauth = oauth;
        _options = options;
        _time = time;
        _logger = logger;
    }

    public IZaloTokenStore Store => _store;

    /// <summary>
    /// Keeps a pair from a code exchange: in use at once, then saved (with the same retries as a refreshed pair).
    /// </summary>
    /// <exception cref="ZaloTokenPersistenceException">Every save failed; the pair is kept in memory and saved later.</exception>
    public async Task StoreGrantAsync(string oaId, ZaloTokenSet tokens)
    {
        var gate = Gate(oaId);
        await gate.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            var unsaved = Use(oaId, tokens);
            await SaveNewPairAsync(oaId, unsaved).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>A usable access token: the stored one while it is fresh, otherwise a refreshed one.</summary>
    public ValueTask<string> GetAccessTokenAsync(string oaId, CancellationToken cancellationToken)
    {
        if (_cache.TryGetValue(oaId, out var cached) && IsFresh(cached))
        {
            return _unsaved.TryGetValue(oaId, out var unsaved) && unsaved.IsDue(_time.GetUtcNow())
                ? new ValueTask<string>(SaveUnsavedThenGetAsync(oaId, cached, cancellationToken))
                : new ValueTask<string>(cached.AccessToken);
        }

        return new ValueTask<string>(ReadOrRefreshAsync(oaId, cancellationToken));
    }

    /// <summary>Zalo rejected <paramref name="rejectedToken"/>: get a newer one (refreshing at most once for all callers).</summary>
    public async Task<string> RefreshAfterRejectionAsync(string oaId, string rejectedToken, CancellationToken cancellationToken)
        => (await RefreshAsync(oaId, rejectedToken, cancellationToken).ConfigureAwait(false)).AccessToken;

    /// <summary>Forces a refresh now (the authorization client's RefreshAsync).</summary>
    public async Task<ZaloTokenSet> ForceRefreshAsync(string oaId, CancellationToken cancellationToken)
    {
        var current = await ReadAsync(oaId, cancellationToken).ConfigureAwait(false);
        return await RefreshAsync(oaId, current.AccessToken, cancellationToken).ConfigureAwait(false);
    }

    private async Task<string> ReadOrRefreshAsync(string oaId, CancellationToken cancellationToken)
    {
        var current = await ReadAsync(oaId, cancellationToken).ConfigureAwait(false);
        return IsFresh(current) ? current.AccessToken : (await RefreshAsync(oaId, rejectedToken: null, cancellationToken).ConfigureAwait(false)).AccessToken;
    }

    /// <summary>The OA's current pair: an unsaved pair of this process if there is one, else the stored pair.</summary>
    private async Task<ZaloTokenSet> ReadAsync(string oaId, CancellationToken cancellationToken)
    {
        if (_unsaved.TryGetValue(oaId, out var unsaved))
        {
            return await ReadOverUnsavedAsync(oaId, unsaved, cancellationToken).ConfigureAwait(false);
        }

        var current = await _store.GetAsync(oaId, cancellationToken).ConfigureAwait(false) ?? throw NotAuthorized(oaId);
        if (_unsaved.TryGetValue(oaId, out unsaved))
        {
            // A refresh of this process finished (unsaved) while the store was read: the read is older than it.
            _cache[oaId] = unsaved.Tokens;
            return unsaved.Tokens;
        }

        _cache[oaId] = current;
        return current;
    }

    /// <summary>
    /// The store may only hold the pair the unsaved one replaced (spent), the unsaved pair itself (a save that reported
    /// a failure but got through) or a newer grant (the OA authorized again elsewhere), which alone wins.
    /// </summary>
    private async Task<ZaloTokenSet> ReadOverUnsavedAsync(string oaId, UnsavedPair unsaved, CancellationToken cancellationToken)
    {
        ZaloTokenSet? stored;
        try
        {
            stored = await _store.GetAsync(oaId, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            stored = null; // the store failing is why the pair is unsaved; the pair in memory is what counts
        }

        if (stored is not null && Supersedes(stored, unsaved.Tokens))
        {
            Forget(oaId, unsaved);
            _cache[oaId] = stored;
            ZaloLog.UnsavedTokensSuperseded(_logger, oaId, _storeName);
            return stored;
        }

        _cache[oaId] = unsaved.Tokens;
        return unsaved.Tokens;
    }

    private async Task<ZaloTokenSet> RefreshAsync(string oaId, string? rejectedToken, CancellationToken cancellationToken)
    {
        var gate = Gate(oaId);
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Another caller in this process may have refreshed while we waited.
            var current = await ReadAsync(oaId, cancellationToken).ConfigureAwait(false);
            if (IsUsable(current, rejectedToken))
            {
                ZaloLog.RefreshJoined(_logger, oaId);
                ZaloTelemetry.CountRefresh("joined");
                return current;
            }

            var held = await _store.LockAsync(oaId, cancellationToken).ConfigureAwait(false);
            try
            {
                // An unsaved pair goes to the store first, so other processes see the live refresh token.
                await TrySaveUnsavedAsync(oaId).ConfigureAwait(false);

                // Another process may have refreshed while we waited for the lock.
                current = await ReadAsync(oaId, cancellationToken).ConfigureAwait(false);
                if (IsUsable(current, rejectedToken))
                {
                    ZaloLog.RefreshJoined(_logger, oaId);
                    ZaloTelemetry.CountRefresh("joined");
                    return current;
                }

                if (current.RefreshTokenExpiresAt <= _time.GetUtcNow())
                {
                    ZaloTelemetry.CountRefresh("expired");
                    throw new ZaloReauthorizationRequiredException(oaId, 0, $"Re-authorization required for OA {oaId}: its refresh token expired at {current.RefreshTokenExpiresAt:O}.");
                }

                // From here on the single-use refresh token is being spent: the caller's cancellation must not stop
                // the exchange half-way, or the new pair would be lost with the old one already consumed.
                ZaloTokenSet fresh;
                try
                {
                    fresh = await _oauth.RefreshAsync(current.RefreshToken, CancellationToken.None).ConfigureAwait(false);
                }
                catch (ZaloException ex) when (ex.Kind == ZaloErrorKind.ReauthorizationRequired || ex.ZaloCode is -14014 or -14005)
                {
                    ZaloLog.RefreshRejected(_logger, oaId, ex.ZaloCode);
                    ZaloTelemetry.CountRefresh("rejected");
                    throw new ZaloReauthorizationRequiredException(oaId, ex.ZaloCode,
                        $"Re-authorization required for OA {oaId}: Zalo refused its refresh token ({ex.ZaloCode} {ex.Meaning}).", ex) { Status = ex.Status };
                }

                // In use before it is saved: whatever the store does now, this process keeps the grant.
                var unsaved = Use(oaId, fresh);
                ZaloLog.TokenRefreshed(_logger, oaId, fresh.AccessTokenExpiresAt);
                ZaloTelemetry.CountRefresh("refreshed");
                await SaveNewPairAsync(oaId, unsaved).ConfigureAwait(false);
                return fresh;
            }
            finally
            {
                await held.DisposeAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Puts a new pair in use and marks it unsaved until the store has it.</summary>
    private UnsavedPair Use(string oaId, ZaloTokenSet tokens)
    {
        var unsaved = new UnsavedPair(tokens);
        _unsaved[oaId] = unsaved;
        _cache[oaId] = tokens;
        return unsaved;
    }

    /// <summary>
    /// Saves a new pair with bounded retries and exponential backoff on the manager's clock (the caller holds the
    /// OA's gate, and for a refresh the store's lock). The caller's cancellation does not apply: the pair must be kept.
    /// </summary>
    /// <exception cref="ZaloTokenPersistenceException">Every attempt failed; the pair stays in use, unsaved.</exception>
    private async Task SaveNewPairAsync(string oaId, UnsavedPair unsaved)
    {
        Exception failure;
        var attempt = 1;
        while (true)
        {
            try
            {
                await _store.SaveAsync(oaId, unsaved.Tokens, CancellationToken.None).ConfigureAwait(false);
                Forget(oaId, unsaved);
                return;
            }
#pragma warning disable CA1031 // Whatever the store throws, the pair must not be lost: retried, then reported.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                failure = ex;
            }

            if (attempt == SaveAttempts)
            {
                break;
            }

            var delay = TimeSpan.FromTicks(FirstSaveRetryDelay.Ticks << (attempt - 1));
            ZaloLog.TokenSaveRetrying(_logger, oaId, _storeName, attempt, SaveAttempts, Describe(failure, unsaved.Tokens), delay);
            await _time.DelayAsync(delay, CancellationToken.None).ConfigureAwait(false);
            attempt++;
        }

        unsaved.Postpone(_time.GetUtcNow() + UnsavedRetryInterval);
        var described = Describe(failure, unsaved.Tokens);
        ZaloLog.TokenSaveFailed(_logger, oaId, _storeName, SaveAttempts, described);
        throw new ZaloTokenPersistenceException(oaId,
            $"The new tokens of OA {oaId} could not be saved in {_storeName} after {SaveAttempts} attempts ({described}). "
            + "This process keeps them in memory and uses them, and tries again to save them on later calls; fix the token store "
            + $"before this process stops, or OA {oaId} must be authorized again.", failure);
    }

    /// <summary>A later call found an unsaved pair due for another save: one attempt, unless a refresh or save is under way.</summary>
    private async Task<string> SaveUnsavedThenGetAsync(string oaId, ZaloTokenSet cached, CancellationToken cancellationToken)
    {
        var gate = Gate(oaId);
        if (!await gate.WaitAsync(0, cancellationToken).ConfigureAwait(false))
        {
            return cached.AccessToken; // a refresh or a save is under way; the pair in memory serves meanwhile
        }

        try
        {
            IAsyncDisposable? held = null;
            try
            {
                held = await _store.LockAsync(oaId, cancellationToken).ConfigureAwait(false);
                await TrySaveUnsavedAsync(oaId).ConfigureAwait(false);
            }
            catch (Exception ex) when (!(ex is OperationCanceledException && cancellationToken.IsCancellationRequested) && _unsaved.TryGetValue(oaId, out var unsaved))
            {
                StillUnsaved(oaId, unsaved, ex);
            }
            finally
            {
                if (held is not null)
                {
                    await held.DisposeAsync().ConfigureAwait(false);
                }
            }
        }
        finally
        {
            gate.Release();
        }

        return _cache.TryGetValue(oaId, out var current) && IsFresh(current)
            ? current.AccessToken
            : await ReadOrRefreshAsync(oaId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One attempt to save the OA's unsaved pair, under the store's lock held by the caller; never throws.</summary>
    private async Task TrySaveUnsavedAsync(string oaId)
    {
        if (!_unsaved.TryGetValue(oaId, out var unsaved))
        {
            return;
        }

        try
        {
            var current = await ReadOverUnsavedAsync(oaId, unsaved, CancellationToken.None).ConfigureAwait(false);
            if (!ReferenceEquals(current, unsaved.Tokens))
            {
                return; // authorized again elsewhere: the newer stored pair is in use, nothing to save
            }

            await _store.SaveAsync(oaId, unsaved.Tokens, CancellationToken.None).ConfigureAwait(false);
            Forget(oaId, unsaved);
            ZaloLog.UnsavedTokensSaved(_logger, oaId, _storeName);
        }
#pragma warning disable CA1031 // A store that still fails leaves the pair unsaved, in use, and reported again.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            StillUnsaved(oaId, unsaved, ex);
        }
    }

    private void StillUnsaved(string oaId, UnsavedPair unsaved, Exception failure)
    {
        var next = _time.GetUtcNow() + UnsavedRetryInterval;
        unsaved.Postpone(next);
        ZaloLog.TokenStillUnsaved(_logger, oaId, _storeName, Describe(failure, unsaved.Tokens), next);
    }

    private void Forget(string oaId, UnsavedPair unsaved)
        => ((ICollection<KeyValuePair<string, UnsavedPair>>)_unsaved).Remove(new KeyValuePair<string, UnsavedPair>(oaId, unsaved));

    private SemaphoreSlim Gate(string oaId) => _gates.GetOrAdd(oaId, _ => new SemaphoreSlim(1, 1));

    /// <summary>A stored pair that is not the unsaved one and was issued after it: the OA was authorized again.</summary>
    private static bool Supersedes(ZaloTokenSet stored, ZaloTokenSet unsaved)
        => stored.IssuedAt > unsaved.IssuedAt && !string.Equals(stored.RefreshToken, unsaved.RefreshToken, StringComparison.Ordinal);

    /// <summary>A store failure for logs and messages: its type and message, with the pair's tokens and anything token-like removed.</summary>
    private static string Describe(Exception failure, ZaloTokenSet tokens)
        => failure.GetType().Name + ": " + Redaction.Scrub(failure.Message, tokens.AccessToken, tokens.RefreshToken);

    private bool IsFresh(ZaloTokenSet tokens) => _time.GetUtcNow() < tokens.AccessTokenExpiresAt - _options.RefreshBeforeExpiry;

    private bool IsUsable(ZaloTokenSet current, string? rejectedToken)
        => rejectedToken is null
            ? IsFresh(current)
            : !string.Equals(current.AccessToken, rejectedToken, StringComparison.Ordinal) && _time.GetUtcNow() < current.AccessTokenExpiresAt;

    private static ZaloReauthorizationRequiredException NotAuthorized(string oaId)
        => new(oaId, 0, $"Re-authorization required for OA {oaId}: no token is stored for it; authorize the OA first.");

    /// <summary>A pair in use that the store has not saved yet, and when a later call may try to save it again.</summary>
    private sealed class UnsavedPair
    {
        private long _nextAttemptUtcTicks = long.MaxValue; // not before the first save has run its retries

        public UnsavedPair(ZaloTokenSet tokens) => Tokens = tokens;

        public ZaloTokenSet Tokens { get; }

        public bool IsDue(DateTimeOffset now) => now.UtcTicks >= Volatile.Read(ref _nextAttemptUtcTicks);

        public void Postpone(DateTimeOffset until) => Volatile.Write(ref _nextAttemptUtcTicks, until.UtcTicks);
    }
}
