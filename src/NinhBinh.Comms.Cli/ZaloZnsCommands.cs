using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using Microsoft.Extensions.DependencyInjection;
using NinhBinh.Comms.Zalo;

namespace NinhBinh.Comms.Cli;

/// <summary><c>nbcomms zalo zns …</c>: ZNS / ZBS template messages by phone number; a contract other tools script against, keep names and options stable.</summary>
internal static class ZaloZnsCommands
{
    public static Command Create(TextWriter stdout)
    {
        var zns = new Command("zns", "ZNS / ZBS template messages by phone number (business API at Zalo:BusinessApiBaseUrl).");
        zns.Subcommands.Add(Send(stdout));
        return zns;
    }

    private static Command Send(TextWriter stdout)
    {
        var oaId = new Option<string?>("--oa-id") { Description = "The OA (Zalo:DefaultOaId when omitted)." };
        var phone = new Option<string>("--phone") { Description = "The recipient's Vietnamese mobile number: 0…, +84… or 84… (spaces, dots and dashes allowed).", Required = true };
        var templateId = new Option<string>("--template-id") { Description = "The approved template's id.", Required = true };
        var trackingId = new Option<string>("--tracking-id") { Description = "Your own id of this send, 1–48 characters (returned in delivery webhooks).", Required = true };
        var parameters = new Option<string[]>("--param")
        {
            Description = "A template parameter as <name>=<value>; once per parameter. Checked against the template (required, type, max length) before sending.",
        };
        var development = new Option<bool>("--development") { Description = "Send in development mode (mode: \"development\"): to the OA's admins, without charge." };
        var command = new Command("send",
            "Send a template message to a phone number and print its message id. Exit 1 when the phone, tracking id or parameters are invalid (before anything is sent) or Zalo refuses.")
        {
            oaId, phone, templateId, trackingId, parameters, development,
        };
        command.SetAction(async (parse, ct) =>
        {
            var configuration = NbcommsApp.LoadConfiguration(parse);
            var oa = NbcommsApp.ResolveOaId(parse.GetValue(oaId), configuration);
            var data = ParseParameters(parse.GetValue(parameters) ?? []);
            using var services = NbcommsApp.CreateZaloServices(configuration); // configuration errors first: exit 2
            var client = NbcommsApp.CheckInput("--oa-id", () => services.GetRequiredService<IZaloClientFactory>().GetClient(oa));
            var request = new ZaloZnsRequest(parse.GetValue(phone)!, parse.GetValue(templateId)!, parse.GetValue(trackingId)!)
            {
                Development = parse.GetValue(development),
            };
            foreach (var (name, value) in data)
            {
                request.TemplateData[name] = value;
            }

            ZaloZnsResult result;
            try
            {
                result = await client.SendZnsAsync(request, ct).ConfigureAwait(false);
            }
            catch (ArgumentException ex) when (Option(ex.ParamName) is { } option)
            {
                // Checked by the SDK before the message is sent; the message names the field, never the phone number.
                throw new CliInputException(Rename(NbcommsApp.ArgumentMessage(ex), ex.ParamName!, option), ex);
            }

            await stdout.WriteLineAsync(result.MessageId).ConfigureAwait(false);
            return NbcommsApp.Success;
        });
        return command;
    }

    /// <summary><c>name=value</c> pairs; a malformed or repeated one is a usage error (exit 2) that never repeats the value.</summary>
    private static List<(string Name, string Value)> ParseParameters(string[] values)
    {
        var pairs = new List<(string Name, string Value)>(values.Length);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < values.Length; i++)
        {
            var separator = values[i].IndexOf('=', StringComparison.Ordinal);
            if (separator <= 0)
            {
                throw new CliUsageException($"--param must be <name>=<value>; --param number {i + 1} is not.");
            }

            var name = values[i][..separator].Trim();
            if (name.Length == 0)
            {
                throw new CliUsageException($"--param must be <name>=<value>; --param number {i + 1} has no name.");
            }

            if (!seen.Add(name))
            {
                throw new CliUsageException($"--param '{name}' is given more than once.");
            }

            pairs.Add((name, values[i][(separator + 1)..]));
        }

        return pairs;
    }

    private static string? Option(string? parameter) => parameter switch
    {
        "phone" => "--phone",
        "templateId" => "--template-id",
        "trackingId" => "--tracking-id",
        "templateData" => "--param",
        _ => null,
    };

    /// <summary>"trackingId is 49 characters long…" becomes "--tracking-id is 49 characters long…"; "templateData: 'x' …" becomes "--param: 'x' …".</summary>
    private static string Rename(string message, string parameter, string option)
        => message.StartsWith(parameter, StringComparison.Ordinal) ? option + message[parameter.Length..] : option + ": " + message;
}
