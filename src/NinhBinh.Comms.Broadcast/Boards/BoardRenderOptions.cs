namespace NinhBinh.Comms.Broadcast.Boards;

/// <summary>How <see cref="BoardRenderer"/> lays out a text bulletin.</summary>
public sealed class BoardRenderOptions
{
    /// <summary>The width in pixels; 1920 by default. Portrait when smaller than <see cref="Height"/>.</summary>
    public int Width { get; init; } = 1920;

    /// <summary>The height in pixels; 1080 by default.</summary>
    public int Height { get; init; } = 1080;

    /// <summary>Draws the bulletin as an emergency (a red band); <see langword="false"/> by default.</summary>
    public bool Emergency { get; init; }

    /// <summary><see langword="true"/> when the page is taller than wide.</summary>
    public bool IsPortrait => Height > Width;
}
