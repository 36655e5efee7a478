using System;
using System.Security.Cryptography;
using System.Text;
using NinhBinh.Comms.Internal;

namespace NinhBinh.Comms.Zalo;

/// <summary>
/// PKCE for Zalo OAuth v4 (S256): the verifier is base64url (no padding) of 32 random bytes (43 characters), the
/// challenge is base64url (no padding) of its SHA-256.
/// </summary>
public static class ZaloPkce
{
    /// <summary>Makes a new code verifier from 32 random bytes.</summary>
    /// <returns>A 43-character verifier.</returns>
    public static string CreateVerifier()
    {
        var bytes = new byte[32];
#if NET
        RandomNumberGenerator.Fill(bytes);
#else
        using (var rng = RandomNumberGenerator.Create())
        {
            rng.GetBytes(bytes);
        }
#endif
        return Base64Url(bytes);
    }

    /// <summary>Computes the S256 code challenge of a verifier.</summary>
    /// <param name="codeVerifier">The verifier (43–128 characters of A–Z a–z 0–9 - . _ ~).</param>
    /// <returns>The challenge.</returns>
    /// <exception cref="ArgumentException">The verifier is malformed.</exception>
    public static string ComputeChallenge(string codeVerifier)
    {
        Guard.NotNull(codeVerifier);
        if (!IsValidVerifier(codeVerifier))
        {
            throw new ArgumentException("codeVerifier must be 43–128 characters of A–Z a–z 0–9 - . _ ~ (RFC 7636).", nameof(codeVerifier));
        }

#if NET
        return Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(codeVerifier)));
#else
        using var sha = SHA256.Create();
        return Base64Url(sha.ComputeHash(Encoding.ASCII.GetBytes(codeVerifier)));
#endif
    }

    /// <summary>Whether a string is a well-formed verifier (RFC 7636: 43–128 unreserved characters).</summary>
    /// <param name="codeVerifier">The candidate.</param>
    /// <returns><see langword="true"/> when well-formed.</returns>
    public static bool IsValidVerifier(string? codeVerifier)
    {
        if (codeVerifier is null || codeVerifier.Length is < 43 or > 128)
        {
            return false;
        }

        foreach (var c in codeVerifier)
        {
            if (!(c is >= 'A' and <= 'Z' or >= 'a' and <= 'z' or >= '0' and <= '9' or '-' or '.' or '_' or '~'))
            {
                return false;
            }
        }

        return true;
    }

    internal static string Base64Url(byte[] bytes)
        => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
