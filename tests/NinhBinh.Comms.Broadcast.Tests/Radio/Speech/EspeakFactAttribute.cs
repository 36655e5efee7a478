using System;
using System.IO;
using System.Linq;

namespace NinhBinh.Comms.Broadcast.Tests.Radio.Speech;

/// <summary>A fact that needs espeak-ng: skipped with the reason when it is not installed, failed under CI=true.</summary>
public sealed class EspeakFactAttribute : FactAttribute
{
    public EspeakFactAttribute()
    {
        if (Executable is null && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Skip = "espeak-ng is not installed (Debian package espeak-ng; scripts/test.sh installs it when run as root).";
        }
    }

    public static string? Executable { get; } = new[] { "/usr/bin/espeak-ng", "/usr/local/bin/espeak-ng" }.FirstOrDefault(File.Exists);
}
