using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NinhBinh.Comms.Zalo;

namespace NinhBinh.Comms.Cli;

/// <summary>
/// The <c>nbcomms</c> command tree. Exit codes are a contract scripts rely on: 0 success; 1 the command ran and was
/// refused (content that breaks a rule, a refusal by Zalo, a network failure); 2 the command line or the configuration
/// is wrong (unknown command or option, missing required option, bad configuration). Errors are one line on stderr.
/// </summary>
internal static class NbcommsApp
{
    public const int Success = 0;
    public const int Refused = 1;
    public const int UsageError = 2;

    /// <summary>The exit codes, as <c>nbcomms --help</c> shows them.</summary>
    public const string ExitCodesHelp = """
        nbcomms: NinhBinh.Comms for operators and scripts.

        Exit codes:
          0  success.
          1  refused or invalid: content that breaks a rule (a text over 2,000 characters, an id that is not an id),
             a refusal by Zalo (its error code is in the message), a network failure, cancelled.
          2  usage or configuration: an unknown command or option, a missing required option, an option value of the
             wrong form, a --config file that does not exist or is not JSON, a missing or invalid setting (Zalo:AppId,
             Zalo:RequestTimeout, ...).
        Errors are one line on stderr and never contain a token or secret.
        """;

    private static readonly Option<FileInfo?> ConfigOption = new("--config")
    {
        Description = "A JSON configuration file (read after appsettings.json, before NBCOMMS_ environment variables).",
        Recursive = true,
    };

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        var root = new RootCommand(ExitCodesHelp)
        {
            ZaloCommands.Create(stdout),
            EmulatorCommands.Create(stdout),
            CapCommands.Create(stdout),
            KpiCommands.Create(stdout, stderr),
            RadioCommands.Create(stdout),
            BoardCommands.Create(stdout),
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
            await stderr.WriteLineAsync("nbcomms: " + ConfigurationProblem(ex)).ConfigureAwait(false);
            return UsageError;
        }
        catch (CliInputException ex)
        {
            await stderr.WriteLineAsync("nbcomms: " + OneLine(ex.Message)).ConfigureAwait(false);
            return Refused;
        }
        catch (ArgumentException ex)
        {
            // Content the SDK checked before sending (a text too long, an id that is not an id): refused, not a usage error.
            await stderr.WriteLineAsync("nbcomms: invalid input: " + OneLine(ArgumentMessage(ex))).ConfigureAwait(false);
            return Refused;
        }
        catch (ZaloException ex)
        {
            await stderr.WriteLineAsync("nbcomms: " + OneLine(ex.Message)).ConfigureAwait(false);
            return Refused;
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

        try
        {
            return builder.AddEnvironmentVariables("NBCOMMS_").Build();
        }
        catch (InvalidDataException ex)
        {
            throw new CliUsageException("configuration is invalid: " + OneLine(ex.Message));
        }
        catch (FormatException ex)
        {
            throw new CliUsageException("configuration is invalid: " + OneLine(ex.Message));
        }
    }

    /// <summary>
    /// Creates the Zalo services from configuration and checks the settings at once, so that a bad setting is a
    /// configuration error (exit 2) found before any content is looked at or anything is sent.
    /// </summary>
    public static ServiceProvider CreateZaloServices(IConfiguration configuration)
    {
        var services = new ServiceCollection();
        services.AddZaloOfficialAccount(configuration);
        services.AddZaloPostgreSqlStores(); // Zalo:TokenStoreConnectionString selects the PostgreSQL token store
        var provider = services.BuildServiceProvider();
        try
        {
            _ = provider.GetRequiredService<IZaloClientFactory>();
            return provider;
        }
        catch (OptionsValidationException ex)
        {
            provider.Dispose();
            throw new CliUsageException(ConfigurationProblem(ex));
        }
#pragma warning disable CA1031 // Whatever fails while the settings are turned into a client is a configuration problem.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            provider.Dispose();
            throw new CliUsageException("configuration is invalid: " + OneLine(ex is ArgumentException argument ? ArgumentMessage(argument) : ex.Message));
        }
    }

    /// <summary>
    /// Runs an SDK check of one option's value; an <see cref="ArgumentException"/> becomes a <see cref="CliInputException"/>
    /// naming the option (exit 1: content that breaks a rule).
    /// </summary>
    public static T CheckInput<T>(string option, Func<T> check)
    {
        try
        {
            return check();
        }
        catch (ArgumentException ex)
        {
            throw new CliInputException(option + ": " + ArgumentMessage(ex), ex);
        }
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

    /// <summary>An argument exception's message without the " (Parameter 'x')" suffix .NET appends: the message names the field.</summary>
    public static string ArgumentMessage(ArgumentException exception)
    {
        var message = exception.Message;
        var suffix = $" (Parameter '{exception.ParamName}')";
        return exception.ParamName is not null && message.EndsWith(suffix, StringComparison.Ordinal) ? message[..^suffix.Length] : message;
    }

    private static string ConfigurationProblem(OptionsValidationException exception) =>
        "configuration is invalid: " + OneLine(string.Join(" ", exception.Failures));

    private static readonly char[] LineBreaks = { '\r', '\n' };
}

/// <summary>
/// A usage or configuration error found after parsing (exit 2): a missing setting or option, a file that does not
/// exist, a setting that is not valid.
/// </summary>
internal sealed class CliUsageException : Exception
{
    public CliUsageException(string message)
        : base(message)
    {
    }
}

/// <summary>Content given on the command line that breaks a rule, found before anything is sent (exit 1).</summary>
internal sealed class CliInputException : Exception
{
    public CliInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
