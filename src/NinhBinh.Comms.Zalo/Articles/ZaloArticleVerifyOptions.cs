using System;

namespace NinhBinh.Comms.Zalo;

/// <summary>How long and how often to ask Zalo whether an article is published (<c>article/verify</c>).</summary>
public sealed class ZaloArticleVerifyOptions
{
    /// <summary>The wait between two verify requests (default 3 seconds, as production integrations poll).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// How long to keep verifying before giving up with a <see cref="ZaloArticleTimeoutException"/> (default 60
    /// seconds). The article may still be published later: verify its token again.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    internal void Validate()
    {
        if (PollInterval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(PollInterval), PollInterval, "PollInterval must be greater than zero.");
        }

        if (Timeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(Timeout), Timeout, "Timeout must be greater than zero.");
        }
    }
}
