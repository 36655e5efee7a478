using System;
using System.Collections.Generic;

namespace NinhBinh.Comms.Emulator;

internal sealed class AppRecord(string appId, string secret, string? redirectUri)
{
    public string AppId { get; } = appId;

    public string Secret { get; set; } = secret;

    public string? RedirectUri { get; set; } = redirectUri;

    public Queue<DateTimeOffset> Window { get; } = new();
}
