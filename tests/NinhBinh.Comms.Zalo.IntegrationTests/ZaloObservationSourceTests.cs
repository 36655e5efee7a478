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

        Assert.Equal((1, 0), (first.Imported, first.AlreadyThere));
        Assert.Equal((0, 1), (again.Imported, again.AlreadyThere)); // the same day's count again is already there
        Assert.Equal(1, nextDay.Imported);
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
        var reading = Assert.Single(today);
        Assert.Equal(("audience.followers", 3m, time.GetUtcNow()), (reading.Metric, reading.Value, reading.RetrievedAt!.Value));
        Assert.Equal(new[] { "audience.followers" }, source.Metrics);
        Assert.Equal("zalo", source.Platform);
    }

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
