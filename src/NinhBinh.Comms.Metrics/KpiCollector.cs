using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace NinhBinh.Comms.Metrics;

/// <summary>
/// Collects figures from an <see cref="IObservationSource"/> (a Zalo OA, a page) into a KPI store: each figure the
/// source yields becomes a <see cref="MetricObservation"/> of the requested unit and channel, checked (a canonical
/// metric, a known platform, no negative value) before anything is stored, then imported like any other figure
/// (idempotent; a later retrieval replaces).
/// </summary>
public static class KpiCollector
{
    /// <summary>Reads a channel's figures from a source and imports them.</summary>
    /// <param name="source">The source.</param>
    /// <param name="store">The store.</param>
    /// <param name="request">The unit, channel and days.</param>
    /// <param name="cancellationToken">Cancels the reading and the import (nothing is kept).</param>
    /// <returns>What the import did.</returns>
    /// <exception cref="ArgumentException">The source's platform is not a KPI platform, or it yielded an unknown metric or a negative value (nothing is imported).</exception>
    public static async Task<KpiImportResult> CollectAsync(IObservationSource source, IKpiStore store, ObservationRequest request, CancellationToken cancellationToken = default)
    {
        if (source is null)
        {
            throw new ArgumentNullException(nameof(source));
        }

        if (store is null)
        {
            throw new ArgumentNullException(nameof(store));
        }

        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        if (string.IsNullOrWhiteSpace(request.Channel))
        {
            throw new ArgumentException("request.Channel must name the channel.", nameof(request));
        }

        if (request.To.Date < request.From.Date)
        {
            throw new ArgumentException($"request.To ({KpiCsv.Date(request.To)}) is before request.From ({KpiCsv.Date(request.From)}).", nameof(request));
        }

        if (!MetricCatalog.TryParsePlatform(source.Platform, out var platform))
        {
            throw new ArgumentException($"the source's platform '{source.Platform}' is not one of zalo, facebook, youtube, tiktok, web, radio, board, other.", nameof(source));
        }

        var observations = new List<MetricObservation>();
        await foreach (var figure in source.CollectAsync(request, cancellationToken).ConfigureAwait(false))
        {
            if (!MetricCatalog.TryGet(figure.Metric, out _))
            {
                throw new ArgumentException($"the {source.Platform} source yielded the metric '{figure.Metric}', which is not a canonical metric key; nothing was imported.", nameof(source));
            }

            if (figure.Value < 0)
            {
                throw new ArgumentException($"the {source.Platform} source yielded a negative {figure.Metric} ({KpiAggregator.Format(figure.Value)}); nothing was imported.", nameof(source));
            }

            if (figure.PeriodEnd.Date < figure.PeriodStart.Date)
            {
                throw new ArgumentException($"the {source.Platform} source yielded a {figure.Metric} whose period ends before it starts; nothing was imported.", nameof(source));
            }

            observations.Add(new MetricObservation(request.UnitCode, request.Channel, platform, figure.Metric, figure.Value, figure.PeriodStart.Date, figure.PeriodEnd.Date)
            {
                SourceMetric = figure.SourceMetric,
                RetrievedAt = figure.RetrievedAt,
                Estimated = figure.Estimated,
            });
        }

        return await store.ImportAsync(observations, cancellationToken).ConfigureAwait(false);
    }
}
