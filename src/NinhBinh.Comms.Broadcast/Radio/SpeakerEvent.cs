using System;

namespace NinhBinh.Comms.Broadcast.Radio;

/// <summary>
/// An event a device publishes under the speaker profile. Create one with the factory methods (devices and the
/// emulator) or read one with <see cref="SpeakerMessageSerializer.ParseEvent(byte[])"/> (the SDK).
/// </summary>
public sealed class SpeakerEvent
{
    private SpeakerEvent(SpeakerEventKind kind, string deviceId, DateTimeOffset at)
    {
        Kind = kind;
        DeviceId = SpeakerProfile.CheckId(deviceId, nameof(deviceId));
        At = at;
    }

    /// <summary>The kind of event.</summary>
    public SpeakerEventKind Kind { get; }

    /// <summary>The device that published it.</summary>
    public string DeviceId { get; }

    /// <summary>When it happened on the device.</summary>
    public DateTimeOffset At { get; }

    /// <summary>The command an ack, started, finished or failed event is about, else <see langword="null"/>.</summary>
    public string? CommandId { get; private set; }

    /// <summary>Why a command failed (failed events), else <see langword="null"/>.</summary>
    public string? Reason { get; private set; }

    /// <summary>Whether the device is online (state events), else <see langword="null"/>.</summary>
    public bool? Online { get; private set; }

    /// <summary>The volume, 0 to 100 (heartbeat and state events), else <see langword="null"/>.</summary>
    public int? VolumeLevel { get; private set; }

    /// <summary>The command that plays now (heartbeat and state events), or <see langword="null"/>.</summary>
    public string? PlayingCommandId { get; private set; }

    /// <summary>The firmware version (state events), or <see langword="null"/>.</summary>
    public string? Firmware { get; private set; }

    /// <summary>The mobile signal strength in dBm (heartbeat and state events), or <see langword="null"/>.</summary>
    public int? SignalDbm { get; private set; }

    /// <summary>The device received and accepted a command.</summary>
    /// <param name="deviceId">The device id.</param>
    /// <param name="commandId">The command id.</param>
    /// <param name="at">When.</param>
    /// <returns>The event.</returns>
    public static SpeakerEvent Ack(string deviceId, string commandId, DateTimeOffset at) => About(SpeakerEventKind.Ack, deviceId, commandId, at);

    /// <summary>Playback of a command started.</summary>
    /// <param name="deviceId">The device id.</param>
    /// <param name="commandId">The command id.</param>
    /// <param name="at">When.</param>
    /// <returns>The event.</returns>
    public static SpeakerEvent Started(string deviceId, string commandId, DateTimeOffset at) => About(SpeakerEventKind.Started, deviceId, commandId, at);

    /// <summary>Playback of a command finished or was stopped.</summary>
    /// <param name="deviceId">The device id.</param>
    /// <param name="commandId">The command id.</param>
    /// <param name="at">When.</param>
    /// <returns>The event.</returns>
    public static SpeakerEvent Finished(string deviceId, string commandId, DateTimeOffset at) => About(SpeakerEventKind.Finished, deviceId, commandId, at);

    /// <summary>A command could not be carried out.</summary>
    /// <param name="deviceId">The device id.</param>
    /// <param name="commandId">The command id.</param>
    /// <param name="reason">Why, 1 to 500 characters.</param>
    /// <param name="at">When.</param>
    /// <returns>The event.</returns>
    public static SpeakerEvent Failed(string deviceId, string commandId, string reason, DateTimeOffset at)
    {
        var e = About(SpeakerEventKind.Failed, deviceId, commandId, at);
        e.Reason = CheckText(reason, nameof(reason));
        return e;
    }

    /// <summary>The periodic sign of life.</summary>
    /// <param name="deviceId">The device id.</param>
    /// <param name="volumeLevel">The volume, 0 to 100.</param>
    /// <param name="at">When.</param>
    /// <param name="playingCommandId">The command that plays now, if any.</param>
    /// <param name="signalDbm">The signal strength in dBm (-150 to 0), if known.</param>
    /// <returns>The event.</returns>
    public static SpeakerEvent Heartbeat(string deviceId, int volumeLevel, DateTimeOffset at, string? playingCommandId = null, int? signalDbm = null)
        => new(SpeakerEventKind.Heartbeat, deviceId, at)
        {
            VolumeLevel = CheckVolume(volumeLevel),
            PlayingCommandId = playingCommandId is null ? null : SpeakerProfile.CheckId(playingCommandId, nameof(playingCommandId)),
            SignalDbm = CheckSignal(signalDbm),
        };

    /// <summary>The device's state, published retained; the offline form is also the device's last will.</summary>
    /// <param name="deviceId">The device id.</param>
    /// <param name="online">Whether it is online.</param>
    /// <param name="at">When.</param>
    /// <param name="volumeLevel">The volume, 0 to 100, if known.</param>
    /// <param name="firmware">The firmware version, if known.</param>
    /// <param name="playingCommandId">The command that plays now, if any.</param>
    /// <param name="signalDbm">The signal strength in dBm (-150 to 0), if known.</param>
    /// <returns>The event.</returns>
    public static SpeakerEvent State(string deviceId, bool online, DateTimeOffset at, int? volumeLevel = null, string? firmware = null, string? playingCommandId = null, int? signalDbm = null)
        => new(SpeakerEventKind.State, deviceId, at)
        {
            Online = online,
            VolumeLevel = volumeLevel is { } v ? CheckVolume(v) : null,
            Firmware = firmware is null ? null : CheckText(firmware, nameof(firmware)),
            PlayingCommandId = playingCommandId is null ? null : SpeakerProfile.CheckId(playingCommandId, nameof(playingCommandId)),
            SignalDbm = CheckSignal(signalDbm),
        };

    private static SpeakerEvent About(SpeakerEventKind kind, string deviceId, string commandId, DateTimeOffset at)
        => new(kind, deviceId, at) { CommandId = SpeakerProfile.CheckId(commandId, nameof(commandId)) };

    private static int CheckVolume(int volumeLevel) => volumeLevel is < 0 or > SpeakerProfile.MaxVolume
        ? throw new ArgumentOutOfRangeException(nameof(volumeLevel), volumeLevel, $"The volumeLevel must be 0 to {SpeakerProfile.MaxVolume}.")
        : volumeLevel;

    private static int? CheckSignal(int? dbm) => dbm is < -150 or > 0
        ? throw new ArgumentOutOfRangeException(nameof(dbm), dbm, "The signalDbm must be -150 to 0.")
        : dbm;

    private static string CheckText(string? value, string field)
    {
        if (string.IsNullOrEmpty(value) || value!.Length > SpeakerProfile.MaxReasonLength)
        {
            throw new ArgumentException($"The {field} must be 1 to {SpeakerProfile.MaxReasonLength} characters.", field);
        }

        return value;
    }
}
