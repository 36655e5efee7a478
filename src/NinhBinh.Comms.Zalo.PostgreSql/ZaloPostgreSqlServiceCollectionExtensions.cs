using System;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NinhBinh.Comms.Zalo;
using NinhBinh.Comms.Zalo.PostgreSql;

#pragma warning disable IDE0130 // Extension methods live in the DI namespace, as Microsoft's do.
namespace Microsoft.Extensions.DependencyInjection;
#pragma warning restore IDE0130

/// <summary>Selects the PostgreSQL stores when <c>Zalo:TokenStoreConnectionString</c> is set.</summary>
public static class ZaloPostgreSqlServiceCollectionExtensions
{
    /// <summary>
    /// Makes <see cref="IZaloTokenStore"/> and <see cref="IZaloWebhookDedupeStore"/> PostgreSQL stores when
    /// <see cref="ZaloClientOptions.TokenStoreConnectionString"/> (<c>Zalo:TokenStoreConnectionString</c>) is set; it wins
    /// over <c>Zalo:TokenStorePath</c>. When it is not set, the usual stores stay (a file store for
    /// <c>TokenStorePath</c>, otherwise in memory). Call with <c>AddZaloOfficialAccount</c>, in either order.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Adjusts the PostgreSQL settings (lease, timeouts, table creation).</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddZaloPostgreSqlStores(this IServiceCollection services, Action<ZaloPostgreSqlOptions>? configure = null)
    {
        if (services is null)
        {
            throw new ArgumentNullException(nameof(services));
        }

        services.AddOptions<ZaloClientOptions>();
        services.TryAddSingleton(TimeProvider.System);
        services.RemoveAll<IZaloTokenStore>();
        services.AddSingleton<IZaloTokenStore>(sp =>
        {
            var client = sp.GetRequiredService<IOptions<ZaloClientOptions>>().Value;
            if (string.IsNullOrWhiteSpace(client.TokenStoreConnectionString))
            {
                return string.IsNullOrWhiteSpace(client.TokenStorePath) ? new InMemoryZaloTokenStore() : new FileZaloTokenStore(client.TokenStorePath!);
            }

            return new PostgreSqlZaloTokenStore(Options(client, configure));
        });
        services.RemoveAll<IZaloWebhookDedupeStore>();
        services.AddSingleton<IZaloWebhookDedupeStore>(sp =>
        {
            var client = sp.GetRequiredService<IOptions<ZaloClientOptions>>().Value;
            var time = sp.GetRequiredService<TimeProvider>();
            return string.IsNullOrWhiteSpace(client.TokenStoreConnectionString)
                ? new InMemoryZaloWebhookDedupeStore(time)
                : new PostgreSqlZaloWebhookDedupeStore(Options(client, configure), time);
        });
        return services;
    }

    private static ZaloPostgreSqlOptions Options(ZaloClientOptions client, Action<ZaloPostgreSqlOptions>? configure)
    {
        var options = new ZaloPostgreSqlOptions { ConnectionString = client.TokenStoreConnectionString };
        configure?.Invoke(options);
        return options;
    }
}
