using System;

namespace NinhBinh.Comms.Emulator;

internal sealed class AccessTokenRecord(string token, string appId, string oaId, DateTimeOffset expiresAt)
{
    public string Token { get; } = token;

    public string AppId { get; } = appId;

    public string OaId { get; } = oaId;

    public DateTimeOffset ExpiresAt { get; } = expiresAt;

    public bool Revoked { get; set; }
}
