using System;

namespace NinhBinh.Comms.Emulator.Boards.Anthias;

/// <summary>Settings of an <see cref="AnthiasEmulator"/>. The values are read once, when the emulator starts.</summary>
public sealed class AnthiasEmulatorOptions
{
    /// <summary>The clock for start and end dates, what is active and how long a jumped-to asset stays on screen.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>The loopback port to listen on; 0 picks a free port.</summary>
    public int Port { get; set; }

    /// <summary>The id of the player's one display (what <see cref="AnthiasEmulator.GetOnScreen"/> and <see cref="AnthiasEmulator.SetOnline"/> take); <c>anthias</c> by default.</summary>
    public string DisplayId { get; set; } = "anthias";

    /// <summary>When set (with <see cref="Password"/>), the API wants HTTP Basic authentication, as Anthias with <c>auth_backend=auth_basic</c>.</summary>
    public string? User { get; set; }

    /// <summary>The password that goes with <see cref="User"/>.</summary>
    public string? Password { get; set; }
}
