using System;
using System.IO;

namespace NinhBinh.Comms.Zalo.Tests;

/// <summary>
/// A fact that needs a folder this process cannot write in: skipped, with the reason shown, on Windows (that takes
/// ACLs) and when the process writes in read-only folders anyway (root, or CAP_DAC_OVERRIDE).
/// </summary>
public sealed class UnwritableFolderFactAttribute : FactAttribute
{
    private static readonly Lazy<bool> WritesInReadOnlyFolders = new(Probe);

    public UnwritableFolderFactAttribute()
    {
        if (OperatingSystem.IsWindows())
        {
            Skip = "Needs a read-only folder made with Unix file modes; on Windows that takes ACLs.";
        }
        else if (WritesInReadOnlyFolders.Value)
        {
            Skip = "This process writes in read-only folders (running as root or with CAP_DAC_OVERRIDE), so no folder is unwritable for it.";
        }
    }

    /// <summary>Tries to create a file in a 0500 folder: success means file modes do not stop this process.</summary>
    private static bool Probe()
    {
        if (OperatingSystem.IsWindows())
        {
            return false;
        }

        var dir = Path.Combine(Path.GetTempPath(), "nbcomms-probe-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        try
        {
            File.WriteAllText(Path.Combine(dir, "probe"), "x");
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
        finally
        {
            File.SetUnixFileMode(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            Directory.Delete(dir, recursive: true);
        }
    }
}
