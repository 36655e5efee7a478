using System;
using System.Globalization;

namespace NinhBinh.Comms.Metrics;

/// <summary>
/// A reporting period: a range of Vietnam calendar dates, both ends inclusive. <see cref="Statistical"/> gives the
/// periods of Nghị định 09/2019/NĐ-CP as provinces apply them (a month runs from the 15th of the previous month to the
/// 14th; the year from 15 December of the previous year to 14 December); <see cref="Calendar"/> gives calendar periods.
/// </summary>
public sealed class ReportingPeriod : IEquatable<ReportingPeriod>
{
    private ReportingPeriod(ReportingPeriodKind kind, int year, int number, bool statistical, DateTime start, DateTime end)
    {
        Kind = kind;
        Year = year;
        Number = number;
        IsStatistical = statistical;
        Start = start;
        End = end;
    }

    /// <summary>The length of the period.</summary>
    public ReportingPeriodKind Kind { get; }

    /// <summary>The year the period reports on.</summary>
    public int Year { get; }

    /// <summary>The month (1–12) or quarter (1–4); 1 for the other kinds.</summary>
    public int Number { get; }

    /// <summary>Whether this is a statistical period (15th to 14th) rather than a calendar one.</summary>
    public bool IsStatistical { get; }

    /// <summary>The first day.</summary>
    public DateTime Start { get; }

    /// <summary>The last day (inclusive).</summary>
    public DateTime End { get; }

    /// <summary>A statistical reporting period (Nghị định 09/2019/NĐ-CP).</summary>
    /// <param name="kind">The length.</param>
    /// <param name="year">The year, 2000–2100.</param>
    /// <param name="number">The month (1–12) or quarter (1–4); 1 for the other kinds.</param>
    /// <returns>The period.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range; the message gives the range.</exception>
    public static ReportingPeriod Statistical(ReportingPeriodKind kind, int year, int number = 1)
    {
        var lastMonth = LastMonth(kind, year, number);
        var firstMonth = FirstMonth(kind, lastMonth);
        var start = new DateTime(year, firstMonth, 15).AddMonths(-1);
        var end = new DateTime(year, lastMonth, 14);
        return new ReportingPeriod(kind, year, number, statistical: true, start, end);
    }

    /// <summary>A calendar reporting period (first to last day of the months).</summary>
    /// <param name="kind">The length.</param>
    /// <param name="year">The year, 2000–2100.</param>
    /// <param name="number">The month (1–12) or quarter (1–4); 1 for the other kinds.</param>
    /// <returns>The period.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range; the message gives the range.</exception>
    public static ReportingPeriod Calendar(ReportingPeriodKind kind, int year, int number = 1)
    {
        var lastMonth = LastMonth(kind, year, number);
        var firstMonth = FirstMonth(kind, lastMonth);
        var start = new DateTime(year, firstMonth, 1);
        var end = new DateTime(year, lastMonth, DateTime.DaysInMonth(year, lastMonth));
        return new ReportingPeriod(kind, year, number, statistical: false, start, end);
    }

    /// <summary>Whether a date falls within the period.</summary>
    /// <param name="date">The date (time of day ignored).</param>
    /// <returns><see langword="true"/> when <see cref="Start"/> ≤ date ≤ <see cref="End"/>.</returns>
    public bool Contains(DateTime date) => date.Date >= Start && date.Date <= End;

    /// <summary>Whether an instant falls within the period, judged by its Vietnam calendar date.</summary>
    /// <param name="instant">The instant.</param>
    /// <returns><see langword="true"/> when its Vietnam date is within the period.</returns>
    public bool Contains(DateTimeOffset instant) => Contains(VietnamTime.ToVietnamTime(instant).Date);

    /// <inheritdoc />
    public bool Equals(ReportingPeriod? other)
        => other is not null && other.Kind == Kind && other.Year == Year && other.Number == Number && other.IsStatistical == IsStatistical;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ReportingPeriod);

    /// <inheritdoc />
    public override int GetHashCode() => ((((int)Kind * 397) ^ Year) * 397 ^ Number) * 2 + (IsStatistical ? 1 : 0);

    /// <inheritdoc />
    public override string ToString()
    {
        var name = Kind switch
        {
            ReportingPeriodKind.Month => string.Format(CultureInfo.InvariantCulture, "{0}-{1:00}", Year, Number),
            ReportingPeriodKind.Quarter => string.Format(CultureInfo.InvariantCulture, "{0}-Q{1}", Year, Number),
            ReportingPeriodKind.SixMonths => string.Format(CultureInfo.InvariantCulture, "{0}-6M", Year),
            ReportingPeriodKind.NineMonths => string.Format(CultureInfo.InvariantCulture, "{0}-9M", Year),
            _ => Year.ToString(CultureInfo.InvariantCulture),
        };
        return string.Format(CultureInfo.InvariantCulture, "{0} ({1:yyyy-MM-dd}..{2:yyyy-MM-dd})", name, Start, End);
    }

    private static int FirstMonth(ReportingPeriodKind kind, int lastMonth) => kind switch
    {
        ReportingPeriodKind.Month => lastMonth,
        ReportingPeriodKind.Quarter => lastMonth - 2,
        _ => 1,
    };

    private static int LastMonth(ReportingPeriodKind kind, int year, int number)
    {
        if (year is < 2000 or > 2100)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, "year must be between 2000 and 2100.");
        }

        return kind switch
        {
            ReportingPeriodKind.Month => number is >= 1 and <= 12
                ? number
                : throw new ArgumentOutOfRangeException(nameof(number), number, "number must be a month between 1 and 12."),
            ReportingPeriodKind.Quarter => number is >= 1 and <= 4
                ? number * 3
                : throw new ArgumentOutOfRangeException(nameof(number), number, "number must be a quarter between 1 and 4."),
            ReportingPeriodKind.SixMonths or ReportingPeriodKind.NineMonths or ReportingPeriodKind.Year => number == 1
                ? kind switch { ReportingPeriodKind.SixMonths => 6, ReportingPeriodKind.NineMonths => 9, _ => 12 }
                : throw new ArgumentOutOfRangeException(nameof(number), number, $"number must be 1 for {kind}."),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown reporting period kind."),
        };
    }
}
