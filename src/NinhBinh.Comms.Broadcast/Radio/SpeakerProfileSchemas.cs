using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NinhBinh.Comms.Internal;

namespace NinhBinh.Comms.Broadcast.Radio;

/// <summary>
/// The JSON Schemas (draft 2020-12) of the speaker profile, one per message kind, embedded in the package (and also
/// packed under <c>schemas/speaker-profile/</c>). File names are <c>command-{kind}.schema.json</c> and
/// <c>event-{kind}.schema.json</c> with the wire kind, for example <c>command-schedule-sync.schema.json</c>.
/// </summary>
public static class SpeakerProfileSchemas
{
    private const string Prefix = "NinhBinh.Comms.Broadcast.Radio.Schemas.";

    /// <summary>The file names of every schema, commands first, in kind order.</summary>
    public static IReadOnlyList<string> FileNames { get; } =
        new[]
        {
            SpeakerCommandKind.PlayAudio, SpeakerCommandKind.SpeakText, SpeakerCommandKind.Stop, SpeakerCommandKind.Volume,
            SpeakerCommandKind.ScheduleSync, SpeakerCommandKind.Reboot, SpeakerCommandKind.Ping,
        }.Select(CommandFileName)
            .Concat(new[]
            {
                SpeakerEventKind.Ack, SpeakerEventKind.Started, SpeakerEventKind.Finished, SpeakerEventKind.Failed,
                SpeakerEventKind.Heartbeat, SpeakerEventKind.State,
            }.Select(EventFileName))
            .ToArray();

    /// <summary>The schema file name of a command kind.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The file name.</returns>
    public static string CommandFileName(SpeakerCommandKind kind) => "command-" + SpeakerMessageSerializer.WireName(kind) + ".schema.json";

    /// <summary>The schema file name of an event kind.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The file name.</returns>
    public static string EventFileName(SpeakerEventKind kind) => "event-" + SpeakerMessageSerializer.WireName(kind) + ".schema.json";

    /// <summary>Reads the text of one schema.</summary>
    /// <param name="fileName">One of <see cref="FileNames"/>.</param>
    /// <returns>The schema's JSON text.</returns>
    /// <exception cref="ArgumentException">No schema has that name.</exception>
    public static string GetSchemaText(string fileName)
    {
        Guard.NotNull(fileName);
        if (!FileNames.Contains(fileName, StringComparer.Ordinal))
        {
            throw new ArgumentException("No speaker-profile schema is named '" + fileName + "'.", nameof(fileName));
        }

        using var stream = typeof(SpeakerProfileSchemas).Assembly.GetManifestResourceStream(Prefix + fileName)
            ?? throw new InvalidOperationException("The embedded schema " + fileName + " is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
