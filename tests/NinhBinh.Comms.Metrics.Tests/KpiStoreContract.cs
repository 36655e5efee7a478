using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;

namespace NinhBinh.Comms.Metrics.Tests;

/// <summary>
/// The store contract every <see cref="IKpiStore"/> passes: SQLite here (<see cref="SqliteKpiStoreContractTests"/>), PostgreSQL
/// in NinhBinh.Comms.Metrics.PostgreSql.Tests. Each store class declares one fact per case calling these.
/// </summary>
public abstract class KpiStoreContract
{
    protected static readonly DateTime Today = new(2026, 11, 28);

    /// <summary>A new, empty store.</summary>
    protected abstract Task<IKpiStore> CreateStoreAsync();

    protected async Task Importing_the_same_rows_again_never_double_counts()
    {
        using var store = await CreateStoreAsync();
        var observations = KpiCsv.Read(new StringReader(KpiFixture.Fixture), today: Today).Observations;

        var first = await store.ImportAsync(observations);
        var again = await store.ImportAsync(observations);

        Assert.Equal((observations.Count, 0), (first.Imported, first.AlreadyThere));
        Assert.Equal((0, observations.Count), (again.Imported, again.AlreadyThere));
        var views = await new KpiAggregator(store, timeProvider: KpiFixture.Clock).TotalAsync("37", MetricCatalog.ContentViews, ReportingPeriod.Statistical(ReportingPeriodKind.Year, 2025));
        Assert.Equal(1000m, views.Value);
    }

    protected async Task A_later_retrieval_replaces_and_an_earlier_one_is_kept_out()
    {
        using var store = await CreateStoreAsync();
        var first = new MetricObservation("14329", "OA", KpiPlatform.Zalo, MetricCatalog.ContentViews, 100, new DateTime(2026, 1, 1), new DateTime(2026, 1, 1))
        { RetrievedAt = new DateTimeOffset(2026, 1, 2, 8, 0, 0, TimeSpan.FromHours(7)), SourceMetric = "total_view" };
        var revised = first with { Value = 120, RetrievedAt = new DateTimeOffset(2026, 1, 5, 8, 0, 0, TimeSpan.FromHours(7)) };
        var stale = first with { Value = 90, RetrievedAt = new DateTimeOffset(2026, 1, 3, 8, 0, 0, TimeSpan.FromHours(7)) };

        await store.ImportAsync(new[] { first });
        var replaced = await store.ImportAsync(new[] { revised });
        var kept = await store.ImportAsync(new[] { stale });
        var stored = Assert.Single(await store.QueryAsync(new KpiQuery("14329", MetricCatalog.ContentViews, new DateTime(2026, 1, 1), new DateTime(2026, 1, 31))));

        Assert.Equal(revised, Assert.Single(replaced.Replaced));
        Assert.Equal(stale, Assert.Single(kept.KeptEarlier));
        Assert.Equal((120m, revised.RetrievedAt, "total_view"), (stored.Value, stored.RetrievedAt, stored.SourceMetric));
    }

    protected async Task Queries_select_by_the_unit_in_force_and_give_figures_back_as_imported()
    {
        using var store = await CreateStoreAsync();
        await store.ImportAsync(KpiCsv.Read(new StringReader(KpiFixture.Fixture), today: Today).Observations);
        var year = ReportingPeriod.Statistical(ReportingPeriodKind.Year, 2025);

        var commune = await store.QueryAsync(new KpiQuery("14329", MetricCatalog.ContentViews, year.Start, year.End));
        var province = await store.QueryAsync(new KpiQuery("37", MetricCatalog.ContentViews, year.Start, year.End));
        var facebook = await store.QueryAsync(new KpiQuery("14329", MetricCatalog.AudienceReach, year.Start, year.End) { Platform = KpiPlatform.Facebook });
        var followers = await store.QueryAsync(new KpiQuery("14329", MetricCatalog.AudienceFollowers, year.End, year.End) { UpToOnly = true });

        Assert.Equal(5, commune.Count);
        Assert.Contains(commune, o => o.UnitCode == "14320"); // an old code, kept as imported, selected by its successor
        Assert.Equal(commune.OrderBy(o => o.UnitCode + o.Channel + o.PeriodStart.Ticks + o.PeriodEnd.Ticks), province.OrderBy(o => o.UnitCode + o.Channel + o.PeriodStart.Ticks + o.PeriodEnd.Ticks));
        Assert.Equal(500m, Assert.Single(facebook).Value);
        Assert.Equal(new[] { 800m, 950m }, followers.Select(o => o.Value).OrderBy(v => v));
    }

    protected async Task Channels_round_trip_and_an_unchanged_channel_is_already_there()
    {
        using var store = await CreateStoreAsync();
        var channels = KpiCsv.Read(new StringReader(KpiFixture.Inventory), today: Today).Channels;

        var first = await store.ImportChannelsAsync(channels);
        var again = await store.ImportChannelsAsync(channels);
        var read = await store.GetChannelsAsync();

        Assert.Equal((channels.Count, 0), (first.Imported, first.AlreadyThere));
        Assert.Equal((0, channels.Count), (again.Imported, again.AlreadyThere));
        Assert.Equal(channels.OrderBy(c => c.UnitCode + c.Channel), read.OrderBy(c => c.UnitCode + c.Channel));
    }

    protected async Task A_report_is_recorded_once_with_its_first_time()
    {
        using var store = await CreateStoreAsync();
        var first = new DateTimeOffset(2026, 11, 20, 1, 0, 0, TimeSpan.Zero);

        Assert.Null(await store.GetReportProducedAtAsync("37", 2026));
        await store.RecordReportAsync("37", 2026, first);
        await store.RecordReportAsync("37", 2026, first.AddDays(5));

        Assert.Equal(first, await store.GetReportProducedAtAsync("37", 2026));
    }

    protected async Task A_unit_that_maps_to_no_unit_in_force_imports_nothing()
    {
        using var store = await CreateStoreAsync();
        var good = new MetricObservation("14329", "OA", KpiPlatform.Zalo, MetricCatalog.ContentViews, 1, new DateTime(2026, 1, 1), new DateTime(2026, 1, 1));
        var unknown = good with { UnitCode = "99999" };

        await Assert.ThrowsAsync<ArgumentException>(() => store.ImportAsync(new[] { good, unknown }));

        Assert.Empty(await store.QueryAsync(new KpiQuery("14329", MetricCatalog.ContentViews, new DateTime(2026, 1, 1), new DateTime(2026, 1, 1))));
    }
    protected async Task Records_round_trip_and_importing_them_again_is_already_there()
    {
        using var store = await CreateStoreAsync();
        var items = KpiRecordFixture.Read(KpiRecordFixture.ContentItems).ContentItems;
        var agencies = KpiRecordFixture.Read(KpiRecordFixture.Agencies).Agencies;

        await KpiRecordFixture.ImportAllAsync(store);
        var again = await KpiRecordFixture.Read(KpiRecordFixture.ContentItems).ImportAsync(store);
        var training = await KpiRecordFixture.Read(KpiRecordFixture.Training).ImportAsync(store);

        Assert.Equal((0, items.Count), (again.Imported, again.AlreadyThere));
        Assert.Equal((0, 8), (training.Imported, training.AlreadyThere));
        Assert.Equal(KpiRecordFixture.Lines(items, KpiRecordFixture.Line), KpiRecordFixture.Lines(await store.GetContentItemsAsync("37", new DateTime(2025, 1, 1), new DateTime(2026, 12, 31)), KpiRecordFixture.Line));
        Assert.Equal(KpiRecordFixture.Lines(agencies, KpiRecordFixture.Line), KpiRecordFixture.Lines(await store.GetAgenciesAsync(), KpiRecordFixture.Line));
        Assert.Equal(new[] { "an-toan-giao-thong", "chuyen-doi-so", "sap-nhap" }, (await store.GetTopicsAsync()).Select(t => t.Key).OrderBy(k => k, StringComparer.Ordinal));
        Assert.Equal("Sắp xếp đơn vị hành chính, tổ chức bộ máy", (await store.GetTopicsAsync()).Single(t => t.Key == "sap-nhap").Name);
        var campaign = Assert.Single(await store.GetCampaignsAsync());
        Assert.Equal(new KpiCampaign("sap-nhap-2025", "Tuyên truyền sắp xếp ĐVHC 2025") { StartsOn = new DateTime(2025, 6, 1), EndsOn = new DateTime(2026, 6, 30) }, campaign);
    }

    protected async Task Content_items_are_selected_by_unit_in_force_and_publication_day_in_Vietnam()
    {
        using var store = await CreateStoreAsync();
        await KpiRecordFixture.ImportAllAsync(store);
        var year = ReportingPeriod.Statistical(ReportingPeriodKind.Year, 2026);

        var commune = await store.GetContentItemsAsync("14329", year.Start, year.End);
        var province = await store.GetContentItemsAsync("37", year.Start, year.End);
        var trained = await store.GetTrainingAsync(new DateTime(2026, 1, 1), new DateTime(2026, 5, 1));

        Assert.Equal(new[] { "a1", "a2", "a3", "p1" }, commune.Select(i => i.Id).OrderBy(i => i, StringComparer.Ordinal)); // a0 is 2025-12-14 in Vietnam
        Assert.Equal(new[] { "a1", "a2", "a3", "p1", "v1" }, province.Select(i => i.Id).OrderBy(i => i, StringComparer.Ordinal));
        Assert.Equal(new[] { "HL-01", "HL-02", "HL-03", "SVH-01", "SVH-02" }, trained.Select(t => t.StaffId).OrderBy(s => s, StringComparer.Ordinal));
    }

    protected async Task A_changed_record_replaces_and_unknown_references_import_nothing()
    {
        using var store = await CreateStoreAsync();
        await KpiRecordFixture.ImportAllAsync(store);
        var renamed = new KpiTopic("chuyen-doi-so", "Chuyển đổi số quốc gia");
        var orphan = new KpiContentItem("z9", "14329", "OA Hoa Lư", KpiPlatform.Zalo, new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.FromHours(7)), KpiContentFormat.Article) { Topics = new[] { "khong-co" } };
        var good = orphan with { Id = "z8", Topics = new[] { "chuyen-doi-so" } };

        var changed = await store.ImportTopicsAsync(new[] { renamed });
        var error = await Assert.ThrowsAsync<ArgumentException>(() => store.ImportContentItemsAsync(new[] { good, orphan }));
        var trainingError = await Assert.ThrowsAsync<ArgumentException>(() => store.ImportTrainingAsync(new[] { new KpiTrainingRecord("99-NONE", "X-1", new DateTime(2026, 1, 1)) }));

        Assert.Equal((1, 0), (changed.Imported, changed.AlreadyThere));
        Assert.Equal("Chuyển đổi số quốc gia", (await store.GetTopicsAsync()).Single(t => t.Key == "chuyen-doi-so").Name);
        Assert.Contains("'khong-co'", error.Message);
        Assert.Contains("'99-NONE'", trainingError.Message);
        Assert.DoesNotContain(await store.GetContentItemsAsync("14329", new DateTime(2026, 6, 1), new DateTime(2026, 6, 1)), i => i.Id == "z8");
    }
}


/// <summary>The contract on the embedded SQLite store.</summary>
public sealed class SqliteKpiStoreContractTests : KpiStoreContract
{
    protected override Task<IKpiStore> CreateStoreAsync() => Task.FromResult<IKpiStore>(SqliteKpiStore.InMemory(timeProvider: KpiFixture.Clock));

    [Fact]
    public Task Reimport() => Importing_the_same_rows_again_never_double_counts();

    [Fact]
    public Task Revisions() => A_later_retrieval_replaces_and_an_earlier_one_is_kept_out();

    [Fact]
    public Task Queries() => Queries_select_by_the_unit_in_force_and_give_figures_back_as_imported();

    [Fact]
    public Task Channels() => Channels_round_trip_and_an_unchanged_channel_is_already_there();

    [Fact]
    public Task Reports() => A_report_is_recorded_once_with_its_first_time();

    [Fact]
    public Task UnknownUnits() => A_unit_that_maps_to_no_unit_in_force_imports_nothing();

    [Fact]
    public Task Records() => Records_round_trip_and_importing_them_again_is_already_there();

    [Fact]
    public Task ContentScope() => Content_items_are_selected_by_unit_in_force_and_publication_day_in_Vietnam();

    [Fact]
    public Task RecordRevisions() => A_changed_record_replaces_and_unknown_references_import_nothing();
}
