using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using NinhBinh.Comms.Broadcast.Radio.Icecast;
using NinhBinh.Comms.Broadcast.Radio.Speech;

namespace NinhBinh.Comms.Broadcast.Radio.Mqtt;

/// <summary>
/// IP radio as one dispatcher channel: a bulletin becomes one speaker command — its first audio attachment played,
/// or its text spoken — sent with the bulletin's tier (normal, priority, emergency) to every known speaker of the
/// communes it targets (a province code reaches all its communes; codes from before the 2025 reform reach their
/// successors), through <see cref="MqttRadioClient"/>. The outcome lists every speaker in
/// <see cref="DeliveryOutcome.Targets"/> as <c>communeCode/deviceId</c>: acked, offline (at once, from its retained
/// state or last will), failed with the device's reason, or timed out.
/// </summary>
/// <remarks>
/// An audio attachment's URL is checked first (<see cref="MqttRadioChannelOptions.CheckAudioUrls"/>): a URL that does
/// not answer as audio is refused before any speaker gets a command. The command id is derived from the bulletin id, so dispatching the same bulletin again is acknowledged by the
/// speakers but never played twice. Only communes of the client's province (<see cref="MqttRadioOptions.ProvinceCode"/>)
/// are reached.
/// </remarks>
public sealed class MqttRadioChannel : IBulletinChannel
{
    private readonly MqttRadioClient _client;
    private readonly MqttRadioChannelOptions _options;
    private readonly AdministrativeUnitRegistry _registry;
    private readonly TimeProvider _time;

    /// <summary>Creates the channel over a connected client.</summary>
    /// <param name="client">The radio client (connected).</param>
    /// <param name="options">Settings; defaults when <see langword="null"/>.</param>
    /// <param name="registry">The administrative units; <see cref="AdministrativeUnitRegistry.Default"/> when <see langword="null"/>.</param>
    /// <param name="timeProvider">The clock; the system clock when <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">A setting is out of range.</exception>
    public MqttRadioChannel(MqttRadioClient client, MqttRadioChannelOptions? options = null, AdministrativeUnitRegistry? registry = null, TimeProvider? timeProvider = null)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
        _options = options ?? new MqttRadioChannelOptions();
        _options.Validate();
        _registry = registry ?? AdministrativeUnitRegistry.Default;
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public string Name => _options.Name;

    /// <inheritdoc />
    public async Task<DeliveryOutcome> DeliverAsync(Bulletin bulletin, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(bulletin);
        var now = _time.GetUtcNow();
        if (bulletin.ValidUntil is { } end && end <= now)
        {
            return DeliveryOutcome.Rejected(Name, $"the bulletin expired at {VietnamTime.ToVietnamTime(end):yyyy-MM-dd HH:mm} (+07:00); nothing was sent.", "EXPIRED");
        }

        var communes = Communes(bulletin.TargetAreas, VietnamTime.ToVietnamTime(now).DateTime);
        if (communes.Count == 0)
        {
            return DeliveryOutcome.Rejected(Name, $"none of the bulletin's areas ({string.Join(", ", bulletin.TargetAreas)}) is a commune of province {_client.ProvinceCode}.", "NO_STATIONS");
        }

        var audio = bulletin.Attachments.FirstOrDefault(a => a.IsAudio);
        var audioUrl = audio?.Uri;
        if (audio is not null && _options.CheckAudioUrls)
        {
            try
            {
                audioUrl = (await PlaySource.ResolveAsync(audio.Uri, null, cancellationToken).ConfigureAwait(false)).AudioUrl;
            }
            catch (PlaySourceException ex)
            {
                // Never a speaker command that plays a web page or nothing: refused before anything is sent.
                return DeliveryOutcome.Rejected(Name, "the audio attachment cannot be played: " + ex.Message, "INVALID_AUDIO", ex);
            }
        }

        IReadOnlyList<SpeakerCommand> commands;
        try
        {
            commands = audio is not null
                ? new[] { SpeakerCommand.PlayAudio(CommandIdFor(bulletin.Id), audioUrl ?? audio.Uri, bulletin.Priority, now, audio.Duration) }
                : await SpeechCommandsAsync(bulletin, now, cancellationToken).ConfigureAwait(false);
        }
        catch (ArgumentException ex)
        {
            return DeliveryOutcome.Rejected(Name, "the bulletin cannot be sent to speakers: " + ex.Message, "INVALID_CONTENT", ex);
        }

        // Every commune at once: an emergency must not wait for one commune's acknowledgements before the next. Within a
        // commune the parts of a synthesized bulletin go one after the other, each acknowledged before the next.
        var results = await Task.WhenAll(communes.Select(c => SendAllAsync(c, commands, cancellationToken))).ConfigureAwait(false);
        var targets = new List<TargetOutcome>();
        for (var i = 0; i < communes.Count; i++)
        {
            if (results[i].Count == 0)
            {
                targets.Add(new TargetOutcome(communes[i], DeliveryStatus.Rejected, null, $"commune {communes[i]} has no known speaker", "NO_SPEAKERS"));
            }

            targets.AddRange(results[i].Select(d => ToTarget(communes[i], d)));
        }

        return DeliveryOutcome.FromTargets(Name, targets, commands[0].CommandId);
    }

    private async Task<IReadOnlyList<SpeakerDelivery>> SendAllAsync(string commune, IReadOnlyList<SpeakerCommand> commands, CancellationToken cancellationToken)
    {
        IReadOnlyList<SpeakerDelivery>? worst = null;
        foreach (var command in commands)
        {
            var deliveries = await _client.SendAsync(commune, command, _options.AckTimeout, cancellationToken).ConfigureAwait(false);
            worst = worst is null ? deliveries : worst.Zip(deliveries, (a, b) => a.Outcome == SpeakerOutcome.Acked ? b : a).ToArray();
            if (deliveries.All(d => d.Outcome != SpeakerOutcome.Acked))
            {
                break; // nobody took this part: the next ones would not be heard either
            }
        }

        return worst ?? Array.Empty<SpeakerDelivery>();
    }

    private async Task<IReadOnlyList<SpeakerCommand>> SpeechCommandsAsync(Bulletin bulletin, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var text = _options.SpeechText?.Invoke(bulletin) ?? DefaultSpeech(bulletin);
        var id = CommandIdFor(bulletin.Id);
        if (_options.Speech is { } speech)
        {
            try
            {
                var synthesis = await speech.SynthesizeAsync(text, null, cancellationToken).ConfigureAwait(false);
                if (synthesis.Parts.Count > 0 && synthesis.Parts.All(p => p.Audio.IsUrl))
                {
                    return synthesis.Parts.Select((p, i) => SpeakerCommand.PlayAudio(
                        synthesis.Parts.Count == 1 ? id : PartId(id, i + 1), p.Audio.Url!, bulletin.Priority, now, p.Audio.Duration)).ToArray();
                }
            }
            catch (SpeechException)
            {
                // The provider failed: the speakers speak the text themselves (below).
            }
        }

        return new[] { SpeakerCommand.SpeakText(id, text, bulletin.Priority, now, bulletin.Language.StartsWith("vi", StringComparison.OrdinalIgnoreCase) ? "vi" : bulletin.Language) };
    }

    private static string PartId(string id, int part)
    {
        var suffix = "-" + part.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return (id.Length + suffix.Length <= SpeakerProfile.MaxIdLength ? id : id[..(SpeakerProfile.MaxIdLength - suffix.Length)]) + suffix;
    }

    /// <summary>The speaker command id for a bulletin: <c>b-</c> and its id, or a hash of it when the id is not a valid command id.</summary>
    /// <param name="bulletinId">The bulletin's id.</param>
    /// <returns>The command id.</returns>
    /// <exception cref="ArgumentException"><paramref name="bulletinId"/> is empty.</exception>
    public static string CommandIdFor(string bulletinId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(bulletinId);
        var direct = "b-" + bulletinId;
        if (SpeakerProfile.IsValidId(direct))
        {
            return direct;
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(bulletinId));
        return "b-" + Convert.ToHexStringLower(hash)[..32];
    }

    private static string DefaultSpeech(Bulletin bulletin)
    {
        var title = bulletin.Title.TrimEnd();
        var text = (title.EndsWith('.') || title.EndsWith('!') || title.EndsWith('?') ? title : title + ".") + " " + (bulletin.Summary ?? bulletin.Body).Trim();
        if (text.Length <= SpeakerProfile.MaxTextLength)
        {
            return text;
        }

        var cut = text.LastIndexOfAny(['.', '!', '?', '…'], SpeakerProfile.MaxTextLength - 1);
        return cut > SpeakerProfile.MaxTextLength / 2 ? text[..(cut + 1)] : text[..SpeakerProfile.MaxTextLength];
    }

    private List<string> Communes(IEnumerable<string> areas, DateTime date)
        => _registry.ResolveCommunes(areas, date).Where(c => c.ParentCode == _client.ProvinceCode).Select(c => c.Code).ToList();

    private static TargetOutcome ToTarget(string commune, SpeakerDelivery delivery) => delivery.Outcome switch
    {
        SpeakerOutcome.Acked => new(commune + "/" + delivery.DeviceId, DeliveryStatus.Accepted),
        SpeakerOutcome.Offline => new(commune + "/" + delivery.DeviceId, DeliveryStatus.TransientFailure, null, delivery.Reason ?? "offline", "OFFLINE"),
        SpeakerOutcome.TimedOut => new(commune + "/" + delivery.DeviceId, DeliveryStatus.TransientFailure, null, delivery.Reason ?? "no acknowledgement before the timeout", "TIMED_OUT"),
        _ => new(commune + "/" + delivery.DeviceId, DeliveryStatus.Rejected, null, delivery.Reason ?? "failed", "FAILED"),
    };
}
