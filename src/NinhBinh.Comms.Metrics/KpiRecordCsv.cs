using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using NinhBinh.Comms.Internal;

namespace NinhBinh.Comms.Metrics;

/// <summary>
/// The CSV files of content items, topics, campaigns, agencies and training records (RFC 4180, UTF-8; a BOM is
/// optional on read), told apart by their header. Lists (an item's topics, an agency's channels) are separated by
/// <c>;</c> within one field. Every bad row is reported with its line number and reason.
/// </summary>
public static class KpiRecordCsv
{
    /// <summary>The content item file's header; <c>topics</c> holds topic keys separated by <c>;</c>.</summary>
    public const string ContentItemHeader = "id,unit_code,channel,platform,published_at,format,topics,campaign";

    /// <summary>The topic file's header.</summary>
    public const string TopicHeader = "topic,name";

    /// <summary>The campaign file's header (<c>starts_on</c>, <c>ends_on</c> may be empty).</summary>
    public const string CampaignHeader = "campaign,name,starts_on,ends_on";

    /// <summary>The agency file's header; <c>channels</c> holds channel names of the agency's unit separated by <c>;</c>.</summary>
    public const string AgencyHeader = "agency_code,name,unit_code,communication_staff,channels";

    /// <summary>The training record file's header (<c>course</c> may be empty).</summary>
    public const string TrainingHeader = "agency_code,staff_id,trained_on,course";

    private const int MaxText = 200;

    private static readonly string[] FormatNames = { "article", "post", "video", "image", "audio", "notice", "other" };

    /// <summary>The header of a kind of record.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The header line.</returns>
    public static string HeaderOf(KpiRecordKind kind) => kind switch
    {
        KpiRecordKind.ContentItems => ContentItemHeader,
        KpiRecordKind.Topics => TopicHeader,
        KpiRecordKind.Campaigns => CampaignHeader,
        KpiRecordKind.Agencies => AgencyHeader,
        _ => TrainingHeader,
    };

    /// <summary>The kind of record file a header line starts (BOM and surrounding spaces ignored).</summary>
    /// <param name="header">The first line.</param>
    /// <param name="kind">The kind.</param>
    /// <returns>Whether the header is one of the record headers.</returns>
    public static bool TryGetKind(string header, out KpiRecordKind kind)
    {
        header = (header ?? string.Empty).TrimStart('\uFEFF').Trim();
        foreach (KpiRecordKind k in new[] { KpiRecordKind.ContentItems, KpiRecordKind.Topics, KpiRecordKind.Campaigns, KpiRecordKind.Agencies, KpiRecordKind.Training })
        {
            if (header == HeaderOf(k))
            {
                kind = k;
                return true;
            }
        }

        kind = KpiRecordKind.ContentItems;
        return false;
    }

    /// <summary>Reads a record CSV file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="registry">Administrative units for checking unit codes (default <see cref="AdministrativeUnitRegistry.Default"/>).</param>
    /// <param name="today">The Vietnam date after which dates are "in the future" (default: today in Vietnam).</param>
    /// <returns>The good rows and every bad one.</returns>
    public static KpiRecordContent ReadFile(string path, AdministrativeUnitRegistry? registry = null, DateTime? today = null)
    {
        using var reader = new StreamReader(path, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        return Read(reader, registry, today);
    }

    /// <summary>Reads record CSV text; the header tells the kind.</summary>
    /// <param name="reader">The text.</param>
    /// <param name="registry">Administrative units for checking unit codes (default <see cref="AdministrativeUnitRegistry.Default"/>).</param>
    /// <param name="today">The Vietnam date after which dates are "in the future" (default: today in Vietnam).</param>
    /// <returns>The good rows and every bad one.</returns>
    public static KpiRecordContent Read(TextReader reader, AdministrativeUnitRegistry? registry = null, DateTime? today = null)
    {
        if (reader is null)
        {
            throw new ArgumentNullException(nameof(reader));
        }

        var header = reader.ReadLine();
        if (header is null || !TryGetKind(header, out var kind))
        {
            var expected = string.Join(" or ", new[] { ContentItemHeader, TopicHeader, CampaignHeader, AgencyHeader, TrainingHeader });
            return new KpiRecordContent(KpiRecordKind.ContentItems, Array.Empty<object>(), new[] { new KpiCsvProblem(1, header is null ? "the file is empty; the first line must be a header: " + expected : $"unknown header '{Clip(header)}'; expected {expected}") });
        }

        var rows = new List<(int Line, IReadOnlyList<string>? Fields, string? Error)>();
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
                rows.Add((lineNumber, line.IndexOf('"') < 0 ? line.Split(',') : Csv.SplitLine(line, lineNumber), null));
            }
            catch (FormatException)
            {
                rows.Add((lineNumber, null, "a quoted field is not closed on this line"));
            }
        }

        return ReadRows(kind, rows, registry, today);
    }

    /// <summary>Writes records as CSV (header first).</summary>
    /// <typeparam name="T">A record type: <see cref="KpiContentItem"/>, <see cref="KpiTopic"/>, <see cref="KpiCampaign"/>, <see cref="KpiAgency"/> or <see cref="KpiTrainingRecord"/>.</typeparam>
    /// <param name="writer">Where to write.</param>
    /// <param name="records">The records.</param>
    /// <exception cref="ArgumentException">Not a record type.</exception>
    public static void Write<T>(TextWriter writer, IEnumerable<T> records)
        where T : class
    {
        if (writer is null)
        {
            throw new ArgumentNullException(nameof(writer));
        }

        writer.Write(HeaderOf(KindOf(typeof(T))) + "\r\n");
        foreach (var record in records ?? throw new ArgumentNullException(nameof(records)))
        {
            writer.Write(string.Join(",", Fields(record).Select(KpiCsv.Quote)) + "\r\n");
        }
    }

    internal static KpiRecordKind KindOf(Type type) =>
        type == typeof(KpiContentItem) ? KpiRecordKind.ContentItems
        : type == typeof(KpiTopic) ? KpiRecordKind.Topics
        : type == typeof(KpiCampaign) ? KpiRecordKind.Campaigns
        : type == typeof(KpiAgency) ? KpiRecordKind.Agencies
        : type == typeof(KpiTrainingRecord) ? KpiRecordKind.Training
        : throw new ArgumentException($"{type.Name} is not a KPI record type (content item, topic, campaign, agency, training record).", nameof(type));

    internal static KpiRecordContent ReadRows(KpiRecordKind kind, IReadOnlyList<(int Line, IReadOnlyList<string>? Fields, string? Error)> rows, AdministrativeUnitRegistry? registry, DateTime? today)
    {
        var checker = new Checker(registry ?? AdministrativeUnitRegistry.Default, today ?? TimeProvider.System.GetVietnamToday());
        var expected = HeaderOf(kind).Split(',').Length;
        var records = new List<object>();
        var problems = new List<KpiCsvProblem>();
        var seen = new Dictionary<string, (string Row, int Line)>(StringComparer.Ordinal);
        foreach (var (lineNumber, fields, readError) in rows)
        {
            var error = readError;
            if (error is null && fields!.Count != expected)
            {
                error = $"{fields.Count} columns, expected {expected} ({HeaderOf(kind)})";
            }

            if (error is null)
            {
                error = Parse(kind, fields!, checker, out var record);
                if (error is null)
                {
                    var key = Key(record!);
                    var row = string.Join(",", Fields(record!));
                    if (seen.TryGetValue(key, out var first))
                    {
                        if (first.Row != row)
                        {
                            error = $"the same {Noun(kind)} is on line {first.Line} with different fields";
                        }
                    }
                    else
                    {
                        seen[key] = (row, lineNumber);
                        records.Add(record!);
                    }
                }
            }

            if (error is not null)
            {
                problems.Add(new KpiCsvProblem(lineNumber, error));
            }
        }

        return new KpiRecordContent(kind, records, problems);
    }

    /// <summary>The record's identity in a store: content item platform/id, topic and campaign key, agency code, training agency/staff/day/course.</summary>
    internal static string Key(object record) => record switch
    {
        KpiContentItem i => MetricCatalog.PlatformName(i.Platform) + "/" + i.Id,
        KpiTopic t => t.Key,
        KpiCampaign c => c.Key,
        KpiAgency a => a.Code,
        KpiTrainingRecord r => $"{r.AgencyCode}/{r.StaffId}/{KpiCsv.Date(r.TrainedOn)}/{r.Course}",
        _ => throw new ArgumentException("not a KPI record", nameof(record)),
    };

    /// <summary>The record's CSV fields, in header order (also the canonical form stores keep).</summary>
    internal static string[] Fields(object record) => record switch
    {
        KpiContentItem i => new[]
        {
            i.Id, i.UnitCode, i.Channel, MetricCatalog.PlatformName(i.Platform),
            i.PublishedAt.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture), FormatName(i.Format), string.Join(";", i.Topics), i.Campaign ?? string.Empty,
        },
        KpiTopic t => new[] { t.Key, t.Name },
        KpiCampaign c => new[] { c.Key, c.Name, c.StartsOn is { } s ? KpiCsv.Date(s) : string.Empty, c.EndsOn is { } e ? KpiCsv.Date(e) : string.Empty },
        KpiAgency a => new[] { a.Code, a.Name, a.UnitCode, a.CommunicationStaff.ToString(CultureInfo.InvariantCulture), string.Join(";", a.Channels) },
        KpiTrainingRecord r => new[] { r.AgencyCode, r.StaffId, KpiCsv.Date(r.TrainedOn), r.Course ?? string.Empty },
        _ => throw new ArgumentException("not a KPI record", nameof(record)),
    };

    /// <summary>Parses one row of a kind; null when good, else the reason (naming the column).</summary>
    internal static string? Parse(KpiRecordKind kind, IReadOnlyList<string> f, Checker checker, out object? record)
    {
        record = null;
        switch (kind)
        {
            case KpiRecordKind.ContentItems:
            {
                var id = f[0].Trim();
                if (TextProblem("id", id) is { } e0)
                {
                    return e0;
                }

                var channel = f[2].Trim();
                if (TextProblem("channel", channel) is { } e2)
                {
                    return e2;
                }

                if (!MetricCatalog.TryParsePlatform(f[3].Trim(), out var platform))
                {
                    return $"platform '{Clip(f[3])}' is not one of zalo, facebook, youtube, tiktok, web, radio, board, other";
                }

                var publishedText = f[4].Trim();
                if (!DateTimeOffset.TryParse(publishedText, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var published) || publishedText.IndexOf('T') < 0)
                {
                    return $"published_at '{Clip(publishedText)}' is not a date-time of the form 2026-03-15T08:00:00+07:00";
                }

                if (!HasOffset(publishedText))
                {
                    published = new DateTimeOffset(DateTime.SpecifyKind(published.DateTime, DateTimeKind.Unspecified), VietnamTime.UtcOffset);
                }

                var day = VietnamTime.ToVietnamTime(published).Date;
                if (day > checker.Today)
                {
                    return $"published_at {KpiCsv.Date(day)} is in the future (today is {KpiCsv.Date(checker.Today)} in Vietnam)";
                }

                var format = Array.IndexOf(FormatNames, f[5].Trim());
                if (format < 0)
                {
                    return $"format '{Clip(f[5])}' is not one of {string.Join(", ", FormatNames)}";
                }

                var topics = List(f[6]);
                if (topics.FirstOrDefault(t => KeyProblem("topics", t) is not null) is { } badTopic)
                {
                    return KeyProblem("topics", badTopic);
                }

                if (topics.Distinct(StringComparer.Ordinal).Count() != topics.Count)
                {
                    return "topics names a topic twice";
                }

                var campaign = f[7].Trim();
                if (campaign.Length > 0 && KeyProblem("campaign", campaign) is { } e7)
                {
                    return e7;
                }

                if (checker.Unit(f[1].Trim(), day) is { } e1)
                {
                    return e1;
                }

                record = new KpiContentItem(id, f[1].Trim(), channel, platform, published, (KpiContentFormat)format)
                {
                    Topics = topics,
                    Campaign = campaign.Length == 0 ? null : campaign,
                };
                return null;
            }

            case KpiRecordKind.Topics:
            {
                var key = f[0].Trim();
                var name = f[1].Trim();
                var error = KeyProblem("topic", key) ?? TextProblem("name", name);
                record = error is null ? new KpiTopic(key, name) : null;
                return error;
            }

            case KpiRecordKind.Campaigns:
            {
                var key = f[0].Trim();
                var name = f[1].Trim();
                if ((KeyProblem("campaign", key) ?? TextProblem("name", name)) is { } error)
                {
                    return error;
                }

                if (OptionalDate("starts_on", f[2], out var starts) is { } e2)
                {
                    return e2;
                }

                if (OptionalDate("ends_on", f[3], out var ends) is { } e3)
                {
                    return e3;
                }

                if (starts is { } s && ends is { } e && e < s)
                {
                    return $"ends_on {KpiCsv.Date(e)} is before starts_on {KpiCsv.Date(s)}";
                }

                record = new KpiCampaign(key, name) { StartsOn = starts, EndsOn = ends };
                return null;
            }

            case KpiRecordKind.Agencies:
            {
                var code = f[0].Trim();
                var name = f[1].Trim();
                if ((CodeProblem("agency_code", code) ?? TextProblem("name", name)) is { } error)
                {
                    return error;
                }

                var staffText = f[3].Trim();
                if (!int.TryParse(staffText, NumberStyles.None, CultureInfo.InvariantCulture, out var staff) || staff > 100_000)
                {
                    return $"communication_staff '{Clip(staffText)}' is not a whole number from 0 to 100000";
                }

                var channels = List(f[4]);
                if (channels.FirstOrDefault(c => c.Length > MaxText) is not null)
                {
                    return $"channels names a channel longer than {MaxText} characters";
                }

                if (checker.Unit(f[2].Trim(), checker.Today) is { } e2)
                {
                    return e2;
                }

                record = new KpiAgency(code, name, f[2].Trim()) { CommunicationStaff = staff, Channels = channels };
                return null;
            }

            default:
            {
                var agency = f[0].Trim();
                var staffId = f[1].Trim();
                if ((CodeProblem("agency_code", agency) ?? TextProblem("staff_id", staffId)) is { } error)
                {
                    return error;
                }

                if (LooksLikePhoneNumber(staffId))
                {
                    // Never echo it: it may be a real phone number.
                    return "staff_id looks like a phone number; use a pseudonymous staff id (e.g. the agency's staff number)";
                }

                if (!TryDate(f[2], out var trained))
                {
                    return $"trained_on '{Clip(f[2])}' is not a date of the form 2026-03-15";
                }

                if (trained > checker.Today)
                {
                    return $"trained_on {KpiCsv.Date(trained)} is in the future (today is {KpiCsv.Date(checker.Today)} in Vietnam)";
                }

                var course = f[3].Trim();
                if (course.Length > MaxText)
                {
                    return $"course is longer than {MaxText} characters";
                }

                record = new KpiTrainingRecord(agency, staffId, trained) { Course = course.Length == 0 ? null : course };
                return null;
            }
        }
    }

    /// <summary>The canonical text a store keeps for a record (its CSV row).</summary>
    internal static string ToStored(object record) => string.Join(",", Fields(record).Select(KpiCsv.Quote));

    /// <summary>A record back from its stored text (checked when it was imported).</summary>
    internal static T FromStored<T>(string stored)
        where T : class
    {
        var error = Parse(KindOf(typeof(T)), Csv.SplitLine(stored, 0), new Checker(null, DateTime.MaxValue), out var record);
        return error is null ? (T)record! : throw new InvalidOperationException($"A stored {typeof(T).Name} cannot be read back: {error}.");
    }

    internal static string FormatName(KpiContentFormat format) => FormatNames[(int)format];

    private static string Noun(KpiRecordKind kind) => kind switch
    {
        KpiRecordKind.ContentItems => "content item (platform and id)",
        KpiRecordKind.Topics => "topic",
        KpiRecordKind.Campaigns => "campaign",
        KpiRecordKind.Agencies => "agency_code",
        _ => "training record",
    };

    private static List<string> List(string field) =>
        field.Split(';').Select(s => s.Trim()).Where(s => s.Length > 0).ToList();

    private static string? TextProblem(string field, string value) =>
        value.Length == 0 ? $"{field} is empty" : value.Length > MaxText ? $"{field} is longer than {MaxText} characters" : null;

    private static string? KeyProblem(string field, string key) =>
        key.Length is 0 or > 64 || !key.All(c => (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')
            ? $"{field} '{Clip(key)}' is not a key: 1 to 64 lowercase letters a-z, digits and dashes (e.g. chuyen-doi-so)"
            : null;

    private static string? CodeProblem(string field, string code) =>
        code.Length is 0 or > 64 || !code.All(c => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c is '-' or '_' or '.')
            ? $"{field} '{Clip(code)}' is not a code: 1 to 64 letters a-z, A-Z, digits, '-', '_' or '.' (e.g. 14329-UBND)"
            : null;

    private static bool LooksLikePhoneNumber(string text)
    {
        var digits = text.Count(char.IsDigit);
        return digits >= 9 && text.All(c => char.IsDigit(c) || c is '+' or ' ' or '-' or '.');
    }

    private static string? OptionalDate(string field, string text, out DateTime? date)
    {
        date = null;
        if (text.Trim().Length == 0)
        {
            return null;
        }

        if (!TryDate(text, out var d))
        {
            return $"{field} '{Clip(text)}' is not a date of the form 2026-03-15 (or empty)";
        }

        date = d;
        return null;
    }

    private static bool TryDate(string text, out DateTime date) =>
        DateTime.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    private static bool HasOffset(string text)
    {
        var time = text.Substring(text.IndexOf('T'));
        return time.EndsWith("Z", StringComparison.OrdinalIgnoreCase) || time.IndexOf('+') >= 0 || time.IndexOf('-') >= 0;
    }

    private static string Clip(string text) => text.Length <= 40 ? text : text.Substring(0, 40) + "…";

    /// <summary>Checks unit codes against the registry and knows "today".</summary>
    internal sealed class Checker
    {
        private readonly AdministrativeUnitRegistry? _registry;

        public Checker(AdministrativeUnitRegistry? registry, DateTime today)
        {
            _registry = registry;
            Today = today;
        }

        public DateTime Today { get; }

        public string? Unit(string code, DateTime asOf)
        {
            if (_registry is null)
            {
                return null;
            }

            if (KpiUnits.CodeProblem(_registry, code) is { } problem)
            {
                return "unit_code " + problem;
            }

            return KpiUnits.Map(_registry, code, asOf, Today) is null
                ? $"unit_code {code} (as it was on {KpiCsv.Date(asOf)}) was split into several units, so it cannot be given to one; give the successor's code"
                : null;
        }
    }
}
