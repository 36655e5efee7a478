using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using NinhBinh.Comms.Emulator;

namespace NinhBinh.Comms.Zalo.IntegrationTests;

public class ZaloZnsEmulatorTests
{
    private const string Template = "231245";
    private static readonly DateTimeOffset Morning = new(2026, 11, 26, 9, 0, 0, TimeSpan.FromHours(7));

    private static readonly EmulatedZnsParameter[] Parameters =
    [
        new("ten", "STRING", 30),
        new("ngay_hen", "DATE", 20),
        new("so_mui", "NUMBER", 3, Required: false),
    ];

    private static async Task<(ZaloEmulator Emulator, ZaloClientFactory Factory)> StartAsync(FakeTimeProvider time)
    {
        var emulator = await Harness.StartAsync(time);
        emulator.RegisterZnsTemplate(Harness.Oa, Template, Parameters, name: "Lịch tiêm chủng");
        var store = new InMemoryZaloTokenStore();
        await Harness.SeedGrantAsync(emulator, store, time.GetUtcNow());
        return (emulator, new ZaloClientFactory(Harness.Options(emulator), store, time));
    }

    private static ZaloZnsRequest Request(string trackingId = "hs-0001", string name = "Nguyễn Văn An")
        => new("0912 345 678", Template, trackingId) { TemplateData = { ["ten"] = name, ["ngay_hen"] = "28/11/2026" } };

    [Fact]
    public async Task A_template_message_is_sent_then_delivered_and_counted_in_the_quota()
    {
        var time = new FakeTimeProvider(Morning);
        var (emulator, factory) = await StartAsync(time);
        await using var _ = emulator;
        using var __ = factory;
        var oa = factory.GetClient(Harness.Oa);

        var sent = await oa.SendZnsAsync(Request());
        var pending = await oa.GetZnsMessageStatusAsync(sent.MessageId);
        time.Advance(TimeSpan.FromSeconds(1));
        var delivered = await oa.GetZnsMessageStatusAsync(sent.MessageId);
        var quota = await oa.GetZnsQuotaAsync();

        Assert.Matches("^[0-9a-f]{32}$", sent.MessageId);
        Assert.Equal(Morning, sent.SentAt);
        Assert.Equal(499, sent.Quota!.RemainingQuota);
        Assert.False(pending.IsDelivered);
        Assert.Null(pending.DeliveredAt);
        Assert.True(delivered.IsDelivered);
        Assert.Equal(Morning.AddSeconds(1), delivered.DeliveredAt);
        Assert.Equal(500, quota.DailyQuota);
        Assert.Equal(499, quota.RemainingQuota);
        var message = Assert.Single(emulator.GetSentMessages(Harness.Oa));
        Assert.Equal("zns", message.Kind);
        Assert.Contains("\"phone\":\"84912345678\"", message.RawJson, StringComparison.Ordinal);
        var unknown = await Assert.ThrowsAsync<ZaloInvalidRequestException>(() => oa.GetZnsMessageStatusAsync("ffff"));
        Assert.Equal(-107, unknown.ZaloCode);
    }

    [Fact]
    public async Task Development_mode_is_sent_with_mode_development_and_is_not_charged()
    {
        var time = new FakeTimeProvider(Morning);
        var (emulator, factory) = await StartAsync(time);
        await using var _ = emulator;
        using var __ = factory;
        emulator.RegisterZnsTemplate(Harness.Oa, "999", Parameters, status: "PENDING_REVIEW");
        var oa = factory.GetClient(Harness.Oa);

        var request = Request();
        request.Development = true;
        var sent = await oa.SendZnsAsync(request);
        var pendingTemplate = new ZaloZnsRequest("0912345678", "999", "t-2") { TemplateData = { ["ten"] = "An", ["ngay_hen"] = "28/11/2026" }, Development = true };
        await oa.SendZnsAsync(pendingTemplate);
        pendingTemplate.Development = false;
        var notApproved = await Assert.ThrowsAsync<ZaloInvalidRequestException>(() => oa.SendZnsAsync(pendingTemplate));

        Assert.Equal(500, sent.Quota!.RemainingQuota);
        Assert.Equal(500, (await oa.GetZnsQuotaAsync()).RemainingQuota);
        Assert.All(emulator.GetSentMessages(Harness.Oa), m => Assert.Contains("\"mode\":\"development\"", m.RawJson, StringComparison.Ordinal));
        Assert.Equal(ZaloErrorCodes.ZnsTemplateNotApproved, notApproved.ZaloCode);
    }

    [Theory]
    [InlineData(22, 0, "8 h 0 min")]
    [InlineData(23, 45, "6 h 15 min")]
    [InlineData(5, 59, "1 min")]
    public async Task The_night_ban_refuses_sends_between_22_and_06_Vietnam_time_and_says_when_to_send_again(int hour, int minute, string wait)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, hour, minute, 0, TimeSpan.FromHours(7)));
        var (emulator, factory) = await StartAsync(time);
        await using var _ = emulator;
        using var __ = factory;
        var oa = factory.GetClient(Harness.Oa);

        var error = await Assert.ThrowsAsync<ZaloNightBanException>(() => oa.SendZnsAsync(Request()));

        Assert.Equal(ZaloErrorCodes.ZnsNightBan, error.ZaloCode);
        Assert.Equal(ZaloErrorKind.NightBan, error.Kind);
        Assert.Contains("-133", error.Message, StringComparison.Ordinal);
        Assert.Contains("not delivered between 22:00 and 06:00 Vietnam time", error.Message, StringComparison.Ordinal);
        Assert.Contains($"send again from 06:00, in {wait}.", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("912345678", error.Message, StringComparison.Ordinal);
        Assert.Empty(emulator.GetSentMessages(Harness.Oa));
    }

    [Fact]
    public async Task A_send_at_06_00_goes_out()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 6, 0, 0, TimeSpan.FromHours(7)));
        var (emulator, factory) = await StartAsync(time);
        await using var _ = emulator;
        using var __ = factory;

        await factory.GetClient(Harness.Oa).SendZnsAsync(Request());

        Assert.Single(emulator.GetSentMessages(Harness.Oa));
    }

    [Fact]
    public async Task The_daily_limit_refuses_once_the_quota_is_used_and_starts_again_at_midnight_Vietnam_time()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 20, 30, 0, TimeSpan.FromHours(7)));
        var (emulator, factory) = await StartAsync(time);
        await using var _ = emulator;
        using var __ = factory;
        emulator.SetZnsDailyQuota(Harness.Oa, 2);
        var oa = factory.GetClient(Harness.Oa);

        await oa.SendZnsAsync(Request("t-1"));
        var second = await oa.SendZnsAsync(Request("t-2"));
        var error = await Assert.ThrowsAsync<ZaloQuotaExhaustedException>(() => oa.SendZnsAsync(Request("t-3")));

        Assert.Equal(0, second.Quota!.RemainingQuota);
        Assert.Equal(ZaloErrorCodes.ZnsDailyLimit, error.ZaloCode);
        Assert.Contains("-144", error.Message, StringComparison.Ordinal);
        Assert.Contains("the quota starts again at 00:00 Vietnam time, in 3 h 30 min.", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, (await oa.GetZnsQuotaAsync()).RemainingQuota);

        time.Advance(TimeSpan.FromHours(10)); // 06:30 the next day
        var nextDay = await oa.SendZnsAsync(Request("t-4"));
        Assert.Equal(1, nextDay.Quota!.RemainingQuota);
        Assert.Equal(3, emulator.GetSentMessages(Harness.Oa).Count);
    }

    [Fact]
    public async Task Template_data_is_checked_against_the_emulated_template_before_sending()
    {
        var time = new FakeTimeProvider(Morning);
        var (emulator, factory) = await StartAsync(time);
        await using var _ = emulator;
        using var __ = factory;
        var oa = factory.GetClient(Harness.Oa);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => oa.SendZnsAsync(Request(name: new string('a', 31))));

        Assert.Equal("templateData", error.ParamName);
        Assert.Contains("'ten' is 31 characters long; the limit is 30", error.Message, StringComparison.Ordinal);
        Assert.Empty(emulator.GetSentMessages(Harness.Oa));
    }

    [Fact]
    public async Task A_template_changed_since_it_was_described_is_refused_by_Zalo_and_described_again()
    {
        var time = new FakeTimeProvider(Morning);
        var (emulator, factory) = await StartAsync(time);
        await using var _ = emulator;
        using var __ = factory;
        var oa = factory.GetClient(Harness.Oa);
        await oa.SendZnsAsync(Request("t-1", name: "Nguyễn Văn An"));
        emulator.RegisterZnsTemplate(Harness.Oa, Template, Parameters.Select(p => p.Name == "ten" ? p with { MaxLength = 5 } : p));

        var byZalo = await Assert.ThrowsAsync<ZaloInvalidRequestException>(() => oa.SendZnsAsync(Request("t-2", name: "Nguyễn Văn An")));
        var requests = emulator.TotalRequests;
        var bySdk = await Assert.ThrowsAsync<ArgumentException>(() => oa.SendZnsAsync(Request("t-3", name: "Nguyễn Văn An")));

        Assert.Equal(-1121, byZalo.ZaloCode);
        Assert.Contains("the limit is 5", bySdk.Message, StringComparison.Ordinal);
        Assert.Equal(requests + 1, emulator.TotalRequests); // the template described again, nothing sent
        Assert.Single(emulator.GetSentMessages(Harness.Oa));
    }
}
