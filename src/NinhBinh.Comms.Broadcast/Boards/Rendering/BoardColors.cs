namespace NinhBinh.Comms.Broadcast.Boards.Rendering;

/// <summary>The board palette: dark text on white (readable in daylight), navy accents, a red band in an emergency.</summary>
internal static class BoardColors
{
    public const string Background = "#ffffff";
    public const string Text = "#111111";
    public const string Title = "#0b3d91";
    public const string EmergencyTitle = "#a50e24";
    public const string Band = "#c8102e";
    public const string BandText = "#ffffff";
    public const string Footer = "#222222";
    public const string Muted = "#555555";
}
