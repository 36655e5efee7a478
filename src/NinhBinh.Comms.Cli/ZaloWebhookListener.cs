using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Net;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NinhBinh.Comms.Zalo;
using NinhBinh.Comms.Zalo.AspNetCore;

namespace NinhBinh.Comms.Cli;

/// <summary>
/// <c>nbcomms zalo webhook-listen --port &lt;p&gt;</c>: the webhook endpoint on 127.0.0.1, printing each verified event
/// (duplicates filtered) as one JSON line on stdout; the listening URL and refusals go to stderr.
/// </summary>
internal static class ZaloWebhookListener
{
    public static Command Create(TextWriter stdout)
    {
        var port = new Option<int>("--port") { Description = "The port on 127.0.0.1 (0 = any free port).", Required = true };
        var path = new Option<string>("--path") { Description = "The route; default /zalo/webhook.", DefaultValueFactory = _ => "/zalo/webhook" };
        var command = new Command("webhook-listen",
            "Run the webhook endpoint on 127.0.0.1 and print each verified event as one JSON line, in the order they arrived "
            + "({\"event_name\",\"type\",\"dedupe_key\",\"timestamp\",\"event\"}); 'listening on <url>' and refusals go to stderr. "
            + "Verifies with Zalo:AppId and Zalo:OaSecretKey (Zalo:Webhook:* as for the ASP.NET Core endpoint). Ctrl+C stops it.")
        {
            port, path,
        };
        command.SetAction(async (parse, ct) =>
        {
            var portValue = parse.GetValue(port);
            if (portValue is < 0 or > 65535)
            {
                throw new CliUsageException("--port must be between 0 and 65535.");
            }

            var route = parse.GetValue(path)!;
            if (!route.StartsWith('/'))
            {
                throw new CliUsageException("--path must start with '/'.");
            }

            var configuration = NbcommsApp.LoadConfiguration(parse);
            ZaloWebhookCommands.LoadOptions(configuration); // configuration errors first: exit 2

            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.Logging.AddFilter("NinhBinh.Comms.Zalo.AspNetCore", LogLevel.Warning);
            builder.Logging.AddProvider(new StderrLoggerProvider(Console.Error));
            builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, portValue));
            builder.Services.AddSingleton(new JsonLinePrinter(stdout));
            builder.Services.AddZaloWebhooks(configuration);
            // One line per event in the order the events arrived: scripts read the lines as a stream.
            builder.Services.PostConfigure<ZaloWebhookEndpointOptions>(o => o.MaxConcurrency = 1);
            builder.Services.AddZaloEventHandler<ZaloWebhookEvent, PrintingHandler>();
            await using var app = builder.Build();
            try
            {
                _ = app.Services.GetRequiredService<IOptions<ZaloWebhookEndpointOptions>>().Value;
            }
            catch (OptionsValidationException ex)
            {
                throw new CliUsageException("configuration is invalid: " + NbcommsApp.OneLine(string.Join(" ", ex.Failures)));
            }

            app.MapZaloWebhook(route);
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
            {
                context.Cancel = true;
                stop.Cancel();
            });
            try
            {
                await app.StartAsync(ct).ConfigureAwait(false);
            }
            catch (IOException ex)
            {
                throw new CliInputException($"--port: cannot listen on 127.0.0.1:{portValue} ({ex.Message})", ex);
            }

            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            await Console.Error.WriteLineAsync($"listening on {address.TrimEnd('/')}{route}").ConfigureAwait(false);
            try
            {
                await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // stopping
            }

            await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
            return NbcommsApp.Success;
        });
        return command;
    }

    /// <summary>Writes one JSON line per event, one line at a time.</summary>
    internal sealed class JsonLinePrinter(TextWriter output)
    {
        private readonly object _gate = new();

        public void Print(ZaloWebhookEvent webhookEvent)
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                writer.WriteString("event_name", webhookEvent.EventName);
                writer.WriteString("type", webhookEvent.GetType().Name);
                writer.WriteString("dedupe_key", webhookEvent.DedupeKey);
                writer.WriteString("timestamp", webhookEvent.Timestamp);
                writer.WritePropertyName("event");
                using (var document = JsonDocument.Parse(webhookEvent.RawJson))
                {
                    document.RootElement.WriteTo(writer);
                }

                writer.WriteEndObject();
            }

            var line = Encoding.UTF8.GetString(buffer.ToArray());
            lock (_gate)
            {
                output.WriteLine(line);
                output.Flush();
            }
        }
    }

    internal sealed class PrintingHandler(JsonLinePrinter printer) : IZaloEventHandler<ZaloWebhookEvent>
    {
        public Task HandleAsync(ZaloWebhookEvent webhookEvent, CancellationToken cancellationToken)
        {
            printer.Print(webhookEvent);
            return Task.CompletedTask;
        }
    }

    /// <summary>Refusals (warnings of the endpoint) as one line each on stderr.</summary>
    private sealed class StderrLoggerProvider(TextWriter error) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new StderrLogger(error, categoryName);

        public void Dispose()
        {
        }

        private sealed class StderrLogger(TextWriter error, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning && category.StartsWith("NinhBinh.", StringComparison.Ordinal);

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel))
                {
                    lock (error)
                    {
                        error.WriteLine("nbcomms: " + NbcommsApp.OneLine(formatter(state, exception)));
                    }
                }
            }
        }
    }
}
