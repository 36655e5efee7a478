using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using NinhBinh.Comms.Emulator;
using NinhBinh.Comms.Metrics;

namespace NinhBinh.Comms.Zalo.IntegrationTests;

/// <summary>The Zalo observation source against the emulator over loopback, collected into a KPI store.</summary>
public class ZaloObservationSourceTests
{
    private static readonly DateTimeOffset Morning = new(2026, 11, 26, 9, 0, 0, TimeSpan.FromHours(7));

    private static void AddFollowers(ZaloEmulator emulator, int from, int to)
    {
        for (var i = from; i <= to; i++)
        {
            emulator.AddFollower(Harness.Oa, (8451000000000000000L + i).ToString(CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public async Task Followers_are_collected_daily_as_snapshots_and_aggregate_as_the_last_value()
    {
        var time = new FakeTimeProvider(Morning);
        await using var emulator = await Harness.StartAsync(time);
        AddFollowers(emulator, 1, 42);
        var tokens = new InMemoryZaloTokenStore();
        await Harness.SeedGrantAsync(emulator, tokens, time.GetUtcNow());
        using var factory = new ZaloClientFactory(Harness.Options(emulator), tokens, time);
        var source = new ZaloObservationSource(factory.GetClient(Harness.Oa), time);
        using var store = SqliteKpiStore.InMemory(timeProvider: time);
        var week = new ObservationRequest("14329", "OA Hoa Lư", new DateTime(2026, 11, 20), new DateTime(2026, 11, 26));

        var first = await KpiCollector.CollectAsync(source, store, week);
        var again = await KpiCollector.CollectAsync(source, store, week);
        time.Advance(TimeSpan.FromDays(1));
        AddFollowers(emulator, 43, 50);
        var nextDay = await KpiCollector.CollectAsync(source, store, week with { To = new DateTime(2026, 11, 27) });

        Assert.Equal((3, 0), (first.Imported, first.AlreadyThere)); // followers, article views, article shares
        Assert.Equal((0, 3), (again.Imported, again.AlreadyThere)); // the same day's readings again are already there
        Assert.Equal(3, nextDay.Imported);
        var stored = await store.QueryAsync(new KpiQuery("14329", MetricCatalog.AudienceFollowers, new DateTime(2026, 11, 1), new DateTime(2026, 11, 30)));
        Assert.Equal(new[] { (new DateTime(2026, 11, 26), 42m), (new DateTime(2026, 11, 27), 50m) }, Pairs(stored));
        Assert.All(stored, o => Assert.Equal(("num_follower@v2.0/oa/getoa", KpiPlatform.Zalo, "OA Hoa Lư"), (o.SourceMetric, o.Platform, o.Channel)));

        // A snapshot: the last value at or before the period's end, never the sum of the days (92).
        var followers = await new KpiAggregator(store, timeProvider: time).TotalAsync("14329", MetricCatalog.AudienceFollowers, new DateTime(2026, 11, 20), new DateTime(2026, 11, 27));
        Assert.Equal(50m, followers.Value);
    }

    [Fact]
    public async Task Days_that_do_not_include_today_yield_nothing_because_zalo_keeps_no_history()
    {
        var time = new FakeTimeProvider(Morning);
        await using var emulator = await Harness.StartAsync(time);
        AddFollowers(emulator, 1, 3);
        var tokens = new InMemoryZaloTokenStore();
        await Harness.SeedGrantAsync(emulator, tokens, time.GetUtcNow());
        using var factory = new ZaloClientFactory(Harness.Options(emulator), tokens, time);
        var source = new ZaloObservationSource(factory.GetClient(Harness.Oa), time);

        var past = new List<SourceObservation>();
        await foreach (var o in source.CollectAsync(new ObservationRequest("14329", "OA Hoa Lư", new DateTime(2026, 10, 1), new DateTime(2026, 10, 31))))
        {
            past.Add(o);
        }

        var today = new List<SourceObservation>();
        await foreach (var o in source.CollectAsync(new ObservationRequest("14329", "OA Hoa Lư", new DateTime(2026, 11, 26), new DateTime(2026, 11, 26))))
        {
            today.Add(o);
        }

        Assert.Empty(past);
        Assert.Equal(3, today.Count);
        var reading = today[0];
        Assert.Equal(("audience.followers", 3m, time.GetUtcNow()), (reading.Metric, reading.Value, reading.RetrievedAt!.Value));
        Assert.Equal(new[] { ("content.views.lifetime", 0m), ("engagement.shares.lifetime", 0m) }, new[] { (today[1].Metric, today[1].Value), (today[2].Metric, today[2].Value) });
        Assert.Equal(new[] { "audience.followers", "content.views.lifetime", "engagement.shares.lifetime" }, source.Metrics);
        Assert.Equal("zalo", source.Platform);
    }

    [Fact]
    public async Task Article_views_and_shares_are_read_as_running_totals_and_a_period_gets_their_growth()
    {
        var time = new FakeTimeProvider(Morning);
        await using var emulator = await ZaloEmulator.StartAsync(new ZaloEmulatorOptions { TimeProvider = time, ArticleProcessingDelay = TimeSpan.Zero });
        emulator.RegisterApp(Harness.App, Harness.Secret, Harness.Redirect);
        emulator.AddOfficialAccount(Harness.Oa, "UBND xã Gia Viễn", 4, Harness.App);
        var tokens = new InMemoryZaloTokenStore();
        await Harness.SeedGrantAsync(emulator, tokens, time.GetUtcNow());
        using var factory = new ZaloClientFactory(Harness.Options(emulator), tokens, time);
        var client = factory.GetClient(Harness.Oa);
        var first = await client.PublishArticleAsync(Article("Lịch tiêm chủng tháng 12"));
        var second = await client.PublishArticleAsync(Article("Thông báo thu gom rác"));
        var source = new ZaloObservationSource(client, time);
        using var store = SqliteKpiStore.InMemory(timeProvider: time);

        emulator.SetArticleCounters(Harness.Oa, first, views: 100, shares: 5);
        emulator.SetArticleCounters(Harness.Oa, second, views: 50, shares: 1);
        await KpiCollector.CollectAsync(source, store, new ObservationRequest("14329", "OA Hoa Lư", new DateTime(2026, 11, 26), new DateTime(2026, 11, 26)));
        time.Advance(TimeSpan.FromDays(1));
        emulator.SetArticleCounters(Harness.Oa, first, views: 180, shares: 9);
        emulator.SetArticleCounters(Harness.Oa, second, views: 70, shares: 1);
        await KpiCollector.CollectAsync(source, store, new ObservationRequest("14329", "OA Hoa Lư", new DateTime(2026, 11, 27), new DateTime(2026, 11, 27)));

        var readings = await store.QueryAsync(new KpiQuery("14329", MetricCatalog.ContentViewsLifetime, new DateTime(2026, 11, 1), new DateTime(2026, 11, 30)));
        Assert.Equal(new[] { (new DateTime(2026, 11, 26), 150m), (new DateTime(2026, 11, 27), 250m) }, Pairs(readings));
        var aggregator = new KpiAggregator(store, timeProvider: time);
        // The 27th's views are the growth of the running total (250 - 150), never the reading itself or the readings added up.
        Assert.Equal(100m, (await aggregator.TotalAsync("14329", MetricCatalog.ContentViewsLifetime, new DateTime(2026, 11, 27), new DateTime(2026, 11, 27))).Value);
        Assert.Equal(4m, (await aggregator.TotalAsync("14329", MetricCatalog.EngagementSharesLifetime, new DateTime(2026, 11, 27), new DateTime(2026, 11, 27))).Value);
    }

    private static ZaloArticleRequest Article(string title)
        => ZaloArticleRequest.CreateNormal(title, "UBND xã Gia Viễn", "Tin của xã.", ZaloArticleCover.Photo(new Uri("https://cdn.giavien.test/bia.jpg")),
            [ZaloArticleBodyItem.CreateText("Nội dung.")]);

    private static IEnumerable<(DateTime, decimal)> Pairs(IReadOnlyList<MetricObservation> observations)
    {
        var list = new List<(DateTime, decimal)>();
        foreach (var o in observations)
        {
            list.Add((o.PeriodEnd, o.Value));
        }

        list.Sort();
        return list;
    }
}
