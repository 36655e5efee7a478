using System;
using System.Collections.Generic;

namespace NinhBinh.Comms.Zalo;

/// <summary>Settings of a <see cref="ZaloBulletinChannel"/>.</summary>
public sealed class ZaloBulletinChannelOptions
{
    /// <summary>Only followers with this tag (for example a village, <c>thon-1</c>), 1–100 characters; all when <see langword="null"/>.</summary>
    public string? Tag { get; set; }

    /// <summary>Sends in flight at once, 1–64; default 8. In <see cref="ZaloBulletinMode.ArticleBroadcast"/>: OAs published to at once.</summary>
    public int MaxConcurrency { get; set; } = 8;

    /// <summary>How the bulletin goes out: consultation messages on one OA (default) or an article broadcast on the OA of every targeted commune.</summary>
    public ZaloBulletinMode Mode { get; set; }

    /// <summary>
    /// <see cref="ZaloBulletinMode.ArticleBroadcast"/>: the OA of each commune, by commune code (one OA per commune, all
    /// held by the app). A code that no longer exists counts for the communes that succeeded it. A bulletin reaches the
    /// OAs of the communes its target areas cover (<see cref="AdministrativeUnitRegistry.ResolveCommunes"/>), each OA once.
    /// </summary>
    public IDictionary<string, string> CommuneOfficialAccounts { get; set; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary><see cref="ZaloBulletinMode.ArticleBroadcast"/>: which followers each broadcast reaches; every follower when <see langword="null"/>.</summary>
    public ZaloBroadcastTarget? BroadcastTarget { get; set; }

    /// <summary>
    /// <see cref="ZaloBulletinMode.ArticleBroadcast"/>: the article's cover photo when the bulletin has no image
    /// attachment (Zalo requires a cover).
    /// </summary>
    public Uri? ArticleCover { get; set; }

    /// <summary><see cref="ZaloBulletinMode.ArticleBroadcast"/>: how long and how often each article is verified; 60 s every 3 s when <see langword="null"/>.</summary>
    public ZaloArticleVerifyOptions? ArticleVerify { get; set; }

    /// <summary><see cref="ZaloBulletinMode.ArticleBroadcast"/>: the administrative units the target areas are read with; <see cref="AdministrativeUnitRegistry.Default"/> when <see langword="null"/>.</summary>
    public AdministrativeUnitRegistry? Registry { get; set; }

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

        if (Mode is not (ZaloBulletinMode.ConsultationMessages or ZaloBulletinMode.ArticleBroadcast))
        {
            throw new ArgumentOutOfRangeException(nameof(Mode), Mode, "Mode must be ConsultationMessages or ArticleBroadcast.");
        }

        if (Mode == ZaloBulletinMode.ArticleBroadcast)
        {
            ValidateArticleBroadcast();
        }
    }

    private void ValidateArticleBroadcast()
    {
        if (Tag is not null)
        {
            throw new ArgumentException("Tag selects followers for consultation messages; an article broadcast reaches followers by BroadcastTarget.", nameof(Tag));
        }

        if (CommuneOfficialAccounts is null || CommuneOfficialAccounts.Count == 0)
        {
            throw new ArgumentException("CommuneOfficialAccounts is empty: an article broadcast needs the OA of at least one commune (commune code -> OA id).", nameof(CommuneOfficialAccounts));
        }

        foreach (var pair in CommuneOfficialAccounts)
        {
            if (string.IsNullOrWhiteSpace(pair.Key))
            {
                throw new ArgumentException("CommuneOfficialAccounts has an empty commune code.", nameof(CommuneOfficialAccounts));
            }

            if (!ZaloIds.IsValidOaId(pair.Value))
            {
                throw new ArgumentException($"CommuneOfficialAccounts['{pair.Key}'] is not an OA id (1–64 letters, digits, '-' or '_').", nameof(CommuneOfficialAccounts));
            }
        }

        if (ArticleCover is { IsAbsoluteUri: false } || (ArticleCover is { } cover && cover.Scheme != Uri.UriSchemeHttps && cover.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException("ArticleCover must be an absolute http or https URL.", nameof(ArticleCover));
        }
    }
}
