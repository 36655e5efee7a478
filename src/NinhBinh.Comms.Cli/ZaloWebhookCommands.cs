using System;
using System.CommandLine;
using System.IO;
using Microsoft.Extensions.Configuration;
using NinhBinh.Comms.Zalo;

namespace NinhBinh.Comms.Cli;

/// <summary>
/// <c>nbcomms zalo webhook-verify</c> and <c>webhook-listen</c>: a contract other tools script against; keep names,
/// options, output lines and exit codes stable.
/// </summary>
internal static class ZaloWebhookCommands
{
    /// <summary>Adds the webhook commands to the <c>zalo</c> command.</summary>
    public static void AddTo(Command zalo, TextWriter stdout)
    {
        zalo.Subcommands.Add(Verify(stdout));
        zalo.Subcommands.Add(ZaloWebhookListener.Create(stdout));
    }

    /// <summary>
    /// The verifier settings from configuration: <c>Zalo:AppId</c> and the secret named by
    /// <c>Zalo:Webhook:SecretSource</c> (<c>OaSecretKey</c>, the default, reads <c>Zalo:OaSecretKey</c>;
    /// <c>AppSecret</c> reads <c>Zalo:AppSecret</c>), <c>Zalo:Webhook:MaxBodyBytes</c>.
    /// </summary>
    public static ZaloWebhookOptions LoadOptions(IConfiguration configuration, TimeSpan? replayWindow = null)
    {
        var source = configuration["Zalo:Webhook:SecretSource"];
        var useAppSecret = source is not null && source.Equals(nameof(ZaloWebhookSecretSource.AppSecret), StringComparison.OrdinalIgnoreCase);
        if (source is not null && !useAppSecret && !source.Equals(nameof(ZaloWebhookSecretSource.OaSecretKey), StringComparison.OrdinalIgnoreCase))
        {
            throw new CliUsageException($"configuration is invalid: Zalo:Webhook:SecretSource must be OaSecretKey or AppSecret, not '{source}'.");
        }

        var secretKey = useAppSecret ? "Zalo:AppSecret" : "Zalo:OaSecretKey";
        var options = new ZaloWebhookOptions
        {
            AppId = configuration["Zalo:AppId"],
            Secret = configuration[secretKey],
        };
        if (replayWindow is { } window)
        {
            options.ReplayWindow = window;
        }

        if (configuration["Zalo:Webhook:MaxBodyBytes"] is { Length: > 0 } max)
        {
            options.MaxBodyBytes = int.TryParse(max, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var bytes)
                ? bytes
                : throw new CliUsageException($"configuration is invalid: Zalo:Webhook:MaxBodyBytes '{max}' is not a whole number of bytes.");
        }

        if (string.IsNullOrWhiteSpace(options.AppId))
        {
            throw new CliUsageException("configuration is invalid: Zalo:AppId is required to verify webhooks.");
        }

        if (string.IsNullOrEmpty(options.Secret))
        {
            throw new CliUsageException($"configuration is invalid: {secretKey} is required to verify webhooks.");
        }

        var problems = options.Validate();
        return problems.Count == 0 ? options : throw new CliUsageException("configuration is invalid: " + string.Join(" ", problems));
    }

    private static Command Verify(TextWriter stdout)
    {
        var bodyFile = new Option<FileInfo>("--body-file") { Description = "The raw body of the delivery, byte for byte as received.", Required = true };
        var signature = new Option<string>("--signature") { Description = "The X-ZEvent-Signature header value (mac=<hex>).", Required = true };
        var maxAge = new Option<TimeSpan?>("--max-age") { Description = "Also refuse an event older than this (e.g. 03:00:00); without it only the signature is checked." };
        var command = new Command("webhook-verify",
            "Verify a webhook delivery with Zalo:AppId and Zalo:OaSecretKey (Zalo:Webhook:SecretSource=AppSecret uses Zalo:AppSecret); "
            + "the timestamp comes from the body. Exit 0 and 'valid <event_name> <timestamp>' on stdout when valid; exit 1 and the reason on stderr when not.")
        {
            bodyFile, signature, maxAge,
        };
        command.SetAction(async (parse, ct) =>
        {
            var configuration = NbcommsApp.LoadConfiguration(parse);
            var age = parse.GetValue(maxAge);
            if (age is { } a && (a <= TimeSpan.Zero || a > TimeSpan.FromDays(7)))
            {
                throw new CliUsageException("--max-age must be greater than zero and at most 7 days.");
            }

            var options = LoadOptions(configuration, age);
            var file = parse.GetValue(bodyFile)!;
            if (!file.Exists)
            {
                throw new CliUsageException($"--body-file: the file '{file.FullName}' does not exist.");
            }

            if (file.Length > options.MaxBodyBytes)
            {
                throw new CliInputException($"--body-file: the body is {file.Length} bytes; the limit (Zalo:Webhook:MaxBodyBytes) is {options.MaxBodyBytes}.", new InvalidDataException());
            }

            var body = await File.ReadAllBytesAsync(file.FullName, ct).ConfigureAwait(false);
            var verification = new ZaloWebhookVerifier(options).Verify(body, parse.GetValue(signature));

            // Replayed is only reported once the signature matched: without --max-age the signature alone is the verdict.
            var valid = verification.IsValid || (age is null && verification.Failure == ZaloWebhookFailure.Replayed);
            if (!valid)
            {
                throw new CliInputException("not valid: " + verification.Reason + " (" + verification.Failure + ")", new InvalidDataException());
            }

            string eventName;
            try
            {
                eventName = ZaloWebhookParser.Parse(body).EventName;
            }
            catch (FormatException ex)
            {
                throw new CliInputException("not valid: " + ex.Message, ex);
            }

            await stdout.WriteLineAsync($"valid {eventName} {verification.Timestamp:O}").ConfigureAwait(false);
            return NbcommsApp.Success;
        });
        return command;
    }
}
