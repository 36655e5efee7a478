using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace NinhBinh.Comms.Metrics;

/// <summary>
/// The plan's indicators ("Nâng cao năng lực truyền thông chính sách trên internet, 2024–2030"), evaluated from the
/// channel inventory and the report log as of any date. Coverage counts the communes in force on that date (merged
/// communes once; channels of old codes count for their successor).
/// </summary>
public sealed class KpiIndicators
{
    /// <summary>The day the plan began; progress is expected in proportion to the time from it to each deadline.</summary>
    public static readonly DateTime PlanStart = new(2024, 7, 1);

    private static readonly KpiPlatform[] SocialPlatforms = { KpiPlatform.Zalo, KpiPlatform.Facebook, KpiPlatform.YouTube, KpiPlatform.TikTok };

    private readonly IKpiStore _store;
    private readonly AdministrativeUnitRegistry _registry;
    private readonly TimeProvider _time;

    /// <summary>Creates the evaluator.</summary>
    /// <param name="store">The channel inventory and report log.</param>
    /// <param name="registry">Administrative units (default <see cref="AdministrativeUnitRegistry.Default"/>).</param>
    /// <param name="timeProvider">The clock for "today" (default: the system clock).</param>
    public KpiIndicators(IKpiStore store, AdministrativeUnitRegistry? registry = null, TimeProvider? timeProvider = null)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _registry = registry ?? AdministrativeUnitRegistry.Default;
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The yearly report's deadline: the department must have it before 30 November (so 29 November is the last day).</summary>
    /// <param name="year">The report's year.</param>
    /// <returns>The last day to produce it.</returns>
    public static DateTime ReportDeadline(int year) => new(year, 11, 29);

    /// <summary>Evaluates every indicator for a unit (a province covers its communes) on a date.</summary>
    /// <param name="unitCode">A province or commune code (an old code maps to its successor).</param>
    /// <param name="asOf">The Vietnam date.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>zalo-oa-coverage, ip-radio-coverage, eboard-coverage, social-accounts-per-agency, training-coverage, report-on-time.</returns>
    public async Task<IReadOnlyList<IndicatorResult>> EvaluateAsync(string unitCode, DateTime asOf, CancellationToken cancellationToken = default)
    {
        asOf = asOf.Date;
        if (KpiUnits.CodeProblem(_registry, unitCode) is { } problem)
        {
            throw new ArgumentException($"unit {problem}.", nameof(unitCode));
        }

        var unit = KpiUnits.Map(_registry, unitCode, asOf, asOf)
            ?? throw new ArgumentException($"unit {unitCode} does not map to one unit in force on {asOf:yyyy-MM-dd}.", nameof(unitCode));
        var communes = unit.Level == AdministrativeLevel.Province ? CommunesOf(unit.Code, asOf) : new List<string> { unit.Code };

        // Channels open on the date, by the unit in force their code maps to.
        var open = new List<(string Unit, KpiChannel Channel)>();
        foreach (var channel in await _store.GetChannelsAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!channel.IsOpenOn(asOf))
            {
                continue;
            }

            // The channel's unit as it stood on the date (an old code after the 2025 reform counts for its successor).
            var mapped = KpiUnits.Map(_registry, channel.UnitCode, asOf, asOf);
            if (mapped is not null)
            {
                open.Add((mapped.Code, channel));
            }
        }

        IndicatorResult Coverage(string key, string title, KpiPlatform platform, DateTime deadline, bool needsEstablished)
        {
            var have = new HashSet<string>(open.Where(o => o.Channel.Official && o.Channel.Platform == platform && (!needsEstablished || o.Channel.EstablishedOn is not null)).Select(o => o.Unit));
            var missing = communes.Where(c => !have.Contains(c)).ToList();
            return Result(key, title, communes.Count - missing.Count, communes.Count, 1m, deadline, asOf, missing);
        }

        // Agencies: the recorded ones of the units in scope (each keeps the channels it lists); a unit with none recorded
        // counts as one agency (its People's Committee) that keeps all its channels.
        var units = unit.Level == AdministrativeLevel.Province ? new[] { unit.Code }.Concat(communes).ToList() : communes;
        var inScope = new HashSet<string>(units, StringComparer.Ordinal);
        var recorded = new List<(string Unit, KpiAgency Agency)>();
        foreach (var agency in await _store.GetAgenciesAsync(cancellationToken).ConfigureAwait(false))
        {
            if (KpiUnits.Map(_registry, agency.UnitCode, asOf, asOf) is { } mapped && inScope.Contains(mapped.Code))
            {
                recorded.Add((mapped.Code, agency));
            }
        }

        bool IsSocial((string Unit, KpiChannel Channel) o) => o.Channel.Official && SocialPlatforms.Contains(o.Channel.Platform);
        var agencyCount = recorded.Count + units.Count(u => !recorded.Any(r => r.Unit == u));
        var social = recorded
            .Where(r => open.Count(o => o.Unit == r.Unit && IsSocial(o) && r.Agency.Channels.Contains(o.Channel.Channel, StringComparer.Ordinal)) < 2)
            .Select(r => r.Agency.Code)
            .Concat(units.Where(u => !recorded.Any(r => r.Unit == u) && open.Count(o => o.Unit == u && IsSocial(o)) < 2))
            .ToList();

        // Training: every communication staff member of the recorded agencies trained in the calendar year (up to the date).
        var trainedInYear = await _store.GetTrainingAsync(new DateTime(asOf.Year, 1, 1), asOf, cancellationToken).ConfigureAwait(false);
        int staff = 0, trained = 0;
        var untrained = new List<string>();
        foreach (var (_, agency) in recorded)
        {
            var people = trainedInYear.Where(t => t.AgencyCode == agency.Code).Select(t => t.StaffId).Distinct(StringComparer.Ordinal).Count();
            staff += agency.CommunicationStaff;
            trained += Math.Min(people, agency.CommunicationStaff);
            if (people < agency.CommunicationStaff)
            {
                untrained.Add(agency.Code);
            }
        }

        var reportYear = asOf.Year;
        var produced = await _store.GetReportProducedAtAsync(unit.Code, reportYear, cancellationToken).ConfigureAwait(false);
        var onTime = produced is { } p && VietnamTime.ToVietnamTime(p).Date <= ReportDeadline(reportYear) && VietnamTime.ToVietnamTime(p).Date <= asOf;

        return new[]
        {
            Coverage("zalo-oa-coverage", "Xã có Zalo OA chính thức", KpiPlatform.Zalo, new DateTime(2025, 12, 31), needsEstablished: false),
            Coverage("ip-radio-coverage", "Đài truyền thanh xã ứng dụng CNTT-VT (IP)", KpiPlatform.Radio, new DateTime(2027, 12, 31), needsEstablished: true),
            Coverage("eboard-coverage", "Xã có bảng tin điện tử công cộng", KpiPlatform.Board, new DateTime(2030, 12, 31), needsEstablished: false),
            Result("social-accounts-per-agency", "Cơ quan duy trì ít nhất 2 tài khoản mạng xã hội chính thức", agencyCount - social.Count, agencyCount, 1m, new DateTime(2030, 12, 31), asOf, social),

            // No agency with communication staff recorded: 0 of 0, which counts as behind (nothing shows the training happened).
            Result("training-coverage", "Cán bộ làm công tác truyền thông được tập huấn trong năm", trained, staff, 1m, new DateTime(asOf.Year, 12, 31), asOf, untrained),
            new IndicatorResult("report-on-time", "Báo cáo năm gửi Sở trước 30/11", onTime ? 1 : 0, 1, 1m, ReportDeadline(reportYear),
                onTime ? IndicatorStatus.Met : asOf <= ReportDeadline(reportYear) ? IndicatorStatus.OnTrack : IndicatorStatus.Behind,
                onTime ? Array.Empty<string>() : new[] { unit.Code }),
        };
    }

    /// <summary>The communes of a province in force on a date (before 2025-07-01, through its districts).</summary>
    private List<string> CommunesOf(string province, DateTime asOf)
    {
        var result = new List<string>();
        foreach (var child in _registry.GetChildren(province, asOf))
        {
            if (child.Level == AdministrativeLevel.Commune)
            {
                result.Add(child.Code);
            }
            else
            {
                result.AddRange(_registry.GetChildren(child.Code, asOf).Where(u => u.Level == AdministrativeLevel.Commune).Select(u => u.Code));
            }
        }

        return result;
    }

    private static IndicatorResult Result(string key, string title, int numerator, int denominator, decimal target, DateTime deadline, DateTime asOf, IReadOnlyList<string> missing)
    {
        IndicatorStatus status;
        if (denominator > 0 && (decimal)numerator / denominator >= target)
        {
            status = IndicatorStatus.Met;
        }
        else if (denominator == 0 || asOf > deadline)
        {
            status = IndicatorStatus.Behind;
        }
        else
        {
            // Proportional progress: by a date, at least the share of the time elapsed from the plan's start to the deadline.
            var elapsed = (decimal)Math.Max(0, (asOf - PlanStart).TotalDays) / (decimal)Math.Max(1, (deadline - PlanStart).TotalDays);
            status = (decimal)numerator / denominator >= Math.Min(1m, elapsed) * target ? IndicatorStatus.OnTrack : IndicatorStatus.Behind;
        }

        return new IndicatorResult(key, title, numerator, denominator, target, deadline, status, missing);
    }
}
