using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace NinhBinh.Comms.Metrics;

/// <summary>
/// The JSON exchange form of observations: an array of objects with the CSV's column names
/// (<see cref="KpiSchemas"/> <c>observation</c>). Read with the same checks as the CSV; a problem's
/// <see cref="KpiCsvProblem.Line"/> is then the 1-based position of the item in the array.
/// </summary>
public static class KpiJson
{
    private static readonly string[] Columns = KpiCsv.ObservationHeader.Split(',');

    /// <summary>Writes observations as a JSON array.</summary>
    /// <param name="stream">Where to write (UTF-8).</param>
    /// <param name="observations">The observations.</param>
    public static void WriteObservations(Stream stream, IEnumerable<MetricObservation> observations)
    {
        if (observations is null)
        {
            throw new ArgumentNullException(nameof(observations));
        }

        using var json = new Utf8JsonWriter(stream ?? throw new ArgumentNullException(nameof(stream)), new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartArray();
        foreach (var o in observations)
        {
            json.WriteStartObject();
            json.WriteString("unit_code", o.UnitCode);
            json.WriteString("channel", o.Channel);
            json.WriteString("platform", MetricCatalog.PlatformName(o.Platform));
            json.WriteString("metric", o.Metric);
            json.WriteNumber("value", o.Value);
            json.WriteString("period_start", KpiCsv.Date(o.PeriodStart));
            json.WriteString("period_end", KpiCsv.Date(o.PeriodEnd));
            if (o.SourceMetric is not null)
            {
                json.WriteString("source_metric", o.SourceMetric);
            }

            if (o.RetrievedAt is { } r)
            {
                json.WriteString("retrieved_at", r.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));
            }

            if (o.Estimated)
            {
                json.WriteBoolean("estimated", true);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    /// <summary>Reads a JSON array of observations with the CSV's checks.</summary>
    /// <param name="stream">The UTF-8 JSON.</param>
    /// <param name="registry">Administrative units (default <see cref="AdministrativeUnitRegistry.Default"/>).</param>
    /// <param name="today">The Vietnam date after which periods are "in the future" (default: today).</param>
    /// <returns>The good items and every bad one (by position).</returns>
    public static KpiCsvContent ReadObservations(Stream stream, AdministrativeUnitRegistry? registry = null, DateTime? today = null)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(stream ?? throw new ArgumentNullException(nameof(stream)));
        }
        catch (JsonException ex)
        {
            return new KpiCsvContent(false, Array.Empty<MetricObservation>(), Array.Empty<KpiChannel>(), new[] { new KpiCsvProblem(0, "not JSON: " + ex.Message) });
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                return new KpiCsvContent(false, Array.Empty<MetricObservation>(), Array.Empty<KpiChannel>(), new[] { new KpiCsvProblem(0, "the document must be an array of observations") });
            }

            // Each item becomes the CSV row it stands for and goes through the same checks.
            var csv = new System.Text.StringBuilder(KpiCsv.ObservationHeader).Append('\n');
            var problems = new List<KpiCsvProblem>();
            var index = 0;
            var rowToItem = new List<int>();
            foreach (var item in document.RootElement.EnumerateArray())
            {
                index++;
                if (item.ValueKind != JsonValueKind.Object)
                {
                    problems.Add(new KpiCsvProblem(index, "an item is not an object"));
                    continue;
                }

                string Field(string name) => item.TryGetProperty(name, out var p) ? p.ValueKind switch
                {
                    JsonValueKind.String => p.GetString() ?? string.Empty,
                    JsonValueKind.Number => p.GetRawText(),
                    _ => string.Empty,
                } : string.Empty;
                csv.Append(string.Join(",", Columns.Select(name => KpiCsv.Quote(Field(name))))).Append('\n');
                rowToItem.Add(index);
            }

            var read = KpiCsv.Read(new StringReader(csv.ToString()), registry, today);
            foreach (var p in read.Problems)
            {
                problems.Add(new KpiCsvProblem(rowToItem[p.Line - 2], p.Reason));
            }

            problems.Sort((a, b) => a.Line.CompareTo(b.Line));
            return new KpiCsvContent(false, read.Observations, Array.Empty<KpiChannel>(), problems);
        }
    }
}
