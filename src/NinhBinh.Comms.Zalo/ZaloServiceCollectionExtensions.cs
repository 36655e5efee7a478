using System;
using System.Threading;
using Microsoft.Extensions.Configuration;
using System.Net.Http;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NinhBinh.Comms.Internal;
using NinhBinh.Comms.Zalo;
using NinhBinh.Comms.Zalo.Internal;

#pragma warning disable IDE0130 // Extension methods live in the DI namespace, as Microsoft's do.
namespace Microsoft.Extensions.DependencyInjection;
#pragma warning restore IDE0130

/// <summary>Registers the Zalo client with dependency injection.</summary>
public static class ZaloServiceCollectionExtensions
{
    /// <summary>The name of the HttpClient the Zalo clients use; chain your own handlers on the returned builder.</summary>
    public const string HttpClientName = "NinhBinh.Comms.Zalo";

    /// <summary>
    /// Registers <see cref="IZaloClientFactory"/> (and <see cref="ZaloOfficialAccountClient"/> as a keyed service, key =
    /// OA id) with settings from a configuration section: <c>AppId</c>, <c>AppSecret</c>, <c>OaSecretKey</c>,
    /// <c>OpenApiBaseUrl</c>, <c>OAuthBaseUrl</c>, <c>BusinessApiBaseUrl</c>, <c>TokenStorePath</c>, <c>TokenStoreConnectionString</c> (with <c>AddZaloPostgreSqlStores</c>), <c>DefaultOaId</c>,
    /// <c>CodeVerifier</c>, <c>UseAppSecretProof</c>, <c>RequestsPerMinute</c>, <c>RequestTimeout</c>,
    /// <c>RefreshBeforeExpiry</c>, <c>Retry:Enabled|MaxRetries|BaseDelay|MaxDelay</c>. Settings are validated when the host starts.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The configuration root (its <c>Zalo</c> section is read) or the section itself.</param>
    /// <returns>The builder of the HttpClient the Zalo clients use.</returns>
    public static IHttpClientBuilder AddZaloOfficialAccount(this IServiceCollection services, IConfiguration configuration)
    {
        Guard.NotNull(configuration);
        var section = configuration is IConfigurationSection s && s.Key == ZaloClientOptions.SectionName ? s : configuration.GetSection(ZaloClientOptions.SectionName);
        return services.AddZaloOfficialAccount(options => Bind(section, options));
    }

    /// <summary>Registers <see cref="IZaloClientFactory"/> with settings set in code. Settings are validated when the host starts.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The builder of the HttpClient the Zalo clients use.</returns>
    public static IHttpClientBuilder AddZaloOfficialAccount(this IServiceCollection services, Action<ZaloClientOptions> configure)
    {
        Guard.NotNull(services);
        Guard.NotNull(configure);
        services.AddOptions<ZaloClientOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ZaloClientOptions>, ZaloClientOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IZaloTokenStore>(sp => ZaloClientFactory.CreateStore(sp.GetRequiredService<IOptions<ZaloClientOptions>>().Value));
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<ZaloClientOptions>>().Value;
            return new ZaloRequestRateLimiter(options.RequestsPerMinute, ZaloRequestRateLimiter.DefaultWindow, sp.GetRequiredService<TimeProvider>());
        });
        services.TryAddSingleton<IZaloClientFactory>(sp =>
        {
            var options = ZaloClientFactory.CheckOptions(sp.GetRequiredService<IOptions<ZaloClientOptions>>().Value);
            var http = sp.GetRequiredService<IHttpClientFactory>();
            var logger = (sp.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance).CreateLogger("NinhBinh.Comms.Zalo");
            var openApi = http.CreateClient(HttpClientName);
            openApi.BaseAddress = options.OpenApiBaseUrl;
            var oauth = http.CreateClient(HttpClientName);
            oauth.BaseAddress = options.OAuthBaseUrl;
            var business = http.CreateClient(HttpClientName);
            business.BaseAddress = options.BusinessApiBaseUrl;
            return new ZaloClientFactory(options, sp.GetRequiredService<IZaloTokenStore>(), sp.GetRequiredService<TimeProvider>(), logger, openApi, oauth, business);
        });
        services.TryAddKeyedTransient<ZaloOfficialAccountClient>(KeyedService.AnyKey,
            (sp, key) => sp.GetRequiredService<IZaloClientFactory>().GetClient(key as string ?? throw new ArgumentException("The key of a ZaloOfficialAccountClient is its OA id (a string).")));

        return services.AddHttpClient(HttpClientName)
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .AddHttpMessageHandler(sp =>
            {
                var options = sp.GetRequiredService<IOptions<ZaloClientOptions>>().Value;
                var logger = (sp.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance).CreateLogger("NinhBinh.Comms.Zalo");
                return new ZaloHttpHandler(sp.GetRequiredService<ZaloRequestRateLimiter>(), options.Retry, options.RequestTimeout, sp.GetRequiredService<TimeProvider>(), logger);
            });
    }

    /// <summary>
    /// Binds with the configuration-binding source generator (no reflection: trimming- and AOT-safe). A value that
    /// does not convert becomes an <see cref="OptionsValidationException"/> naming its key, like every other problem.
    /// </summary>
    private static void Bind(IConfigurationSection section, ZaloClientOptions options)
    {
        try
        {
            section.Bind(options);
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException or OverflowException)
        {
            throw new OptionsValidationException(ZaloClientOptions.SectionName, typeof(ZaloClientOptions), new[] { BindingProblem(section, ex) });
        }
    }

    /// <summary>
    /// The binder's message names the value, the key (<c>Zalo:RequestsPerMinute</c>) and the type. The secrets are
    /// strings, which always convert, so a secret never reaches it.
    /// </summary>
    private static string BindingProblem(IConfigurationSection section, Exception ex)
        => ex.Message.IndexOf(section.Path, StringComparison.OrdinalIgnoreCase) >= 0 ? ex.Message : $"{section.Path}: {ex.Message}";

    private sealed class ZaloClientOptionsValidator : IValidateOptions<ZaloClientOptions>
    {
        public ValidateOptionsResult Validate(string? name, ZaloClientOptions options)
        {
            var problems = options.Validate();
            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }
    }
}
