namespace NinhBinh.Comms.Zalo;

/// <summary>Zalo's documented article limits, checked before any request is sent.</summary>
public static class ZaloArticleLimits
{
    /// <summary>
    /// Longest title: 149 characters. Zalo documents "at most 150" but refuses a title of exactly 150 in practice, so
    /// a title must be shorter than 150 characters.
    /// </summary>
    public const int MaxTitleLength = 149;

    /// <summary>Longest author: 50 characters.</summary>
    public const int MaxAuthorLength = 50;

    /// <summary>Longest description: 300 characters.</summary>
    public const int MaxDescriptionLength = 300;

    /// <summary>Most articles per page of <c>article/getslice</c>: 10.</summary>
    public const int MaxPageSize = 10;
}
