using System;

namespace NinhBinh.Comms.Emulator.Speech;

/// <summary>Settings of a <see cref="TtsEmulator"/>.</summary>
public sealed class TtsEmulatorOptions
{
    /// <summary>The port on 127.0.0.1; 0 (a free port) by default.</summary>
    public int Port { get; set; }

    /// <summary>The key Zalo AI requests must carry in the <c>apikey</c> header.</summary>
    public string ZaloAiApiKey { get; set; } = "zalo-ai-test-key";

    /// <summary>The key FPT.AI requests must carry in the <c>api-key</c> header.</summary>
    public string FptAiApiKey { get; set; } = "fpt-ai-test-key";

    /// <summary>The token Viettel AI requests must carry in the JSON field <c>token</c>.</summary>
    public string ViettelAiToken { get; set; } = "viettel-ai-test-token";

    /// <summary>How long an audio URL works after it was handed out; 10 minutes by default.</summary>
    public TimeSpan UrlLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long an FPT.AI <c>async</c> URL answers 404 before the audio is there; 3 seconds by default.</summary>
    public TimeSpan FptAiReadyAfter { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>The emulator's clock (URL expiry, FPT.AI readiness, request times); the system clock when <see langword="null"/>.</summary>
    public TimeProvider? TimeProvider { get; set; }
}
