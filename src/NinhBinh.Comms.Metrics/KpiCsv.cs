using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

namespace NinhBinh.Comms.Metrics;

/// <summary>
/// The KPI exchange CSVs (RFC 4180, UTF-8; a BOM is written and optional on read): observations and the channel
/// inventory, told apart by their header. Every bad row is reported with its line number and reason.
/// </summary>
public static class KpiCsv
{
    /// <summary>The observation file's header (a contract other tools produce).</summary>
    public const string ObservationHeader = "unit_code,channel,platform,metric,value,period_start,period_end,source_metric,retrieved_at";

    /// <summary>The channel inventory's header.</summary>
    public const string InventoryHeader = "unit_code,channel,platform,official,established_on,closed_on";

    private static readonly char[] QuotedCharacters = { ',', '"', '\r', '\n' };

    private static readonly (string Name, KpiPlatform Platform)[] Platforms =
        new[] { KpiPlatform.Zalo, KpiPlatform.Facebook, KpiPlatform.YouTube, KpiPlatform.TikTok, KpiPlatform.Web, KpiPlatform.Radio, KpiPlatform.Board, KpiPlatform.Other }
            .Select(p => (MetricCatalog.PlatformName(p), p)).ToArray();

    private static readonly UTF8Encoding Utf8WithBom = new(encoderShouldEmitUTF8Identifier: true);

    /// <summary>Reads a KPI CSV file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="registry">Administrative units for checking and mapping unit codes (default <see cref="AdministrativeUnitRegistry.Default"/>).</param>
    /// <param name="today">The Vietnam date after which periods are "in the future" (default: today in Vietnam).</param>
    /// <returns>The good rows and every bad one.</returns>
    public static KpiCsvContent ReadFile(string path, AdministrativeUnitRegistry? registry = null, DateTime? today = null)
    {
        using var reader = new StreamReader(path, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        return Read(reader, registry, today);
    }

    /// <summary>Reads KPI CSV text.</summary>
    /// <param name="reader">The text.</param>
    /// <param name="registry">Administrative units for checking unit codes (default <see cref="AdministrativeUnitRegistry.Default"/>).</param>
    /// <param name="today">The Vietnam date after which periods are "in the future" (default: today in Vietnam).</param>
    /// <returns>The good rows and every bad one.</returns>
    public static KpiCsvContent Read(TextReader reader, AdministrativeUnitRegistry? registry = null, DateTime? today = null)
    {
        if (reader is null)
        {
            throw new ArgumentNullException(nameof(reader));
        }

        registry ??= AdministrativeUnitRegistry.Default;
        var now = today ?? TimeProvider.System.GetVietnamToday();
        var problems = new List<KpiCsvProblem>();
        var header = reader.ReadLine();
        if (header is null)
        {
            problems.Add(new KpiCsvProblem(1, "the file is empty; the first line must be the header " + ObservationHeader + " or " + InventoryHeader));
            return new KpiCsvContent(false, Array.Empty<MetricObservation>(), Array.Empty<KpiChannel>(), problems);
        }

        header = header.TrimStart('\uFEFF').Trim();
        var inventory = header == InventoryHeader;
        if (!inventory && header != ObservationHeader)
        {
            problems.Add(new KpiCsvProblem(1, $"unknown header '{Clip(header)}'; expected {ObservationHeader} (observations) or {InventoryHeader} (channel inventory)"));
            return new KpiCsvContent(false, Array.Empty<MetricObservation>(), Array.Empty<KpiChannel>(), problems);
        }

        var units = new UnitChecker(registry, now);
        var pool = new KpiStringPool();
        var row = new KpiCsvRow();
        var observations = new KpiObservationTable();
        var channels = new List<KpiChannel>();
        var seenObservations = new Dictionary<(int Unit, int Channel, KpiPlatform Platform, int Metric, int Start, int End), (decimal Value, int Line)>();
        var seenChannels = new Dictionary<(string, string, KpiPlatform), int>();
        var expected = inventory ? 6 : 9;
        var lineNumber = 1;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            try
            {
                row.Split(line, lineNumber);
            }
            catch (FormatException)
            {
                problems.Add(new KpiCsvProblem(lineNumber, "a quoted field is not closed on this line"));
                continue;
            }

            if (row.Count != expected)
            {
                problems.Add(new KpiCsvProblem(lineNumber, $"{row.Count} columns, expected {expected} ({(inventory ? InventoryHeader : ObservationHeader)})"));
                continue;
            }

            string? error;
            if (inventory)
            {
                error = ParseChannel(row, pool, units, now, out var channel);
                if (error is null)
                {
                    var key = (channel!.UnitCode, channel.Channel, channel.Platform);
                    if (seenChannels.TryGetValue(key, out var first))
                    {
                        error = $"the channel '{channel.Channel}' ({MetricCatalog.PlatformName(channel.Platform)}) of unit {channel.UnitCode} is already on line {first}";
                    }
                    else
                    {
                        seenChannels[key] = lineNumber;
                        channels.Add(channel);
                    }
                }
            }
            else
            {
                error = ParseObservation(row, observations, units, now, out var o);
                if (error is null)
                {
                    var key = (o.Unit, o.Channel, o.Platform, o.Metric, o.Start, o.End);
                    if (seenObservations.TryGetValue(key, out var first))
                    {
                        if (first.Value != o.Value)
                        {
                            error = $"the same channel, metric and period is on line {first.Line} with a different value ({first.Value.ToString(CultureInfo.InvariantCulture)} there, {o.Value.ToString(CultureInfo.InvariantCulture)} here)";
                        }
                    }
                    else
                    {
                        seenObservations[key] = (o.Value, lineNumber);
                        observations.Add(o);
                    }
                }
            }

            if (error is not null)
            {
                problems.Add(new KpiCsvProblem(lineNumber, error));
            }
        }

        return new KpiCsvContent(inventory, observations, channels, problems);
    }

    /// <summary>Writes observations as CSV (header first).</summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="observations">The observations.</param>
    public static void WriteObservations(TextWriter writer, IEnumerable<MetricObservation> observations)
    {
        if (writer is null)
        {
            throw new ArgumentNullException(nameof(writer));
        }

        writer.Write(ObservationHeader + "\r\n");
        foreach (var o in observations ?? throw new ArgumentNullException(nameof(observations)))
        {
            writer.Write(string.Join(",", new[]
            {
                Quote(o.UnitCode), Quote(o.Channel), MetricCatalog.PlatformName(o.Platform), Quote(o.Metric), o.Value.ToString(CultureInfo.InvariantCulture),
                Date(o.PeriodStart), Date(o.PeriodEnd), Quote(o.SourceMetric ?? string.Empty),
                o.RetrievedAt?.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture) ?? string.Empty,
            }) + "\r\n");
        }
    }

    /// <summary>Writes observations to a CSV file, UTF-8 with a BOM (so Excel shows Vietnamese correctly).</summary>
    /// <param name="path">The file.</param>
    /// <param name="observations">The observations.</param>
    public static void WriteObservationsFile(string path, IEnumerable<MetricObservation> observations)
    {
        using var writer = new StreamWriter(path, append: false, Utf8WithBom);
        WriteObservations(writer, observations);
    }

    /// <summary>Quotes a CSV field when it holds a comma, quote or line break (RFC 4180).</summary>
    /// <param name="field">The field.</param>
    /// <returns>The field as written.</returns>
    internal static string Quote(string field) =>
        field.IndexOfAny(QuotedCharacters) >= 0 ? "\"" + field.Replace("\"", "\"\"") + "\"" : field;

    internal static string Date(DateTime date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? ParseObservation(KpiCsvRow f, KpiObservationTable table, UnitChecker units, DateTime today, out KpiObservationTable.Row observation)
    {
        observation = default;
        var unitId = table.Id(f[0]);
        var unit = table.Texts[unitId];
        if (f[1].Length == 0)
        {
            return "channel is empty";
        }

        if (!TryParsePlatform(f[2], out var platform))
        {
            return $"platform '{Clip(f.Text(2))}' is not one of zalo, facebook, youtube, tiktok, web, radio, board, other";
        }

        var metricId = table.Id(f[3]);
        var metric = table.Texts[metricId];
        if (!MetricCatalog.TryGet(metric, out _))
        {
            return $"metric '{Clip(metric)}' is not a canonical metric key ({string.Join(", ", MetricCatalog.All.Select(d => d.Key))})";
        }

        if (!TryValue(f[4], out var value))
        {
            return $"value '{Clip(f.Text(4))}' is not a number (use a dot for decimals, no thousands separator)";
        }

        if (value < 0)
        {
            return $"value {value.ToString(CultureInfo.InvariantCulture)} is negative; counts and durations cannot be";
        }

        if (!TryDate(f[5], out var start))
        {
            return $"period_start '{Clip(f.Text(5))}' is not a date of the form 2026-03-15";
        }

        if (!TryDate(f[6], out var end))
        {
            return $"period_end '{Clip(f.Text(6))}' is not a date of the form 2026-03-15";
        }

        if (end < start)
        {
            return $"period_end {Date(end)} is before period_start {Date(start)}";
        }

        if (start > today)
        {
            // A period that has begun may be reported so far (a platform's "this year to date"); one that has not cannot.
            return $"period_start {Date(start)} is in the future (today is {Date(today)} in Vietnam)";
        }

        var unitError = units.Check(unit, end, "unit_code");
        if (unitError is not null)
        {
            return unitError;
        }

        DateTimeOffset? retrieved = null;
        if (f[8].Length > 0)
        {
            var retrievedText = f[8].ToString();
            if (!DateTimeOffset.TryParse(retrievedText, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var r))
            {
                return $"retrieved_at '{Clip(retrievedText)}' is not a date-time of the form 2026-03-15T08:00:00+07:00";
            }

            retrieved = HasOffset(retrievedText) ? r : new DateTimeOffset(DateTime.SpecifyKind(r.DateTime, DateTimeKind.Unspecified), VietnamTime.UtcOffset);
        }

        var source = f[7];
        observation = new KpiObservationTable.Row(unitId, table.Id(f[1]), platform, metricId, value,
            KpiObservationTable.DateToDay(start), KpiObservationTable.DateToDay(end), source.Length == 0 ? -1 : table.Id(source), retrieved, estimated: false);
        return null;
    }

    private static string? ParseChannel(KpiCsvRow f, KpiStringPool pool, UnitChecker units, DateTime today, out KpiChannel? channel)
    {
        channel = null;
        var unit = pool.Get(f[0]);
        var name = f[1].ToString();
        if (name.Length == 0)
        {
            return "channel is empty";
        }

        if (!MetricCatalog.TryParsePlatform(f[2].ToString(), out var platform))
        {
            return $"platform '{Clip(f.Text(2))}' is not one of zalo, facebook, youtube, tiktok, web, radio, board, other";
        }

        var official = f[3].ToString();
        if (official is not ("true" or "false"))
        {
            return $"official '{Clip(official)}' must be true or false";
        }

        DateTime? established = null, closed = null;
        if (f[4].Length > 0)
        {
            if (!TryDate(f[4], out var e))
            {
                return $"established_on '{Clip(f.Text(4))}' is not a date of the form 2026-03-15";
            }

            if (e > today)
            {
                return $"established_on {Date(e)} is in the future (today is {Date(today)} in Vietnam)";
            }

            established = e;
        }

        if (f[5].Length > 0)
        {
            if (!TryDate(f[5], out var c))
            {
                return $"closed_on '{Clip(f.Text(5))}' is not a date of the form 2026-03-15 (leave it empty while the channel is open)";
            }

            if (established is { } e && c < e)
            {
                return $"closed_on {Date(c)} is before established_on {Date(e)}";
            }

            closed = c;
        }

        var unitError = units.Check(unit, closed ?? today, "unit_code");
        if (unitError is not null)
        {
            return unitError;
        }

        channel = new KpiChannel(unit, name, platform, official == "true") { EstablishedOn = established, ClosedOn = closed };
        return null;
    }

    private static bool TryParsePlatform(ReadOnlySpan<char> text, out KpiPlatform platform)
    {
        foreach (var candidate in Platforms)
        {
            if (text.SequenceEqual(candidate.Name.AsSpan()))
            {
                platform = candidate.Platform;
                return true;
            }
        }

        platform = KpiPlatform.Other;
        return false;
    }

    /// <summary>A figure: whole numbers (nearly all of them) read directly, anything else as an invariant decimal.</summary>
    private static bool TryValue(ReadOnlySpan<char> text, out decimal value)
    {
        if (text.Length is > 0 and <= 18)
        {
            long whole = 0;
            var i = 0;
            for (; i < text.Length && text[i] >= '0' && text[i] <= '9'; i++)
            {
                whole = (whole * 10) + (text[i] - '0');
            }

            if (i == text.Length)
            {
                value = whole;
                return true;
            }
        }

        const NumberStyles Styles = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;
#if NET
        return decimal.TryParse(text, Styles, CultureInfo.InvariantCulture, out value);
#else
        return decimal.TryParse(text.ToString(), Styles, CultureInfo.InvariantCulture, out value);
#endif
    }

    /// <summary>An ISO date <c>yyyy-MM-dd</c> (surrounding spaces allowed), read directly: files hold millions of them.</summary>
    private static bool TryDate(ReadOnlySpan<char> text, out DateTime date)
    {
        date = default;
        text = text.Trim(' ');
        if (text.Length != 10 || text[4] != '-' || text[7] != '-')
        {
            return false;
        }

        var year = Digits(text.Slice(0, 4));
        var month = Digits(text.Slice(5, 2));
        var day = Digits(text.Slice(8, 2));
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateTime(year, month, day);
        return true;
    }

    private static int Digits(ReadOnlySpan<char> text)
    {
        var value = 0;
        foreach (var c in text)
        {
            if (c < '0' || c > '9')
            {
                return -1;
            }

            value = (value * 10) + (c - '0');
        }

        return value;
    }

    private static bool HasOffset(string text)
    {
        var t = text.IndexOf('T');
        if (t < 0)
        {
            return false;
        }

        var time = text.Substring(t);
        return time.EndsWith("Z", StringComparison.OrdinalIgnoreCase) || time.IndexOf('+') >= 0 || time.IndexOf('-') >= 0;
    }

    private static string Clip(string text) => text.Length <= 40 ? text : text.Substring(0, 40) + "…";

    /// <summary>Checks unit codes against the registry, caching answers (files repeat the same codes).</summary>
    private sealed class UnitChecker
    {
        private readonly AdministrativeUnitRegistry _registry;
        private readonly Dictionary<(string, DateTime), string?> _cache = new();

        private readonly DateTime _today;

        public UnitChecker(AdministrativeUnitRegistry registry, DateTime today)
        {
            _registry = registry;
            _today = today;
        }

        public string? Check(string code, DateTime asOf, string field)
        {
            if (_cache.TryGetValue((code, asOf), out var cached))
            {
                return cached;
            }

            string? error = null;
            var problem = KpiUnits.CodeProblem(_registry, code);
            if (problem is not null)
            {
                error = field + " " + problem;
            }
            else
            {
                var resolved = KpiUnits.Map(_registry, code, asOf, _today);
                if (resolved is null)
                {
                    var old = _registry.Find(code, asOf);
                    var successors = old is not null && old.SuccessorCodes.Count > 0 ? string.Join(", ", old.SuccessorCodes) : "none in force";
                    error = $"{field} {code} (as it was on {Date(asOf)}) was split into {successors}, so its figures cannot be given to one unit; give the successor's code";
                }
            }

            _cache[(code, asOf)] = error;
            return error;
        }
    }
}
