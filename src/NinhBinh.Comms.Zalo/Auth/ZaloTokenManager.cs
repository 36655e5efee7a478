using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace NinhBinh.Comms.Zalo.Internal;

/// <summary>
/// The token lifecycle of every OA of one app: proactive refresh before expiry, single-flight refresh per OA within
/// the process (a semaphore) and across processes sharing the store (the store's lock), the new pair persisted
/// before it is used, and one refresh after Zalo rejects a token.
/// </summary>
internal sealed class ZaloTokenManager
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.Ordinal);

    // The last pair seen per OA, so a fresh token costs no store read. A pair another process replaced is found out
    // when Zalo rejects the old token: the rejection path re-reads the store before it refreshes.
    private readonly ConcurrentDictionary<string, ZaloTokenSet> _cache = new(StringComparer.Ordinal);
    private readonly IZaloTokenStore _store;
    private readonly ZaloOAuthCalls _oauth;
    private readonly ZaloClientOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public ZaloTokenManager(IZaloTokenStore store, ZaloOAuthCalls oauth, ZaloClientOptions options, TimeProvider time, ILogger logger)
    {
        _store = store;
        _oauth = oauth;
        _options = options;
        _time = time;
        _logger = logger;
    }

    public IZaloTokenStore Store => _store;

    /// <summary>Records a pair stored by the code exchange, so the next call uses it without a store read.</summary>
    public void Remember(string oaId, ZaloTokenSet tokens) => _cache[oaId] = tokens;

    /// <summary>A usable access token: the stored one while it is fresh, otherwise a refreshed one.</summary>
    public ValueTask<string> GetAccessTokenAsync(string oaId, CancellationToken cancellationToken)
        => _cache.TryGetValue(oaId, out var cached) && IsFresh(cached)
            ? new ValueTask<string>(cached.AccessToken)
            : new ValueTask<string>(ReadOrRefreshAsync(oaId, cancellationToken));

    private async Task<string> ReadOrRefreshAsync(string oaId, CancellationToken cancellationToken)
    {
        var current = await ReadAsync(oaId, cancellationToken).ConfigureAwait(false);
        return IsFresh(current) ? current.AccessToken : await RefreshAsync(oaId, rejectedToken: null, cancellationToken).ConfigureAwait(false);
    }

    private async Task<ZaloTokenSet> ReadAsync(string oaId, CancellationToken cancellationToken)
    {
        var current = await _store.GetAsync(oaId, cancellationToken).ConfigureAwait(false) ?? throw NotAuthorized(oaId);
        _cache[oaId] = current;
        return current;
    }

    /// <summary>Zalo rejected <paramref name="rejectedToken"/>: get a newer one (refreshing at most once for all callers).</summary>
    public Task<string> RefreshAfterRejectionAsync(string oaId, string rejectedToken, CancellationToken cancellationToken)
        => RefreshAsync(oaId, rejectedToken, cancellationToken);

    /// <summary>Forces a refresh now (the authorization client's RefreshAsync).</summary>
    public async Task<ZaloTokenSet> ForceRefreshAsync(string oaId, CancellationToken cancellationToken)
    {
        var current = await ReadAsync(oaId, cancellationToken).ConfigureAwait(false);
        await RefreshAsync(oaId, current.AccessToken, cancellationToken).ConfigureAwait(false);
        return await ReadAsync(oaId, cancellationToken).ConfigureAwait(false);
    }

    private async Task<string> RefreshAsync(string oaId, string? rejectedToken, CancellationToken cancellationToken)
    {
        var gate = _gates.GetOrAdd(oaId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Another caller in this process may have refreshed while we waited.
            var current = await ReadAsync(oaId, cancellationToken).ConfigureAwait(false);
            if (IsUsable(current, rejectedToken))
            {
                ZaloLog.RefreshJoined(_logger, oaId);
                ZaloTelemetry.CountRefresh("joined");
                return current.AccessToken;
            }

            var held = await _store.LockAsync(oaId, cancellationToken).ConfigureAwait(false);
            try
            {
                // Another process may have refreshed while we waited for the lock.
                current = await ReadAsync(oaId, cancellationToken).ConfigureAwait(false);
                if (IsUsable(current, rejectedToken))
                {
                    ZaloLog.RefreshJoined(_logger, oaId);
                    ZaloTelemetry.CountRefresh("joined");
                    return current.AccessToken;
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

                await _store.SaveAsync(oaId, fresh, CancellationToken.None).ConfigureAwait(false);
                _cache[oaId] = fresh;
                ZaloLog.TokenRefreshed(_logger, oaId, fresh.AccessTokenExpiresAt);
                ZaloTelemetry.CountRefresh("refreshed");
                return fresh.AccessToken;
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

    private bool IsFresh(ZaloTokenSet tokens) => _time.GetUtcNow() < tokens.AccessTokenExpiresAt - _options.RefreshBeforeExpiry;

    private bool IsUsable(ZaloTokenSet current, string? rejectedToken)
        => rejectedToken is null
            ? IsFresh(current)
            : !string.Equals(current.AccessToken, rejectedToken, StringComparison.Ordinal) && _time.GetUtcNow() < current.AccessTokenExpiresAt;

    private static ZaloReauthorizationRequiredException NotAuthorized(string oaId)
        => new(oaId, 0, $"Re-authorization required for OA {oaId}: no token is stored for it; authorize the OA first.");
}
