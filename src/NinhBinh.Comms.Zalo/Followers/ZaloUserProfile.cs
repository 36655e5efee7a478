using System;
using System.Collections.Generic;

namespace NinhBinh.Comms.Zalo;

/// <summary>A user's profile as the OA sees it (<c>user/detail</c>).</summary>
public sealed class ZaloUserProfile
{
    /// <summary>The user id.</summary>
    public string UserId { get; set; } = string.Empty;

    /// <summary>The user id for the app.</summary>
    public string? UserIdByApp { get; set; }

    /// <summary>The display name.</summary>
    public string? DisplayName { get; set; }

    /// <summary>The alias the OA gave the user.</summary>
    public string? Alias { get; set; }

    /// <summary>Whether the user follows the OA.</summary>
    public bool IsFollower { get; set; }

    /// <summary>Whether the profile is marked sensitive.</summary>
    public bool IsSensitive { get; set; }

    /// <summary>The last interaction date (Vietnam calendar date), when Zalo gave one.</summary>
    public DateTime? LastInteractionDate { get; set; }

    /// <summary>The avatar URL.</summary>
    public string? Avatar { get; set; }

    /// <summary>The OA's tags on the user.</summary>
    public IReadOnlyList<string> Tags { get; set; } = Array.Empty<string>();

    /// <summary>What the user shared with the OA.</summary>
    public ZaloSharedInfo SharedInfo { get; set; } = new();
}
