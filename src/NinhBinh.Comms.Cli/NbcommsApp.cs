using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace NinhBinh.Comms.Cli;

/// <summary>The <c>nbcomms</c> command tree. Exit codes: 0 success, 1 refused or invalid, 2 usage error.</summary>
internal static class NbcommsApp
{
    public const int Success = 0;
    public const int Refused = 1;
    public const int UsageError = 2;

    private static readonly Option<FileInfo?> ConfigOption = new("--config")
    {
        Description = "A JSON configuration file (read after appsettings.json, before NBCOMMS_ environment variables).",
        Recursive = true,
    };

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        var root = new RootCommand("nbcomms: NinhBinh.Comms for operators and scripts.")
        {
            ZaloCommands.Create(stdout),
            EmulatorCommands.Create(stdout),
        };
        root.Options.Add(ConfigOption);

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            await stderr.WriteLineAsync("nbcomms: " + OneLine(string.Join(" ", parse.Errors.Select(e => e.Message))) + " (see --help)").ConfigureAwait(false);
            return UsageError;
        }

        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false }, cancellationToken).ConfigureAwait(false);
        }
        catch (CliUsageException ex)
        {
            await stderr.WriteLineAsync("nbcomms: " + OneLine(ex.Message)).ConfigureAwait(false);
            return UsageError;
        }
        catch (OptionsValidationException ex)
        {
            await stderr.WriteLineAsync("nbcomms: configuration is invalid: " + OneLine(string.Join(" ", ex.Failures))).ConfigureAwait(false);
            return UsageError;
        }
        catch (ArgumentException ex)
        {
            await stderr.WriteLineAsync("nbcomms: " + OneLine(ex.Message)).ConfigureAwait(false);
            return UsageError;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await stderr.WriteLineAsync("nbcomms: cancelled").ConfigureAwait(false);
            return Refused;
        }
#pragma warning disable CA1031 // The command line reports every failure as one line and an exit code.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            await stderr.WriteLineAsync("nbcomms: " + OneLine(ex.Message)).ConfigureAwait(false);
            return Refused;
        }
    }

    /// <summary>Loads configuration: appsettings.json (optional), --config, NBCOMMS_ environment variables.</summary>
    public static IConfiguration LoadConfiguration(ParseResult parse)
    {
        var builder = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true, reloadOnChange: false);
        var file = parse.GetValue(ConfigOption);
        if (file is not null)
        {
            if (!file.Exists)
            {
                throw new CliUsageException($"--config: the file '{file.FullName}' does not exist.");
            }

            builder.AddJsonFile(file.FullName, optional: false, reloadOnChange: false);
        }

        return builder.AddEnvironmentVariables("NBCOMMS_").Build();
    }

    /// <summary>Creates the Zalo client factory from configuration (validated; problems name their keys).</summary>
    public static ServiceProvider CreateZaloServices(IConfiguration configuration)
    {
        var services = new ServiceCollection();
        services.AddZaloOfficialAccount(configuration);
        return services.BuildServiceProvider();
    }

    public static string ResolveOaId(string? given, IConfiguration configuration)
    {
        var oaId = given ?? configuration["Zalo:DefaultOaId"];
        return string.IsNullOrWhiteSpace(oaId)
            ? throw new CliUsageException("--oa-id is required (or set Zalo:DefaultOaId).")
            : oaId!;
    }

    /// <summary>Flattens a message to one line; Zalo messages are already free of tokens, this also strips line breaks.</summary>
    public static string OneLine(string message) => string.Join(" ", message.Split(LineBreaks, StringSplitOptions.RemoveEmptyEntries)).Trim();

    private static readonly char[] LineBreaks = { '\r', '\n' };
}

/// <summary>A usage error found after parsing (missing configuration, a file that does not exist).</summary>
internal sealed class CliUsageException : Exception
{
    public CliUsageException(string message)
        : base(message)
    {
    }
}
