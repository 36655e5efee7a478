using System;

namespace NinhBinh.Comms.Zalo;

/// <summary>Filters of a follower listing (<c>user/getlist</c>).</summary>
public sealed class ZaloFollowerQuery
{
    /// <summary>Only users with this tag.</summary>
    public string? Tag { get; set; }

    /// <summary>Only users who last interacted in this period.</summary>
    public ZaloInteractionPeriod? LastInteraction { get; set; }

    /// <summary>Only followers (<see langword="true"/>) or only non-followers who interacted (<see langword="false"/>).</summary>
    public bool? IsFollower { get; set; }

    /// <summary>Users per request, 1–50; default 50.</summary>
    public int PageSize { get; set; } = ZaloLimits.MaxFollowerPageSize;

    internal void Validate()
    {
        if (PageSize is < 1 or > ZaloLimits.MaxFollowerPageSize)
        {
            throw new ArgumentOutOfRangeException(nameof(PageSize), PageSize, $"PageSize must be between 1 and {ZaloLimits.MaxFollowerPageSize}.");
        }

        if (Tag is not null && (string.IsNullOrWhiteSpace(Tag) || Tag.Length > ZaloLimits.MaxTagLength))
        {
            throw new ArgumentException($"Tag must be 1–{ZaloLimits.MaxTagLength} characters when given.", nameof(Tag));
        }
    }
}
