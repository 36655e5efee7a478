using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Json.Schema;

namespace NinhBinh.Comms.Metrics.Tests;

/// <summary>Content items, topics, campaigns, agencies and training records: files, schemas, roll-ups and the indicators they feed.</summary>
public class KpiRecordTests
{
    private static readonly ReportingPeriod Year2026 = ReportingPeriod.Statistical(ReportingPeriodKind.Year, 2026);

    private static async Task<SqliteKpiStore> LoadAsync()
    {
        var store = await KpiFixture.LoadAsync();
        await KpiRecordFixture.ImportAllAsync(store);
        await store.ImportChannelsAsync(KpiCsv.Read(new StringReader(KpiRecordFixture.ProvinceChannels), today: KpiRecordFixture.Today).Channels);
        return store;
    }

    [Fact]
    public async Task Topic_rollup_counts_items_per_topic_where_adding_the_rows_would_count_an_item_twice()
    {
        using var store = await LoadAsync();
        var aggregator = new KpiAggregator(store, timeProvider: KpiFixture.Clock);

        // Statistical 2026: a1 a2 a3 p1 v1 (a0 is 2025-12-14 in Vietnam). a1 has two topics, so the rows add up to 6, not 5.
        var byTopic = await aggregator.ByTopicAsync("37", Year2026);
        var zalo = await aggregator.ByTopicAsync("37", Year2026, KpiPlatform.Zalo);

        Assert.Equal(
            new[] { ("chuyen-doi-so", "Chuyển đổi số", 3, 1), ("sap-nhap", "Sắp xếp đơn vị hành chính, tổ chức bộ máy", 2, 2), ((string?)null, "(none)", 1, 1) },
            byTopic.Select(r => ((string?)r.Key, r.Name, r.Items, r.Channels)));
        Assert.Equal(new[] { ("chuyen-doi-so", 3), ("sap-nhap", 1) }, zalo.Select(r => (r.Key!, r.Items)));
    }

    [Fact]
    public async Task Campaign_rollup_counts_items_of_each_campaign_and_those_of_none()
    {
        using var store = await LoadAsync();
        var aggregator = new KpiAggregator(store, timeProvider: KpiFixture.Clock);

        var province = await aggregator.ByCampaignAsync("37", Year2026);
        var commune = await aggregator.ByCampaignAsync("14674", Year2026);

        Assert.Equal(new[] { ((string?)null, 3, 2), ("sap-nhap-2025", 2, 2) }, province.Select(r => (r.Key, r.Items, r.Channels)));
        Assert.Equal(new[] { ((string?)null, 1) }, commune.Select(r => (r.Key, r.Items)));
    }

    [Fact]
    public async Task Training_coverage_counts_distinct_staff_trained_this_year_up_to_each_agencys_staff()
    {
        using var store = await LoadAsync();
        var indicators = new KpiIndicators(store, timeProvider: KpiFixture.Clock);

        // 37-SVHTT: SVH-01, SVH-02 (twice) this year, SVH-03 last year -> 2 of 3; 37-BTG: 1 of 2 (on 2026-10-15);
        // 14329-UBND: 3 people for 2 posts -> 2 of 2; 14674-UBND: 0 of 1. Naive rows this year: 7 of 8.
        var november = (await indicators.EvaluateAsync("37", new DateTime(2026, 11, 28))).Single(i => i.Key == "training-coverage");
        var september = (await indicators.EvaluateAsync("37", new DateTime(2026, 9, 30))).Single(i => i.Key == "training-coverage");
        var commune = (await indicators.EvaluateAsync("14329", new DateTime(2026, 11, 28))).Single(i => i.Key == "training-coverage");

        Assert.Equal((5, 8), (november.Numerator, november.Denominator));
        Assert.Equal(new[] { "14674-UBND", "37-BTG", "37-SVHTT" }, november.Missing.OrderBy(m => m, StringComparer.Ordinal));
        Assert.Equal(IndicatorStatus.Behind, november.Status);
        Assert.Equal((4, 8), (september.Numerator, september.Denominator));
        Assert.Equal((2, 2, IndicatorStatus.Met), (commune.Numerator, commune.Denominator, commune.Status));
    }

    [Fact]
    public async Task Social_accounts_are_counted_per_recorded_agency_and_per_unit_without_agencies()
    {
        using var store = await KpiFixture.LoadAsync();
        await store.ImportChannelsAsync(KpiCsv.Read(new StringReader(KpiRecordFixture.ProvinceChannels), today: KpiRecordFixture.Today).Channels);
        var indicators = new KpiIndicators(store, timeProvider: KpiFixture.Clock);
        var asOf = new DateTime(2026, 11, 28);
        var before = (await indicators.EvaluateAsync("37", asOf)).Single(i => i.Key == "social-accounts-per-agency");

        await KpiRecordFixture.ImportAllAsync(store);
        var after = (await indicators.EvaluateAsync("37", asOf)).Single(i => i.Key == "social-accounts-per-agency");

        // Before: units are the agencies; 37 (2 social channels) and 14329 (4, two of them of merged communes) have them.
        Assert.Equal(2, before.Numerator);
        Assert.DoesNotContain("37", before.Missing);

        // After: the province has two agencies (37-SVHTT keeps both social channels, 37-BTG none); 14329-UBND keeps
        // OA Hoa Lư and Trang Hoa Lư; 14674-UBND only a radio. Units without agencies still count once each.
        Assert.Equal(before.Denominator + 1, after.Denominator);
        Assert.Equal(2, after.Numerator);
        Assert.Contains("37-BTG", after.Missing);
        Assert.Contains("14674-UBND", after.Missing);
        Assert.DoesNotContain("37-SVHTT", after.Missing);
        Assert.DoesNotContain("14329-UBND", after.Missing);
        Assert.DoesNotContain("14329", after.Missing);
    }

    [Fact]
    public async Task The_yearly_report_carries_the_top_topics_in_json_csv_and_an_svg_chart()
    {
        using var store = await LoadAsync();
        var report = await KpiYearReport.CreateAsync(store, "37", 2026, timeProvider: KpiFixture.Clock);
        using var json = new MemoryStream();
        report.WriteJson(json);
        using var csv = new StringWriter();
        report.WriteCsv(csv);
        using var html = new StringWriter();
        report.WriteHtml(html);

        Assert.Equal(new[] { ("chuyen-doi-so", 3), ("sap-nhap", 2) }, report.Topics.Where(t => t.Key is not null).Select(t => (t.Key!, t.Items)));
        using var document = JsonDocument.Parse(json.ToArray());
        KpiSchemaTests.AssertValid(KpiSchemaTests.Schema("report"), document.RootElement);
        Assert.Equal(3, document.RootElement.GetProperty("topics").GetArrayLength());
        Assert.Contains("topic,chuyen-doi-so,,3,", csv.ToString());
        Assert.Contains("id=\"topics-chart\"", html.ToString());
        Assert.Contains("Chuyển đổi số", html.ToString());
    }

    [Fact]
    public void Bad_record_rows_are_reported_by_line_and_a_phone_number_is_never_echoed()
    {
        var items = KpiRecordCsv.Read(new StringReader("""
            id,unit_code,channel,platform,published_at,format,topics,campaign
            a1,14329,OA,zalo,2026-01-05T09:00:00+07:00,article,Chuyen Doi So,
            a2,99999,OA,zalo,2026-01-05T09:00:00+07:00,article,,
            a3,14329,OA,zalo,2027-01-05T09:00:00+07:00,article,,
            a4,14329,OA,myspace,2026-01-05T09:00:00+07:00,article,,
            a5,14329,OA,zalo,2026-01-05,article,,
            a6,14329,OA,zalo,2026-01-05T09:00:00+07:00,podcast,,
            a7,14329,OA,zalo,2026-01-05T09:00:00+07:00,article,x;x,
            a8,14329,OA,zalo,2026-01-05T09:00:00+07:00,article,,
            a8,14329,OA,zalo,2026-01-06T09:00:00+07:00,article,,
            """), today: KpiRecordFixture.Today);
        var training = KpiRecordCsv.Read(new StringReader("""
            agency_code,staff_id,trained_on,course
            37-SVHTT,0912345678,2026-03-01,
            37 SVHTT,A-1,2026-03-01,
            37-SVHTT,A-1,2026-02-30,
            """), today: KpiRecordFixture.Today);

        Assert.Equal(new[] { 2, 3, 4, 5, 6, 7, 8, 10 }, items.Problems.Select(p => p.Line));
        Assert.Contains("topics 'Chuyen Doi So' is not a key", items.Problems[0].Reason);
        Assert.Contains("99999 is not a known administrative unit", items.Problems[1].Reason);
        Assert.Contains("in the future", items.Problems[2].Reason);
        Assert.Contains("platform 'myspace'", items.Problems[3].Reason);
        Assert.Contains("published_at '2026-01-05' is not a date-time", items.Problems[4].Reason);
        Assert.Contains("format 'podcast'", items.Problems[5].Reason);
        Assert.Contains("twice", items.Problems[6].Reason);
        Assert.Contains("on line 9", items.Problems[7].Reason);
        Assert.Single(items.ContentItems);

        Assert.Equal(new[] { 2, 3, 4 }, training.Problems.Select(p => p.Line));
        Assert.Contains("looks like a phone number", training.Problems[0].Reason);
        Assert.DoesNotContain("0912345678", training.Problems[0].Reason);
        Assert.Contains("agency_code '37 SVHTT'", training.Problems[1].Reason);
        Assert.Contains("trained_on '2026-02-30'", training.Problems[2].Reason);
    }

    [Fact]
    public void An_unknown_header_names_every_record_header()
    {
        var read = KpiRecordCsv.Read(new StringReader("id,unit\n1,2\n"));

        Assert.Equal(1, Assert.Single(read.Problems).Line);
        Assert.Contains(KpiRecordCsv.TrainingHeader, read.Problems[0].Reason);
    }

    [Theory]
    [InlineData(KpiRecordKind.ContentItems, "content-item")]
    [InlineData(KpiRecordKind.Topics, "topic")]
    [InlineData(KpiRecordKind.Campaigns, "campaign")]
    [InlineData(KpiRecordKind.Agencies, "agency")]
    [InlineData(KpiRecordKind.Training, "training-record")]
    public void Records_written_as_json_validate_against_their_schema_and_read_back_the_same(KpiRecordKind kind, string schemaName)
    {
        var csv = kind switch
        {
            KpiRecordKind.ContentItems => KpiRecordFixture.ContentItems,
            KpiRecordKind.Topics => KpiRecordFixture.Topics,
            KpiRecordKind.Campaigns => KpiRecordFixture.Campaigns,
            KpiRecordKind.Agencies => KpiRecordFixture.Agencies,
            _ => KpiRecordFixture.Training,
        };
        var read = KpiRecordFixture.Read(csv);
        using var buffer = new MemoryStream();
        switch (kind)
        {
            case KpiRecordKind.ContentItems: KpiRecordJson.Write(buffer, read.ContentItems); break;
            case KpiRecordKind.Topics: KpiRecordJson.Write(buffer, read.Topics); break;
            case KpiRecordKind.Campaigns: KpiRecordJson.Write(buffer, read.Campaigns); break;
            case KpiRecordKind.Agencies: KpiRecordJson.Write(buffer, read.Agencies); break;
            default: KpiRecordJson.Write(buffer, read.TrainingRecords); break;
        }

        using var document = JsonDocument.Parse(buffer.ToArray());
        var schema = KpiSchemaTests.Schema(schemaName);
        foreach (var item in document.RootElement.EnumerateArray())
        {
            KpiSchemaTests.AssertValid(schema, item);
        }

        buffer.Position = 0;
        var back = KpiRecordJson.Read(buffer, kind, today: KpiRecordFixture.Today);
        Assert.Empty(back.Problems);
        Assert.Equal(read.Count, back.Count);
        using var again = new StringWriter();
        using var first = new StringWriter();
        WriteCsv(first, read);
        WriteCsv(again, back);
        Assert.Equal(first.ToString(), again.ToString());
    }

    [Fact]
    public void A_json_item_with_a_bad_list_is_reported_by_position()
    {
        var json = """[{"topic":"ok","name":"Tốt"}]""";
        var items = """[{"id":"a1","unit_code":"14329","channel":"OA","platform":"zalo","published_at":"2026-01-05T09:00:00+07:00","format":"article","topics":[1]}]""";

        var topics = KpiRecordJson.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)), KpiRecordKind.Topics, today: KpiRecordFixture.Today);
        var bad = KpiRecordJson.Read(new MemoryStream(Encoding.UTF8.GetBytes(items)), KpiRecordKind.ContentItems, today: KpiRecordFixture.Today);

        Assert.Equal("Tốt", Assert.Single(topics.Topics).Name);
        Assert.Contains("topics must be an array of strings", Assert.Single(bad.Problems).Reason);
        Assert.Equal(1, bad.Problems[0].Line);
        Assert.False(JsonSchemaValid("content-item", items));
    }

    private static bool JsonSchemaValid(string schema, string arrayJson)
    {
        using var document = JsonDocument.Parse(arrayJson);
        return document.RootElement.EnumerateArray().All(i => KpiSchemaTests.Schema(schema).Evaluate(i, new EvaluationOptions { RequireFormatValidation = true }).IsValid);
    }

    private static void WriteCsv(TextWriter writer, KpiRecordContent content)
    {
        switch (content.Kind)
        {
            case KpiRecordKind.ContentItems: KpiRecordCsv.Write(writer, content.ContentItems); break;
            case KpiRecordKind.Topics: KpiRecordCsv.Write(writer, content.Topics); break;
            case KpiRecordKind.Campaigns: KpiRecordCsv.Write(writer, content.Campaigns); break;
            case KpiRecordKind.Agencies: KpiRecordCsv.Write(writer, content.Agencies); break;
            default: KpiRecordCsv.Write(writer, content.TrainingRecords); break;
        }
    }
}
