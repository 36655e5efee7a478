using System;
using System.Collections;
using System.Collections.Generic;

namespace NinhBinh.Comms.Metrics;

/// <summary>
/// Observations held as rows of numbers: texts (unit codes, channels, metrics, source metrics) once each in a table and
/// referred to by index, dates as day numbers. A million figures are one array the garbage collector never has to walk,
/// instead of a million objects; each <see cref="MetricObservation"/> is made when it is read. Not thread-safe while
/// rows are added.
/// </summary>
internal sealed class KpiObservationTable : IReadOnlyList<MetricObservation>
{
    private readonly KpiStringPool _pool = new();
    private readonly List<string> _texts = new();
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private Row[] _rows = new Row[256];
    private List<MetricObservation>? _originals;

    /// <summary>The number of rows.</summary>
    public int Count { get; private set; }

    /// <summary>The pooled texts, by id (for callers that cache something per text).</summary>
    public IReadOnlyList<string> Texts => _texts;

    /// <summary>The rows, for reading in place (the first <see cref="Count"/> are used).</summary>
    public ReadOnlySpan<Row> Rows => _rows.AsSpan(0, Count);

    /// <inheritdoc />
    public MetricObservation this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Count)
            {
                throw new ArgumentOutOfRangeException(nameof(index));
            }

            if (_originals is not null)
            {
                return _originals[index];
            }

            ref readonly var r = ref _rows[index];
            return new MetricObservation(_texts[r.Unit], _texts[r.Channel], r.Platform, _texts[r.Metric], r.Value, DayToDate(r.Start), DayToDate(r.End))
            {
                SourceMetric = r.Source < 0 ? null : _texts[r.Source],
                RetrievedAt = r.RetrievedAt,
                Estimated = r.Estimated,
            };
        }
    }

    /// <summary>A table of the given observations (already one: itself).</summary>
    public static KpiObservationTable From(IEnumerable<MetricObservation> observations)
    {
        if (observations is KpiObservationTable table)
        {
            return table;
        }

        // Given objects are kept and handed back as they are (with any time of day their dates carry).
        table = new KpiObservationTable { _originals = new List<MetricObservation>() };
        foreach (var o in observations)
        {
            table.Add(o ?? throw new ArgumentException("An observation is null.", nameof(observations)));
            table._originals.Add(o);
        }

        return table;
    }

    /// <summary>The day number of a date (days since 0001-01-01).</summary>
    public static int DateToDay(DateTime date) => (int)(date.Ticks / TimeSpan.TicksPerDay);

    /// <summary>The date of a day number.</summary>
    public static DateTime DayToDate(int day) => new(day * TimeSpan.TicksPerDay);

    /// <summary>The id of a text (added when new).</summary>
    public int Id(ReadOnlySpan<char> text) => Id(_pool.Get(text));

    /// <summary>The id of a text (added when new).</summary>
    public int Id(string text)
    {
        if (!_ids.TryGetValue(text, out var id))
        {
            id = _texts.Count;
            _texts.Add(text);
            _ids[text] = id;
        }

        return id;
    }

    /// <summary>Adds a row (ids from <see cref="Id(string)"/>).</summary>
    public void Add(in Row row)
    {
        if (Count == _rows.Length)
        {
            Array.Resize(ref _rows, _rows.Length * 2);
        }

        _rows[Count++] = row;
    }

    /// <summary>Adds an observation.</summary>
    private void Add(MetricObservation o) => Add(new Row(
        Id(o.UnitCode), Id(o.Channel), o.Platform, Id(o.Metric), o.Value, DateToDay(o.PeriodStart.Date), DateToDay(o.PeriodEnd.Date),
        o.SourceMetric is null ? -1 : Id(o.SourceMetric), o.RetrievedAt, o.Estimated));

    /// <inheritdoc />
    public IEnumerator<MetricObservation> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>One observation: text ids, day numbers, no references.</summary>
    internal readonly struct Row
    {
        public Row(int unit, int channel, KpiPlatform platform, int metric, decimal value, int start, int end, int source, DateTimeOffset? retrievedAt, bool estimated)
        {
            Unit = unit;
            Channel = channel;
            Platform = platform;
            Metric = metric;
            Value = value;
            Start = start;
            End = end;
            Source = source;
            RetrievedAt = retrievedAt;
            Estimated = estimated;
        }

        public int Unit { get; }

        public int Channel { get; }

        public KpiPlatform Platform { get; }

        public int Metric { get; }

        public decimal Value { get; }

        public int Start { get; }

        public int End { get; }

        /// <summary>The source metric's text id, or -1.</summary>
        public int Source { get; }

        public DateTimeOffset? RetrievedAt { get; }

        public bool Estimated { get; }
    }
}
