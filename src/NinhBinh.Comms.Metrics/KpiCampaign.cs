using System;

namespace NinhBinh.Comms.Metrics;

/// <summary>A communication campaign (đợt cao điểm tuyên truyền), e.g. one on the 2025 merger of communes.</summary>
/// <param name="Key">The key content items name (lowercase letters, digits and dashes).</param>
/// <param name="Name">Its name, in Vietnamese.</param>
public sealed record KpiCampaign(string Key, string Name)
{
    /// <summary>The campaign's first day, or null when open-ended.</summary>
    public DateTime? StartsOn { get; init; }

    /// <summary>The campaign's last day, or null when open-ended.</summary>
    public DateTime? EndsOn { get; init; }
}
