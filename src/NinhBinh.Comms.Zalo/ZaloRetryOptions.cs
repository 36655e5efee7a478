using System;
using System.Globalization;

namespace NinhBinh.Comms.Zalo;

/// <summary>
/// How the SDK retries transient failures: exponential backoff with jitter, honouring <c>Retry-After</c>. Message
/// sends and token refreshes are never retried once the request may have reached Zalo (at most once).
/// </summary>
public sealed class ZaloRetryOptions
{
    /// <summary>Whether the built-in retry runs; turn it off to add your own handler. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Retries after the first attempt; 0–10, default 3.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first backoff delay; default 1 second.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest backoff delay, and the longest <c>Retry-After</c> honoured; default 30 seconds.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Describes the settings, for logs and diagnostics.</summary>
    /// <returns>For example <c>Enabled = True, MaxRetries = 3, BaseDelay = 00:00:01, MaxDelay = 00:00:30</c>.</returns>
    public override string ToString()
        => string.Format(CultureInfo.InvariantCulture, "Enabled = {0}, MaxRetries = {1}, BaseDelay = {2:c}, MaxDelay = {3:c}", Enabled, MaxRetries, BaseDelay, MaxDelay);
}
