using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace NinhBinh.Comms.Metrics;

/// <summary>
/// Wraps a channel so that dispatching records <c>content.published</c> by itself: each bulletin the channel takes
/// (accepted, scheduled or partly delivered) adds one to the channel's figure for the day, in Vietnam time. The same
/// bulletin dispatched again through this instance is not counted twice.
/// </summary>
public sealed class KpiRecordingChannel : IBulletinChannel, IDisposable
{
    private readonly IBulletinChannel _inner;
    private readonly IKpiStore _store;
    private readonly string _unitCode;
    private readonly string _channel;
    private readonly KpiPlatform _platform;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly HashSet<string> _counted = new(StringComparer.Ordinal);

    /// <summary>Wraps <paramref name="inner"/>.</summary>
    /// <param name="inner">The channel that delivers.</param>
    /// <param name="store">Where the figures go.</param>
    /// <param name="unitCode">The unit the channel belongs to.</param>
    /// <param name="channel">The channel's name in the KPI figures (e.g. the OA's name).</param>
    /// <param name="platform">Its platform.</param>
    /// <param name="timeProvider">The clock for "today" (default: the system clock).</param>
    public KpiRecordingChannel(IBulletinChannel inner, IKpiStore store, string unitCode, string channel, KpiPlatform platform, TimeProvider? timeProvider = null)
    {
        _inner = inner ?? throw new ArgumentNullException(nameof(inner));
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _unitCode = unitCode ?? throw new ArgumentNullException(nameof(unitCode));
        _channel = string.IsNullOrWhiteSpace(channel) ? throw new ArgumentException("channel must name the channel.", nameof(channel)) : channel;
        _platform = platform;
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public string Name => _inner.Name;

    /// <summary>Releases the gate that serializes the recording (not the inner channel, which the caller owns).</summary>
    public void Dispose() => _gate.Dispose();

    /// <inheritdoc />
    public async Task<DeliveryOutcome> DeliverAsync(Bulletin bulletin, CancellationToken cancellationToken = default)
    {
        var outcome = await _inner.DeliverAsync(bulletin, cancellationToken).ConfigureAwait(false);
        if (!(outcome.IsSuccess || outcome.Status == DeliveryStatus.PartiallyDelivered))
        {
            return outcome;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_counted.Add(bulletin.Id))
            {
                return outcome;
            }

            // The day's figure so far plus one, retrieved now: a later retrieval replaces the earlier figure.
            var today = _time.GetVietnamToday();
            var figures = await _store.QueryAsync(new KpiQuery(_unitCode, MetricCatalog.ContentPublished, today, today) { Platform = _platform }, cancellationToken).ConfigureAwait(false);
            var sofar = figures.Where(o => o.Channel == _channel && o.UnitCode == _unitCode && o.PeriodStart == today && o.PeriodEnd == today).Select(o => o.Value).FirstOrDefault();
            await _store.ImportAsync(new[]
            {
                new MetricObservation(_unitCode, _channel, _platform, MetricCatalog.ContentPublished, sofar + 1, today, today)
                {
                    SourceMetric = "dispatch",
                    RetrievedAt = _time.GetUtcNow(),
                },
            }, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }

        return outcome;
    }
}
