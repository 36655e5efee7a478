using System;

namespace NinhBinh.Comms.Broadcast.Tests.Radio.Mqtt;

/// <summary>A fact that needs a real mosquitto: skipped with the reason when it is not installed, failed under CI=true.</summary>
public sealed class MosquittoFactAttribute : FactAttribute
{
    public MosquittoFactAttribute()
    {
        if (MosquittoBroker.Executable is null && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Skip = "mosquitto is not installed (Debian package mosquitto; scripts/test.sh installs it when run as root).";
        }
    }
}
