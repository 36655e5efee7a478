using System;
using NinhBinh.Comms.Internal;

namespace NinhBinh.Comms.Broadcast.Radio;

/// <summary>
/// The open MQTT speaker profile: protocol version, topic layout and limits shared by the SDK, the emulator and
/// device makers. Commands travel on <c>nbcomms/v1/{province}/{commune}/{deviceId}/cmd</c> (one device),
/// <c>…/{commune}/group/{group}/cmd</c> (a device group or speaker cluster) and <c>…/{commune}/all/cmd</c> (every
/// device of the commune); devices publish events on <c>…/{deviceId}/evt</c> and their retained state (also their
/// last will) on <c>…/{deviceId}/state</c>. Every message is JSON, QoS 1, and carries <see cref="ProtocolVersion"/>.
/// </summary>
public static class SpeakerProfile
{
    /// <summary>The protocol version every payload carries in its <c>version</c> field.</summary>
    public const string ProtocolVersion = "1.0";

    /// <summary>The first topic levels of every profile topic.</summary>
    public const string TopicRoot = "nbcomms/v1";

    /// <summary>The largest payload, in bytes, a sender may publish and a receiver accepts.</summary>
    public const int MaxPayloadBytes = 65536;

    /// <summary>The longest command id, device id or group name, in characters.</summary>
    public const int MaxIdLength = 64;

    /// <summary>The longest text of a speak-text command, in characters.</summary>
    public const int MaxTextLength = 5000;

    /// <summary>The longest audio URL, in characters.</summary>
    public const int MaxUrlLength = 2048;

    /// <summary>The longest failure reason or firmware string, in characters.</summary>
    public const int MaxReasonLength = 500;

    /// <summary>The most entries one schedule-sync command carries.</summary>
    public const int MaxScheduleEntries = 500;

    /// <summary>The highest volume level (the lowest is 0).</summary>
    public const int MaxVolume = 100;

    /// <summary>The topic that carries commands to one device.</summary>
    /// <param name="provinceCode">The province's administrative code, for example <c>37</c> for Ninh Bình.</param>
    /// <param name="communeCode">The commune's administrative code.</param>
    /// <param name="deviceId">The device id.</param>
    /// <returns>The topic.</returns>
    public static string DeviceCommandTopic(string provinceCode, string communeCode, string deviceId)
        => Commune(provinceCode, communeCode) + "/" + CheckDeviceId(deviceId, nameof(deviceId)) + "/cmd";

    /// <summary>The topic that carries commands to a device group (for example one speaker cluster).</summary>
    /// <param name="provinceCode">The province's administrative code.</param>
    /// <param name="communeCode">The commune's administrative code.</param>
    /// <param name="group">The group name.</param>
    /// <returns>The topic.</returns>
    public static string GroupCommandTopic(string provinceCode, string communeCode, string group)
        => Commune(provinceCode, communeCode) + "/group/" + CheckId(group, nameof(group)) + "/cmd";

    /// <summary>The topic that carries commands to every device of a commune.</summary>
    /// <param name="provinceCode">The province's administrative code.</param>
    /// <param name="communeCode">The commune's administrative code.</param>
    /// <returns>The topic.</returns>
    public static string CommuneCommandTopic(string provinceCode, string communeCode)
        => Commune(provinceCode, communeCode) + "/all/cmd";

    /// <summary>The topic on which a device publishes its events (ack, started, finished, failed, heartbeat).</summary>
    /// <param name="provinceCode">The province's administrative code.</param>
    /// <param name="communeCode">The commune's administrative code.</param>
    /// <param name="deviceId">The device id.</param>
    /// <returns>The topic.</returns>
    public static string EventTopic(string provinceCode, string communeCode, string deviceId)
        => Commune(provinceCode, communeCode) + "/" + CheckDeviceId(deviceId, nameof(deviceId)) + "/evt";

    /// <summary>The topic of a device's retained state event, also its last will (state with <c>online</c> false).</summary>
    /// <param name="provinceCode">The province's administrative code.</param>
    /// <param name="communeCode">The commune's administrative code.</param>
    /// <param name="deviceId">The device id.</param>
    /// <returns>The topic.</returns>
    public static string StateTopic(string provinceCode, string communeCode, string deviceId)
        => Commune(provinceCode, communeCode) + "/" + CheckDeviceId(deviceId, nameof(deviceId)) + "/state";

    /// <summary>The subscription filter that matches the events and states of every device of a commune.</summary>
    /// <param name="provinceCode">The province's administrative code.</param>
    /// <param name="communeCode">The commune's administrative code.</param>
    /// <returns>The filters for events and for states.</returns>
    public static (string Events, string States) CommuneDeviceFilters(string provinceCode, string communeCode)
    {
        var commune = Commune(provinceCode, communeCode);
        return (commune + "/+/evt", commune + "/+/state");
    }

    /// <summary>Whether a value is a valid command id, device id or group name: 1 to 64 of <c>A-Z a-z 0-9 . _ -</c>.</summary>
    /// <param name="value">The value.</param>
    /// <returns><see langword="true"/> when valid.</returns>
    public static bool IsValidId(string? value)
    {
        if (string.IsNullOrEmpty(value) || value!.Length > MaxIdLength)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-'))
            {
                return false;
            }
        }

        return true;
    }

    internal static string CheckId(string? value, string field)
    {
        Guard.NotNull(value, field);
        if (!IsValidId(value))
        {
            throw new ArgumentException($"The {field} must be 1 to {MaxIdLength} characters of A-Z, a-z, 0-9, '.', '_' or '-'.", field);
        }

        return value!;
    }

    private static string CheckDeviceId(string? value, string field)
    {
        CheckId(value, field);
        if (value is "all" or "group")
        {
            throw new ArgumentException($"The {field} must not be the reserved topic level '{value}'.", field);
        }

        return value!;
    }

    private static string CheckCode(string? value, string field)
    {
        Guard.NotNull(value, field);
        if (value!.Length is 0 or > 16)
        {
            throw new ArgumentException($"The {field} must be 1 to 16 digits.", field);
        }

        foreach (var c in value)
        {
            if (c < '0' || c > '9')
            {
                throw new ArgumentException($"The {field} must be 1 to 16 digits.", field);
            }
        }

        return value;
    }

    private static string Commune(string provinceCode, string communeCode)
        => TopicRoot + "/" + CheckCode(provinceCode, nameof(provinceCode)) + "/" + CheckCode(communeCode, nameof(communeCode));
}
