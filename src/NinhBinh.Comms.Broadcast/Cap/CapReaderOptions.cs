namespace NinhBinh.Comms.Broadcast.Cap;

/// <summary>Limits for <see cref="CapReader"/>.</summary>
public sealed class CapReaderOptions
{
    /// <summary>The largest document read, in characters (default 4,000,000: large polygons fit, a bomb does not).</summary>
    public long MaxCharacters { get; init; } = 4_000_000;

    /// <summary>Whether CAP 1.1 documents are accepted (and converted to 1.2); default true.</summary>
    public bool AllowCap11 { get; init; } = true;

    /// <summary>Whether the rules beyond the schema (<see cref="CapValidator"/>) are checked too; default true.</summary>
    public bool CheckRules { get; init; } = true;

    internal static CapReaderOptions Default { get; } = new();
}
