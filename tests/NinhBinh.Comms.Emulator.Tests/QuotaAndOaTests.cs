using System;
using System.Threading.Tasks;

namespace NinhBinh.Comms.Emulator.Tests;

public class QuotaAndOaTests
{
    [Fact]
    public async Task V3_quota_reports_last_interaction_and_decrements_when_messages_are_sent()
    {
        await using var h = await Harness.StartAsync();
        var query = $"{{\"user_id\":\"{Harness.RecentUser}\"}}";

        var before = (await h.PostJsonAsync("/v3.0/oa/quota/message", query))["data"]!;
        Assert.Equal("2026-03-10T08:00:00+07:00", before["last_interaction"]!.GetValue<string>());
        Assert.Equal(8, before["cs_reply"]!["total"]!.GetValue<int>());
        Assert.Equal(8, before["cs_reply"]!["remain"]!.GetValue<int>());
        Assert.Equal(1, before["promotion"]!["daily_total"]!.GetValue<int>());
        Assert.Equal(1, before["promotion"]!["daily_remain"]!.GetValue<int>());
        Assert.Equal(4, before["promotion"]!["monthly_total"]!.GetValue<int>());
        Assert.Equal(4, before["promotion"]!["monthly_remain"]!.GetValue<int>());

        Assert.Equal(0, Harness.Error(await h.PostJsonAsync("/v3.0/oa/message/cs", Harness.Text(Harness.RecentUser, "1"))));
        Assert.Equal(0, Harness.Error(await h.PostJsonAsync("/v3.0/oa/message/cs", Harness.Text(Harness.RecentUser, "2"))));
        Assert.Equal(0, Harness.Error(await h.PostJsonAsync("/v3.0/oa/message/promotion", Harness.Text(Harness.RecentUser, "3"))));

        var after = (await h.PostJsonAsync("/v3.0/oa/quota/message", query))["data"]!;
        Assert.Equal(6, after["cs_reply"]!["remain"]!.GetValue<int>());
        Assert.Equal(0, after["promotion"]!["daily_remain"]!.GetValue<int>());
        Assert.Equal(3, after["promotion"]!["monthly_remain"]!.GetValue<int>());

        // next day: daily quota is back, monthly is not; a new interaction resets the reply quota
        h.Time.Advance(TimeSpan.FromDays(1));
        h.Emulator.RecordInteraction(Harness.OaId, Harness.RecentUser, h.Time.GetUtcNow());
        var nextDay = (await h.PostJsonAsync("/v3.0/oa/quota/message", query))["data"]!;
        Assert.Equal(8, nextDay["cs_reply"]!["remain"]!.GetValue<int>());
        Assert.Equal(1, nextDay["promotion"]!["daily_remain"]!.GetValue<int>());
        Assert.Equal(3, nextDay["promotion"]!["monthly_remain"]!.GetValue<int>());

        var silent = (await h.PostJsonAsync("/v3.0/oa/quota/message", $"{{\"user_id\":\"{Harness.SilentUser}\"}}"))["data"]!;
        Assert.Equal("", silent["last_interaction"]!.GetValue<string>());
        Assert.Equal(0, silent["cs_reply"]!["remain"]!.GetValue<int>());

        Assert.Equal(-201, Harness.Error(await h.PostJsonAsync("/v3.0/oa/quota/message", "{\"user_id\":\"42\"}")));
    }

    [Fact]
    public async Task V2_quota_answers_for_the_oa_a_user_and_a_message()
    {
        await using var h = await Harness.StartAsync();
        var sent = await h.PostJsonAsync("/v3.0/oa/message/cs", Harness.Text(Harness.RecentUser, "x"));
        var messageId = sent["data"]!["message_id"]!.GetValue<string>();

        var oa = (await h.PostJsonAsync("/v2.0/oa/quota/message", "{}"))["data"]!;
        Assert.Equal("oa", oa["type"]!.GetValue<string>());
        Assert.Equal(oa["total"]!.GetValue<int>() - 1, oa["remain"]!.GetValue<int>());

        var promotion = (await h.PostJsonAsync("/v2.0/oa/quota/message", $"{{\"user_id\":\"{Harness.RecentUser}\",\"type\":\"promotion\"}}"))["data"]!;
        Assert.Equal("promotion", promotion["type"]!.GetValue<string>());
        Assert.Equal(1, promotion["total"]!.GetValue<int>());
        Assert.Equal(1, promotion["remain"]!.GetValue<int>());

        var reply = (await h.PostJsonAsync("/v2.0/oa/quota/message", $"{{\"message_id\":\"{messageId}\"}}"))["data"]!;
        Assert.Equal("reply", reply["type"]!.GetValue<string>());
        Assert.Equal(messageId, reply["message_id"]!.GetValue<string>());
        Assert.Equal(8, reply["total"]!.GetValue<int>());
        Assert.Equal(7, reply["remain"]!.GetValue<int>());

        Assert.Equal(-201, Harness.Error(await h.PostJsonAsync("/v2.0/oa/quota/message", "{\"message_id\":\"0000\"}")));
    }

    [Fact]
    public async Task Getoa_describes_the_official_account()
    {
        await using var h = await Harness.StartAsync();

        var reply = await h.GetAsync("/v2.0/oa/getoa");

        Assert.Equal(0, Harness.Error(reply));
        var data = reply["data"]!;
        Assert.Equal(Harness.OaId, data["oa_id"]!.GetValue<string>());
        Assert.Equal("UBND xã Gia Sinh", data["name"]!.GetValue<string>());
        Assert.Equal(4, data["oa_type"]!.GetValue<int>());
        Assert.True(data["is_verified"]!.GetValue<bool>());
        Assert.Equal(3, data["num_follower"]!.GetValue<int>());
        foreach (var field in new[] { "description", "oa_alias", "cate_name", "avatar", "cover", "package_name", "package_valid_through_date" })
        {
            Assert.NotNull(data[field]);
        }
    }

    [Fact]
    public async Task Demo_seed_serves_a_government_oa_with_120_followers()
    {
        await using var emulator = await ZaloEmulator.StartAsync();
        var (access, refresh) = emulator.SeedDemo();
        using var http = new System.Net.Http.HttpClient { BaseAddress = emulator.BaseUri };
        http.DefaultRequestHeaders.Add("access_token", access);

        var oa = System.Text.Json.Nodes.JsonNode.Parse(await http.GetStringAsync("/v2.0/oa/getoa"))!["data"]!;
        Assert.Equal("demo-oa", oa["oa_id"]!.GetValue<string>());
        Assert.Equal("UBND xã Gia Viễn (demo)", oa["name"]!.GetValue<string>());
        Assert.Equal(120, oa["num_follower"]!.GetValue<int>());

        var recent = System.Text.Json.Nodes.JsonNode.Parse(await http.GetStringAsync(
            "/v3.0/oa/user/getlist?data=" + Uri.EscapeDataString("{\"offset\":0,\"count\":50,\"last_interaction_period\":\"L7D\"}")))!["data"]!;
        Assert.InRange(recent["total"]!.GetValue<int>(), 50, 70);
        var thon1 = System.Text.Json.Nodes.JsonNode.Parse(await http.GetStringAsync(
            "/v3.0/oa/user/getlist?data=" + Uri.EscapeDataString("{\"offset\":0,\"count\":50,\"tag_name\":\"thon-1\"}")))!["data"]!;
        Assert.True(thon1["total"]!.GetValue<int>() > 0);
        Assert.NotEqual(access, refresh);
    }
}
