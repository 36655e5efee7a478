using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace NinhBinh.Comms.Metrics;

/// <summary>
/// The JSON exchange form of content items, topics, campaigns, agencies and training records: an array of objects
/// with the CSV's column names (lists as arrays, <c>communication_staff</c> a number), each item valid against the
/// kind's schema (<see cref="KpiSchemas"/> <c>content-item</c>, <c>topic</c>, <c>campaign</c>, <c>agency</c>,
/// <c>training-record</c>). Read with the CSV's checks; a problem's line is the 1-based position of the item.
/// </summary>
public static class KpiRecordJson
{
    private static readonly char[] ListSeparator = { ';' };

    /// <summary>Writes records as a JSON array.</summary>
    /// <typeparam name="T">A record type: <see cref="KpiContentItem"/>, <see cref="KpiTopic"/>, <see cref="KpiCampaign"/>, <see cref="KpiAgency"/> or <see cref="KpiTrainingRecord"/>.</typeparam>
    /// <param name="stream">Where to write (UTF-8).</param>
    /// <param name="records">The records.</param>
    public static void Write<T>(Stream stream, IEnumerable<T> records)
        where T : class
    {
        var kind = KpiRecordCsv.KindOf(typeof(T));
        var columns = KpiRecordCsv.HeaderOf(kind).Split(',');
        using var json = new Utf8JsonWriter(stream ?? throw new ArgumentNullException(nameof(stream)), new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartArray();
        foreach (var record in records ?? throw new ArgumentNullException(nameof(records)))
        {
            var fields = KpiRecordCsv.Fields(record);
            json.WriteStartObject();
            for (var i = 0; i < columns.Length; i++)
            {
                var name = columns[i];
                if (name is "topics" or "channels")
                {
                    json.WriteStartArray(name);
                    foreach (var part in fields[i].Split(ListSeparator, StringSplitOptions.RemoveEmptyEntries))
                    {
                        json.WriteStringValue(part);
                    }

                    json.WriteEndArray();
                }
                else if (name == "communication_staff")
                {
                    json.WriteNumber(name, int.Parse(fields[i], System.Globalization.CultureInfo.InvariantCulture));
                }
                else if (fields[i].Length == 0)
                {
                    json.WriteNull(name);
                }
                else
                {
                    json.WriteString(name, fields[i]);
                }
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    /// <summary>Reads a JSON array of records of one kind with the CSV's checks.</summary>
    /// <param name="stream">The UTF-8 JSON.</param>
    /// <param name="kind">The kind of records the array holds.</param>
    /// <param name="registry">Administrative units (default <see cref="AdministrativeUnitRegistry.Default"/>).</param>
    /// <param name="today">The Vietnam date after which dates are "in the future" (default: today).</param>
    /// <returns>The good items and every bad one (by position).</returns>
    public static KpiRecordContent Read(Stream stream, KpiRecordKind kind, AdministrativeUnitRegistry? registry = null, DateTime? today = null)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(stream ?? throw new ArgumentNullException(nameof(stream)));
        }
        catch (JsonException ex)
        {
            return new KpiRecordContent(kind, Array.Empty<object>(), new[] { new KpiCsvProblem(0, "not JSON: " + ex.Message) });
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                return new KpiRecordContent(kind, Array.Empty<object>(), new[] { new KpiCsvProblem(0, "the document must be an array") });
            }

            var columns = KpiRecordCsv.HeaderOf(kind).Split(',');
            var rows = new List<(int, IReadOnlyList<string>?, string?)>();
            var index = 0;
            foreach (var item in document.RootElement.EnumerateArray())
            {
                index++;
                if (item.ValueKind != JsonValueKind.Object)
                {
                    rows.Add((index, null, "an item is not an object"));
                    continue;
                }

                string? error = null;
                string Field(string name)
                {
                    if (!item.TryGetProperty(name, out var p))
                    {
                        return string.Empty;
                    }

                    switch (p.ValueKind)
                    {
                        case JsonValueKind.String:
                            return p.GetString() ?? string.Empty;
                        case JsonValueKind.Number:
                            return p.GetRawText();
                        case JsonValueKind.Array:
                            var parts = p.EnumerateArray().ToList();
                            if (parts.Any(x => x.ValueKind != JsonValueKind.String || (x.GetString() ?? string.Empty).IndexOf(';') >= 0))
                            {
                                error ??= $"{name} must be an array of strings without ';'";
                            }

                            return string.Join(";", parts.Select(x => x.ValueKind == JsonValueKind.String ? x.GetString() : string.Empty));
                        default:
                            return string.Empty;
                    }
                }

                var fields = columns.Select(Field).ToList();
                rows.Add((index, fields, error));
            }

            return KpiRecordCsv.ReadRows(kind, rows, registry, today);
        }
    }
}
