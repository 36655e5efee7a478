using System;
using System.IO;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;

namespace NinhBinh.Comms.Metrics.Tests;

/// <summary>
/// The hand-computed fixture year (statistical 2025: 2024-12-15 .. 2025-12-14) shared by the Metrics tests and the
/// store contract: views at two grains, reach of two channels, the engagement rate's parts, communes merged on 2025-07-01.
/// </summary>
internal static class KpiFixture
{
    internal const string Fixture = """
        unit_code,channel,platform,metric,value,period_start,period_end,source_metric,retrieved_at
        14320,OA Đông Thành,zalo,content.views,100,2025-01-10,2025-01-10,total_view,
        14320,OA Đông Thành,zalo,content.views,200,2025-01-11,2025-01-11,total_view,
        14323,OA Tân Thành,zalo,content.views,300,2025-02-15,2025-03-14,total_view,
        14329,OA Hoa Lư,zalo,content.views,400,2025-08-01,2025-08-01,total_view,
        14329,OA Hoa Lư,zalo,content.views,400,2025-07-15,2025-08-14,total_view,
        14329,OA Hoa Lư,zalo,audience.reach,600,2025-08-01,2025-08-01,,
        14329,OA Hoa Lư,zalo,audience.reach,700,2025-08-02,2025-08-02,,
        14329,OA Hoa Lư,zalo,audience.reach,1000,2024-12-15,2025-12-14,,
        14329,OA Hoa Lư,zalo,engagement.interactions,20,2025-08-01,2025-08-01,,
        14329,OA Hoa Lư,zalo,engagement.interactions,30,2025-08-02,2025-08-02,,
        14329,OA Hoa Lư,zalo,audience.followers,800,2025-06-30,2025-06-30,num_follower,
        14329,OA Hoa Lư,zalo,audience.followers,950,2025-11-30,2025-11-30,num_follower,
        14329,OA Hoa Lư,zalo,audience.followers,990,2025-12-20,2025-12-20,num_follower,
        14329,Trang Hoa Lư,facebook,audience.reach,500,2024-12-15,2025-12-14,page_total_media_view_unique,
        14329,Trang Hoa Lư,facebook,engagement.reactions,40,2025-09-01,2025-09-01,,
        14329,Trang Hoa Lư,facebook,engagement.comments,5,2025-09-01,2025-09-01,,
        14329,Trang Hoa Lư,facebook,engagement.shares,5,2025-09-01,2025-09-01,,
        """;

    internal const string Inventory = """
        unit_code,channel,platform,official,established_on,closed_on
        14320,OA Đông Thành,zalo,true,2024-05-01,
        14323,OA Tân Thành,zalo,true,2024-06-01,
        14329,OA Hoa Lư,zalo,true,2025-07-01,
        14329,Trang Hoa Lư,facebook,true,2023-01-01,
        14674,Loa Lai Thành,radio,true,2026-03-01,
        """;

    internal static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 28, 3, 0, 0, TimeSpan.Zero));

    internal static async Task<SqliteKpiStore> LoadAsync()
    {
        var store = SqliteKpiStore.InMemory(timeProvider: Clock);
        var observations = KpiCsv.Read(new StringReader(Fixture), today: new DateTime(2026, 11, 28));
        var channels = KpiCsv.Read(new StringReader(Inventory), today: new DateTime(2026, 11, 28));
        Assert.Empty(observations.Problems);
        Assert.Empty(channels.Problems);
        await store.ImportAsync(observations.Observations);
        await store.ImportChannelsAsync(channels.Channels);
        return store;
    }
}
