using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;

namespace NinhBinh.Comms.Zalo;

/// <summary>
/// Reads a Zalo OA's KPI figures for NinhBinh.Comms.Metrics (<c>KpiCollector.CollectAsync</c>): today the follower
/// count (<c>getoa</c> <c>num_follower</c>) as an <c>audience.followers</c> snapshot dated the day it is read. Zalo
/// keeps no follower history, so a request whose days do not include today (Vietnam time) yields nothing; collect
/// daily to build the series.
/// </summary>
/// <remarks>
/// Articles' <c>total_view</c> and <c>total_share</c> (running totals per article, from <c>getslice</c>) map to the
/// lifetime metrics <c>content.views.lifetime</c> and <c>engagement.shares.lifetime</c>: summed over the OA's articles
/// at the moment of reading, they are one running total of the channel. They are not read yet — the articles API is
/// not part of this package's client yet — and are not in <see cref="Metrics"/> until they are.
/// </remarks>
public sealed class ZaloObservationSource : IObservationSource
{
    /// <summary>The canonical key of the follower count.</summary>
    public const string FollowersMetric = "audience.followers";

    private static readonly string[] Collected = { FollowersMetric };

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

        // Seam for articles: when the client lists articles (getslice), yield the sums of the articles' total_view and
        // total_share here as content.views.lifetime / engagement.shares.lifetime readings dated today, and add both
        // keys to Collected.
    }
}
