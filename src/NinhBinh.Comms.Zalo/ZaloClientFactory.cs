using System;
using System.Collections.Concurrent;
using System.Net.Http;
using System.Threading;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NinhBinh.Comms.Internal;
using NinhBinh.Comms.Zalo.Internal;

namespace NinhBinh.Comms.Zalo;

/// <summary>
/// Creates Zalo clients without dependency injection (console tools, .NET Framework portals). With DI, use
/// <c>services.AddZaloOfficialAccount(...)</c> and inject <see cref="IZaloClientFactory"/> instead.
/// </summary>
/// <example>
/// <code>
/// using var factory = new ZaloClientFactory(new ZaloClientOptions { AppId = "…", AppSecret = "…", TokenStorePath = "/var/lib/nbcomms/zalo" });
/// var oa = factory.GetClient("1234567890");
/// await oa.SendTextAsync("8451234567890123456", "Xin chào!");
/// </code>
/// </example>
public sealed class ZaloClientFactory : IZaloClientFactory, IDisposable
{
    private readonly ConcurrentDictionary<string, ZaloOfficialAccountClient> _clients = new(StringComparer.Ordinal);
    private readonly ZaloClientCore _core;
    private readonly HttpMessageHandler? _ownedHandler;
    private readonly HttpClient? _ownedOpenApi;
    private readonly HttpClient? _ownedOAuth;
    private readonly HttpClient? _ownedBusiness;
    private readonly HttpMessageHandler? _ownedInnerHandler;
    private readonly ZaloRequestRateLimiter? _ownedLimiter;
    private int _disposed;

    /// <summary>Creates a factory with its own HTTP pipeline.</summary>
    /// <param name="options">The settings (copied and checked).</param>
    /// <param name="tokenStore">The token store; from <see cref="ZaloClientOptions.TokenStorePath"/> (file) or in memory when <see langword="null"/>.</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <param name="loggerFactory">Logging; none when <see langword="null"/>.</param>
    /// <param name="primaryHandler">The innermost HTTP handler (for tests); a pooled socket handler when <see langword="null"/>. Not disposed by the factory.</param>
    /// <exception cref="ArgumentException">The options are invalid; the message lists every problem.</exception>
    public ZaloClientFactory(ZaloClientOptions options, IZaloTokenStore? tokenStore = null, TimeProvider? timeProvider = null,
        ILoggerFactory? loggerFactory = null, HttpMessageHandler? primaryHandler = null)
    {
        var settings = CheckOptions(options);
        var time = timeProvider ?? TimeProvider.System;
        var logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("NinhBinh.Comms.Zalo");
        var limiter = new ZaloRequestRateLimiter(settings.RequestsPerMinute, ZaloRequestRateLimiter.DefaultWindow, time);
        var inner = primaryHandler ?? CreateSocketsHandler();
        _ownedHandler = new ZaloHttpHandler(limiter, settings.Retry, settings.RequestTimeout, time, logger) { InnerHandler = inner };
        _ownedOpenApi = new HttpClient(_ownedHandler, disposeHandler: false) { BaseAddress = settings.OpenApiBaseUrl, Timeout = Timeout.InfiniteTimeSpan };
        _ownedOAuth = new HttpClient(_ownedHandler, disposeHandler: false) { BaseAddress = settings.OAuthBaseUrl, Timeout = Timeout.InfiniteTimeSpan };
        _ownedBusiness = new HttpClient(_ownedHandler, disposeHandler: false) { BaseAddress = settings.BusinessApiBaseUrl, Timeout = Timeout.InfiniteTimeSpan };
        _core = CreateCore(settings, tokenStore ?? CreateStore(settings), time, logger, _ownedOpenApi, _ownedOAuth, _ownedBusiness);
        Authorization = new ZaloAuthorizationClient(_core);
        _ownedInnerHandler = primaryHandler is null ? inner : null;
        _ownedLimiter = limiter;
    }

    internal ZaloClientFactory(ZaloClientOptions settings, IZaloTokenStore tokenStore, TimeProvider time, ILogger logger, HttpClient openApi, HttpClient oauth, HttpClient business)
    {
        _core = CreateCore(settings, tokenStore, time, logger, openApi, oauth, business);
        Authorization = new ZaloAuthorizationClient(_core);
    }

    /// <inheritdoc />
    public ZaloAuthorizationClient Authorization { get; }

    /// <inheritdoc />
    public IZaloTokenStore TokenStore => _core.Tokens.Store;

    /// <inheritdoc />
    public ZaloOfficialAccountClient GetClient(string oaId)
    {
        ZaloIds.CheckOaId(oaId, nameof(oaId));
        if (Volatile.Read(ref _disposed) != 0)
        {
            throw new ObjectDisposedException(nameof(ZaloClientFactory));
        }

        return _clients.GetOrAdd(oaId, id => new ZaloOfficialAccountClient(id, _core));
    }

    /// <summary>Releases the HTTP pipeline this factory created.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _ownedOpenApi?.Dispose();
        _ownedOAuth?.Dispose();
        _ownedBusiness?.Dispose();
        _ownedHandler?.Dispose();
        _ownedInnerHandler?.Dispose();
        _ownedLimiter?.Dispose();
    }

    internal static ZaloClientOptions CheckOptions(ZaloClientOptions options)
    {
        Guard.NotNull(options);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException("The Zalo options are invalid: " + string.Join(" ", problems), nameof(options));
        }

        return options.Clone();
    }

    internal static IZaloTokenStore CreateStore(ZaloClientOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.TokenStoreConnectionString))
        {
            // A PostgreSQL store needs its package: falling back to a file or memory store would let two servers refresh
            // the same OA and destroy the grant.
            throw new ArgumentException(
                $"{ZaloClientOptions.SectionName}:{nameof(ZaloClientOptions.TokenStoreConnectionString)} is set, but no PostgreSQL token store is registered: "
                + "add the NinhBinh.Comms.Zalo.PostgreSql package and call services.AddZaloPostgreSqlStores(), or pass a PostgreSqlZaloTokenStore.", nameof(options));
        }

        return string.IsNullOrWhiteSpace(options.TokenStorePath) ? new InMemoryZaloTokenStore() : new FileZaloTokenStore(options.TokenStorePath!);
    }

    private static ZaloClientCore CreateCore(ZaloClientOptions settings, IZaloTokenStore store, TimeProvider time, ILogger logger, HttpClient openApi, HttpClient oauth, HttpClient business)
    {
        var oauthCalls = new ZaloOAuthCalls(ZaloApiFactory.CreateOAuth(oauth), settings, time);
        var tokens = new ZaloTokenManager(store, oauthCalls, settings, time, logger);
        return new ZaloClientCore(settings, ZaloApiFactory.CreateOpenApi(openApi), tokens, oauthCalls, time, logger, ZaloApiFactory.CreateBusiness(business));
    }

#pragma warning disable CA1859 // The concrete handler differs per target framework.
    private static HttpMessageHandler CreateSocketsHandler()
    {
#if NET
        return new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), MaxConnectionsPerServer = 64 };
#else
        return new HttpClientHandler();
#endif
    }
#pragma warning restore CA1859
}
