using System;

namespace NinhBinh.Comms.Zalo;

/// <summary>Settings of a <see cref="ZaloBulletinChannel"/>.</summary>
public sealed class ZaloBulletinChannelOptions
{
    /// <summary>Only followers with this tag (for example a village, <c>thon-1</c>), 1–100 characters; all when <see langword="null"/>.</summary>
    public string? Tag { get; set; }

    /// <summary>Sends in flight at once, 1–64; default 8.</summary>
    public int MaxConcurrency { get; set; } = 8;

    /// <summary>
    /// Where the channel records who it reached, so that dispatching the same bulletin again reaches only those not
    /// reached yet. When <see langword="null"/>: a <see cref="FileDeliveryJournal"/> in
    /// <c>&lt;TokenStorePath&gt;/journal/&lt;oa-id&gt;</c> when <see cref="ZaloClientOptions.TokenStorePath"/> is set,
    /// otherwise an <see cref="InMemoryDeliveryJournal"/> of the channel instance.
    /// </summary>
    public IDeliveryJournal? Journal { get; set; }

    internal void Validate()
    {
        if (Tag is not null && (string.IsNullOrWhiteSpace(Tag) || Tag.Length > ZaloLimits.MaxTagLength))
        {
            throw new ArgumentException($"Tag must be 1–{ZaloLimits.MaxTagLength} characters when given.", nameof(Tag));
        }

        if (MaxConcurrency is < 1 or > 64)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxConcurrency), MaxConcurrency, "MaxConcurrency must be between 1 and 64.");
        }
    }
}
