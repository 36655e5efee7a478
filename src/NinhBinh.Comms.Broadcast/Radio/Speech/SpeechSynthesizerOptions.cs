using System;

namespace NinhBinh.Comms.Broadcast.Radio.Speech;

/// <summary>Settings of a <see cref="SpeechSynthesizer"/>.</summary>
public sealed class SpeechSynthesizerOptions
{
    /// <summary>How many chunks are synthesized at once; 2 by default (1–16).</summary>
    public int MaxParallelism { get; set; } = 2;

    /// <summary>Attempts per chunk, the first included; 3 by default (1–10). Only transient failures are retried.</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>The wait before the second attempt, doubled before each further one, when the provider gave no Retry-After; 1 second by default (up to 1 minute).</summary>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest Retry-After honoured; a provider asking for more fails the request at once. 2 minutes by default (up to 1 hour).</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// A silence between chunks, or <see langword="null"/> for none. Written into the text with the provider's
    /// markup (<see cref="ITextToSpeech.PauseMarkup"/>) at the end of every chunk but the last; a provider without
    /// markup gets none, and <see cref="SpeechSynthesis.PauseBetweenParts"/> tells the player to leave the gap.
    /// At most 10 seconds.
    /// </summary>
    public TimeSpan? PauseBetweenChunks { get; set; }

    /// <summary>Whether results are cached; true by default.</summary>
    public bool CacheEnabled { get; set; } = true;

    /// <summary>The total size of the audio bytes kept (least recently used dropped first); 32 MiB by default (0–1 GiB).</summary>
    public long MaxCachedBytes { get; set; } = 32L * 1024 * 1024;

    /// <summary>How long before its expiry a cached URL is no longer handed out; 2 minutes by default (up to 1 hour).</summary>
    public TimeSpan UrlExpiryMargin { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Checks the settings.</summary>
    /// <exception cref="ArgumentException">A setting is out of range; the message names it and the range.</exception>
    public void Validate()
    {
        if (MaxParallelism is < 1 or > 16)
        {
            throw new ArgumentException($"MaxParallelism: {MaxParallelism} is not between 1 and 16.", nameof(MaxParallelism));
        }

        if (MaxAttempts is < 1 or > 10)
        {
            throw new ArgumentException($"MaxAttempts: {MaxAttempts} is not between 1 and 10.", nameof(MaxAttempts));
        }

        if (InitialBackoff < TimeSpan.Zero || InitialBackoff > TimeSpan.FromMinutes(1))
        {
            throw new ArgumentException($"InitialBackoff: {InitialBackoff} is not between 0 and 1 minute.", nameof(InitialBackoff));
        }

        if (MaxRetryAfter < TimeSpan.Zero || MaxRetryAfter > TimeSpan.FromHours(1))
        {
            throw new ArgumentException($"MaxRetryAfter: {MaxRetryAfter} is not between 0 and 1 hour.", nameof(MaxRetryAfter));
        }

        if (PauseBetweenChunks is { } pause && (pause <= TimeSpan.Zero || pause > TimeSpan.FromSeconds(10)))
        {
            throw new ArgumentException($"PauseBetweenChunks: {pause} is not more than 0 and at most 10 seconds.", nameof(PauseBetweenChunks));
        }

        if (MaxCachedBytes is < 0 or > 1024L * 1024 * 1024)
        {
            throw new ArgumentException($"MaxCachedBytes: {MaxCachedBytes} is not between 0 and 1 GiB.", nameof(MaxCachedBytes));
        }

        if (UrlExpiryMargin < TimeSpan.Zero || UrlExpiryMargin > TimeSpan.FromHours(1))
        {
            throw new ArgumentException($"UrlExpiryMargin: {UrlExpiryMargin} is not between 0 and 1 hour.", nameof(UrlExpiryMargin));
        }
    }
}
