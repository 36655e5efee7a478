using System.Collections.Generic;
using System.Threading;

namespace NinhBinh.Comms;

/// <summary>
/// Something that reads KPI figures of one channel from its platform (a Zalo OA's follower count, a page's views):
/// the collection side of NinhBinh.Comms.Metrics, which turns what a source yields into stored observations
/// (<c>KpiCollector</c>). Kept free of Metrics types so platform packages implement it without depending on Metrics.
/// </summary>
public interface IObservationSource
{
    /// <summary>The platform, as written in the KPI exchange formats: zalo, facebook, youtube, tiktok, web, radio, board or other.</summary>
    string Platform { get; }

    /// <summary>The canonical metric keys this source can yield (e.g. <c>audience.followers</c>).</summary>
    IReadOnlyList<string> Metrics { get; }

    /// <summary>Reads the figures of the channel for the requested days that the platform can give.</summary>
    /// <param name="request">The unit, channel and days.</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    /// <returns>The figures, as they are read.</returns>
    IAsyncEnumerable<SourceObservation> CollectAsync(ObservationRequest request, CancellationToken cancellationToken = default);
}
