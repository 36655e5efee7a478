using System;

namespace NinhBinh.Comms.Emulator.Boards.Xibo;

/// <summary>Settings of a <see cref="XiboEmulator"/>. Read once, when the emulator starts.</summary>
public sealed class XiboEmulatorOptions
{
    /// <summary>The clock for token lifetimes, interrupt durations, schedules, "last seen" and statistics.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>The loopback port to listen on; 0 picks a free port.</summary>
    public int Port { get; set; }

    /// <summary>The client id of the CMS application with the client-credentials grant; <c>demo-xibo-client</c> by default.</summary>
    public string ClientId { get; set; } = "demo-xibo-client";

    /// <summary>Its client secret; <c>demo-xibo-secret</c> by default.</summary>
    public string ClientSecret { get; set; } = "demo-xibo-secret";

    /// <summary>Lifetime of an access token (Xibo: 1 hour, <c>expires_in</c> 3600).</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Whether the CMS has XMR (push messaging) configured; <see langword="true"/> by default. Without it the CMS
    /// refuses display group actions (changeLayout, revertToSchedule) as the real one does.
    /// </summary>
    public bool XmrEnabled { get; set; } = true;
}
