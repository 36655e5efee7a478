using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;

namespace NinhBinh.Comms.Emulator;

/// <summary>The emulated platform's state and rules. Every member is thread-safe (one lock).</summary>
internal sealed partial class ZaloBackend
{
    private readonly object _gate = new();
    private readonly TimeProvider _time;
    private readonly int _rateLimit;
    private readonly TimeSpan _accessTokenLifetime;
    private readonly TimeSpan _refreshTokenLifetime;
    private readonly TimeSpan _codeLifetime;
    private readonly TimeSpan _interactionWindow;
    private readonly Dictionary<string, AppRecord> _apps = new(StringComparer.Ordinal);
    private readonly Dictionary<string, OaRecord> _oas = new(StringComparer.Ordinal);
    private readonly List<OaRecord> _oaOrder = [];
    private readonly Dictionary<string, AccessTokenRecord> _accessTokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RefreshTokenRecord> _refreshTokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CodeRecord> _codes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Queue<(Fault Fault, int Remaining)>> _faults = new(StringComparer.OrdinalIgnoreCase);
    private int _totalRequests;
    private int _rateLimited;

    public ZaloBackend(ZaloEmulatorOptions options)
    {
        _time = options.TimeProvider ?? TimeProvider.System;
        _rateLimit = options.RateLimitPerMinute;
        _accessTokenLifetime = options.AccessTokenLifetime;
        _refreshTokenLifetime = options.RefreshTokenLifetime;
        _codeLifetime = options.AuthorizationCodeLifetime;
        _interactionWindow = options.InteractionWindow;
    }

    public int TotalRequests => Volatile.Read(ref _totalRequests);

    public int RateLimitedResponses => Volatile.Read(ref _rateLimited);

    public DateTimeOffset Now => _time.GetUtcNow();

    public void CountRequest() => Interlocked.Increment(ref _totalRequests);

    // ---- seeding -------------------------------------------------------------------------------------------

    public void RegisterApp(string appId, string appSecret, string? redirectUri)
    {
        lock (_gate)
        {
            if (_apps.TryGetValue(appId, out var app))
            {
                app.Secret = appSecret;
                app.RedirectUri = redirectUri;
            }
            else
            {
                _apps[appId] = new AppRecord(appId, appSecret, redirectUri);
            }
        }
    }

    public void AddOfficialAccount(string oaId, string name, int oaType, string? appId)
    {
        lock (_gate)
        {
            if (_oas.TryGetValue(oaId, out var oa))
            {
                oa.Name = name;
                oa.OaType = oaType;
                oa.AppId = appId ?? oa.AppId;
            }
            else
            {
                oa = new OaRecord(oaId, name, oaType, appId);
                _oas[oaId] = oa;
                _oaOrder.Add(oa);
            }
        }
    }

    public void AddFollower(string oaId, string userId, string? displayName, DateTimeOffset? lastInteraction, string[] tags)
    {
        lock (_gate)
        {
            var oa = RequireOa(oaId);
            var user = GetOrCreateUser(oa, userId);
            user.IsFollower = true;
            if (displayName is not null)
            {
                user.DisplayName = displayName;
            }

            if (lastInteraction is { } at)
            {
                user.LastInteraction = at;
                user.ConsultationsSinceInteraction = 0;
            }

            foreach (var tag in tags ?? [])
            {
                if (!string.IsNullOrEmpty(tag) && !user.Tags.Contains(tag, StringComparer.Ordinal))
                {
                    user.Tags.Add(tag);
                }

                if (!string.IsNullOrEmpty(tag))
                {
                    oa.AddTag(tag);
                }
            }
        }
    }

    public void RecordInteraction(string oaId, string userId, DateTimeOffset at)
    {
        lock (_gate)
        {
            var user = GetOrCreateUser(RequireOa(oaId), userId);
            user.LastInteraction = at;
            user.ConsultationsSinceInteraction = 0;
        }
    }

    public string IssueAuthorizationCode(string appId, string oaId, string codeChallenge)
    {
        lock (_gate)
        {
            RequireApp(appId);
            RequireOa(oaId);
            return IssueCodeLocked(appId, oaId, codeChallenge ?? string.Empty);
        }
    }

    public (string AccessToken, string RefreshToken) IssueTokens(string appId, string oaId)
    {
        lock (_gate)
        {
            RequireApp(appId);
            return IssueTokensLocked(appId, RequireOa(oaId));
        }
    }

    public int GetRefreshCount(string oaId)
    {
        lock (_gate)
        {
            return _oas.TryGetValue(oaId, out var oa) ? oa.RefreshCount : 0;
        }
    }

    public IReadOnlyList<EmulatedMessage> GetSentMessages(string oaId)
    {
        lock (_gate)
        {
            return _oas.TryGetValue(oaId, out var oa) ? oa.Messages.ToArray() : [];
        }
    }

    // ---- faults --------------------------------------------------------------------------------------------

    public void AddFault(string path, Fault fault, int times)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(times);
        var key = NormalizePath(path);
        lock (_gate)
        {
            if (!_faults.TryGetValue(key, out var queue))
            {
                queue = new Queue<(Fault, int)>();
                _faults[key] = queue;
            }

            queue.Enqueue((fault, times));
        }
    }

    public Fault? TakeFault(string path)
    {
        var key = NormalizePath(path);
        lock (_gate)
        {
            if (!_faults.TryGetValue(key, out var queue) || queue.Count == 0)
            {
                return null;
            }

            var (fault, remaining) = queue.Dequeue();
            if (remaining > 1)
            {
                // Put it back at the front: rebuild the queue (rare, tiny).
                var rest = queue.ToArray();
                queue.Clear();
                queue.Enqueue((fault, remaining - 1));
                foreach (var item in rest)
                {
                    queue.Enqueue(item);
                }
            }

            return fault;
        }
    }

    private static string NormalizePath(string path)
    {
        var trimmed = path.Trim();
        if (!trimmed.StartsWith('/'))
        {
            trimmed = "/" + trimmed;
        }

        return trimmed.Length > 1 ? trimmed.TrimEnd('/') : trimmed;
    }

    // ---- authentication of OpenAPI and business requests ----------------------------------------------------

    /// <summary>Rate limit, then token, then appsecret_proof. Null when the request may proceed (Grant set).</summary>
    public Reply? Authenticate(ApiRequest request, Surface surface)
    {
        var token = request.Headers["access_token"].ToString();
        var now = Now;
        lock (_gate)
        {
            _accessTokens.TryGetValue(token, out var grant);
            if (grant is not null && _apps.TryGetValue(grant.AppId, out var app))
            {
                var window = app.Window;
                var start = now - TimeSpan.FromSeconds(60);
                while (window.Count > 0 && window.Peek() <= start)
                {
                    window.Dequeue();
                }

                if (window.Count >= _rateLimit)
                {
                    _rateLimited++;
                    return Json.Error(-32, "The request rate of this app exceeded the limit");
                }

                window.Enqueue(now);
            }

            if (grant is null || grant.Revoked)
            {
                return surface == Surface.Business
                    ? Json.Error(-124, "Access token is invalid")
                    : Json.Error(-216, "Access token is invalid");
            }

            if (now >= grant.ExpiresAt)
            {
                return surface == Surface.Business
                    ? Json.Error(-124, "Access token has expired")
                    : Json.Error(-220, "Access token has expired");
            }

            var proof = request.Headers["appsecret_proof"].ToString();
            if (proof.Length > 0)
            {
                var expected = AppSecretProof(_apps[grant.AppId].Secret, token);
                if (!string.Equals(proof, expected, StringComparison.Ordinal))
                {
                    return Json.Error(-242, "appsecret_proof is invalid");
                }
            }

            request.Grant = grant;
            return null;
        }
    }

    internal static string AppSecretProof(string secret, string accessToken) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(accessToken)));

    // ---- helpers (call with the lock held) ------------------------------------------------------------------

    private AppRecord RequireApp(string appId) =>
        _apps.TryGetValue(appId, out var app) ? app : throw new InvalidOperationException($"App '{appId}' is not registered.");

    private OaRecord RequireOa(string oaId) =>
        _oas.TryGetValue(oaId, out var oa) ? oa : throw new InvalidOperationException($"Official account '{oaId}' is not registered.");

    private static UserRecord GetOrCreateUser(OaRecord oa, string userId)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        if (!oa.UsersById.TryGetValue(userId, out var user))
        {
            user = new UserRecord(userId, DefaultName(userId));
            oa.UsersById[userId] = user;
            oa.Users.Add(user);
        }

        return user;
    }

    private static string DefaultName(string userId) => "Người dùng " + (userId.Length > 4 ? userId[^4..] : userId);

    private string IssueCodeLocked(string appId, string oaId, string challenge)
    {
        var code = NewSecret(32);
        _codes[code] = new CodeRecord(appId, oaId, challenge, Now + _codeLifetime);
        return code;
    }

    private (string AccessToken, string RefreshToken) IssueTokensLocked(string appId, OaRecord oa)
    {
        var now = Now;
        var access = NewSecret(48);
        var refresh = NewSecret(48);
        _accessTokens[access] = new AccessTokenRecord(access, appId, oa.OaId, now + _accessTokenLifetime);
        _refreshTokens[refresh] = new RefreshTokenRecord(appId, oa.OaId, now + _refreshTokenLifetime);
        oa.AccessTokens.Add(access);
        return (access, refresh);
    }

    private static string NewSecret(int bytes) => System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(bytes));

    private static string NewMessageId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
