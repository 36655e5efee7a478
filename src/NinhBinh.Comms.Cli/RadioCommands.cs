using System;
using System.CommandLine;
using System.IO;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using NinhBinh.Comms.Broadcast.Radio;
using NinhBinh.Comms.Broadcast.Radio.Icecast;
using NinhBinh.Comms.Broadcast.Radio.Mqtt;
using NinhBinh.Comms.Emulator.Speakers;

namespace NinhBinh.Comms.Cli;

/// <summary><c>nbcomms radio …</c>: IP speakers over the open MQTT speaker profile; a contract other tools script against, keep names and options stable.</summary>
internal static class RadioCommands
{
    public static Command Create(TextWriter stdout)
    {
        var radio = new Command("radio", "IP radio: drive the speakers of a commune over the open MQTT speaker profile.");
        radio.Subcommands.Add(Play(stdout));
        radio.Subcommands.Add(Status(stdout));
        radio.Subcommands.Add(RadioStreamCommand.Create(stdout));
        radio.Subcommands.Add(RadioLogCommand.Create(stdout));
        return radio;
    }

    private static Option<string?> BrokerOption() => new("--broker")
    {
        Description = "The broker, mqtt://host:port or mqtts://host:port; else configuration Broadcast:Mqtt:Server (with Username, Password).",
    };

    private static Option<string> CommuneOption() => new("--commune") { Description = "The commune's administrative code.", Required = true };

    private static Command Play(TextWriter stdout)
    {
        var broker = BrokerOption();
        var commune = CommuneOption();
        var priority = new Option<BulletinPriority>("--priority") { Description = "normal, priority or emergency.", Required = true };
        var text = new Option<string?>("--text") { Description = "Text the speakers speak (a speak-text command carrying the text itself)." };
        var url = new Option<string?>("--url") { Description = "An http or https audio URL (file or HTTP/M3U/Icecast stream) the speakers play." };
        var timeout = new Option<int>("--timeout") { Description = "Seconds to wait for the devices' acknowledgements.", DefaultValueFactory = _ => 10 };
        var command = new Command("play", """
            Send a play or speak command to every known device of a commune (devices are known from their retained state).
            Exactly one of --text or --url; the URL is checked first (it must answer as audio, an Icecast mount or an M3U
            playlist, resolved to its first entry), else exit 1 with nothing sent. Prints one line per device: <deviceId> <outcome>, outcome one of
            acked, offline, failed, timed-out. Devices known to be offline are reported at once, not after the timeout.
            Exit 0 when every device acknowledged, 1 when any is offline, failed or timed out (or none is known).
            """) { broker, commune, priority, text, url, timeout };
        command.SetAction(async (parse, ct) =>
        {
            var givenText = parse.GetValue(text);
            var givenUrl = parse.GetValue(url);
            if ((givenText is null) == (givenUrl is null))
            {
                throw new CliUsageException("radio play: give exactly one of --text or --url.");
            }

            var seconds = parse.GetValue(timeout);
            if (seconds is < 1 or > 3600)
            {
                throw new CliUsageException("--timeout: must be 1 to 3600 seconds.");
            }

            var communeCode = parse.GetValue(commune)!;
            var id = "nbc-" + Guid.NewGuid().ToString("N");
            var now = VietnamTime.ToVietnamTime(DateTimeOffset.UtcNow);
            Uri? audio = null;
            if (givenUrl is not null)
            {
                if (!Uri.TryCreate(givenUrl, UriKind.Absolute, out var parsed) || (parsed.Scheme != Uri.UriSchemeHttp && parsed.Scheme != Uri.UriSchemeHttps))
                {
                    throw new CliUsageException("--url: must be an absolute http or https URL.");
                }

                // Checked before anything is sent: a URL that does not answer as audio (a web page, a 404) is refused, exit 1.
                audio = (await PlaySource.ResolveAsync(parsed, null, ct).ConfigureAwait(false)).AudioUrl;
            }

            var speakerCommand = givenText is not null
                ? SpeakerCommand.SpeakText(id, givenText, parse.GetValue(priority), now)
                : SpeakerCommand.PlayAudio(id, audio!, parse.GetValue(priority), now);
            await using var client = new MqttRadioClient(Options(parse, broker));
            await client.ConnectAsync(ct).ConfigureAwait(false);
            var deliveries = await client.SendAsync(communeCode, speakerCommand, TimeSpan.FromSeconds(seconds), ct).ConfigureAwait(false);
            if (deliveries.Count == 0)
            {
                throw new InvalidOperationException($"no known device in commune {communeCode} (none has published its state).");
            }

            foreach (var d in deliveries)
            {
                await stdout.WriteLineAsync(d.DeviceId + " " + Word(d.Outcome)).ConfigureAwait(false);
            }

            return deliveries.All(d => d.Outcome == SpeakerOutcome.Acked) ? NbcommsApp.Success : NbcommsApp.Refused;
        });
        return command;
    }

    private static Command Status(TextWriter stdout)
    {
        var broker = BrokerOption();
        var commune = CommuneOption();
        var command = new Command("status", """
            Print every known device of a commune from its retained state:
            <deviceId> online|offline last-seen=<time> [volume=<n>] [firmware=<v>] [playing=<commandId>] [signal=<dBm>].
            Exit 0 (also when no device is known; nothing is printed then).
            """) { broker, commune };
        command.SetAction(async (parse, ct) =>
        {
            await using var client = new MqttRadioClient(Options(parse, broker));
            await client.ConnectAsync(ct).ConfigureAwait(false);
            foreach (var s in await client.GetDevicesAsync(parse.GetValue(commune)!, ct).ConfigureAwait(false))
            {
                var line = s.DeviceId + (s.Online == true ? " online" : " offline") + " last-seen=" + VietnamTime.ToVietnamTime(s.At).ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture)
                    + (s.VolumeLevel is { } v ? " volume=" + v.ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty)
                    + (s.Firmware is { } f ? " firmware=" + f : string.Empty)
                    + (s.PlayingCommandId is { } p ? " playing=" + p : string.Empty)
                    + (s.SignalDbm is { } g ? " signal=" + g.ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty);
                await stdout.WriteLineAsync(line).ConfigureAwait(false);
            }

            return NbcommsApp.Success;
        });
        return command;
    }

    /// <summary><c>nbcomms emulator speakers</c>: simulated speakers of one commune until SIGINT or SIGTERM.</summary>
    public static Command EmulatorSpeakers(TextWriter stdout)
    {
        var broker = BrokerOption();
        var commune = CommuneOption();
        var count = new Option<int>("--count") { Description = "How many speakers (1 to 1000).", Required = true };
        var command = new Command("speakers", """
            Run simulated IP speakers of a commune on an MQTT broker until stopped (Ctrl+C, SIGTERM). They speak the open
            speaker profile: ack, "play" for the item's duration, heartbeats, stop and volume; a redelivered command plays once.
            Prints "ready <deviceId>" for each once it is subscribed. Device ids are unique across runs.
            """) { broker, commune, count };
        command.SetAction(async (parse, ct) =>
        {
            var n = parse.GetValue(count);
            if (n is < 1 or > 1000)
            {
                throw new CliUsageException("--count: must be 1 to 1000.");
            }

            var options = Options(parse, broker);
            var communeCode = parse.GetValue(commune)!;
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
            {
                context.Cancel = true;
                stop.Cancel();
            });
            var run = Guid.NewGuid().ToString("N").Substring(0, 8);
            var speakers = new List<SimulatedSpeaker>();
            try
            {
                for (var i = 1; i <= n; i++)
                {
                    var speaker = await SimulatedSpeaker.StartAsync(options.Server!, options.ProvinceCode, communeCode, $"spk-{communeCode}-{run}-{i}", cancellationToken: ct).ConfigureAwait(false);
                    speakers.Add(speaker);
                    await stdout.WriteLineAsync("ready " + speaker.DeviceId).ConfigureAwait(false);
                    await stdout.FlushAsync(ct).ConfigureAwait(false);
                }

                try
                {
                    await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // stopping: each speaker publishes its offline state
                }
            }
            finally
            {
                foreach (var speaker in speakers)
                {
                    await speaker.DisposeAsync().ConfigureAwait(false);
                }
            }

            return NbcommsApp.Success;
        });
        return command;
    }

    private static string Word(SpeakerOutcome outcome) => outcome switch
    {
        SpeakerOutcome.Acked => "acked",
        SpeakerOutcome.Offline => "offline",
        SpeakerOutcome.Failed => "failed",
        _ => "timed-out",
    };

    private static MqttRadioOptions Options(ParseResult parse, Option<string?> broker)
    {
        var configuration = NbcommsApp.LoadConfiguration(parse);
        var section = configuration.GetSection("Broadcast:Mqtt");
        var server = parse.GetValue(broker) ?? section["Server"];
        if (string.IsNullOrWhiteSpace(server))
        {
            throw new CliUsageException("--broker: give mqtt://host:port or mqtts://host:port, or set Broadcast:Mqtt:Server.");
        }

        if (!Uri.TryCreate(server, UriKind.Absolute, out var uri) || (uri.Scheme != "mqtt" && uri.Scheme != "mqtts"))
        {
            throw new CliUsageException("--broker: must be mqtt://host:port or mqtts://host:port.");
        }

        return new MqttRadioOptions
        {
            Server = uri,
            Username = section["Username"],
            Password = section["Password"],
            ProvinceCode = section["ProvinceCode"] ?? "37",
        };
    }
}
