using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using NinhBinh.Comms.Broadcast.Boards;

namespace NinhBinh.Comms.Broadcast.Tests.Boards;

public class BoardChannelTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 9, 0, 0, TimeSpan.FromHours(7));
    private readonly FakeTimeProvider _time = new(Now);
    private readonly FakeBoardSystem _hoaLu = new FakeBoardSystem("xibo")
        .WithTarget("g-hoa-lu",
            new BoardDisplay("1", "UBND phường Hoa Lư", isOnline: true),
            new BoardDisplay("2", "Chợ Hoa Lư", isOnline: false, lastSeen: Now.AddDays(-3)));
    private readonly FakeBoardSystem _phuLy = new FakeBoardSystem("anthias:phu-ly").WithTarget("player", new BoardDisplay("player", "Phủ Lý", isOnline: true));

    private BoardDirectory Directory() => new BoardDirectory()
        .Add("14329", _hoaLu, "g-hoa-lu")      // Phường Hoa Lư
        .Add("13285", _phuLy, "player");       // Phường Phủ Lý

    private Bulletin Make(BulletinPriority priority, string area, DateTimeOffset? until = null, string? body = null) => Bulletin.CreateBuilder()
        .WithTitle("Cảnh báo mưa lớn, nguy cơ ngập úng")
        .WithBody(body ?? "Từ chiều nay có mưa lớn; người dân không ra đồng, kê cao tài sản.")
        .WithIssuingAgency("UBND phường Hoa Lư")
        .WithPriority(priority)
        .WithTargetAreas(area)
        .WithValidity(Now, until ?? Now.AddHours(12))
        .Build();

    [Fact]
    public async Task An_emergency_interrupts_the_communes_boards_and_an_offline_display_says_so_while_the_other_shows_it()
    {
        var channel = new BoardBulletinChannel(Directory(), timeProvider: _time);

        var outcome = await channel.DeliverAsync(Make(BulletinPriority.Emergency, "14329"));

        Assert.Equal(DeliveryStatus.PartiallyDelivered, outcome.Status);
        Assert.Equal(new DeliveryCounts(1, 1), outcome.Recipients);
        Assert.Collection(outcome.Targets,
            t => { Assert.Equal("xibo:1", t.Target); Assert.Equal(DeliveryStatus.Accepted, t.Status); Assert.Equal("UBND phường Hoa Lư", t.Name); },
            t =>
            {
                Assert.Equal("xibo:2", t.Target);
                Assert.Equal(DeliveryStatus.TransientFailure, t.Status);
                Assert.Equal("OFFLINE", t.ErrorCode);
                Assert.Contains("last seen 2026-11-25 09:00 +07:00", t.Reason, StringComparison.Ordinal);
            });
        var call = Assert.Single(_hoaLu.Calls);
        Assert.Equal(("interrupt", "g-hoa-lu"), (call.Call, call.Target));
        Assert.Equal(TimeSpan.FromMinutes(15), call.Duration);
        Assert.Equal(BoardContentKind.TextBulletin, call.Content!.Kind);
        Assert.Equal("UBND phường Hoa Lư", call.Content.TextBulletin!.IssuingAgency);
        Assert.Empty(_phuLy.Calls); // another commune's board is not touched
        Assert.Contains("xibo:2", outcome.Reason, StringComparison.Ordinal);
        Assert.Equal("OFFLINE", outcome.ErrorCode);
    }

    [Fact]
    public async Task The_interrupt_never_outlasts_the_bulletin()
    {
        var channel = new BoardBulletinChannel(Directory(), timeProvider: _time);

        await channel.DeliverAsync(Make(BulletinPriority.Emergency, "13285", until: Now.AddMinutes(5)));

        Assert.Equal(TimeSpan.FromMinutes(5), Assert.Single(_phuLy.Calls).Duration);
    }

    [Fact]
    public async Task A_normal_bulletin_joins_the_schedule_for_its_validity_window()
    {
        var channel = new BoardBulletinChannel(Directory(), new BoardChannelOptions { SlideDuration = TimeSpan.FromSeconds(30) }, _time);

        var outcome = await channel.DeliverAsync(Make(BulletinPriority.Normal, "13285"));

        Assert.Equal(DeliveryStatus.Accepted, outcome.Status);
        var call = Assert.Single(_phuLy.Calls);
        Assert.Equal("schedule", call.Call);
        Assert.Equal(Now, call.Content!.ValidFrom);
        Assert.Equal(Now.AddHours(12), call.Content.ValidUntil);
        Assert.Equal(TimeSpan.FromSeconds(30), call.Content.Duration);
        Assert.Equal(DeliveryStatus.Scheduled, Assert.Single(outcome.Targets).Status);
    }

    [Fact]
    public async Task A_bulletin_that_starts_later_is_reported_as_scheduled()
    {
        var channel = new BoardBulletinChannel(Directory(), timeProvider: _time);
        var later = Make(BulletinPriority.Normal, "13285").ToBuilder().WithValidity(Now.AddDays(1), Now.AddDays(2)).Build();

        var outcome = await channel.DeliverAsync(later);

        Assert.Equal(DeliveryStatus.Scheduled, outcome.Status);
        Assert.Equal(Now.AddDays(1), outcome.ScheduledFor);
    }

    [Theory]
    [InlineData("37")]   // the province: every commune's boards
    public async Task A_province_code_reaches_every_board_of_its_communes(string area)
    {
        var channel = new BoardBulletinChannel(Directory(), timeProvider: _time);

        var outcome = await channel.DeliverAsync(Make(BulletinPriority.Emergency, area));

        Assert.Single(_hoaLu.Calls);
        Assert.Single(_phuLy.Calls);
        Assert.Equal(3, outcome.Targets.Count);
    }

    [Fact]
    public async Task A_code_from_before_the_reform_reaches_the_boards_of_its_successor()
    {
        var channel = new BoardBulletinChannel(Directory(), timeProvider: _time);

        await channel.DeliverAsync(Make(BulletinPriority.Emergency, "374")); // Thành phố Hoa Lư, dissolved 2025-06-30

        Assert.Single(_hoaLu.Calls);
        Assert.Empty(_phuLy.Calls);
    }

    [Fact]
    public async Task An_assignment_outside_its_dates_is_not_used()
    {
        var directory = new BoardDirectory().Add("14329", _hoaLu, "g-hoa-lu", validTo: new DateTime(2026, 11, 27));
        var channel = new BoardBulletinChannel(directory, timeProvider: _time);

        var outcome = await channel.DeliverAsync(Make(BulletinPriority.Emergency, "14329"));

        Assert.Equal(DeliveryStatus.Rejected, outcome.Status);
        Assert.Equal("NO_BOARDS", outcome.ErrorCode);
        Assert.Empty(_hoaLu.Calls);
    }

    [Fact]
    public async Task A_bulletin_too_long_for_a_board_is_refused_before_anything_is_sent()
    {
        var channel = new BoardBulletinChannel(Directory(), timeProvider: _time);

        var outcome = await channel.DeliverAsync(Make(BulletinPriority.Emergency, "14329", body: new string('a', BoardTextBulletin.MaxBodyLength + 1)));

        Assert.Equal(DeliveryStatus.Rejected, outcome.Status);
        Assert.Equal("INVALID_CONTENT", outcome.ErrorCode);
        Assert.Contains("body", outcome.Reason, StringComparison.Ordinal);
        Assert.Contains("1200", outcome.Reason, StringComparison.Ordinal);
        Assert.Empty(_hoaLu.Calls);
    }

    [Fact]
    public async Task An_expired_bulletin_is_refused()
    {
        var channel = new BoardBulletinChannel(Directory(), timeProvider: _time);
        var bulletin = Make(BulletinPriority.Emergency, "14329", until: Now.AddMinutes(1));
        _time.Advance(TimeSpan.FromMinutes(2));

        var outcome = await channel.DeliverAsync(bulletin);

        Assert.Equal("EXPIRED", outcome.ErrorCode);
        Assert.Empty(_hoaLu.Calls);
    }

    [Fact]
    public async Task A_board_system_that_refuses_is_named_and_the_others_still_get_the_bulletin()
    {
        _phuLy.Throw = new BoardException("anthias:phu-ly: POST /api/v2/assets answered 500") { System = "anthias:phu-ly", Status = 500, IsTransient = true };
        var channel = new BoardBulletinChannel(Directory(), timeProvider: _time);

        var outcome = await channel.DeliverAsync(Make(BulletinPriority.Emergency, "37"));

        Assert.Equal(DeliveryStatus.PartiallyDelivered, outcome.Status);
        var failed = outcome.Targets.Single(t => t.Target == "anthias:phu-ly:player");
        Assert.Equal(DeliveryStatus.TransientFailure, failed.Status);
        Assert.Equal("500", failed.ErrorCode);
        Assert.Contains("answered 500", failed.Reason, StringComparison.Ordinal);
        Assert.Equal(DeliveryStatus.Accepted, outcome.Targets.Single(t => t.Target == "xibo:1").Status);
    }

    [Fact]
    public async Task An_unexpected_failure_of_one_system_is_a_faulted_target_not_a_lost_dispatch()
    {
        _phuLy.Throw = new InvalidOperationException("boom");
        var channel = new BoardBulletinChannel(Directory(), timeProvider: _time);

        var outcome = await channel.DeliverAsync(Make(BulletinPriority.Emergency, "37"));

        Assert.Equal(DeliveryStatus.Faulted, outcome.Targets.Single(t => t.Target == "anthias:phu-ly:player").Status);
        Assert.Equal(1, outcome.Recipients!.Value.Sent);
    }

    [Fact]
    public async Task Revert_returns_every_board_of_the_areas_to_its_schedule()
    {
        var channel = new BoardBulletinChannel(Directory(), timeProvider: _time);

        var outcomes = await channel.RevertAsync(new[] { "37" });

        Assert.Equal(new[] { ("revert", "g-hoa-lu") }, _hoaLu.Calls.Select(c => (c.Call, c.Target)));
        Assert.Equal(new[] { ("revert", "player") }, _phuLy.Calls.Select(c => (c.Call, c.Target)));
        Assert.Equal(3, outcomes.Count);
    }

    [Fact]
    public async Task One_emergency_dispatch_reaches_radio_and_boards()
    {
        var radio = new InMemoryBulletinChannel("radio:14329");
        var dispatcher = new BulletinDispatcher(new IBulletinChannel[] { radio, new BoardBulletinChannel(Directory(), timeProvider: _time) }, timeProvider: _time);

        var result = await dispatcher.DispatchAsync(Make(BulletinPriority.Emergency, "13285"));

        Assert.True(result["radio:14329"].IsSuccess);
        Assert.Equal(DeliveryStatus.Accepted, result["boards"].Status);
        Assert.Equal("anthias:phu-ly:player", Assert.Single(result["boards"].Targets).Target);
    }

    [Fact]
    public void The_directory_refuses_codes_that_are_not_communes_and_reversed_dates()
    {
        var directory = new BoardDirectory();

        var province = Assert.Throws<ArgumentException>(() => directory.Add("37", _hoaLu, "g"));
        Assert.Contains("communeCode", province.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => directory.Add("99999", _hoaLu, "g"));
        Assert.Throws<ArgumentException>(() => directory.Add("14329", _hoaLu, " "));
        Assert.Throws<ArgumentException>(() => directory.Add("14329", _hoaLu, "g", new DateTime(2026, 2, 1), new DateTime(2026, 1, 1)));
        Assert.Empty(directory.Assignments);
    }

    [Fact]
    public void Options_out_of_range_name_the_setting()
    {
        var ex = Assert.Throws<ArgumentException>(() => new BoardBulletinChannel(new BoardDirectory(), new BoardChannelOptions { EmergencyDuration = TimeSpan.Zero }));
        Assert.Contains("EmergencyDuration", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new BoardBulletinChannel(new BoardDirectory(), new BoardChannelOptions { MaxParallelism = 0 }));
        Assert.Throws<ArgumentException>(() => new BoardBulletinChannel(new BoardDirectory(), new BoardChannelOptions { SlideDuration = TimeSpan.FromHours(2) }));
    }

    [Fact]
    public async Task A_system_named_after_its_one_display_is_not_named_twice()
    {
        var player = new FakeBoardSystem("anthias:hall-1").WithTarget("hall-1", new BoardDisplay("hall-1", "Hội trường", isOnline: true));
        var channel = new BoardBulletinChannel(new BoardDirectory().Add("13285", player, "hall-1"), timeProvider: _time);

        var outcome = await channel.DeliverAsync(Make(BulletinPriority.Emergency, "13285"));

        Assert.Equal("anthias:hall-1", Assert.Single(outcome.Targets).Target);
    }
}
