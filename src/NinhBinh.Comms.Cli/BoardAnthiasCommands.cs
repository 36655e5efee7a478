using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using NinhBinh.Comms.Broadcast.Boards;
using NinhBinh.Comms.Broadcast.Boards.Anthias;
using NinhBinh.Comms.Emulator.Boards.Anthias;

namespace NinhBinh.Comms.Cli;

/// <summary>
/// <c>nbcomms board anthias …</c>: one Screenly Anthias player (one screen) from configuration
/// <c>Boards:Anthias:BaseUrl</c> (+ <c>User</c>, <c>Password</c>, <c>DisplayId</c>); a contract other tools script
/// against, keep names and options stable.
/// </summary>
internal static class BoardAnthiasCommands
{
    private const string ConfigHelp = """
        The player comes from configuration: Boards:Anthias:BaseUrl (the device root, http://<ip>/; the API is under
        /api/v2/), optional Boards:Anthias:User and Boards:Anthias:Password (basic authentication), optional
        Boards:Anthias:DisplayId (default "anthias"; printed as the display's id) and Boards:Anthias:RequestTimeout.
        Environment variables: NBCOMMS_Boards__Anthias__BaseUrl, ...
        """;

    public static Command Create(TextWriter stdout)
    {
        var anthias = new Command("anthias", "A Screenly Anthias player (one screen): emergency interrupt, revert, status.\n" + ConfigHelp);
        anthias.Subcommands.Add(Interrupt(stdout));
        anthias.Subcommands.Add(Revert(stdout));
        anthias.Subcommands.Add(Status(stdout));
        return anthias;
    }

    private static Command Interrupt(TextWriter stdout)
    {
        var title = new Option<string>("--title") { Description = "The bulletin's title (at most 150 characters).", Required = true };
        var body = new Option<string>("--body") { Description = "The bulletin's text (at most 1,200 characters).", Required = true };
        var duration = new Option<int>("--duration") { Description = "Seconds the interrupt lasts (1 to 86400); then the playlist resumes.", DefaultValueFactory = _ => 300 };
        var agency = new Option<string>("--agency") { Description = "The issuing agency (at most 150 characters).", DefaultValueFactory = _ => "Ủy ban nhân dân" };
        var qr = new Option<string?>("--qr") { Description = "An http(s) URL of the full text, shown as a QR code." };
        var command = new Command("interrupt", """
            Show a text bulletin now on the player, for --duration seconds, then its playlist resumes. The bulletin is
            rendered as a PNG, uploaded, created as an asset named "nbcomms-interrupt:<title>", placed first and shown now.
            Prints one line: <displayId> shown asset=<assetId> until=<yyyy-MM-ddTHH:mm:ss+07:00>, or
            <displayId> offline, <why> when the device does not answer. Exit 0 when shown; 1 when offline, refused by the
            device (its answer is in the message) or the text is over a limit (nothing is sent then); 2 usage/configuration.
            """) { title, body, duration, agency, qr };
        command.SetAction(async (parse, ct) =>
        {
            var seconds = parse.GetValue(duration);
            if (seconds is < 1 or > 86400)
            {
                throw new CliUsageException("--duration: must be 1 to 86400 seconds.");
            }

            using var board = CreateBoard(parse);
            var now = DateTimeOffset.UtcNow;
            var qrUrl = parse.GetValue(qr) is { } q ? NbcommsApp.CheckInput("--qr", () => new Uri(q, UriKind.RelativeOrAbsolute)) : null;
            var bulletin = NbcommsApp.CheckInput("--title/--body/--agency", () =>
                new BoardTextBulletin(parse.GetValue(title)!, parse.GetValue(body)!, parse.GetValue(agency)!, now, qrUrl));
            var length = TimeSpan.FromSeconds(seconds);
            var content = BoardContent.Text(bulletin, length < BoardContent.MaxDuration ? length : BoardContent.MaxDuration);
            var publication = await board.InterruptAsync(board.DisplayId, content, length, ct).ConfigureAwait(false);
            var result = publication.Displays[0];
            if (result.Status != BoardDisplayStatus.Shown)
            {
                await stdout.WriteLineAsync($"{result.DisplayId} {result.Reason}").ConfigureAwait(false);
                return NbcommsApp.Refused;
            }

            await stdout.WriteLineAsync($"{result.DisplayId} shown asset={publication.ContentId} until={Time(publication.Until!.Value)}").ConfigureAwait(false);
            return NbcommsApp.Success;
        });
        return command;
    }

    private static Command Revert(TextWriter stdout)
    {
        var command = new Command("revert", """
            End every interrupt on the player: delete the assets named "nbcomms-interrupt:…" (also those another process
            created), restore the play order and move to the next asset. Prints <displayId> reverted, or
            <displayId> offline, <why>. Exit 0 when reverted (also when there was no interrupt); 1 when offline or refused.
            """);
        command.SetAction(async (parse, ct) =>
        {
            using var board = CreateBoard(parse);
            var result = (await board.RevertAsync(board.DisplayId, ct).ConfigureAwait(false))[0];
            if (result.Status == BoardDisplayStatus.Offline)
            {
                await stdout.WriteLineAsync($"{result.DisplayId} {result.Reason}").ConfigureAwait(false);
                return NbcommsApp.Refused;
            }

            await stdout.WriteLineAsync($"{result.DisplayId} reverted").ConfigureAwait(false);
            return NbcommsApp.Success;
        });
        return command;
    }

    private static Command Status(TextWriter stdout)
    {
        var command = new Command("status", """
            Print the player's display: <displayId> online [showing=<asset name>] or <displayId> offline
            [last-seen=<time>]. "showing" is the first active asset in play order (Anthias does not report the screen).
            Exit 0 when online; 1 when the device does not answer or answers with an error.
            """);
        command.SetAction(async (parse, ct) =>
        {
            using var board = CreateBoard(parse);
            var display = (await board.GetDisplaysAsync(null, ct).ConfigureAwait(false))[0];
            var line = display.Id + (display.IsOnline ? " online" : " offline")
                + (!display.IsOnline && display.LastSeen is { } seen ? " last-seen=" + Time(seen) : string.Empty)
                + (display.Showing is { } showing ? " showing=" + showing : string.Empty);
            await stdout.WriteLineAsync(line).ConfigureAwait(false);
            return display.IsOnline ? NbcommsApp.Success : NbcommsApp.Refused;
        });
        return command;
    }

    /// <summary><c>nbcomms emulator anthias</c>: the emulated Anthias player until SIGINT or SIGTERM.</summary>
    public static Command EmulatorAnthias(TextWriter stdout)
    {
        var port = new Option<int>("--port") { Description = "The port on 127.0.0.1 (0 = any free port).", DefaultValueFactory = _ => 0 };
        var display = new Option<string>("--display-id") { Description = "The display's id.", DefaultValueFactory = _ => "anthias" };
        var user = new Option<string?>("--user") { Description = "Require HTTP Basic authentication with this user (with --password)." };
        var password = new Option<string?>("--password") { Description = "The password for --user." };
        var command = new Command("anthias", """
            Run an emulated Anthias player (API v2 subset) on 127.0.0.1 until stopped (Ctrl+C, SIGTERM), with a demo
            playlist of two assets. Prints "Anthias: <base url>" then "Running; press Ctrl+C to stop.".
            Point Boards:Anthias:BaseUrl at the printed URL.
            """) { port, display, user, password };
        command.SetAction(async (parse, ct) =>
        {
            var portValue = parse.GetValue(port);
            if (portValue is < 0 or > 65535)
            {
                throw new CliUsageException("--port must be between 0 and 65535.");
            }

            if (string.IsNullOrEmpty(parse.GetValue(user)) != string.IsNullOrEmpty(parse.GetValue(password)))
            {
                throw new CliUsageException("--user and --password go together.");
            }

            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
            {
                context.Cancel = true;
                stop.Cancel();
            });
            await using var emulator = await AnthiasEmulator.StartAsync(new AnthiasEmulatorOptions
            {
                Port = portValue, DisplayId = parse.GetValue(display)!, User = parse.GetValue(user), Password = parse.GetValue(password),
            }, ct).ConfigureAwait(false);
            emulator.SeedDemo();
            await stdout.WriteLineAsync($"Anthias: {emulator.BaseUri.AbsoluteUri}").ConfigureAwait(false);
            await stdout.WriteLineAsync($"Display: {emulator.DisplayId}").ConfigureAwait(false);
            await stdout.WriteLineAsync("Running; press Ctrl+C to stop.").ConfigureAwait(false);
            await stdout.FlushAsync(ct).ConfigureAwait(false);
            try
            {
                await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // stopping
            }

            return NbcommsApp.Success;
        });
        return command;
    }

    /// <summary>The adapter from configuration; a missing or invalid setting is a configuration error (exit 2).</summary>
    private static AnthiasBoardSystem CreateBoard(ParseResult parse)
    {
        var section = NbcommsApp.LoadConfiguration(parse).GetSection(AnthiasOptions.SectionName);
        var options = new AnthiasOptions
        {
            User = section["User"],
            Password = section["Password"],
        };
        var baseUrl = section["BaseUrl"];
        if (string.IsNullOrWhiteSpace(baseUrl))
        {
            throw new CliUsageException("Boards:Anthias:BaseUrl is required (the device root, e.g. http://192.168.1.20/).");
        }

        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var parsed))
        {
            throw new CliUsageException("Boards:Anthias:BaseUrl: is not an absolute URL.");
        }

        options.BaseUrl = parsed;
        if (section["DisplayId"] is { Length: > 0 } displayId)
        {
            options.DisplayId = displayId;
        }

        if (section["RequestTimeout"] is { Length: > 0 } timeout)
        {
            options.RequestTimeout = TimeSpan.TryParse(timeout, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw new CliUsageException("Boards:Anthias:RequestTimeout: is not a time span (hh:mm:ss).");
        }

        try
        {
            return new AnthiasBoardSystem(options);
        }
        catch (ArgumentException ex)
        {
            throw new CliUsageException("configuration is invalid: " + NbcommsApp.ArgumentMessage(ex));
        }
    }

    private static string Time(DateTimeOffset instant) =>
        VietnamTime.ToVietnamTime(instant).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
