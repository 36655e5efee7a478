using System;

namespace NinhBinh.Comms.Zalo;

/// <summary>One answer of <c>article/verify</c> while an article is being published, reported through <see cref="IProgress{T}"/>.</summary>
public sealed class ZaloArticleProgress
{
    /// <summary>Describes one verify answer.</summary>
    /// <param name="attempt">1 for the first verify request.</param>
    /// <param name="state">What Zalo answered.</param>
    /// <param name="elapsed">Time since verifying began (on the client's <see cref="TimeProvider"/>).</param>
    /// <param name="articleId">The article id, once <see cref="ZaloArticleState.Published"/>.</param>
    public ZaloArticleProgress(int attempt, ZaloArticleState state, TimeSpan elapsed, string? articleId = null)
    {
        Attempt = attempt;
        State = state;
        Elapsed = elapsed;
        ArticleId = articleId;
    }

    /// <summary>1 for the first verify request.</summary>
    public int Attempt { get; }

    /// <summary>What Zalo answered.</summary>
    public ZaloArticleState State { get; }

    /// <summary>Time since verifying began.</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>The article id, once <see cref="ZaloArticleState.Published"/>; otherwise null.</summary>
    public string? ArticleId { get; }

    /// <inheritdoc />
    public override string ToString() => $"attempt {Attempt}: {State} after {Elapsed.TotalSeconds:0.#} s";
}
