namespace NinhBinh.Comms.Broadcast.Radio.Mqtt;

/// <summary>The outcome of one command at one device.</summary>
/// <param name="DeviceId">The device.</param>
/// <param name="Outcome">What became of the command.</param>
/// <param name="Reason">The device's reason when it failed, else <see langword="null"/>.</param>
public sealed record SpeakerDelivery(string DeviceId, SpeakerOutcome Outcome, string? Reason = null);
