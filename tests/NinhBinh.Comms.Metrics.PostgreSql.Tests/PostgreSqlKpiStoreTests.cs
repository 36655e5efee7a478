using System;
using System.Threading.Tasks;
using NinhBinh.Comms.Metrics.Tests;
using NinhBinh.Comms.Testing;

namespace NinhBinh.Comms.Metrics.PostgreSql.Tests;

/// <summary>The KPI store contract on a real PostgreSQL (one database per test), and what only this store has.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlKpiStoreTests(PostgreSqlFixture fixture) : KpiStoreContract
{
    [Fact]
    public void Public_api_is_approved() => ApiApproval.Verify(typeof(PostgreSqlKpiStore).Assembly);

    protected override async Task<IKpiStore> CreateStoreAsync() =>
        await PostgreSqlKpiStore.OpenAsync(new PostgreSqlKpiStoreOptions { ConnectionString = fixture.Server.CreateDatabase("kpi"), TimeProvider = KpiFixture.Clock });

    [PostgreSqlFact]
    public Task Reimport() => Importing_the_same_rows_again_never_double_counts();

    [PostgreSqlFact]
    public Task Revisions() => A_later_retrieval_replaces_and_an_earlier_one_is_kept_out();

    [PostgreSqlFact]
    public Task Queries() => Queries_select_by_the_unit_in_force_and_give_figures_back_as_imported();

    [PostgreSqlFact]
    public Task Channels() => Channels_round_trip_and_an_unchanged_channel_is_already_there();

    [PostgreSqlFact]
    public Task Reports() => A_report_is_recorded_once_with_its_first_time();

    [PostgreSqlFact]
    public Task UnknownUnits() => A_unit_that_maps_to_no_unit_in_force_imports_nothing();

    [PostgreSqlFact]
    public Task Records() => Records_round_trip_and_importing_them_again_is_already_there();

    [PostgreSqlFact]
    public Task ContentScope() => Content_items_are_selected_by_unit_in_force_and_publication_day_in_Vietnam();

    [PostgreSqlFact]
    public Task RecordRevisions() => A_changed_record_replaces_and_unknown_references_import_nothing();

    [PostgreSqlFact]
    public async Task With_table_creation_off_missing_tables_name_the_shipped_script()
    {
        var database = fixture.Server.CreateDatabase("kpi-nocreate");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => PostgreSqlKpiStore.OpenAsync(new PostgreSqlKpiStoreOptions { ConnectionString = database, CreateTablesIfMissing = false }));
        Assert.Contains("001_kpi_store.sql", error.Message);

        fixture.Server.Psql(PostgreSqlKpiStore.MigrationScript, database.Split("Database=")[1].Split(';')[0]);
        using var store = await PostgreSqlKpiStore.OpenAsync(new PostgreSqlKpiStoreOptions { ConnectionString = database, CreateTablesIfMissing = false });
        Assert.Empty(await store.GetChannelsAsync());
    }

    [PostgreSqlFact]
    public async Task A_server_that_is_down_is_reported_without_the_password()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => PostgreSqlKpiStore.OpenAsync(new PostgreSqlKpiStoreOptions
        {
            ConnectionString = "Host=127.0.0.1;Port=1;Database=kpi;Username=kpi;Password=s3cret-kpi;Timeout=3",
        }));

        Assert.Contains("127.0.0.1:1/kpi", error.Message);
        Assert.DoesNotContain("s3cret-kpi", error.Message);
    }
}
