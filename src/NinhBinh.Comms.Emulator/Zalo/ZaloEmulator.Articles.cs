using System;

namespace NinhBinh.Comms.Emulator;

/// <content>Articles: test hooks for media failures and view/share counters, and inspection.</content>
public sealed partial class ZaloEmulator
{
    /// <summary>
    /// Makes a media URL unfetchable, as a dead link would be: the processing of any article (or update) whose cover,
    /// thumbnail or body uses it fails, and <c>article/verify</c> answers -200 naming the URL.
    /// </summary>
    /// <param name="url">The URL, percent-encoded or not (compared decoded).</param>
    public void MarkMediaUnreachable(string url)
    {
        ArgumentException.ThrowIfNullOrEmpty(url);
        _backend.MarkMediaUnreachable(url);
    }

    /// <summary>Sets the view and share counters of a published article (<c>total_view</c>, <c>total_share</c>).</summary>
    /// <param name="oaId">The OA id.</param>
    /// <param name="articleId">The article id.</param>
    /// <param name="views">The views.</param>
    /// <param name="shares">The shares.</param>
    /// <exception cref="InvalidOperationException">The OA has no such published article.</exception>
    public void SetArticleCounters(string oaId, string articleId, long views, long shares)
    {
        ArgumentException.ThrowIfNullOrEmpty(oaId);
        ArgumentException.ThrowIfNullOrEmpty(articleId);
        ArgumentOutOfRangeException.ThrowIfNegative(views);
        ArgumentOutOfRangeException.ThrowIfNegative(shares);
        _backend.SetArticleCounters(oaId, articleId, views, shares);
    }

    /// <summary>How many articles of an OA are published and not removed (both types).</summary>
    /// <param name="oaId">The OA id.</param>
    /// <returns>The count (0 for an unknown OA).</returns>
    public int GetArticleCount(string oaId) => _backend.GetArticleCount(oaId);
}
