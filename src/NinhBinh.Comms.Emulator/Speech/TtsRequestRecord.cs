using System;

namespace NinhBinh.Comms.Emulator.Speech;

/// <summary>A synthesis request the emulator received (faulted and refused ones included).</summary>
/// <param name="Provider">Which API: <c>zalo-ai</c>, <c>fpt-ai</c> or <c>viettel-ai</c>.</param>
/// <param name="Text">The text as received.</param>
/// <param name="Voice">The voice or speaker id as received, or <see langword="null"/>.</param>
/// <param name="Speed">The speed as received, or <see langword="null"/>.</param>
/// <param name="Status">The HTTP status answered; 0 for a request held until the client gave up (<see cref="TtsEmulator.StallNext"/>).</param>
/// <param name="Synthesized">Whether it was answered with audio.</param>
/// <param name="ReceivedAt">When it arrived, on the emulator's clock.</param>
public sealed record TtsRequestRecord(string Provider, string Text, string? Voice, string? Speed, int Status, bool Synthesized, DateTimeOffset ReceivedAt);
