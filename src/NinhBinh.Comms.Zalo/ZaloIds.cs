using System;

namespace NinhBinh.Comms.Zalo;

/// <summary>Checks of the identifiers Zalo uses, applied before any request is sent.</summary>
internal static class ZaloIds
{
    public static bool IsValidOaId(string? oaId) => IsToken(oaId, 64);

    public static bool IsValidUserId(string? userId)
    {
        if (userId is null || userId.Length is 0 or > 32)
        {
            return false;
        }

        foreach (var c in userId)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }

    public static string CheckOaId(string? oaId, string paramName)
    {
        if (oaId is null)
        {
            throw new ArgumentNullException(paramName);
        }

        return IsValidOaId(oaId) ? oaId : throw new ArgumentException($"{paramName} '{oaId}' must be 1–64 letters, digits, '-' or '_'.", paramName);
    }

    public static string CheckUserId(string? userId, string paramName)
    {
        if (userId is null)
        {
            throw new ArgumentNullException(paramName);
        }

        return IsValidUserId(userId) ? userId : throw new ArgumentException($"{paramName} must be a Zalo user id: 1–32 digits.", paramName);
    }

    private static bool IsToken(string? value, int max)
    {
        if (value is null || value.Length == 0 || value.Length > max)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!(c is >= 'A' and <= 'Z' or >= 'a' and <= 'z' or >= '0' and <= '9' or '-' or '_'))
            {
                return false;
            }
        }

        return true;
    }
}
