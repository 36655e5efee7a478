using System;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace NinhBinh.Comms.Emulator;

/// <summary>The one way every emulator listens: a minimal Kestrel on 127.0.0.1 (a free port when 0), routing only, warnings logged.</summary>
internal static class LoopbackWebHost
{
    /// <summary>Starts the server with the routes <paramref name="map"/> adds; returns it and its base URI.</summary>
    /// <param name="port">The port, or 0 for a free one.</param>
    /// <param name="map">Adds the routes.</param>
    /// <param name="connections">Wraps each connection before HTTP sees it (for example to drop it), or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<(WebApplication App, Uri BaseUri)> StartAsync(int port, Action<WebApplication> map,
        Func<ConnectionDelegate, ConnectionDelegate>? connections = null, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(LoopbackWebHost).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, port, listen =>
            {
                if (connections is not null)
                {
                    listen.Use(connections);
                }
            });
        });
        builder.Logging.AddConsole().SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddRoutingCore();
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(5));

        var app = builder.Build();
        map(app);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var addresses = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        var bound = new Uri(addresses.First());
        return (app, new Uri($"http://127.0.0.1:{bound.Port.ToString(CultureInfo.InvariantCulture)}/"));
    }
}
