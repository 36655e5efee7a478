using System;
using System.Globalization;
using NinhBinh.Comms.Internal;

namespace NinhBinh.Comms.Zalo;

/// <summary>
/// An OA's token pair. The access token lives 25 hours; the refresh token lives about 3 months and can be used
/// once. <see cref="ToString"/> never shows either token.
/// </summary>
public sealed class ZaloTokenSet
{
    /// <summary>Creates a token pair.</summary>
    /// <param name="accessToken">The access token.</param>
    /// <param name="refreshToken">The refresh token.</param>
    /// <param name="accessTokenExpiresAt">When the access token expires.</param>
    /// <param name="refreshTokenExpiresAt">When the refresh token expires.</param>
    /// <param name="issuedAt">When Zalo issued the pair.</param>
    public ZaloTokenSet(string accessToken, string refreshToken, DateTimeOffset accessTokenExpiresAt, DateTimeOffset refreshTokenExpiresAt, DateTimeOffset issuedAt)
    {
        AccessToken = Guard.NotNullOrWhiteSpace(accessToken);
        RefreshToken = Guard.NotNullOrWhiteSpace(refreshToken);
        AccessTokenExpiresAt = accessTokenExpiresAt;
        RefreshTokenExpiresAt = refreshTokenExpiresAt;
        IssuedAt = issuedAt;
    }

    /// <summary>The access token (secret).</summary>
    public string AccessToken { get; }

    /// <summary>The refresh token (secret, single use).</summary>
    public string RefreshToken { get; }

    /// <summary>When the access token expires.</summary>
    public DateTimeOffset AccessTokenExpiresAt { get; }

    /// <summary>When the refresh token expires.</summary>
    public DateTimeOffset RefreshTokenExpiresAt { get; }

    /// <summary>When Zalo issued the pair.</summary>
    public DateTimeOffset IssuedAt { get; }

    /// <summary>Describes the pair without revealing either token.</summary>
    /// <returns>The issue and expiry times.</returns>
    public override string ToString()
        => string.Format(CultureInfo.InvariantCulture, "Zalo tokens issued {0:O}, access until {1:O}, refresh until {2:O}", IssuedAt, AccessTokenExpiresAt, RefreshTokenExpiresAt);
}
