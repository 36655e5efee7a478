using System;

namespace NinhBinh.Comms.Emulator;

internal sealed class RefreshTokenRecord(string appId, string oaId, DateTimeOffset expiresAt)
{
    public string AppId { get; } = appId;

    public string OaId { get; } = oaId;

    public DateTimeOffset ExpiresAt { get; } = expiresAt;

    public bool Used { get; set; }
}
