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

    /// <summary>
    /// Parses a period as scripts write it: <c>year:2026</c>, <c>half:2026-1</c> (or <c>-2</c>), <c>quarter:2026-2</c>,
    /// <c>month:2026-03</c>, <c>nine-months:2026</c>.
    /// </summary>
    /// <param name="text">The period.</param>
    /// <param name="calendar">True for calendar periods; false (default) for the statistical periods of Nghị định 09/2019.</param>
    /// <returns>The period.</returns>
    /// <exception cref="FormatException">The text is not one of the forms above (the message names them).</exception>
    public static ReportingPeriod Parse(string text, bool calendar = false)
    {
        const string Forms = "year:2026, half:2026-1, quarter:2026-2, month:2026-03 or nine-months:2026";
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        var colon = text.IndexOf(':');
        if (colon <= 0)
        {
            throw new FormatException($"'{text}' is not a period; use {Forms}.");
        }

        var kindText = text.Substring(0, colon).Trim();
        var rest = text.Substring(colon + 1).Trim();
        var dash = rest.IndexOf('-');
        var yearText = dash < 0 ? rest : rest.Substring(0, dash);
        var numberText = dash < 0 ? null : rest.Substring(dash + 1);
        var kind = kindText switch
        {
            "year" => ReportingPeriodKind.Year,
            "half" => ReportingPeriodKind.SixMonths,
            "quarter" => ReportingPeriodKind.Quarter,
            "month" => ReportingPeriodKind.Month,
            "nine-months" => ReportingPeriodKind.NineMonths,
            _ => throw new FormatException($"'{text}': unknown period kind '{kindText}'; use {Forms}."),
        };
        var needsNumber = kind is ReportingPeriodKind.SixMonths or ReportingPeriodKind.Quarter or ReportingPeriodKind.Month;
        if (yearText.Length != 4 || !int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || (needsNumber != (numberText is not null))
            || (numberText is not null && (numberText.Length is 0 or > 2 || !int.TryParse(numberText, NumberStyles.None, CultureInfo.InvariantCulture, out _))))
        {
            throw new FormatException($"'{text}' is not a period; use {Forms}.");
        }

        var number = numberText is null ? 1 : int.Parse(numberText, NumberStyles.None, CultureInfo.InvariantCulture);
        try
        {
            return calendar ? Calendar(kind, year, number) : Statistical(kind, year, number);
        }
        catch (ArgumentOutOfRangeException ex)
        {
            var message = ex.Message;
            var cut = message.IndexOf(" (Parameter", StringComparison.Ordinal);
            throw new FormatException($"'{text}': {(cut > 0 ? message.Substring(0, cut) : message)}", ex);
        }
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
            ReportingPeriodKind.SixMonths => Number == 1
                ? string.Format(CultureInfo.InvariantCulture, "{0}-6M", Year)
                : string.Format(CultureInfo.InvariantCulture, "{0}-H2", Year),
            ReportingPeriodKind.NineMonths => string.Format(CultureInfo.InvariantCulture, "{0}-9M", Year),
            _ => Year.ToString(CultureInfo.InvariantCulture),
        };
        return string.Format(CultureInfo.InvariantCulture, "{0} ({1:yyyy-MM-dd}..{2:yyyy-MM-dd})", name, Start, End);
    }

    private static int FirstMonth(ReportingPeriodKind kind, int lastMonth) => kind switch
    {
        ReportingPeriodKind.Month => lastMonth,
        ReportingPeriodKind.Quarter => lastMonth - 2,
        ReportingPeriodKind.SixMonths => lastMonth - 5,
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
            ReportingPeriodKind.SixMonths => number is 1 or 2
                ? number * 6
                : throw new ArgumentOutOfRangeException(nameof(number), number, "number must be 1 (first half) or 2 (second half) for SixMonths."),
            ReportingPeriodKind.NineMonths or ReportingPeriodKind.Year => number == 1
                ? kind == ReportingPeriodKind.NineMonths ? 9 : 12
                : throw new ArgumentOutOfRangeException(nameof(number), number, $"number must be 1 for {kind}."),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown reporting period kind."),
        };
    }
}
