using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;

namespace NinhBinh.Comms.Metrics.Tests;

/// <summary>
/// The bulk path of the SQLite import (50,000 rows or more into a smaller table: the scope index is rebuilt once) and
/// the CSV reader on a large file keep the behaviour of the row-by-row path.
/// </summary>
public sealed class KpiBulkImportTests : IDisposable
{
    private const int Channels = 60;
    private const int Days = 1000;
    private static readonly DateTime Today = new(2026, 11, 28);
    private static readonly DateTime FirstDay = new(2023, 1, 1);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "kpi-bulk-" + Guid.NewGuid().ToString("N"));

    public KpiBulkImportTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task A_bulk_import_is_idempotent_reports_revisions_and_rebuilds_the_scope_index()
    {
        var csv = WriteCsv("views.csv", revisedValueOfLastRow: null);
        var revised = WriteCsv("revised.csv", revisedValueOfLastRow: 7777);
        var db = Path.Combine(_folder, "kpi.db");
        using var store = SqliteKpiStore.Open(db, timeProvider: KpiFixture.Clock);

        var content = KpiCsv.ReadFile(csv, today: Today);
        var first = await store.ImportAsync(content.Observations);
        var again = await store.ImportAsync(KpiCsv.ReadFile(revised, today: Today).Observations);

        Assert.Empty(content.Problems);
        Assert.Equal((Channels * Days, 0), (first.Imported, first.AlreadyThere));
        Assert.Equal((0, (Channels * Days) - 1), (again.Imported, again.AlreadyThere));
        var replaced = Assert.Single(again.Replaced);
        Assert.Equal((7777m, "14320", "Kênh 59"), (replaced.Value, replaced.UnitCode, replaced.Channel));
        Assert.True(ScopeIndexExists(db));

        // Old code 14320 (merged into 14329 on 2025-07-01) is selected by its successor and its province, through the rebuilt index.
        var lastDay = FirstDay.AddDays(Days - 1);
        var province = await store.QueryAsync(new KpiQuery("37", MetricCatalog.ContentViews, lastDay, lastDay));
        var commune = await store.QueryAsync(new KpiQuery("14329", MetricCatalog.ContentViews, lastDay, lastDay));
        Assert.Equal(Channels, province.Count);
        Assert.Equal(Channels, commune.Count);
        Assert.Equal(7777m, province.Single(o => o.Channel == "Kênh 59").Value);
    }

    [Fact]
    public async Task A_bulk_import_that_fails_imports_nothing_and_keeps_the_scope_index()
    {
        var content = KpiCsv.ReadFile(WriteCsv("views.csv", revisedValueOfLastRow: null), today: Today);
        var unknown = new MetricObservation("99999", "OA", KpiPlatform.Zalo, MetricCatalog.ContentViews, 1, Today, Today);
        var db = Path.Combine(_folder, "kpi.db");
        using var store = SqliteKpiStore.Open(db, timeProvider: KpiFixture.Clock);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => store.ImportAsync(content.Observations.Append(unknown)));

        Assert.Contains("99999", error.Message, StringComparison.Ordinal);
        Assert.Empty(await store.QueryAsync(new KpiQuery("37", MetricCatalog.ContentViews, FirstDay, Today)));
        Assert.True(ScopeIndexExists(db));
    }

    [Fact]
    public void The_reader_trims_fields_and_reads_quoted_and_plain_lines_alike()
    {
        var csv = KpiCsv.ObservationHeader + "\n" +
            " 14329 , OA Hoa Lư ,zalo, content.views ,12.50, 2026-01-01 ,2026-01-01, total_view ,\n" +
            "\"14329\",\"OA Hoa Lư\",\"zalo\",\"content.views\",\"7\",\"2026-01-02\",\"2026-01-02\",\"total_view\",\"\"\n" +
            "14329,OA Hoa Lư,zalo,content.views,1e3,2026-01-03,2026-01-03,,\n" +
            "14329,OA Hoa Lư,zalo,content.views,12.5,2026-01-01,2026-01-01,,\n";   // the same figure as line 2, written otherwise

        var content = KpiCsv.Read(new StringReader(csv), today: Today);

        Assert.Empty(content.Problems);
        Assert.Equal(new[] { 12.50m, 7m, 1000m }, content.Observations.Select(o => o.Value));
        Assert.All(content.Observations, o => Assert.Equal(("14329", "OA Hoa Lư", MetricCatalog.ContentViews), (o.UnitCode, o.Channel, o.Metric)));
        Assert.Equal(new string?[] { "total_view", "total_view", null }, content.Observations.Select(o => o.SourceMetric));
        Assert.Same(content.Observations[0].Channel, content.Observations[1].Channel);
    }

    private static bool ScopeIndexExists(string db)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = db, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name = 'observation_scope'";
        return (long)command.ExecuteScalar()! == 1;
    }

    /// <summary>60 channels × 1,000 daily views from 2023-01-01; channels alternate between 14329 and its predecessor 14320.</summary>
    private string WriteCsv(string name, decimal? revisedValueOfLastRow)
    {
        var path = Path.Combine(_folder, name);
        var s = new StringBuilder(KpiCsv.ObservationHeader).Append('\n');
        for (var c = 0; c < Channels; c++)
        {
            for (var d = 0; d < Days; d++)
            {
                var day = FirstDay.AddDays(d).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                var last = c == Channels - 1 && d == Days - 1;
                var value = last && revisedValueOfLastRow is { } r ? r : (c * 7) + d;
                var retrieved = last && revisedValueOfLastRow is not null ? "2026-11-01T08:00:00+07:00" : string.Empty;
                s.Append(c % 2 == 0 ? "14329" : "14320").Append(",Kênh ").Append(c).Append(",zalo,content.views,")
                    .Append(value.ToString(CultureInfo.InvariantCulture)).Append(',').Append(day).Append(',').Append(day).Append(",,").Append(retrieved).Append('\n');
            }
        }

        File.WriteAllText(path, s.ToString(), new UTF8Encoding(true));
        return path;
    }
}
