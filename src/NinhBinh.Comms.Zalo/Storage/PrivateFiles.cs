using System.IO;
#if NET
using System;
#endif

namespace NinhBinh.Comms.Zalo.Internal;

/// <summary>Owner-only folders (0700) and files (0600) on Unix for the token store and the delivery journal; Windows inherits the folder's ACL.</summary>
internal static class PrivateFiles
{
    public static FileStream Open(string path, FileMode mode, FileAccess access, FileShare share, FileOptions options = FileOptions.None)
    {
#if NET
        var streamOptions = new FileStreamOptions { Mode = mode, Access = access, Share = share, Options = options };
        if (!OperatingSystem.IsWindows())
        {
            streamOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        return new FileStream(path, streamOptions);
#else
        return new FileStream(path, mode, access, share, 4096, options);
#endif
    }

    public static void CreateDirectory(string directory)
    {
#if NET
        if (!OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            return;
        }
#endif
        Directory.CreateDirectory(directory);
    }
}
