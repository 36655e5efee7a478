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

    /// <summary>
    /// Adds or updates content items in one transaction (an item is its platform and id). Every topic and campaign an
    /// item names must already be in the store; otherwise nothing is imported.
    /// </summary>
    /// <param name="items">The items (checked: see <see cref="KpiRecordCsv"/>).</param>
    /// <param name="cancellationToken">Cancels the import (nothing is kept).</param>
    /// <returns>New and changed items as imported, unchanged ones as already there.</returns>
    /// <exception cref="ArgumentException">An item names an unknown topic or campaign, or its unit maps to no unit in force.</exception>
    Task<KpiImportResult> ImportContentItemsAsync(IEnumerable<KpiContentItem> items, CancellationToken cancellationToken = default);

    /// <summary>Reads the content items of a unit in force (a province includes its communes) published between two Vietnam dates, inclusive.</summary>
    /// <param name="unitCode">A unit in force.</param>
    /// <param name="firstDay">The first day.</param>
    /// <param name="lastDay">The last day.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The items, as imported.</returns>
    Task<IReadOnlyList<KpiContentItem>> GetContentItemsAsync(string unitCode, DateTime firstDay, DateTime lastDay, CancellationToken cancellationToken = default);

    /// <summary>Adds or updates topics in one transaction (a topic is its key).</summary>
    /// <param name="topics">The topics.</param>
    /// <param name="cancellationToken">Cancels the import.</param>
    /// <returns>New and changed topics as imported, unchanged ones as already there.</returns>
    Task<KpiImportResult> ImportTopicsAsync(IEnumerable<KpiTopic> topics, CancellationToken cancellationToken = default);

    /// <summary>Reads every topic.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The topics, by key.</returns>
    Task<IReadOnlyList<KpiTopic>> GetTopicsAsync(CancellationToken cancellationToken = default);

    /// <summary>Adds or updates campaigns in one transaction (a campaign is its key).</summary>
    /// <param name="campaigns">The campaigns.</param>
    /// <param name="cancellationToken">Cancels the import.</param>
    /// <returns>New and changed campaigns as imported, unchanged ones as already there.</returns>
    Task<KpiImportResult> ImportCampaignsAsync(IEnumerable<KpiCampaign> campaigns, CancellationToken cancellationToken = default);

    /// <summary>Reads every campaign.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The campaigns, by key.</returns>
    Task<IReadOnlyList<KpiCampaign>> GetCampaignsAsync(CancellationToken cancellationToken = default);

    /// <summary>Adds or updates agencies in one transaction (an agency is its code).</summary>
    /// <param name="agencies">The agencies.</param>
    /// <param name="cancellationToken">Cancels the import.</param>
    /// <returns>New and changed agencies as imported, unchanged ones as already there.</returns>
    /// <exception cref="ArgumentException">An agency's unit maps to no unit in force.</exception>
    Task<KpiImportResult> ImportAgenciesAsync(IEnumerable<KpiAgency> agencies, CancellationToken cancellationToken = default);

    /// <summary>Reads every agency, as imported (unit codes as given).</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The agencies, by code.</returns>
    Task<IReadOnlyList<KpiAgency>> GetAgenciesAsync(CancellationToken cancellationToken = default);

    /// <summary>Adds training records in one transaction (a record is its agency, staff id, day and course). Every agency named must already be in the store; otherwise nothing is imported.</summary>
    /// <param name="records">The records.</param>
    /// <param name="cancellationToken">Cancels the import.</param>
    /// <returns>New records as imported, ones already there as already there.</returns>
    /// <exception cref="ArgumentException">A record names an unknown agency.</exception>
    Task<KpiImportResult> ImportTrainingAsync(IEnumerable<KpiTrainingRecord> records, CancellationToken cancellationToken = default);

    /// <summary>Reads the training records between two Vietnam dates, inclusive.</summary>
    /// <param name="firstDay">The first day.</param>
    /// <param name="lastDay">The last day.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The records.</returns>
    Task<IReadOnlyList<KpiTrainingRecord>> GetTrainingAsync(DateTime firstDay, DateTime lastDay, CancellationToken cancellationToken = default);
}
