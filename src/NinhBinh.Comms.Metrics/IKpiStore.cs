using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace NinhBinh.Comms.Metrics;

/// <summary>
/// Where KPI figures and the channel inventory live. Imports are idempotent (the same figure again is "already there");
/// a figure retrieved later replaces the earlier one. Queries select by the unit in force (old codes map through their
/// successors), and give figures back as imported (with their original unit code: a channel is its unit, name and platform).
/// </summary>
public interface IKpiStore : IDisposable
{
    /// <summary>Imports figures in one transaction.</summary>
    /// <param name="observations">The figures (checked: see <see cref="KpiCsv"/>).</param>
    /// <param name="cancellationToken">Cancels the import (nothing is kept).</param>
    /// <returns>What was imported, already there, replaced or kept.</returns>
    Task<KpiImportResult> ImportAsync(IEnumerable<MetricObservation> observations, CancellationToken cancellationToken = default);

    /// <summary>Adds or updates channels of the inventory in one transaction (a channel is its unit, name and platform).</summary>
    /// <param name="channels">The channels.</param>
    /// <param name="cancellationToken">Cancels the import.</param>
    /// <returns>New channels as imported, unchanged ones as already there, changed ones as replaced.</returns>
    Task<KpiImportResult> ImportChannelsAsync(IEnumerable<KpiChannel> channels, CancellationToken cancellationToken = default);

    /// <summary>Reads figures of one metric for a unit in force and, for a province, its communes.</summary>
    /// <param name="query">What to read.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The figures, as imported.</returns>
    Task<IReadOnlyList<MetricObservation>> QueryAsync(KpiQuery query, CancellationToken cancellationToken = default);

    /// <summary>Reads the channel inventory, as imported (unit codes as given; map them for a date with the registry).</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>Every channel.</returns>
    Task<IReadOnlyList<KpiChannel>> GetChannelsAsync(CancellationToken cancellationToken = default);

    /// <summary>Records that the yearly report of a unit was produced (for the <c>report-on-time</c> indicator).</summary>
    /// <param name="unitCode">The unit.</param>
    /// <param name="year">The report's year.</param>
    /// <param name="producedAt">When it was produced.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task.</returns>
    Task RecordReportAsync(string unitCode, int year, DateTimeOffset producedAt, CancellationToken cancellationToken = default);

    /// <summary>When the yearly report of a unit was first produced, or null.</summary>
    /// <param name="unitCode">The unit.</param>
    /// <param name="year">The year.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The first production time, or null.</returns>
    Task<DateTimeOffset?> GetReportProducedAtAsync(string unitCode, int year, CancellationToken cancellationToken = default);
}
