using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using NinhBinh.Comms.Broadcast.Cap;

namespace NinhBinh.Comms.Cli;

/// <summary><c>nbcomms cap …</c>: CAP 1.2 public warnings; a contract other tools script against, keep names and options stable.</summary>
internal static class CapCommands
{
    public static Command Create(TextWriter stdout)
    {
        var cap = new Command("cap", "CAP 1.2 public-warning alerts: validate, create, sign, verify, turn into a bulletin.");
        cap.Subcommands.Add(Validate(stdout));
        cap.Subcommands.Add(New(stdout));
        cap.Subcommands.Add(Sign(stdout));
        cap.Subcommands.Add(Verify(stdout));
        cap.Subcommands.Add(ToBulletin(stdout));
        return cap;
    }

    private static Command Validate(TextWriter stdout)
    {
        var files = new Argument<string[]>("file") { Description = "CAP files (1.2, or 1.1 read as 1.2).", Arity = ArgumentArity.OneOrMore };
        var command = new Command("validate", """
            Validate CAP files against the OASIS CAP 1.2 schema and the CAP rules the schema cannot express.
            Prints one line per problem on stdout: <file>: <element path>: <message> (warnings as "<file>: <path>: warning: <message>").
            Exit 0 when every file is valid CAP, 1 otherwise.
            """) { files };
        command.SetAction(async (parse, ct) =>
        {
            var allValid = true;
            foreach (var file in parse.GetValue(files)!)
            {
                CapReadResult result;
                try
                {
                    result = CapReader.ReadFile(file);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    await stdout.WriteLineAsync($"{file}: : cannot be read: {NbcommsApp.OneLine(ex.Message)}").ConfigureAwait(false);
                    allValid = false;
                    continue;
                }

                allValid &= result.IsValid;
                foreach (var problem in result.Problems)
                {
                    var path = problem.Path.Length == 0 ? "(document)" : problem.Path;
                    var warning = problem.Severity == CapProblemSeverity.Warning ? "warning: " : string.Empty;
                    await stdout.WriteLineAsync($"{file}: {path}: {warning}{NbcommsApp.OneLine(problem.Message)} [{problem.Rule}]").ConfigureAwait(false);
                }
            }

            return allValid ? NbcommsApp.Success : NbcommsApp.Refused;
        });
        return command;
    }

    private static Command New(TextWriter stdout)
    {
        var sender = new Option<string>("--sender") { Description = "The sender id (no spaces or commas), e.g. ubnd.hoalu@ninhbinh.gov.vn.", Required = true };
        var eventType = new Option<string>("--event") { Description = "The event, e.g. \"Mưa lớn\".", Required = true };
        var category = new Option<CapCategory>("--category") { Description = "Geo Met Safety Security Rescue Fire Health Env Transport Infra CBRNE Other.", Required = true };
        var urgency = new Option<CapUrgency>("--urgency") { Description = "Immediate Expected Future Past Unknown.", Required = true };
        var severity = new Option<CapSeverity>("--severity") { Description = "Extreme Severe Moderate Minor Unknown.", Required = true };
        var certainty = new Option<CapCertainty>("--certainty") { Description = "Observed Likely Possible Unlikely Unknown.", Required = true };
        var headline = new Option<string>("--headline") { Description = "The headline (CAP recommends at most 160 characters).", Required = true };
        var areaDesc = new Option<string>("--area-desc") { Description = "The area description.", Required = true };
        var geocodes = new Option<string[]>("--geocode") { Description = "A geocode <name>=<value> for the area (repeatable), e.g. VN-ADM=14329.", AllowMultipleArgumentsPerToken = false };
        var language = new Option<string>("--language") { Description = "The info language.", DefaultValueFactory = _ => "vi-VN" };
        var status = new Option<CapStatus>("--status") { Description = "Actual Exercise System Test Draft.", DefaultValueFactory = _ => CapStatus.Actual };
        var identifier = new Option<string?>("--identifier") { Description = "The identifier (a new one when omitted)." };
        var description = new Option<string?>("--description") { Description = "The description." };
        var instruction = new Option<string?>("--instruction") { Description = "The instruction: what people should do." };
        var command = new Command("new", "Write a new CAP 1.2 alert to stdout, sent now in Vietnam time (+07:00), checked against the schema and the CAP rules. Exit 1 when the values break CAP.")
        {
            sender, eventType, category, urgency, severity, certainty, headline, areaDesc, geocodes, language, status, identifier, description, instruction,
        };
        command.SetAction(async (parse, ct) =>
        {
            var pairs = new List<CapNamedValue>();
            foreach (var geocode in parse.GetValue(geocodes) ?? Array.Empty<string>())
            {
                var eq = geocode.IndexOf('=', StringComparison.Ordinal);
                if (eq <= 0)
                {
                    throw new CliUsageException($"--geocode: '{geocode}' is not of the form <name>=<value>.");
                }

                pairs.Add(new CapNamedValue(geocode[..eq], geocode[(eq + 1)..]));
            }

            var builder = CapAlert.CreateBuilder()
                .WithSender(parse.GetValue(sender)!)
                .WithStatus(parse.GetValue(status))
                .AddInfo(parse.GetValue(language)!, parse.GetValue(category), parse.GetValue(eventType)!, parse.GetValue(urgency), parse.GetValue(severity),
                    parse.GetValue(certainty), parse.GetValue(headline), parse.GetValue(description), parse.GetValue(instruction))
                .AddArea(parse.GetValue(areaDesc)!, pairs.ToArray());
            if (parse.GetValue(identifier) is { } id)
            {
                builder.WithIdentifier(id);
            }

            CapAlert alert;
            try
            {
                alert = builder.Build(TimeProvider.System);
            }
            catch (CapValidationException ex)
            {
                throw new CliInputException("the alert breaks CAP 1.2: " + string.Join("; ", ex.Result.Errors.Select(e => e.Path + ": " + e.Message)), ex);
            }

            var xml = CapWriter.ToXml(alert);
            var check = CapReader.Parse(xml);
            if (!check.IsValid)
            {
                throw new CliInputException("the alert is not schema-valid: " + string.Join("; ", check.Validation.Errors.Select(e => e.Path + ": " + e.Message)), new InvalidOperationException());
            }

            await stdout.WriteLineAsync(xml).ConfigureAwait(false);
            return NbcommsApp.Success;
        });
        return command;
    }

    private static Command Sign(TextWriter stdout)
    {
        var cert = new Option<FileInfo>("--cert") { Description = "A PKCS#12 (.pfx) file with the signer's certificate and RSA private key.", Required = true };
        var password = new Option<string?>("--password") { Description = "The .pfx password (NBCOMMS_CAP_PFX_PASSWORD when omitted)." };
        var input = new Argument<FileInfo>("in") { Description = "The CAP alert to sign." };
        var output = new Argument<FileInfo>("out") { Description = "Where to write the signed alert." };
        var command = new Command("sign", "Sign a CAP alert with an enveloped RSA-SHA256 XML signature. The alert must be valid CAP first (exit 1 otherwise).")
        {
            cert, password, input, output,
        };
        command.SetAction(async (parse, ct) =>
        {
            var pfx = parse.GetValue(cert)!;
            if (!pfx.Exists)
            {
                throw new CliUsageException($"--cert: the file '{pfx.FullName}' does not exist.");
            }

            X509Certificate2 certificate;
            try
            {
                certificate = X509CertificateLoader.LoadPkcs12FromFile(pfx.FullName, parse.GetValue(password) ?? Environment.GetEnvironmentVariable("NBCOMMS_CAP_PFX_PASSWORD"));
            }
            catch (CryptographicException)
            {
                throw new CliUsageException("--cert: not a PKCS#12 file, or the password is wrong.");
            }

            using (certificate)
            {
                var file = parse.GetValue(input)!;
                var read = ReadInput(file);
                if (!read.IsValid)
                {
                    throw new CliInputException($"{file}: not valid CAP: " + string.Join("; ", read.Validation.Errors.Select(e => e.Path + ": " + e.Message)), new InvalidOperationException());
                }

                string signed;
                try
                {
                    signed = CapSignature.Sign(File.ReadAllText(file.FullName), certificate);
                }
                catch (ArgumentException ex)
                {
                    throw new CliUsageException("--cert: " + NbcommsApp.ArgumentMessage(ex));
                }

                await File.WriteAllTextAsync(parse.GetValue(output)!.FullName, signed, new System.Text.UTF8Encoding(false), ct).ConfigureAwait(false);
                await stdout.WriteLineAsync(parse.GetValue(output)!.FullName).ConfigureAwait(false);
                return NbcommsApp.Success;
            }
        });
        return command;
    }

    private static Command Verify(TextWriter stdout)
    {
        var cert = new Option<FileInfo?>("--cert") { Description = "The signer's certificate (PEM or DER). Without it, each signature is checked with the certificate it carries (integrity only, not trust)." };
        var input = new Argument<FileInfo>("file") { Description = "The signed CAP alert." };
        var command = new Command("verify", "Verify the enveloped XML signatures of a CAP alert. Prints one line per signature: <file>: <id>: <valid|invalid>: <reason>. Exit 0 valid, 1 not.")
        {
            cert, input,
        };
        command.SetAction(async (parse, ct) =>
        {
            X509Certificate2? certificate = null;
            if (parse.GetValue(cert) is { } certFile)
            {
                if (!certFile.Exists)
                {
                    throw new CliUsageException($"--cert: the file '{certFile.FullName}' does not exist.");
                }

                try
                {
                    var text = File.ReadAllText(certFile.FullName);
                    certificate = text.Contains("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal)
                        ? X509Certificate2.CreateFromPem(text)
                        : X509CertificateLoader.LoadCertificateFromFile(certFile.FullName);
                }
                catch (CryptographicException)
                {
                    throw new CliUsageException("--cert: not an X.509 certificate (PEM or DER).");
                }
            }

            using (certificate)
            {
                var file = parse.GetValue(input)!;
                CapSignatureResult result;
                try
                {
                    using var stream = file.OpenRead();
                    result = CapSignature.Verify(stream, certificate);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    throw new CliUsageException($"{file}: cannot be read: {NbcommsApp.OneLine(ex.Message)}");
                }

                if (result.Problem is not null)
                {
                    await stdout.WriteLineAsync($"{file}: (document): invalid: {result.Problem}").ConfigureAwait(false);
                }

                foreach (var signature in result.Signatures)
                {
                    await stdout.WriteLineAsync($"{file}: {signature.Id ?? "Signature"}: {(signature.IsValid ? "valid" : "invalid")}: {signature.Reason}").ConfigureAwait(false);
                }

                return result.IsValid ? NbcommsApp.Success : NbcommsApp.Refused;
            }
        });
        return command;
    }

    private static Command ToBulletin(TextWriter stdout)
    {
        var input = new Argument<FileInfo>("file") { Description = "The CAP alert." };
        var command = new Command("to-bulletin", """
            Print the bulletin the CAP bridge makes of an alert: the Vietnamese info (or the first), priority from urgency and
            severity, target areas from VN-ADM geocodes resolved to the administrative units in force. Lines:
            title: <t> / priority: <Normal|Priority|Emergency> / issuing-agency: <a> / language: <l> / valid-from: <t> /
            valid-until: <t> / area: <code> <name> (one per unit) / attachment: <mime> <uri>. Exit 1 when the alert is not valid CAP.
            """) { input };
        command.SetAction(async (parse, ct) =>
        {
            var file = parse.GetValue(input)!;
            var read = ReadInput(file);
            if (!read.IsValid)
            {
                throw new CliInputException($"{file}: not valid CAP: " + string.Join("; ", read.Validation.Errors.Select(e => e.Path + ": " + e.Message)), new InvalidOperationException());
            }

            Bulletin bulletin;
            try
            {
                bulletin = CapBulletinBridge.ToBulletin(read.Alert!);
            }
            catch (BulletinValidationException ex)
            {
                throw new CliInputException($"{file}: the alert does not make a valid bulletin: {NbcommsApp.OneLine(ex.Message)}", ex);
            }

            var registry = AdministrativeUnitRegistry.Default;
            var day = VietnamTime.ToVietnamTime(read.Alert!.Sent).Date;
            await stdout.WriteLineAsync("title: " + NbcommsApp.OneLine(bulletin.Title)).ConfigureAwait(false);
            await stdout.WriteLineAsync("priority: " + bulletin.Priority).ConfigureAwait(false);
            await stdout.WriteLineAsync("issuing-agency: " + bulletin.IssuingAgency).ConfigureAwait(false);
            await stdout.WriteLineAsync("language: " + bulletin.Language).ConfigureAwait(false);
            if (bulletin.ValidFrom is { } from)
            {
                await stdout.WriteLineAsync("valid-from: " + from.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture)).ConfigureAwait(false);
            }

            if (bulletin.ValidUntil is { } until)
            {
                await stdout.WriteLineAsync("valid-until: " + until.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture)).ConfigureAwait(false);
            }

            foreach (var code in bulletin.TargetAreas)
            {
                await stdout.WriteLineAsync("area: " + code + " " + (registry.Find(code, day)?.Name ?? "(unknown unit)")).ConfigureAwait(false);
            }

            foreach (var attachment in bulletin.Attachments)
            {
                await stdout.WriteLineAsync("attachment: " + attachment.MediaType + " " + attachment.Uri.AbsoluteUri).ConfigureAwait(false);
            }

            return NbcommsApp.Success;
        });
        return command;
    }

    private static CapReadResult ReadInput(FileInfo file)
    {
        try
        {
            return CapReader.ReadFile(file.FullName);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliUsageException($"{file}: cannot be read: {NbcommsApp.OneLine(ex.Message)}");
        }
    }
}
