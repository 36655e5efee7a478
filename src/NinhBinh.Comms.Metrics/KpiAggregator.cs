using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace NinhBinh.Comms.Metrics;

/// <summary>
/// Totals that follow the rules reports get wrong: sums add (each channel's finest figures, never a figure and its
/// parts twice); uniques (reach) never add across days, channels or platforms — the period's own figure is used, or
/// the answer says why there is none; snapshots (followers) take each channel's last value at or before the period's
/// end; ratios (engagement rate) are recomputed from summed interactions and the period's reach; units are the units in
/// force, old codes mapped through their successors, so merged communes count once.
/// </summary>
public sealed class KpiAggregator
{
    private static readonly string[] InteractionParts = { MetricCatalog.EngagementReactions, MetricCatalog.EngagementComments, MetricCatalog.EngagementShares };

    private readonly IKpiStore _store;
    private readonly AdministrativeUnitRegistry _registry;
    private readonly TimeProvider _time;

    /// <summary>Creates an aggregator over a store.</summary>
    /// <param name="store">The figures.</param>
    /// <param name="registry">Administrative units (default <see cref="AdministrativeUnitRegistry.Default"/>).</param>
    /// <param name="timeProvider">The clock for "today" (default: the system clock).</param>
    public KpiAggregator(IKpiStore store, AdministrativeUnitRegistry? registry = null, TimeProvider? timeProvider = null)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _registry = registry ?? AdministrativeUnitRegistry.Default;
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The total of a metric for a unit (a province includes its communes) over a reporting period.</summary>
    /// <param name="unitCode">A province (2 digits) or commune (5 digits) code; an old code is mapped to its successor.</param>
    /// <param name="metric">The canonical metric key.</param>
    /// <param name="period">The period.</param>
    /// <param name="platform">Only this platform, or null for all.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The figure, or why there is none.</returns>
    public Task<KpiFigure> TotalAsync(string unitCode, string metric, ReportingPeriod period, KpiPlatform? platform = null, CancellationToken cancellationToken = default)
        => TotalAsync(unitCode, metric, (period ?? throw new ArgumentNullException(nameof(period))).Start, period.End, platform, cancellationToken);

    /// <summary>The total of a metric for a unit (a province includes its communes) between two Vietnam dates, inclusive.</summary>
    /// <param name="unitCode">A province (2 digits) or commune (5 digits) code; an old code is mapped to its successor.</param>
    /// <param name="metric">The canonical metric key.</param>
    /// <param name="from">The first day.</param>
    /// <param name="to">The last day.</param>
    /// <param name="platform">Only this platform, or null for all.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The figure, or why there is none.</returns>
    /// <exception cref="ArgumentException">An unknown unit or metric, or <paramref name="to"/> before <paramref name="from"/>.</exception>
    public async Task<KpiFigure> TotalAsync(string unitCode, string metric, DateTime from, DateTime to, KpiPlatform? platform = null, CancellationToken cancellationToken = default)
    {
        var definition = MetricCatalog.Get(metric);
        from = from.Date;
        to = to.Date;
        if (to < from)
        {
            throw new ArgumentException($"The period ends ({KpiCsv.Date(to)}) before it starts ({KpiCsv.Date(from)}).", nameof(to));
        }

        var unit = ResolveUnit(unitCode, to);
        if (definition.Kind == AggregationKind.Lifetime)
        {
            // Deltas need the readings on both sides of the period's start, not a series reduced to the period.
            return Lifetime(metric, await QueryAsync(unit, metric, from, to, platform, true, cancellationToken).ConfigureAwait(false), from, to,
                $"{KpiCsv.Date(from)}..{KpiCsv.Date(to)}");
        }

        return await ComputeAsync(definition, from, to,
            async (m, snapshot) => KpiSeries.Of(await QueryAsync(unit, m, from, to, platform, snapshot, cancellationToken).ConfigureAwait(false), from, to, snapshot)).ConfigureAwait(false);
    }

    /// <summary>
    /// The figure of a metric over [<paramref name="from"/>, <paramref name="to"/>] from its channels' series, by the
    /// rules: the one place they are applied, whether the series were reduced from figures or in SQL.
    /// </summary>
    /// <param name="definition">The metric.</param>
    /// <param name="from">The first day.</param>
    /// <param name="to">The last day.</param>
    /// <param name="seriesOf">The channels' series of a metric (snapshot: figures ending on or before <paramref name="to"/>).</param>
    internal static async Task<KpiFigure> ComputeAsync(MetricDefinition definition, DateTime from, DateTime to, Func<string, bool, Task<IReadOnlyList<KpiSeries>>> seriesOf)
    {
        var metric = definition.Key;
        var span = $"{KpiCsv.Date(from)}..{KpiCsv.Date(to)}";
        switch (definition.Kind)
        {
            case AggregationKind.Sum when metric == MetricCatalog.EngagementInteractions:
                return await InteractionsAsync(seriesOf, span).ConfigureAwait(false);
            case AggregationKind.Sum:
                return Sum(metric, await seriesOf(metric, false).ConfigureAwait(false), span);
            case AggregationKind.Unique:
                return Unique(metric, await seriesOf(metric, false).ConfigureAwait(false), span);
            case AggregationKind.Lifetime:
                throw new InvalidOperationException($"{metric} is a lifetime counter: its figure comes from the readings themselves (TotalAsync), not from reduced series.");
            case AggregationKind.Snapshot:
                return Snapshot(metric, await seriesOf(metric, true).ConfigureAwait(false), to);
            default:
                var interactions = await InteractionsAsync(seriesOf, span).ConfigureAwait(false);
                var reach = Unique(MetricCatalog.AudienceReach, await seriesOf(MetricCatalog.AudienceReach, false).ConfigureAwait(false), span);
                if (reach.Value is not { } r)
                {
                    return new KpiFigure(metric, AggregationKind.Ratio, null, "the engagement rate is interactions divided by the period's reach, and " + reach.Explanation, reach.Channels, 0);
                }

                if (r == 0)
                {
                    return new KpiFigure(metric, AggregationKind.Ratio, null, $"the reach for {span} is 0, so there is no rate", reach.Channels, reach.Figures);
                }

                var rate = Math.Round(interactions.Value!.Value / r, 6, MidpointRounding.AwayFromZero);
                return new KpiFigure(metric, AggregationKind.Ratio, rate,
                    $"{Format(interactions.Value.Value)} interactions / {Format(r)} reach, recomputed from the parts (never an average of rates)", reach.Channels, interactions.Figures + reach.Figures);
        }
    }

    /// <summary>
    /// Content items of a unit (a province includes its communes) published in a period, by topic: each topic's count
    /// of items (<c>content.published</c> counted from content items; an item with two topics counts under each, so the
    /// rows do not add up to the total) and the channels they were published on; items with no topic in a row whose
    /// key is null. Sorted by items, most first.
    /// </summary>
    /// <param name="unitCode">A province or commune code; an old code is mapped to its successor.</param>
    /// <param name="period">The period.</param>
    /// <param name="platform">Only this platform, or null for all.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>One row per topic.</returns>
    public Task<IReadOnlyList<KpiRollup>> ByTopicAsync(string unitCode, ReportingPeriod period, KpiPlatform? platform = null, CancellationToken cancellationToken = default)
        => RollupAsync(unitCode, period, platform, true, cancellationToken);

    /// <summary>
    /// Content items of a unit (a province includes its communes) published in a period, by campaign: each campaign's
    /// count of items and the channels they were published on; items of no campaign in a row whose key is null.
    /// Sorted by items, most first.
    /// </summary>
    /// <param name="unitCode">A province or commune code; an old code is mapped to its successor.</param>
    /// <param name="period">The period.</param>
    /// <param name="platform">Only this platform, or null for all.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>One row per campaign.</returns>
    public Task<IReadOnlyList<KpiRollup>> ByCampaignAsync(string unitCode, ReportingPeriod period, KpiPlatform? platform = null, CancellationToken cancellationToken = default)
        => RollupAsync(unitCode, period, platform, false, cancellationToken);

    private async Task<IReadOnlyList<KpiRollup>> RollupAsync(string unitCode, ReportingPeriod period, KpiPlatform? platform, bool byTopic, CancellationToken cancellationToken)
    {
        if (period is null)
        {
            throw new ArgumentNullException(nameof(period));
        }

        var unit = ResolveUnit(unitCode, period.End);
        var items = (await _store.GetContentItemsAsync(unit.Code, period.Start, period.End, cancellationToken).ConfigureAwait(false))
            .Where(i => platform is null || i.Platform == platform).ToList();
        var names = byTopic
            ? (await _store.GetTopicsAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(t => t.Key, t => t.Name, StringComparer.Ordinal)
            : (await _store.GetCampaignsAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(c => c.Key, c => c.Name, StringComparer.Ordinal);
        var pairs = items.SelectMany(i => byTopic
            ? (i.Topics.Count == 0 ? new string?[] { null } : i.Topics.Select(t => (string?)t))
            : new[] { i.Campaign }, (item, key) => (Item: item, Key: key));
        return pairs
            .GroupBy(p => p.Key ?? string.Empty, StringComparer.Ordinal)
            .Select(g => new KpiRollup(
                g.Key.Length == 0 ? null : g.Key,
                g.Key.Length == 0 ? "(none)" : names.TryGetValue(g.Key, out var name) ? name : g.Key,
                g.Count(),
                g.Select(p => (p.Item.UnitCode, p.Item.Channel, p.Item.Platform)).Distinct().Count()))
            .OrderByDescending(r => r.Items).ThenBy(r => r.Key is null).ThenBy(r => r.Key, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Formats a figure as scripts read it: invariant culture, no thousands separator, no trailing zeros.</summary>
    /// <param name="value">The figure.</param>
    /// <returns>The text.</returns>
    public static string Format(decimal value) => value.ToString("0.######", CultureInfo.InvariantCulture);

    internal AdministrativeUnit ResolveUnit(string unitCode, DateTime asOf)
    {
        if (KpiUnits.CodeProblem(_registry, unitCode) is { } problem)
        {
            throw new ArgumentException($"unit {problem}.", nameof(unitCode));
        }

        return KpiUnits.Map(_registry, unitCode, asOf, _time.GetVietnamToday())
            ?? throw new ArgumentException($"unit {unitCode} was split into several units; ask for one of its successors.", nameof(unitCode));
    }

    private Task<IReadOnlyList<MetricObservation>> QueryAsync(AdministrativeUnit unit, string metric, DateTime from, DateTime to, KpiPlatform? platform, bool upTo, CancellationToken cancellationToken)
        => _store.QueryAsync(new KpiQuery(unit.Code, metric, from, to) { Platform = platform, UpToOnly = upTo }, cancellationToken);

    private static async Task<KpiFigure> InteractionsAsync(Func<string, bool, Task<IReadOnlyList<KpiSeries>>> seriesOf, string span)
    {
        // A channel's interactions are its own engagement.interactions figures, or else the sum of its reactions,
        // comments and shares (never both: the first already contains the others).
        var direct = await seriesOf(MetricCatalog.EngagementInteractions, false).ConfigureAwait(false);
        var withDirect = new HashSet<(string, string, KpiPlatform)>(direct.Select(s => s.Key));
        var series = new List<KpiSeries>(direct);
        foreach (var part in InteractionParts)
        {
            series.AddRange((await seriesOf(part, false).ConfigureAwait(false)).Where(s => !withDirect.Contains(s.Key)));
        }

        var total = series.Sum(s => s.Sum);
        var used = series.Sum(s => s.Used);
        var channels = series.Select(s => s.Key).Distinct().Count();
        return new KpiFigure(MetricCatalog.EngagementInteractions, AggregationKind.Sum, total,
            $"sum of {used} figures of {channels} channels in {span} (reactions + comments + shares where a channel has no interactions figure)", channels, used);
    }

    private static KpiFigure Sum(string metric, IReadOnlyList<KpiSeries> series, string span)
    {
        var total = series.Sum(s => s.Sum);
        var used = series.Sum(s => s.Used);
        return new KpiFigure(metric, AggregationKind.Sum, total,
            series.Count == 0 ? $"no figures in {span}" : $"sum of {used} figures of {series.Count} channels in {span}", series.Count, used);
    }

    private static KpiFigure Unique(string metric, IReadOnlyList<KpiSeries> series, string span)
    {
        if (series.Count == 0)
        {
            return new KpiFigure(metric, AggregationKind.Unique, null, $"there is no {metric} figure for {span}", 0, 0);
        }

        if (series.Count > 1)
        {
            return new KpiFigure(metric, AggregationKind.Unique, null,
                $"{metric} counts unique people and {series.Count} channels have figures for {span}; uniques cannot be added across channels or platforms (people follow more than one): ask per channel (--platform) or use the platform's own combined figure", series.Count, 0);
        }

        if (series[0].Exact is not { } exact)
        {
            return new KpiFigure(metric, AggregationKind.Unique, null,
                $"there is no {metric} figure for exactly {span} (only {series[0].Figures} figures of other periods); uniques of shorter periods cannot be added up", 1, 0);
        }

        return new KpiFigure(metric, AggregationKind.Unique, exact, $"the platform's own figure for {span} ({series[0].Channel})", 1, 1);
    }

    private static KpiFigure Snapshot(string metric, IReadOnlyList<KpiSeries> series, DateTime to)
    {
        if (series.Count == 0)
        {
            return new KpiFigure(metric, AggregationKind.Snapshot, null, $"there is no {metric} figure on or before {KpiCsv.Date(to)}", 0, 0);
        }

        var total = series.Sum(s => s.Last!.Value);
        var latest = series.Max(s => s.LastEnd);
        return new KpiFigure(metric, AggregationKind.Snapshot, total,
            $"each of {series.Count} channels' last figure on or before {KpiCsv.Date(to)} (latest {KpiCsv.Date(latest)})", series.Count, series.Count);
    }

    /// <summary>
    /// Lifetime counters become period deltas (reference rule 5). A reading's day is its <c>period_end</c>. For each
    /// channel: the growth = the last reading at or before <paramref name="to"/> minus the last reading before
    /// <paramref name="from"/>, taken step by step over the readings between, where a reading lower than the one before
    /// is a reset (the counter started again from 0, so that step counts the new reading whole) and is flagged. A channel
    /// with no reading before the period is counted from its first reading in it (growth before that reading is not
    /// known) and flagged; one with no reading in the period grew by 0 as far as is known, and is flagged. Channels add.
    /// </summary>
    internal static KpiFigure Lifetime(string metric, IReadOnlyList<MetricObservation> readings, DateTime from, DateTime to, string span)
    {
        var groups = readings.GroupBy(o => (o.UnitCode, o.Channel, o.Platform)).OrderBy(g => g.Key.Item3).ThenBy(g => g.Key.Item1, StringComparer.Ordinal).ThenBy(g => g.Key.Item2, StringComparer.Ordinal).ToList();
        if (groups.Count == 0)
        {
            return new KpiFigure(metric, AggregationKind.Lifetime, null, $"there is no {metric} reading on or before {KpiCsv.Date(to)}", 0, 0);
        }

        var warnings = new List<string>();
        var total = 0m;
        var used = 0;
        foreach (var group in groups)
        {
            var name = $"{MetricCatalog.PlatformName(group.Key.Item3)}/{group.Key.Item1}/{group.Key.Item2}";

            // One reading per day: the one with the latest start when a day was given twice under different starts.
            var chain = group.GroupBy(o => o.PeriodEnd).Select(d => d.OrderByDescending(o => o.PeriodStart).First()).OrderBy(o => o.PeriodEnd).ToList();
            var baseline = chain.LastOrDefault(o => o.PeriodEnd < from);
            var inside = chain.Where(o => o.PeriodEnd >= from).ToList();
            if (inside.Count == 0)
            {
                warnings.Add($"{name}: no reading in {span} (last on {KpiCsv.Date(baseline!.PeriodEnd)}), so its growth is taken as 0");
                used++;
                continue;
            }

            MetricObservation previous;
            if (baseline is null)
            {
                previous = inside[0];
                inside.RemoveAt(0);
                warnings.Add($"{name}: no reading before {KpiCsv.Date(from)}, so it is counted from its first reading ({Format(previous.Value)} on {KpiCsv.Date(previous.PeriodEnd)}); growth before that reading is not included");
            }
            else
            {
                previous = baseline;
            }

            used++;
            foreach (var reading in inside)
            {
                if (reading.Value >= previous.Value)
                {
                    total += reading.Value - previous.Value;
                }
                else
                {
                    total += reading.Value;
                    warnings.Add($"{name}: went down from {Format(previous.Value)} ({KpiCsv.Date(previous.PeriodEnd)}) to {Format(reading.Value)} ({KpiCsv.Date(reading.PeriodEnd)}); treated as a reset to 0, so {Format(reading.Value)} is counted for that step");
                }

                used++;
                previous = reading;
            }
        }

        return new KpiFigure(metric, AggregationKind.Lifetime, total,
            $"growth of {groups.Count} channels' running totals in {span}: last reading at or before {KpiCsv.Date(to)} minus last reading before {KpiCsv.Date(from)}, never a sum of readings", groups.Count, used, warnings);
    }

    /// <summary>
    /// One channel's figures for a sum over [from, to]: the figure for exactly that period when there is one; otherwise
    /// the figures inside it, finest first, leaving out any that overlaps one already taken (a month beside its days).
    /// </summary>
    internal static List<MetricObservation> Cover(IEnumerable<MetricObservation> figures, DateTime from, DateTime to)
    {
        var inside = figures.Where(o => o.PeriodStart >= from && o.PeriodEnd <= to).ToList();
        var exact = inside.FirstOrDefault(o => o.PeriodStart == from && o.PeriodEnd == to);
        if (exact is not null)
        {
            return new List<MetricObservation> { exact };
        }

        var chosen = new List<MetricObservation>();
        var taken = new List<(DateTime Start, DateTime End)>();
        foreach (var o in inside.OrderBy(o => o.PeriodEnd - o.PeriodStart).ThenBy(o => o.PeriodStart))
        {
            if (taken.Any(t => o.PeriodStart <= t.End && o.PeriodEnd >= t.Start))
            {
                continue;
            }

            chosen.Add(o);
            taken.Add((o.PeriodStart, o.PeriodEnd));
        }

        return chosen;
    }
}
