using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NinhBinh.Comms.Internal;

namespace NinhBinh.Comms.Broadcast.Radio.PlayLog;

/// <summary>
/// Turns what happens on the speaker profile into play-log entries: the commands the SDK issues, and the ack,
/// started, finished and failed events devices publish. Heartbeats and states are not play-log entries. A stage a
/// device reports twice (a redelivered ack) is logged as a rejection and not recorded again.
/// </summary>
public sealed partial class RadioPlayLogRecorder
{
    private readonly IRadioPlayLog _log;
    private readonly ILogger _logger;

    /// <summary>Creates a recorder.</summary>
    /// <param name="log">The play log it writes to.</param>
    /// <param name="logger">Where rejections are logged; nowhere when <see langword="null"/>.</param>
    public RadioPlayLogRecorder(IRadioPlayLog log, ILogger<RadioPlayLogRecorder>? logger = null)
    {
        _log = Guard.NotNull(log);
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>Records that a command was issued to devices of a commune.</summary>
    /// <param name="communeCode">The commune's 5-digit code.</param>
    /// <param name="command">The command.</param>
    /// <param name="deviceIds">The devices it went to.</param>
    /// <param name="at">When it was issued.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>How many entries were recorded (devices already recorded for this command are not counted).</returns>
    public async Task<int> RecordIssuedAsync(string communeCode, SpeakerCommand command, IEnumerable<string> deviceIds, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(command);
        Guard.NotNull(deviceIds);
        var recorded = 0;
        foreach (var deviceId in deviceIds)
        {
            if (await _log.RecordAsync(new RadioPlayLogEntry(communeCode, deviceId, command.CommandId, RadioPlayStage.Issued, at), cancellationToken).ConfigureAwait(false))
            {
                recorded++;
            }
        }

        return recorded;
    }

    /// <summary>Records a device's event when it is a play-log stage (ack, started, finished, failed).</summary>
    /// <param name="communeCode">The commune of the device (from the topic it published on).</param>
    /// <param name="speakerEvent">The event.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>
    /// <see langword="true"/> when recorded; <see langword="false"/> for heartbeats and states, and for a stage of a
    /// command the device already reported (logged as a rejection).
    /// </returns>
    public async Task<bool> RecordAsync(string communeCode, SpeakerEvent speakerEvent, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(speakerEvent);
        RadioPlayStage stage;
        switch (speakerEvent.Kind)
        {
            case SpeakerEventKind.Ack:
                stage = RadioPlayStage.Acked;
                break;
            case SpeakerEventKind.Started:
                stage = RadioPlayStage.Started;
                break;
            case SpeakerEventKind.Finished:
                stage = RadioPlayStage.Finished;
                break;
            case SpeakerEventKind.Failed:
                stage = RadioPlayStage.Failed;
                break;
            default:
                return false;
        }

        var entry = new RadioPlayLogEntry(communeCode, speakerEvent.DeviceId, speakerEvent.CommandId!, stage, speakerEvent.At, stage == RadioPlayStage.Failed ? speakerEvent.Reason : null);
        if (await _log.RecordAsync(entry, cancellationToken).ConfigureAwait(false))
        {
            return true;
        }

        Repeated(_logger, speakerEvent.DeviceId, communeCode, RadioPlayLogEntry.StageWord(stage), speakerEvent.CommandId!);
        return false;
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Device {DeviceId} of commune {CommuneCode} reported {Stage} for command {CommandId} again; the first report is kept")]
    private static partial void Repeated(ILogger logger, string deviceId, string communeCode, string stage, string commandId);
}
