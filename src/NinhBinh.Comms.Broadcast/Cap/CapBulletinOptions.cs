namespace NinhBinh.Comms.Broadcast.Cap;

/// <summary>What a bulletin does not say and a CAP alert needs (for <see cref="CapBulletinBridge.ToAlert"/>).</summary>
public sealed class CapBulletinOptions
{
    /// <summary>The CAP <c>sender</c> (no spaces or commas), for example <c>ubnd.hoalu@ninhbinh.gov.vn</c>.</summary>
    public string Sender { get; init; } = string.Empty;

    /// <summary>The category (default <see cref="CapCategory.Safety"/>; disasters: Met, Geo, Fire, Health…).</summary>
    public CapCategory Category { get; init; } = CapCategory.Safety;

    /// <summary>The certainty (default <see cref="CapCertainty.Likely"/>).</summary>
    public CapCertainty Certainty { get; init; } = CapCertainty.Likely;

    /// <summary>The status (default <see cref="CapStatus.Actual"/>; use Test for end-to-end tests of a feed).</summary>
    public CapStatus Status { get; init; } = CapStatus.Actual;

    /// <summary>The registry that names the target areas (default <see cref="AdministrativeUnitRegistry.Default"/>).</summary>
    public AdministrativeUnitRegistry? Registry { get; init; }
}
