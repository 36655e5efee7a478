using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Json.Schema;

namespace NinhBinh.Comms.Metrics.Tests;

/// <summary>What the SDK writes validates against the published JSON Schemas (draft 2020-12), and the JSON exchange form reads back.</summary>
public class KpiSchemaTests
{
    private static readonly EvaluationOptions Options = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };

    // Parsed once per run: JsonSchema.Net registers every $id globally and refuses a second registration.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<JsonSchema>> Parsed = new();

    internal static JsonSchema Schema(string name) => Parsed.GetOrAdd(name, n => new Lazy<JsonSchema>(() =>
    {
        using var stream = KpiSchemas.Open(n);
        using var reader = new StreamReader(stream);
        return JsonSchema.FromText(reader.ReadToEnd());
    })).Value;

    internal static void AssertValid(JsonSchema schema, JsonElement instance)
    {
        var result = schema.Evaluate(instance, Options);
        Assert.True(result.IsValid, string.Join("\n", (result.Details ?? new System.Collections.Generic.List<EvaluationResults>()).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key} {e.Value}"))));
    }

    [Fact]
    public void Observations_written_as_json_validate_and_read_back_equal()
    {
        var observations = KpiCsv.Read(new StringReader(KpiFixture.Fixture), today: new DateTime(2026, 11, 28)).Observations;
        using var buffer = new MemoryStream();
        KpiJson.WriteObservations(buffer, observations);

        using var document = JsonDocument.Parse(buffer.ToArray());
        var schema = Schema("observation");
        foreach (var item in document.RootElement.EnumerateArray())
        {
            AssertValid(schema, item);
        }

        buffer.Position = 0;
        var read = KpiJson.ReadObservations(buffer, today: new DateTime(2026, 11, 28));
        Assert.Empty(read.Problems);
        Assert.Equal(observations, read.Observations);
    }

    [Fact]
    public void Bad_json_items_are_reported_by_position_with_the_csv_checks()
    {
        var json = """[{"unit_code":"14329","channel":"OA","platform":"zalo","metric":"content.views","value":5,"period_start":"2026-01-01","period_end":"2026-01-01"}, 3, {"unit_code":"14329","channel":"OA","platform":"zalo","metric":"content.views","value":-5,"period_start":"2026-01-02","period_end":"2026-01-02"}]""";

        var read = KpiJson.ReadObservations(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json)), today: new DateTime(2026, 11, 28));

        Assert.Single(read.Observations);
        Assert.Equal(new[] { 2, 3 }, read.Problems.Select(p => p.Line));
        Assert.Contains("negative", read.Problems[1].Reason);
    }

    [Fact]
    public void The_schema_rejects_what_the_csv_reader_rejects()
    {
        var schema = Schema("observation");
        using var bad = JsonDocument.Parse("""{"unit_code":"123","channel":"OA","platform":"myspace","metric":"content.likes","value":-1,"period_start":"2026-13-01","period_end":"x"}""");

        Assert.False(schema.Evaluate(bad.RootElement, Options).IsValid);
    }

    [Fact]
    public async Task The_yearly_report_json_validates_against_its_schema()
    {
        using var store = await KpiFixture.LoadAsync();
        var report = await KpiYearReport.CreateAsync(store, "37", 2025, timeProvider: KpiFixture.Clock);
        using var buffer = new MemoryStream();
        report.WriteJson(buffer);

        using var document = JsonDocument.Parse(buffer.ToArray());
        AssertValid(Schema("report"), document.RootElement);
    }

    [Fact]
    public void The_channel_schema_accepts_an_inventory_row()
    {
        using var row = JsonDocument.Parse("""{"unit_code":"14329","channel":"OA Hoa Lư","platform":"zalo","official":true,"established_on":"2025-07-01","closed_on":null}""");

        AssertValid(Schema("channel"), row.RootElement);
        Assert.Throws<ArgumentException>(() => KpiSchemas.Open("topics"));
    }
}
