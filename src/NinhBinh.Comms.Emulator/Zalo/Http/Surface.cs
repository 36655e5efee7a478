namespace NinhBinh.Comms.Emulator;

/// <summary>Which family of endpoints a path belongs to (decides authentication and error shapes).</summary>
internal enum Surface
{
    OAuth,
    OpenApi,
    Business,
}
