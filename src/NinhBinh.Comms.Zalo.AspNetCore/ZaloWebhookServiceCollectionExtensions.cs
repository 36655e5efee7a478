using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NinhBinh.Comms.Zalo;
using NinhBinh.Comms.Zalo.AspNetCore;

#pragma warning disable IDE0130 // Extension methods live in the DI namespace, as Microsoft's do.
namespace Microsoft.Extensions.DependencyInjection;
#pragma warning restore IDE0130

/// <summary>Registers the Zalo webhook endpoint's services and event handlers.</summary>
public static class ZaloWebhookServiceCollectionExtensions
{
    /// <summary>
    /// Registers the webhook services with settings from configuration: <c>Zalo:AppId</c>, the secret named by
    /// <c>Zalo:Webhook:SecretSource</c> (<c>OaSecretKey</c>, the default: <c>Zalo:OaSecretKey</c>; or <c>AppSecret</c>:
    /// <c>Zalo:AppSecret</c>), <c>Zalo:Webhook:ReplayWindow</c>, <c>MaxBodyBytes</c>, <c>QueueCapacity</c>,
    /// <c>MaxConcurrency</c>, <c>RetryDelays</c> (comma-separated times). Settings are validated when the host starts.
    /// The dedupe store is an <see cref="InMemoryZaloWebhookDedupeStore"/> unless an <see cref="IZaloWebhookDedupeStore"/> is registered.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The configuration root (its <c>Zalo</c> section is read).</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddZaloWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services.AddZaloWebhooks(options => Bind(configuration, options));
    }

    /// <summary>Registers the webhook services with settings set in code. Settings are validated when the host starts.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options (app id and secret in <see cref="ZaloWebhookEndpointOptions.Verification"/>).</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddZaloWebhooks(this IServiceCollection services, Action<ZaloWebhookEndpointOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<ZaloWebhookEndpointOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ZaloWebhookEndpointOptions>, Validator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<IZaloWebhookDedupeStore>(sp => new InMemoryZaloWebhookDedupeStore(sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new ZaloWebhookVerifier(sp.GetRequiredService<IOptions<ZaloWebhookEndpointOptions>>().Value.Verification, sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new ZaloWebhookReceiver(sp.GetRequiredService<ZaloWebhookVerifier>(), sp.GetRequiredService<IZaloWebhookDedupeStore>()));
        services.TryAddSingleton(sp => new ZaloWebhookQueue(sp.GetRequiredService<IOptions<ZaloWebhookEndpointOptions>>().Value));
        services.TryAddSingleton(sp => new ZaloWebhookMetrics(sp.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), sp.GetRequiredService<ZaloWebhookQueue>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, ZaloWebhookWorker>());
        return services;
    }

    /// <summary>Registers a handler of one event type (scoped: one instance per event).</summary>
    /// <typeparam name="TEvent">The event type, or <see cref="ZaloWebhookEvent"/> for every event.</typeparam>
    /// <typeparam name="THandler">The handler.</typeparam>
    /// <param name="services">The services.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddZaloEventHandler<TEvent, [System.Diagnostics.CodeAnalysis.DynamicallyAccessedMembers(System.Diagnostics.CodeAnalysis.DynamicallyAccessedMemberTypes.PublicConstructors)] THandler>(this IServiceCollection services)
        where TEvent : ZaloWebhookEvent
        where THandler : class, IZaloEventHandler<TEvent>
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IZaloEventHandler<TEvent>, THandler>());
        return services;
    }

    private static void Bind(IConfiguration configuration, ZaloWebhookEndpointOptions options)
    {
        var problems = new List<string>();
        var source = configuration["Zalo:Webhook:SecretSource"];
        var useAppSecret = string.Equals(source, nameof(ZaloWebhookSecretSource.AppSecret), StringComparison.OrdinalIgnoreCase);
        if (source is not null && !useAppSecret && !string.Equals(source, nameof(ZaloWebhookSecretSource.OaSecretKey), StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"Zalo:Webhook:SecretSource must be OaSecretKey or AppSecret, not '{source}'.");
        }

        options.Verification.AppId = configuration["Zalo:AppId"];
        options.Verification.Secret = configuration[useAppSecret ? "Zalo:AppSecret" : "Zalo:OaSecretKey"];
        if (Read<TimeSpan>(configuration, "Zalo:Webhook:ReplayWindow", problems, TimeSpan.TryParse) is { } window)
        {
            options.Verification.ReplayWindow = window;
        }

        if (Read<int>(configuration, "Zalo:Webhook:MaxBodyBytes", problems, int.TryParse) is { } maxBody)
        {
            options.Verification.MaxBodyBytes = maxBody;
        }

        if (Read<int>(configuration, "Zalo:Webhook:QueueCapacity", problems, int.TryParse) is { } capacity)
        {
            options.QueueCapacity = capacity;
        }

        if (Read<int>(configuration, "Zalo:Webhook:MaxConcurrency", problems, int.TryParse) is { } concurrency)
        {
            options.MaxConcurrency = concurrency;
        }

        if (configuration["Zalo:Webhook:RetryDelays"] is { Length: > 0 } delays)
        {
            var list = new List<TimeSpan>();
            foreach (var part in delays.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (TimeSpan.TryParse(part, CultureInfo.InvariantCulture, out var delay))
                {
                    list.Add(delay);
                }
                else
                {
                    problems.Add($"Zalo:Webhook:RetryDelays: '{part}' is not a time span (hh:mm:ss).");
                }
            }

            options.RetryDelays = list;
        }

        if (problems.Count > 0)
        {
            throw new OptionsValidationException("Zalo:Webhook", typeof(ZaloWebhookEndpointOptions), problems);
        }
    }

    private delegate bool TryParse<T>(string text, IFormatProvider provider, out T value);

    private static T? Read<T>(IConfiguration configuration, string key, List<string> problems, TryParse<T> parse)
        where T : struct
    {
        var text = configuration[key];
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (parse(text, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        problems.Add($"{key}: '{text}' is not a valid {typeof(T).Name}.");
        return null;
    }

    private sealed class Validator : IValidateOptions<ZaloWebhookEndpointOptions>
    {
        public ValidateOptionsResult Validate(string? name, ZaloWebhookEndpointOptions options)
        {
            var problems = options.Validate();
            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }
    }
}
