using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using NinhBinh.Comms.Broadcast.Radio;
using NinhBinh.Comms.Broadcast.Radio.Mqtt;

namespace NinhBinh.Comms.Cli;

/// <summary><c>nbcomms radio …</c>: IP speakers over the open MQTT speaker profile; a contract other tools script against, keep names and options stable.</summary>
internal static class RadioCommands
{
    public static Command Create(TextWriter stdout)
    {
        var radio = new Command("radio", "IP radio: drive the speakers of a commune over the open MQTT speaker profile.");
        radio.Subcommands.Add(Play(stdout));
        radio.Subcommands.Add(Status(stdout));
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
            Exactly one of --text or --url. Prints one line per device: <deviceId> <outcome>, outcome one of
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
            var speakerCommand = givenText is not null
                ? SpeakerCommand.SpeakText(id, givenText, parse.GetValue(priority), now)
                : SpeakerCommand.PlayAudio(id, new Uri(givenUrl!, UriKind.RelativeOrAbsolute), parse.GetValue(priority), now);
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
