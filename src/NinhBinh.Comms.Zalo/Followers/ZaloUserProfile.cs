using System;
using System.Collections.Generic;

namespace NinhBinh.Comms.Zalo;

/// <summary>A user's profile as the OA sees it (<c>user/detail</c>). Read-only; build one in tests with <see cref="ZaloModelFactory.ZaloUserProfile"/>.</summary>
public sealed class ZaloUserProfile
{
    internal ZaloUserProfile(string userId, string? userIdByApp, string? displayName, string? alias, bool isFollower, bool isSensitive,
        DateTimeOffset? lastInteractionDate, string? avatar, IReadOnlyList<string> tags, ZaloSharedInfo sharedInfo)
    {
        UserId = userId;
        UserIdByApp = userIdByApp;
        DisplayName = displayName;
        Alias = alias;
        IsFollower = isFollower;
        IsSensitive = isSensitive;
        LastInteractionDate = lastInteractionDate;
        Avatar = avatar;
        Tags = tags;
        SharedInfo = sharedInfo;
    }

    /// <summary>The user id.</summary>
    public string UserId { get; }

    /// <summary>The user id for the app.</summary>
    public string? UserIdByApp { get; }

    /// <summary>The display name.</summary>
    public string? DisplayName { get; }

    /// <summary>The alias the OA gave the user.</summary>
    public string? Alias { get; }

    /// <summary>Whether the user follows the OA.</summary>
    public bool IsFollower { get; }

    /// <summary>Whether the profile is marked sensitive.</summary>
    public bool IsSensitive { get; }

    /// <summary>
    /// The day of the last interaction, when Zalo gave one. Zalo gives a Vietnam calendar date (<c>dd/MM/yyyy</c>):
    /// this is the start of that day in Vietnam time (00:00 +07:00).
    /// </summary>
    public DateTimeOffset? LastInteractionDate { get; }

    /// <summary>The avatar URL.</summary>
    public string? Avatar { get; }

    /// <summary>The OA's tags on the user.</summary>
    public IReadOnlyList<string> Tags { get; }

    /// <summary>What the user shared with the OA (fields Zalo left empty are <see langword="null"/>).</summary>
    public ZaloSharedInfo SharedInfo { get; }
}
