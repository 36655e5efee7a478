using System;
using System.Globalization;
using NinhBinh.Comms.Broadcast.Radio.Scheduling;

namespace NinhBinh.Comms.Broadcast.Radio.PlayLog;

/// <summary>One line of the play log (nhật ký phát): a stage of one command at one device of a commune, with its time.</summary>
public sealed class RadioPlayLogEntry
{
    /// <summary>Creates an entry.</summary>
    /// <param name="communeCode">The commune's 5-digit administrative code.</param>
    /// <param name="deviceId">The device id (a speaker-profile id).</param>
    /// <param name="commandId">The command id (a speaker-profile id).</param>
    /// <param name="stage">The stage.</param>
    /// <param name="at">When it happened (any offset; kept in Vietnam time).</param>
    /// <param name="reason">Why it failed, 1 to 500 characters: required for <see cref="RadioPlayStage.Failed"/>, not allowed otherwise.</param>
    /// <exception cref="ArgumentException">A value breaks a rule; the message names the field.</exception>
    public RadioPlayLogEntry(string communeCode, string deviceId, string commandId, RadioPlayStage stage, DateTimeOffset at, string? reason = null)
    {
        CommuneCode = RadioSchedule.CheckCommuneCode(communeCode, nameof(communeCode));
        DeviceId = SpeakerProfile.CheckId(deviceId, nameof(deviceId));
        CommandId = SpeakerProfile.CheckId(commandId, nameof(commandId));
        if (stage is < RadioPlayStage.Issued or > RadioPlayStage.Failed)
        {
            throw new ArgumentOutOfRangeException(nameof(stage), stage, "The stage must be Issued, Acked, Started, Finished or Failed.");
        }

        if (stage == RadioPlayStage.Failed)
        {
            if (string.IsNullOrWhiteSpace(reason) || reason!.Length > SpeakerProfile.MaxReasonLength)
            {
                throw new ArgumentException($"The reason of a failed entry must be 1 to {SpeakerProfile.MaxReasonLength} characters.", nameof(reason));
            }
        }
        else if (reason is not null)
        {
            throw new ArgumentException("Only a failed entry has a reason.", nameof(reason));
        }

        Stage = stage;
        At = VietnamTime.ToVietnamTime(at);
        Reason = reason;
    }

    /// <summary>The commune.</summary>
    public string CommuneCode { get; }

    /// <summary>The device.</summary>
    public string DeviceId { get; }

    /// <summary>The command.</summary>
    public string CommandId { get; }

    /// <summary>The stage.</summary>
    public RadioPlayStage Stage { get; }

    /// <summary>When, in Vietnam time (+07:00).</summary>
    public DateTimeOffset At { get; }

    /// <summary>Why it failed, or <see langword="null"/>.</summary>
    public string? Reason { get; }

    /// <summary>The stage as the CSV and the command line write it: issued, acked, started, finished, failed.</summary>
    /// <param name="stage">The stage.</param>
    /// <returns>The word.</returns>
    public static string StageWord(RadioPlayStage stage) => stage switch
    {
        RadioPlayStage.Issued => "issued",
        RadioPlayStage.Acked => "acked",
        RadioPlayStage.Started => "started",
        RadioPlayStage.Finished => "finished",
        RadioPlayStage.Failed => "failed",
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, "Unknown stage."),
    };

    /// <summary>The time as the CSV and the command line write it: <c>yyyy-MM-ddTHH:mm:ss+07:00</c> (fractions of a second when there are any).</summary>
    /// <returns>The text.</returns>
    public string FormatAt() => At.ToString(At.Ticks % TimeSpan.TicksPerSecond == 0 ? "yyyy-MM-dd'T'HH:mm:sszzz" : "yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public override string ToString() => $"{FormatAt()} {DeviceId} {CommandId} {StageWord(Stage)}";
}
