using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Threading;

namespace NinhBinh.Comms.Emulator;

/// <summary>The emulated platform's state and rules, one partial file per resource. Every member is thread-safe (one lock).</summary>
internal sealed partial class ZaloBackend
{
    private readonly object _gate = new();
    private readonly TimeProvider _time;
    private readonly int _rateLimit;
    private readonly TimeSpan _accessTokenLifetime;
    private readonly TimeSpan _refreshTokenLifetime;
    private readonly TimeSpan _codeLifetime;
    private readonly TimeSpan _interactionWindow;
    private readonly TimeSpan _articleProcessingDelay;
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
        _articleProcessingDelay = options.ArticleProcessingDelay;
    }

    public int TotalRequests => Volatile.Read(ref _totalRequests);

    public int RateLimitedResponses => Volatile.Read(ref _rateLimited);

    public DateTimeOffset Now => _time.GetUtcNow();

    public TimeProvider Time => _time;

    public void CountRequest() => Interlocked.Increment(ref _totalRequests);

    // ---- helpers (call with the lock held) ------------------------------------------------------------------

    private AppRecord RequireApp(string appId) =>
        _apps.TryGetValue(appId, out var app) ? app : throw new InvalidOperationException($"App '{appId}' is not registered.");

    private OaRecord RequireOa(string oaId) =>
        _oas.TryGetValue(oaId, out var oa) ? oa : throw new InvalidOperationException($"Official account '{oaId}' is not registered.");

    private static string NewSecret(int bytes) => System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(bytes));
}
