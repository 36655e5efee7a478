namespace NinhBinh.Comms.Zalo;

/// <summary>The documented Zalo limits the SDK checks before any request is sent.</summary>
public static class ZaloLimits
{
    /// <summary>Longest text message: 2,000 characters.</summary>
    public const int MaxTextLength = 2_000;

    /// <summary>Most elements in a list message: 5.</summary>
    public const int MaxListElements = 5;

    /// <summary>Most buttons on a list message: 5.</summary>
    public const int MaxButtons = 5;

    /// <summary>Elements in a request_user_info message: exactly 1.</summary>
    public const int RequestUserInfoElements = 1;

    /// <summary>Most followers per page of <c>user/getlist</c>: 50.</summary>
    public const int MaxFollowerPageSize = 50;

    /// <summary>Largest offset <c>user/getlist</c> accepts: 9,951 (so at most 10,000 followers per query).</summary>
    public const int MaxFollowerOffset = 9_951;

    /// <summary>Longest tag name: 100 characters.</summary>
    public const int MaxTagLength = 100;
}
