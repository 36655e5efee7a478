using System;

namespace NinhBinh.Comms.Emulator;

internal sealed class CodeRecord(string appId, string oaId, string challenge, DateTimeOffset expiresAt)
{
    public string AppId { get; } = appId;

    public string OaId { get; } = oaId;

    public string Challenge { get; } = challenge;

    public DateTimeOffset ExpiresAt { get; } = expiresAt;

    public bool Used { get; set; }
}
