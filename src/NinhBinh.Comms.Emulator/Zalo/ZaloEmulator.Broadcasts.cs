using System;
using System.Collections.Generic;

namespace NinhBinh.Comms.Emulator;

/// <summary>Seeding and inspection of broadcasts (article to targeted followers).</summary>
public sealed partial class ZaloEmulator
{
    /// <summary>
    /// Seeds an article as already published on an OA, so that it can be broadcast (as if it had been created and
    /// verified earlier).
    /// </summary>
    /// <param name="oaId">The OA id.</param>
    /// <param name="articleId">The article id.</param>
    public void AddPublishedArticle(string oaId, string articleId)
    {
        ArgumentException.ThrowIfNullOrEmpty(oaId);
        ArgumentException.ThrowIfNullOrEmpty(articleId);
        _backend.AddPublishedArticle(oaId, articleId);
    }

    /// <summary>Limits the broadcasts an OA may still send; the one beyond answers -211. Unlimited until set.</summary>
    /// <param name="oaId">The OA id.</param>
    /// <param name="remaining">How many broadcasts are left.</param>
    public void SetBroadcastQuota(string oaId, int remaining)
    {
        ArgumentException.ThrowIfNullOrEmpty(oaId);
        ArgumentOutOfRangeException.ThrowIfNegative(remaining);
        _backend.SetBroadcastQuota(oaId, remaining);
    }

    /// <summary>
    /// Sets what broadcast targeting knows of a follower, with Zalo's codes; a follower whose value is unknown
    /// (<see langword="null"/>) is not reached by a broadcast that targets that field.
    /// </summary>
    /// <param name="oaId">The OA id.</param>
    /// <param name="userId">A follower of the OA.</param>
    /// <param name="ageGroup">0 (0–12) … 7 (65+).</param>
    /// <param name="gender">1 male, 2 female.</param>
    /// <param name="region">0 North, 1 Central, 2 South.</param>
    /// <param name="city">The province code as a number (37 for Ninh Bình).</param>
    /// <param name="platform">1 iOS, 2 Android, 3 Windows Phone.</param>
    public void SetFollowerDemographics(string oaId, string userId, int? ageGroup = null, int? gender = null, int? region = null, int? city = null, int? platform = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(oaId);
        ArgumentException.ThrowIfNullOrEmpty(userId);
        _backend.SetFollowerDemographics(oaId, userId, ageGroup, gender, region, city, platform);
    }

    /// <summary>The broadcasts an OA sent, in order, each with the followers it reached.</summary>
    /// <param name="oaId">The OA id.</param>
    /// <returns>A snapshot (empty for an unknown OA or none sent).</returns>
    public IReadOnlyList<EmulatedBroadcast> GetBroadcasts(string oaId) => _backend.GetBroadcasts(oaId);
}
