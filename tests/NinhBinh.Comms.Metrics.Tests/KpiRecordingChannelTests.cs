using System;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;

namespace NinhBinh.Comms.Metrics.Tests;

public class KpiRecordingChannelTests
{
    private static Bulletin Bulletin(string id) => NinhBinh.Comms.Bulletin.CreateBuilder().WithId(id).WithTitle("Thông báo lịch tiêm chủng")
        .WithBody("Trạm y tế phường thông báo lịch tiêm chủng tháng 12.").WithIssuingAgency("UBND phường Hoa Lư").WithTargetAreas("14329").Build();

    [Fact]
    public async Task Dispatching_records_content_published_once_per_bulletin_and_nothing_for_a_refusal()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 2, 0, 0, TimeSpan.Zero));
        using var store = SqliteKpiStore.InMemory(timeProvider: clock);
        using var ok = new KpiRecordingChannel(new InMemoryBulletinChannel("zalo:oa", (b, _) => Task.FromResult(DeliveryOutcome.Accepted("zalo:oa"))), store, "14329", "OA Hoa Lư", KpiPlatform.Zalo, clock);
        using var refused = new KpiRecordingChannel(new InMemoryBulletinChannel("board:1", (b, _) => Task.FromResult(DeliveryOutcome.Rejected("board:1", "offline"))), store, "14329", "Bảng tin", KpiPlatform.Board, clock);

        await new BulletinDispatcher(new IBulletinChannel[] { ok, refused }).DispatchAsync(Bulletin("b1"));
        clock.Advance(TimeSpan.FromMinutes(5));
        await new BulletinDispatcher(new IBulletinChannel[] { ok, refused }).DispatchAsync(Bulletin("b2"));
        clock.Advance(TimeSpan.FromMinutes(5));
        await new BulletinDispatcher(new IBulletinChannel[] { ok }).DispatchAsync(Bulletin("b1")); // the same bulletin again

        var aggregator = new KpiAggregator(store, timeProvider: clock);
        var published = await aggregator.TotalAsync("14329", MetricCatalog.ContentPublished, new DateTime(2026, 11, 28), new DateTime(2026, 11, 28));
        var boards = await aggregator.TotalAsync("14329", MetricCatalog.ContentPublished, new DateTime(2026, 11, 28), new DateTime(2026, 11, 28), KpiPlatform.Board);

        Assert.Equal(2m, published.Value);
        Assert.Equal(0m, boards.Value);
        Assert.Equal("zalo:oa", ok.Name);
    }
}
