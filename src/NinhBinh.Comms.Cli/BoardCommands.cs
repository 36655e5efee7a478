using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using NinhBinh.Comms.Broadcast.Boards;
using NinhBinh.Comms.Broadcast.Boards.Xibo;
using NinhBinh.Comms.Emulator.Boards.Xibo;

namespace NinhBinh.Comms.Cli;

/// <summary>
/// <c>nbcomms board …</c>: public e-boards on a Xibo CMS (configuration <c>Boards:Xibo:BaseUrl</c>, <c>ClientId</c>,
/// <c>ClientSecret</c>). A contract other tools script against: keep names, options, output lines and exit codes.
/// Output lines are tab-separated fields.
/// </summary>
internal static class BoardCommands
{
    /// <summary>The interrupt's default duration in seconds.</summary>
    public const int DefaultDurationSeconds = 300;

    /// <summary>The issuing agency when neither --agency nor Boards:Agency is given.</summary>
    public const string FallbackAgency = "Ủy ban nhân dân";

    private const string Tab = "\t";

    public static Command Create(TextWriter stdout)
    {
        var board = new Command("board", """
            Public e-boards on a Xibo CMS, from configuration Boards:Xibo:BaseUrl (the CMS root; the API is under /api),
            Boards:Xibo:ClientId and Boards:Xibo:ClientSecret (a CMS application with the client-credentials grant);
            "board anthias …" drives one Screenly Anthias player (Boards:Anthias:BaseUrl).
            Output lines are tab-separated. Exit 0 success, 1 the CMS refused or failed (one line on stderr), 2 usage or
            configuration.
            """);
        board.Subcommands.Add(Interrupt(stdout));
        board.Subcommands.Add(Revert(stdout));
        board.Subcommands.Add(Status(stdout));
        board.Subcommands.Add(BoardAnthiasCommands.Create(stdout)); // nbcomms board anthias …
        return board;
    }

    private static Option<string> DisplayGroupOption(bool required) => new("--display-group")
    {
        Description = "The Xibo display group id (a positive whole number).",
        Required = required,
    };

    private static Command Interrupt(TextWriter stdout)
    {
        var group = DisplayGroupOption(required: true);
        var title = new Option<string>("--title") { Description = "The bulletin's title (at most 150 characters).", Required = true };
        var body = new Option<string>("--body") { Description = "The bulletin's text (at most 1,200 characters).", Required = true };
        var duration = new Option<int>("--duration")
        {
            Description = $"Seconds the bulletin stays on screen before the displays return to their schedule (1 to 86400; default {DefaultDurationSeconds}).",
            DefaultValueFactory = _ => DefaultDurationSeconds,
        };
        var qr = new Option<string?>("--qr") { Description = "An http(s) URL of the full text, shown as a QR code." };
        var agency = new Option<string?>("--agency")
        {
            Description = $"The issuing agency shown on the bulletin; default: configuration Boards:Agency, else \"{FallbackAgency}\".",
        };
        var command = new Command("interrupt", $"""
            Show a text bulletin now on every online display of a display group, for --duration seconds (default
            {DefaultDurationSeconds}); then the displays return to their schedule by themselves (or at "board revert").
            A new layout is made and published for it, then changeLayout (replace) is sent to the group.
            Prints what it created, then one line per display of the group:
              layout<TAB><layoutId>
              campaign<TAB><campaignId>
              until<TAB><yyyy-MM-ddTHH:mm:ss+07:00>
              display<TAB><displayId><TAB>shown|offline<TAB><name><TAB><reason or ->
            Exit 0 when the CMS accepted (an offline display does not get it and is listed as offline), 1 when the CMS
            refused (an unknown display group, credentials, no XMR, a server error) or the text is over its limits,
            2 for a bad option or missing configuration.
            """) { group, title, body, duration, qr, agency };
        command.SetAction(async (parse, ct) =>
        {
            var groupId = GroupId(parse.GetValue(group));
            var seconds = parse.GetValue(duration);
            if (seconds is < 1 or > 86400)
            {
                throw new CliUsageException("--duration: must be 1 to 86400 seconds.");
            }

            Uri? qrUrl = null;
            if (parse.GetValue(qr) is { } qrText
                && (!Uri.TryCreate(qrText, UriKind.Absolute, out qrUrl) || (qrUrl.Scheme != Uri.UriSchemeHttp && qrUrl.Scheme != Uri.UriSchemeHttps)))
            {
                throw new CliUsageException("--qr: must be an absolute http or https URL.");
            }

            var configuration = NbcommsApp.LoadConfiguration(parse);
            var options = XiboOptionsFrom(configuration);
            var issuer = parse.GetValue(agency) ?? configuration["Boards:Agency"];
            var bulletin = NbcommsApp.CheckInput("--title/--body/--agency", () => new BoardTextBulletin(parse.GetValue(title)!, parse.GetValue(body)!,
                string.IsNullOrWhiteSpace(issuer) ? FallbackAgency : issuer!, DateTimeOffset.UtcNow, qrUrl));
            var content = BoardContent.Text(bulletin, TimeSpan.FromSeconds(Math.Min(seconds, (int)BoardContent.MaxDuration.TotalSeconds)));

            using var http = new HttpClient();
            var xibo = new XiboBoardSystem(options, http);
            var publication = await xibo.InterruptAsync(groupId, content, TimeSpan.FromSeconds(seconds), ct).ConfigureAwait(false);
            var campaign = await xibo.GetCampaignIdAsync(publication.ContentId, ct).ConfigureAwait(false);
            await stdout.WriteLineAsync("layout" + Tab + publication.ContentId).ConfigureAwait(false);
            await stdout.WriteLineAsync("campaign" + Tab + campaign).ConfigureAwait(false);
            await stdout.WriteLineAsync("until" + Tab + Iso(publication.Until!.Value)).ConfigureAwait(false);
            foreach (var d in publication.Displays)
            {
                await stdout.WriteLineAsync(DisplayLine(d)).ConfigureAwait(false);
            }

            return NbcommsApp.Success;
        });
        return command;
    }

    private static Command Revert(TextWriter stdout)
    {
        var group = DisplayGroupOption(required: true);
        var command = new Command("revert", """
            End any interrupt on a display group: its displays return to their schedule (revertToSchedule).
            Prints one line per display of the group:
              display<TAB><displayId><TAB>scheduled|offline<TAB><name><TAB><reason or ->
            Exit 0 when the CMS accepted, 1 when it refused, 2 for a bad option or missing configuration.
            """) { group };
        command.SetAction(async (parse, ct) =>
        {
            var groupId = GroupId(parse.GetValue(group));
            using var http = new HttpClient();
            var xibo = new XiboBoardSystem(XiboOptionsFrom(NbcommsApp.LoadConfiguration(parse)), http);
            foreach (var d in await xibo.RevertAsync(groupId, ct).ConfigureAwait(false))
            {
                await stdout.WriteLineAsync(DisplayLine(d)).ConfigureAwait(false);
            }

            return NbcommsApp.Success;
        });
        return command;
    }

    private static Command Status(TextWriter stdout)
    {
        var group = DisplayGroupOption(required: false);
        var command = new Command("status", """
            List the displays of the CMS, or of one display group, one line each:
              <displayId><TAB><name><TAB>online|offline<TAB><last seen yyyy-MM-ddTHH:mm:ss+07:00 or -><TAB><showing or ->
            Exit 0 (also when there is none), 1 when the CMS refused, 2 for a bad option or missing configuration.
            """) { group };
        command.SetAction(async (parse, ct) =>
        {
            var groupId = parse.GetValue(group) is { } given ? GroupId(given) : null;
            using var http = new HttpClient();
            var xibo = new XiboBoardSystem(XiboOptionsFrom(NbcommsApp.LoadConfiguration(parse)), http);
            foreach (var d in await xibo.GetDisplaysAsync(groupId, ct).ConfigureAwait(false))
            {
                await stdout.WriteLineAsync(string.Join(Tab, d.Id, Clean(d.Name), d.IsOnline ? "online" : "offline",
                    d.LastSeen is { } seen ? Iso(seen) : "-", d.Showing is { } showing ? Clean(showing) : "-")).ConfigureAwait(false);
            }

            return NbcommsApp.Success;
        });
        return command;
    }

    /// <summary><c>nbcomms emulator xibo</c>: the emulated Xibo CMS (demo seed) until SIGINT or SIGTERM.</summary>
    public static Command EmulatorXibo(TextWriter stdout)
    {
        var port = new Option<int>("--port") { Description = "The port on 127.0.0.1 (0 = any free port).", DefaultValueFactory = _ => 0 };
        var command = new Command("xibo", """
            Run the emulated Xibo CMS (the API subset the Xibo adapter uses) in the foreground with the demo displays:
            display group 1 (displays 11, 12 online; 13 offline) and display group 2 (display 21). Prints its root
            URL and client credentials as NBCOMMS_ settings for "nbcomms board"; Ctrl+C or SIGTERM stops it.
            """) { port };
        command.SetAction(async (parse, ct) =>
        {
            var portValue = parse.GetValue(port);
            if (portValue is < 0 or > 65535)
            {
                throw new CliUsageException("--port must be between 0 and 65535.");
            }

            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
            {
                context.Cancel = true;
                stop.Cancel();
            });
            await using var emulator = await XiboEmulator.StartAsync(new XiboEmulatorOptions { Port = portValue }, ct).ConfigureAwait(false);
            emulator.SeedDemo();
            await stdout.WriteLineAsync("Xibo CMS: " + emulator.BaseUri.AbsoluteUri).ConfigureAwait(false);
            await stdout.WriteLineAsync("NBCOMMS_Boards__Xibo__BaseUrl=" + emulator.BaseUri.AbsoluteUri).ConfigureAwait(false);
            await stdout.WriteLineAsync("NBCOMMS_Boards__Xibo__ClientId=" + emulator.ClientId).ConfigureAwait(false);
            await stdout.WriteLineAsync("NBCOMMS_Boards__Xibo__ClientSecret=" + emulator.ClientSecret).ConfigureAwait(false);
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

    private static string GroupId(string? value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0
            ? value!
            : throw new CliUsageException($"--display-group: '{value}' is not a Xibo display group id (a positive whole number).");

    private static XiboOptions XiboOptionsFrom(IConfiguration configuration)
    {
        var section = configuration.GetSection("Boards:Xibo");
        var baseUrl = section["BaseUrl"];
        if (string.IsNullOrWhiteSpace(baseUrl))
        {
            throw new CliUsageException("configuration Boards:Xibo:BaseUrl is missing (the Xibo CMS root, e.g. https://cms.example.gov.vn/).");
        }

        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new CliUsageException("configuration Boards:Xibo:BaseUrl is not an absolute http(s) URL.");
        }

        if (string.IsNullOrWhiteSpace(section["ClientId"]))
        {
            throw new CliUsageException("configuration Boards:Xibo:ClientId is missing.");
        }

        if (string.IsNullOrWhiteSpace(section["ClientSecret"]))
        {
            throw new CliUsageException("configuration Boards:Xibo:ClientSecret is missing.");
        }

        return new XiboOptions { BaseUrl = uri, ClientId = section["ClientId"], ClientSecret = section["ClientSecret"] };
    }

    private static string DisplayLine(BoardDisplayResult d) => string.Join(Tab, "display", d.DisplayId,
        d.Status.ToString().ToLowerInvariant(), Clean(d.DisplayName), d.Reason is { } reason ? Clean(reason) : "-");

    private static string Iso(DateTimeOffset instant) =>
        VietnamTime.ToVietnamTime(instant).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static string Clean(string text) => text.Replace('\t', ' ').Replace('\r', ' ').Replace('\n', ' ');
}
