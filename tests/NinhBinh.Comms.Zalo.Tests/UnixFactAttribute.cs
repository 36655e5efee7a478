using System;

namespace NinhBinh.Comms.Zalo.Tests;

/// <summary>A fact about Unix file modes: skipped, with the reason shown, on Windows.</summary>
public sealed class UnixFactAttribute : FactAttribute
{
    public UnixFactAttribute()
    {
        if (OperatingSystem.IsWindows())
        {
            Skip = "Unix file modes only: on Windows the token files inherit the folder's ACL.";
        }
    }
}
