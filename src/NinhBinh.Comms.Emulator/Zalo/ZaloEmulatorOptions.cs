using System;

namespace NinhBinh.Comms.Emulator;

/// <summary>Settings of a <see cref="ZaloEmulator"/>. The values are read once, when the emulator starts.</summary>
public sealed class ZaloEmulatorOptions
{
    /// <summary>The clock for token lifetimes, rate-limit windows, interaction windows and the night ban.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// OpenAPI requests allowed per app id within any trailing 60 seconds; the request beyond that answers -32.
    /// </summary>
    public int RateLimitPerMinute { get; set; } = 4000;

    /// <summary>Lifetime of an access token (Zalo: 25 hours).</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(25);

    /// <summary>Lifetime of a refresh token (Zalo: 3 months).</summary>
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(90);

    /// <summary>Lifetime of an authorization code (Zalo: 10 minutes).</summary>
    public TimeSpan AuthorizationCodeLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long after a user's last interaction consultation messages are allowed (Zalo: 7 days).</summary>
    public TimeSpan InteractionWindow { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// How long Zalo takes to process a created or updated article on the emulator's clock: <c>article/verify</c>
    /// answers -214 (being processed) until it has passed (default 6 seconds; zero for at once).
    /// </summary>
    public TimeSpan ArticleProcessingDelay { get; set; } = TimeSpan.FromSeconds(6);

    /// <summary>The loopback port to listen on; 0 picks a free port.</summary>
    public int Port { get; set; }
}
