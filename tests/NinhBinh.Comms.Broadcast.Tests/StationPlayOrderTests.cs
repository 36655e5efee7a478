using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using NinhBinh.Comms.Testing;

namespace NinhBinh.Comms.Broadcast.Tests;

public class StationPlayOrderTests
{
    [Fact]
    public void Public_api_is_approved() => ApiApproval.Verify(typeof(StationPlayOrder).Assembly);

    [Fact]
    public void Emergencies_play_first_then_priority_then_scheduled_normal()
    {
        var order = new StationPlayOrder();
        var normal = Make("normal", BulletinPriority.Normal);
        var priority1 = Make("p1", BulletinPriority.Priority);
        var emergency = Make("e1", BulletinPriority.Emergency);
        var priority2 = Make("p2", BulletinPriority.Priority);

        Assert.Equal(PlaybackAction.AwaitSchedule, order.Enqueue(normal));
        Assert.Equal(PlaybackAction.PlayNextInProgramme, order.Enqueue(priority1));
        Assert.Equal(PlaybackAction.PreemptImmediately, order.Enqueue(emergency));
        order.Enqueue(priority2);
        Assert.True(order.Schedule("normal"));

        Assert.Equal(new[] { "e1", "p1", "p2", "normal" }, Drain(order));
    }

    [Fact]
    public void Normal_bulletins_wait_until_the_commune_schedules_them()
    {
        var order = new StationPlayOrder();
        order.Enqueue(Make("n1", BulletinPriority.Normal));

        Assert.False(order.TryTakeNext(out var none));
        Assert.Null(none);
        Assert.Equal("n1", Assert.Single(order.AwaitingSchedule).Id);
        Assert.Equal(0, order.ReadyCount);
        Assert.False(order.Schedule("unknown"));
        Assert.True(order.Schedule("n1"));
        Assert.Empty(order.AwaitingSchedule);
        Assert.Equal(1, order.ReadyCount);
    }

    [Fact]
    public void Duplicates_are_refused_and_withdrawn_bulletins_removed()
    {
        var order = new StationPlayOrder();
        order.Enqueue(Make("x", BulletinPriority.Priority));

        var ex = Assert.Throws<ArgumentException>(() => order.Enqueue(Make("x", BulletinPriority.Emergency)));
        Assert.Equal("bulletin", ex.ParamName);
        Assert.True(order.Remove("x"));
        Assert.False(order.Remove("x"));
        Assert.Equal(0, order.ReadyCount);
    }

    [Fact]
    public void Concurrent_producers_lose_nothing()
    {
        var order = new StationPlayOrder();
        Parallel.For(0, 400, i => order.Enqueue(Make("b" + i, (BulletinPriority)(i % 3))));
        foreach (var waiting in order.AwaitingSchedule)
        {
            order.Schedule(waiting.Id);
        }

        var drained = Drain(order);
        Assert.Equal(400, drained.Count);
        Assert.Equal(400, drained.Distinct().Count());
    }

    [Fact]
    public void Unknown_tiers_are_refused()
        => Assert.Equal("priority", Assert.Throws<ArgumentOutOfRangeException>(() => StationPlayOrder.GetAction((BulletinPriority)9)).ParamName);

    private static List<string> Drain(StationPlayOrder order)
    {
        var ids = new List<string>();
        while (order.TryTakeNext(out var next))
        {
            ids.Add(next!.Id);
        }

        return ids;
    }

    private static Bulletin Make(string id, BulletinPriority priority) => Bulletin.CreateBuilder()
        .WithId(id).WithTitle("Bản tin " + id).WithBody("Nội dung").WithIssuingAgency("Đài truyền thanh xã").WithPriority(priority).Build();
}
