using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using NinhBinh.Comms.Internal;

namespace NinhBinh.Comms.Broadcast.Radio;

/// <summary>
/// Writes and reads the JSON payloads of the speaker profile. Every payload carries <c>version</c>
/// (<see cref="SpeakerProfile.ProtocolVersion"/>) and <c>kind</c>; what it writes validates against the published
/// JSON Schemas (<see cref="SpeakerProfileSchemas"/>). Readers accept any <c>1.x</c> version, ignore fields they do
/// not know, and reject payloads over <see cref="SpeakerProfile.MaxPayloadBytes"/> before parsing them.
/// </summary>
public static class SpeakerMessageSerializer
{
    private static readonly JsonDocumentOptions ReadOptions = new() { MaxDepth = 8 };

    /// <summary>The wire name of a command kind, for example <c>schedule-sync</c>.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The wire name.</returns>
    public static string WireName(SpeakerCommandKind kind) => kind switch
    {
        SpeakerCommandKind.PlayAudio => "play",
        SpeakerCommandKind.SpeakText => "speak",
        SpeakerCommandKind.Stop => "stop",
        SpeakerCommandKind.Volume => "volume",
        SpeakerCommandKind.ScheduleSync => "schedule-sync",
        SpeakerCommandKind.Reboot => "reboot",
        SpeakerCommandKind.Ping => "ping",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown command kind."),
    };

    /// <summary>The wire name of an event kind, for example <c>heartbeat</c>.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The wire name.</returns>
    public static string WireName(SpeakerEventKind kind) => kind switch
    {
        SpeakerEventKind.Ack => "ack",
        SpeakerEventKind.Started => "started",
        SpeakerEventKind.Finished => "finished",
        SpeakerEventKind.Failed => "failed",
        SpeakerEventKind.Heartbeat => "heartbeat",
        SpeakerEventKind.State => "state",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown event kind."),
    };

    /// <summary>Writes a command's payload.</summary>
    /// <param name="command">The command.</param>
    /// <returns>The UTF-8 JSON payload.</returns>
    public static byte[] Serialize(SpeakerCommand command)
    {
        Guard.NotNull(command);
        return Write(w =>
        {
            w.WriteString("version", SpeakerProfile.ProtocolVersion);
            w.WriteString("kind", WireName(command.Kind));
            w.WriteString("commandId", command.CommandId);
            w.WriteString("issuedAt", command.IssuedAt);
            switch (command.Kind)
            {
                case SpeakerCommandKind.PlayAudio:
                    w.WriteString("priority", PriorityName(command.Priority));
                    w.WriteString("url", command.Url!.AbsoluteUri);
                    if (command.Duration is { } d)
                    {
                        w.WriteNumber("durationSeconds", Math.Round(d.TotalSeconds, 3));
                    }

                    break;
                case SpeakerCommandKind.SpeakText:
                    w.WriteString("priority", PriorityName(command.Priority));
                    w.WriteString("text", command.Text);
                    w.WriteString("language", command.Language);
                    break;
                case SpeakerCommandKind.Stop when command.TargetCommandId is not null:
                    w.WriteString("targetCommandId", command.TargetCommandId);
                    break;
                case SpeakerCommandKind.Volume:
                    w.WriteNumber("level", command.VolumeLevel!.Value);
                    break;
                case SpeakerCommandKind.ScheduleSync:
                    w.WriteStartArray("entries");
                    foreach (var e in command.Schedule)
                    {
                        WriteEntry(w, e);
                    }

                    w.WriteEndArray();
                    break;
            }
        });
    }

    /// <summary>Writes an event's payload.</summary>
    /// <param name="speakerEvent">The event.</param>
    /// <returns>The UTF-8 JSON payload.</returns>
    public static byte[] Serialize(SpeakerEvent speakerEvent)
    {
        Guard.NotNull(speakerEvent);
        return Write(w =>
        {
            w.WriteString("version", SpeakerProfile.ProtocolVersion);
            w.WriteString("kind", WireName(speakerEvent.Kind));
            w.WriteString("deviceId", speakerEvent.DeviceId);
            w.WriteString("at", speakerEvent.At);
            if (speakerEvent.CommandId is not null)
            {
                w.WriteString("commandId", speakerEvent.CommandId);
            }

            if (speakerEvent.Reason is not null)
            {
                w.WriteString("reason", speakerEvent.Reason);
            }

            if (speakerEvent.Online is { } online)
            {
                w.WriteBoolean("online", online);
            }

            if (speakerEvent.VolumeLevel is { } volume)
            {
                w.WriteNumber("volume", volume);
            }

            if (speakerEvent.PlayingCommandId is not null)
            {
                w.WriteString("playingCommandId", speakerEvent.PlayingCommandId);
            }

            if (speakerEvent.Firmware is not null)
            {
                w.WriteString("firmware", speakerEvent.Firmware);
            }

            if (speakerEvent.SignalDbm is { } signal)
            {
                w.WriteNumber("signalDbm", signal);
            }
        });
    }

    /// <summary>Reads a command payload (the device side).</summary>
    /// <param name="payload">The UTF-8 JSON payload.</param>
    /// <returns>The command.</returns>
    /// <exception cref="SpeakerMessageException">The payload is oversized, malformed or breaks a limit.</exception>
    public static SpeakerCommand ParseCommand(byte[] payload) => Read(payload, root =>
    {
        var kind = Str(root, "kind");
        var id = Str(root, "commandId");
        var at = Time(root, "issuedAt");
        return kind switch
        {
            "play" => SpeakerCommand.PlayAudio(id, new Uri(Str(root, "url"), UriKind.Absolute), Priority(root), at, OptNumber(root, "durationSeconds") is { } s ? TimeSpan.FromSeconds(s) : null),
            "speak" => SpeakerCommand.SpeakText(id, Str(root, "text"), Priority(root), at, OptStr(root, "language") ?? "vi"),
            "stop" => SpeakerCommand.Stop(id, at, OptStr(root, "targetCommandId")),
            "volume" => SpeakerCommand.Volume(id, Int(root, "level"), at),
            "schedule-sync" => SpeakerCommand.ScheduleSync(id, Entries(root), at),
            "reboot" => SpeakerCommand.Reboot(id, at),
            "ping" => SpeakerCommand.Ping(id, at),
            _ => throw Bad("kind", "The kind '" + kind + "' is not a command of protocol " + SpeakerProfile.ProtocolVersion + "."),
        };
    });

    /// <summary>Reads an event payload (the SDK side).</summary>
    /// <param name="payload">The UTF-8 JSON payload.</param>
    /// <returns>The event.</returns>
    /// <exception cref="SpeakerMessageException">The payload is oversized, malformed or breaks a limit.</exception>
    public static SpeakerEvent ParseEvent(byte[] payload) => Read(payload, root =>
    {
        var kind = Str(root, "kind");
        var device = Str(root, "deviceId");
        var at = Time(root, "at");
        return kind switch
        {
            "ack" => SpeakerEvent.Ack(device, Str(root, "commandId"), at),
            "started" => SpeakerEvent.Started(device, Str(root, "commandId"), at),
            "finished" => SpeakerEvent.Finished(device, Str(root, "commandId"), at),
            "failed" => SpeakerEvent.Failed(device, Str(root, "commandId"), Str(root, "reason"), at),
            "heartbeat" => SpeakerEvent.Heartbeat(device, Int(root, "volume"), at, OptStr(root, "playingCommandId"), OptInt(root, "signalDbm")),
            "state" => SpeakerEvent.State(device, Bool(root, "online"), at, OptInt(root, "volume"), OptStr(root, "firmware"), OptStr(root, "playingCommandId"), OptInt(root, "signalDbm")),
            _ => throw Bad("kind", "The kind '" + kind + "' is not an event of protocol " + SpeakerProfile.ProtocolVersion + "."),
        };
    });

    private static string PriorityName(BulletinPriority priority) => priority switch
    {
        BulletinPriority.Emergency => "emergency",
        BulletinPriority.Priority => "priority",
        _ => "normal",
    };

    private static void WriteEntry(Utf8JsonWriter w, SpeakerScheduleEntry e)
    {
        w.WriteStartObject();
        w.WriteString("id", e.Id);
        w.WriteString("url", e.Url.AbsoluteUri);
        w.WriteString("validFrom", e.ValidFrom);
        w.WriteString("validTo", e.ValidTo);
        w.WriteStartArray("days");
        foreach (var d in e.Days)
        {
            w.WriteNumberValue(d == DayOfWeek.Sunday ? 7 : (int)d);
        }

        w.WriteEndArray();
        w.WriteStartArray("times");
        foreach (var t in e.Times)
        {
            w.WriteStringValue(t.ToString(@"hh\:mm", CultureInfo.InvariantCulture));
        }

        w.WriteEndArray();
        w.WriteNumber("durationSeconds", Math.Round(e.Duration.TotalSeconds, 3));
        w.WriteNumber("repeats", e.Repeats);
        w.WriteEndObject();
    }

    private static byte[] Write(Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            body(w);
            w.WriteEndObject();
        }

        return stream.ToArray();
    }

    private static T Read<T>(byte[] payload, Func<JsonElement, T> map)
    {
        Guard.NotNull(payload);
        if (payload.Length > SpeakerProfile.MaxPayloadBytes)
        {
            throw new SpeakerMessageException($"The payload is {payload.Length} bytes; the limit is {SpeakerProfile.MaxPayloadBytes}.");
        }

        try
        {
            using var doc = JsonDocument.Parse(payload, ReadOptions);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new SpeakerMessageException("The payload must be a JSON object.");
            }

            var version = Str(root, "version");
            if (!(version == "1" || version.StartsWith("1.", StringComparison.Ordinal)))
            {
                throw Bad("version", "The version '" + version + "' is not supported; this reader speaks " + SpeakerProfile.ProtocolVersion + ".");
            }

            return map(root);
        }
        catch (JsonException ex)
        {
            throw new SpeakerMessageException("The payload is not well-formed JSON.", ex);
        }
        catch (UriFormatException ex)
        {
            throw new SpeakerMessageException("The field 'url' is not an absolute URL.", ex) { Field = "url" };
        }
        catch (ArgumentException ex)
        {
            var field = ex.ParamName;
            throw new SpeakerMessageException("The payload breaks a limit: " + FirstLine(ex.Message), ex) { Field = field };
        }
    }

    private static string FirstLine(string message)
    {
        var cut = message.IndexOf(" (Parameter", StringComparison.Ordinal);
        return cut < 0 ? message : message.Substring(0, cut);
    }

    private static SpeakerMessageException Bad(string field, string message) => new(message) { Field = field };

    private static JsonElement Required(JsonElement root, string name, JsonValueKind kind)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            throw Bad(name, "The field '" + name + "' is required.");
        }

        if (value.ValueKind != kind && !(kind == JsonValueKind.True && value.ValueKind == JsonValueKind.False))
        {
            throw Bad(name, "The field '" + name + "' must be " + (kind == JsonValueKind.True ? "a boolean" : kind.ToString().ToLowerInvariant()) + ".");
        }

        return value;
    }

    private static string Str(JsonElement root, string name) => Required(root, name, JsonValueKind.String).GetString()!;

    private static string? OptStr(JsonElement root, string name)
        => root.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? Str(root, name) : null;

    private static bool Bool(JsonElement root, string name) => Required(root, name, JsonValueKind.True).GetBoolean();

    private static int Int(JsonElement root, string name)
        => Required(root, name, JsonValueKind.Number).TryGetInt32(out var i) ? i : throw Bad(name, "The field '" + name + "' must be an integer.");

    private static int? OptInt(JsonElement root, string name)
        => root.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? Int(root, name) : null;

    private static double? OptNumber(JsonElement root, string name)
        => root.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? Required(root, name, JsonValueKind.Number).GetDouble() : null;

    private static DateTimeOffset Time(JsonElement root, string name)
        => Required(root, name, JsonValueKind.String).TryGetDateTimeOffset(out var t) ? t : throw Bad(name, "The field '" + name + "' must be an RFC 3339 date-time.");

    private static BulletinPriority Priority(JsonElement root) => Str(root, "priority") switch
    {
        "normal" => BulletinPriority.Normal,
        "priority" => BulletinPriority.Priority,
        "emergency" => BulletinPriority.Emergency,
        _ => throw Bad("priority", "The field 'priority' must be normal, priority or emergency."),
    };

    private static List<SpeakerScheduleEntry> Entries(JsonElement root)
    {
        var array = Required(root, "entries", JsonValueKind.Array);
        if (array.GetArrayLength() > SpeakerProfile.MaxScheduleEntries)
        {
            throw Bad("entries", $"The field 'entries' holds {array.GetArrayLength()} items; the limit is {SpeakerProfile.MaxScheduleEntries}.");
        }

        var list = new List<SpeakerScheduleEntry>();
        foreach (var e in array.EnumerateArray())
        {
            if (e.ValueKind != JsonValueKind.Object)
            {
                throw Bad("entries", "Every item of 'entries' must be an object.");
            }

            var days = Required(e, "days", JsonValueKind.Array).EnumerateArray().Select(d => d.ValueKind == JsonValueKind.Number && d.TryGetInt32(out var n) && n is >= 1 and <= 7
                ? (DayOfWeek)(n % 7)
                : throw Bad("days", "Every day must be an ISO weekday number 1 (Monday) to 7 (Sunday).")).ToArray();
            var times = Required(e, "times", JsonValueKind.Array).EnumerateArray().Select(t => t.ValueKind == JsonValueKind.String
                && TimeSpan.TryParseExact(t.GetString(), @"hh\:mm", CultureInfo.InvariantCulture, out var ts)
                ? ts
                : throw Bad("times", "Every time must be HH:mm.")).ToArray();
            list.Add(new SpeakerScheduleEntry(
                Str(e, "id"),
                new Uri(Str(e, "url"), UriKind.Absolute),
                Time(e, "validFrom"),
                Time(e, "validTo"),
                days,
                times,
                TimeSpan.FromSeconds(Required(e, "durationSeconds", JsonValueKind.Number).GetDouble()),
                OptInt(e, "repeats") ?? 1));
        }

        return list;
    }
}
