using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;
using System.Threading;

namespace NinhBinh.Comms.Zalo;

/// <summary>
/// Reads a Zalo OA's KPI figures for NinhBinh.Comms.Metrics (<c>KpiCollector.CollectAsync</c>), as of the moment it is
/// read: the follower count (<c>getoa</c> <c>num_follower</c>) as an <c>audience.followers</c> snapshot, and the
/// articles' running totals of views and shares (<c>getslice</c> <c>total_view</c> / <c>total_share</c>, summed over
/// every normal and video article) as <c>content.views.lifetime</c> and <c>engagement.shares.lifetime</c> readings, all
/// dated the day they are read. Zalo keeps no history of either, so a request whose days do not include today (Vietnam
/// time) yields nothing; collect daily to build the series, and the lifetime rule turns the readings into each
/// period's growth.
/// </summary>
/// <remarks>
/// An article removed from the OA takes its views out of the sum: the running total goes down, which the lifetime rule
/// treats (and flags) as a reset.
/// </remarks>
public sealed class ZaloObservationSource : IObservationSource
{
    /// <summary>The canonical key of the follower count.</summary>
    public const string FollowersMetric = "audience.followers";

    /// <summary>The canonical key of the articles' running total of views.</summary>
    public const string ArticleViewsMetric = "content.views.lifetime";

    /// <summary>The canonical key of the articles' running total of shares.</summary>
    public const string ArticleSharesMetric = "engagement.shares.lifetime";

    private static readonly string[] Collected = { FollowersMetric, ArticleViewsMetric, ArticleSharesMetric };

    private readonly ZaloOfficialAccountClient _client;
    private readonly TimeProvider _time;

    /// <summary>Creates the source for one OA.</summary>
    /// <param name="client">The OA's client (e.g. from <see cref="IZaloClientFactory"/>).</param>
    /// <param name="timeProvider">The clock for "today" and the retrieval time (default: the system clock).</param>
    public ZaloObservationSource(ZaloOfficialAccountClient client, TimeProvider? timeProvider = null)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public string Platform => "zalo";

    /// <inheritdoc />
    public IReadOnlyList<string> Metrics => Collected;

    /// <inheritdoc />
    public async IAsyncEnumerable<SourceObservation> CollectAsync(ObservationRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        var today = _time.GetVietnamToday();
        if (request.From.Date > today || request.To.Date < today)
        {
            // The follower count is only known as of now: there is nothing to give for other days.
            yield break;
        }

        var info = await _client.GetInfoAsync(cancellationToken).ConfigureAwait(false);
        yield return new SourceObservation(FollowersMetric, info.FollowerCount, today, today)
        {
            SourceMetric = "num_follower@v2.0/oa/getoa",
            RetrievedAt = _time.GetUtcNow(),
        };

        long views = 0, shares = 0;
        foreach (var type in new[] { ZaloArticleType.Normal, ZaloArticleType.Video })
        {
            await foreach (var article in _client.GetArticlesAsync(type, cancellationToken).ConfigureAwait(false))
            {
                views += article.Views;
                shares += article.Shares;
            }
        }

        var read = _time.GetUtcNow();
        yield return new SourceObservation(ArticleViewsMetric, views, today, today) { SourceMetric = "total_view@v2.0/article/getslice", RetrievedAt = read };
        yield return new SourceObservation(ArticleSharesMetric, shares, today, today) { SourceMetric = "total_share@v2.0/article/getslice", RetrievedAt = read };
    }
}
