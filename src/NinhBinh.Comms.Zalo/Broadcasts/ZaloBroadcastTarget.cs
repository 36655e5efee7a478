using System.Collections.Generic;

namespace NinhBinh.Comms.Zalo;

/// <summary>
/// Which followers a broadcast reaches: every field left <see langword="null"/> means "any". A follower must match every
/// field that is set. Checked before anything is sent (<see cref="ZaloOfficialAccountClient.BroadcastArticleAsync"/>):
/// a field that is set but empty, an unknown code or a city that is not a province is refused, naming the field.
/// </summary>
public sealed class ZaloBroadcastTarget
{
    /// <summary>Age groups (Zalo's <c>ages</c>, codes 0–7); any age when <see langword="null"/>.</summary>
    public IReadOnlyList<ZaloBroadcastAgeGroup>? Ages { get; set; }

    /// <summary>Gender (Zalo's <c>gender</c>); <see cref="ZaloBroadcastGender.All"/> when <see langword="null"/>.</summary>
    public ZaloBroadcastGender? Gender { get; set; }

    /// <summary>Regions (Zalo's <c>locations</c>: North, Central, South); anywhere when <see langword="null"/>.</summary>
    public IReadOnlyList<ZaloBroadcastRegion>? Locations { get; set; }

    /// <summary>
    /// Provinces (Zalo's <c>cities</c>) by their national code since 2025-07-01, for example <c>37</c> for Ninh Bình;
    /// each must be a province of <see cref="AdministrativeUnitRegistry.Default"/> on the day of the broadcast. Sent as
    /// the code's number (<c>"01"</c> becomes <c>1</c>). Any province when <see langword="null"/>.
    /// </summary>
    public IReadOnlyList<string>? Cities { get; set; }

    /// <summary>Device platforms (Zalo's <c>platform</c>); every platform when <see langword="null"/>.</summary>
    public IReadOnlyList<ZaloBroadcastPlatform>? Platforms { get; set; }
}
