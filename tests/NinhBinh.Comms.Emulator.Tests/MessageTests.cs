using System;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Threading.Tasks;

namespace NinhBinh.Comms.Emulator.Tests;

public class MessageTests
{
    private const string Cs = "/v3.0/oa/message/cs";
    private const string Promotion = "/v3.0/oa/message/promotion";
    private const string Transaction = "/v3.0/oa/message/transaction";
    private const string Template = "/v3.0/oa/message/template";

    private static void LongLivedTokens(ZaloEmulatorOptions options) => options.AccessTokenLifetime = TimeSpan.FromDays(30);

    private static string Attachment(string userId, string templateType, int elements)
    {
        var list = new JsonArray();
        for (var i = 0; i < elements; i++)
        {
            list.Add(new JsonObject { ["title"] = $"Mục {i}", ["subtitle"] = "…", ["image_url"] = "https://example.gov.vn/a.png" });
        }

        return new JsonObject
        {
            ["recipient"] = new JsonObject { ["user_id"] = userId },
            ["message"] = new JsonObject
            {
                ["attachment"] = new JsonObject
                {
                    ["type"] = "template",
                    ["payload"] = new JsonObject { ["template_type"] = templateType, ["elements"] = list },
                },
            },
        }.ToJsonString();
    }

    [Fact]
    public async Task Consultation_to_a_recent_user_is_accepted_and_recorded()
    {
        await using var h = await Harness.StartAsync();
        var body = Harness.Text(Harness.RecentUser, "Lịch tiêm chủng tuần này: thứ Bảy.");

        var reply = await h.PostJsonAsync(Cs, body);

        Assert.Equal(0, Harness.Error(reply));
        Assert.Equal("Success", reply["message"]!.GetValue<string>());
        var messageId = reply["data"]!["message_id"]!.GetValue<string>();
        Assert.Matches(new Regex("^[0-9a-f]{32}$"), messageId);
        Assert.Equal(JsonValueKind.String, reply["data"]!["user_id"]!.GetValueKind());
        Assert.Equal(Harness.RecentUser, reply["data"]!["user_id"]!.GetValue<string>());

        var sent = Assert.Single(h.Emulator.GetSentMessages(Harness.OaId));
        Assert.Equal(new EmulatedMessage(messageId, "cs", Harness.RecentUser, null, "Lịch tiêm chủng tuần này: thứ Bảy.", body, Harness.Start), sent);
    }

    [Fact]
    public async Task Consultation_outside_the_7_day_window_answers_230()
    {
        await using var h = await Harness.StartAsync(LongLivedTokens);

        Assert.Equal(-230, Harness.Error(await h.PostJsonAsync(Cs, Harness.Text(Harness.StaleUser, "x"))));
        Assert.Equal(-230, Harness.Error(await h.PostJsonAsync(Cs, Harness.Text(Harness.SilentUser, "x"))));

        // the recent user's window closes 7 days after the interaction
        h.Time.Advance(TimeSpan.FromDays(7) - TimeSpan.FromHours(1));
        Assert.Equal(0, Harness.Error(await h.PostJsonAsync(Cs, Harness.Text(Harness.RecentUser, "x"))));
        h.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(-230, Harness.Error(await h.PostJsonAsync(Cs, Harness.Text(Harness.RecentUser, "x"))));

        // a new interaction opens it again
        h.Emulator.RecordInteraction(Harness.OaId, Harness.RecentUser, h.Time.GetUtcNow());
        Assert.Equal(0, Harness.Error(await h.PostJsonAsync(Cs, Harness.Text(Harness.RecentUser, "x"))));
        Assert.Equal(2, h.Emulator.GetSentMessages(Harness.OaId).Count);
    }

    [Fact]
    public async Task Promotion_is_banned_at_night_in_Vietnam_time()
    {
        await using var h = await Harness.StartAsync(LongLivedTokens);
        var body = Harness.Text(Harness.SilentUser, "Hội chợ nông sản");

        h.Time.Advance(TimeSpan.FromHours(14));                                       // 23:00 +07:00
        Assert.Equal(23, h.Time.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).Hour);
        Assert.Equal(-234, Harness.Error(await h.PostJsonAsync(Promotion, body)));

        h.Time.Advance(TimeSpan.FromHours(7) - TimeSpan.FromSeconds(1));              // 05:59:59
        Assert.Equal(-234, Harness.Error(await h.PostJsonAsync(Promotion, body)));

        h.Time.Advance(TimeSpan.FromSeconds(1));                                      // 06:00:00
        Assert.Equal(0, Harness.Error(await h.PostJsonAsync(Promotion, body)));

        // consultation is not banned at night
        h.Time.Advance(TimeSpan.FromHours(17));                                       // 23:00 again
        h.Emulator.RecordInteraction(Harness.OaId, Harness.SilentUser, h.Time.GetUtcNow());
        Assert.Equal(0, Harness.Error(await h.PostJsonAsync(Cs, body)));
        Assert.Equal(new[] { "promotion", "cs" }, h.Emulator.GetSentMessages(Harness.OaId).Select(m => m.Kind));
    }

    [Fact]
    public async Task Promotion_and_transaction_need_a_follower_and_unknown_users_answer_201()
    {
        await using var h = await Harness.StartAsync();

        Assert.Equal(-213, Harness.Error(await h.PostJsonAsync(Promotion, Harness.Text(Harness.NonFollower, "x"))));
        Assert.Equal(-213, Harness.Error(await h.PostJsonAsync(Transaction, Harness.Text(Harness.NonFollower, "x"))));
        Assert.Equal(0, Harness.Error(await h.PostJsonAsync(Cs, Harness.Text(Harness.NonFollower, "x"))));
        Assert.Equal(0, Harness.Error(await h.PostJsonAsync(Transaction, Harness.Text(Harness.StaleUser, "x"))));
        Assert.Equal(0, Harness.Error(await h.PostJsonAsync(Template, Harness.Text(Harness.StaleUser, "x"))));

        var unknown = await h.PostJsonAsync(Transaction, Harness.Text("9999999999999999999", "x"));
        Assert.Equal(-201, Harness.Error(unknown));
        Assert.Contains("user not found", unknown["message"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("{\"message\":{\"text\":\"x\"}}", -201)]
    [InlineData("{\"recipient\":\"1000000000000000100\",\"message\":{\"text\":\"x\"}}", -201)]
    [InlineData("{\"recipient\":{},\"message\":{\"text\":\"x\"}}", -201)]
    [InlineData("{\"recipient\":{\"user_id\":\"1000000000000000100\"}}", -201)]
    [InlineData("{\"recipient\":{\"user_id\":\"1000000000000000100\"},\"message\":{}}", -201)]
    [InlineData("{\"recipient\":{\"user_id\":\"1000000000000000100\"},\"message\":{\"text\":\"\"}}", -201)]
    [InlineData("not json", -201)]
    public async Task Malformed_bodies_answer_201(string body, int expected)
    {
        await using var h = await Harness.StartAsync();

        Assert.Equal(expected, Harness.Error(await h.PostJsonAsync(Cs, body)));
        Assert.Empty(h.Emulator.GetSentMessages(Harness.OaId));
    }

    [Fact]
    public async Task Text_is_limited_to_2000_characters()
    {
        await using var h = await Harness.StartAsync();

        Assert.Equal(0, Harness.Error(await h.PostJsonAsync(Cs, Harness.Text(Harness.RecentUser, new string('a', 2000)))));
        Assert.Equal(-210, Harness.Error(await h.PostJsonAsync(Cs, Harness.Text(Harness.RecentUser, new string('a', 2001)))));
    }

    [Fact]
    public async Task List_carries_at_most_5_elements_and_request_user_info_exactly_1()
    {
        await using var h = await Harness.StartAsync();

        Assert.Equal(0, Harness.Error(await h.PostJsonAsync(Cs, Attachment(Harness.RecentUser, "list", 5))));
        Assert.Equal(-210, Harness.Error(await h.PostJsonAsync(Cs, Attachment(Harness.RecentUser, "list", 6))));
        Assert.Equal(0, Harness.Error(await h.PostJsonAsync(Cs, Attachment(Harness.RecentUser, "request_user_info", 1))));
        Assert.Equal(-201, Harness.Error(await h.PostJsonAsync(Cs, Attachment(Harness.RecentUser, "request_user_info", 2))));
        Assert.Equal(-201, Harness.Error(await h.PostJsonAsync(Cs, Attachment(Harness.RecentUser, "request_user_info", 0))));

        var sent = h.Emulator.GetSentMessages(Harness.OaId);
        Assert.Equal(2, sent.Count);
        Assert.All(sent, m => Assert.Null(m.Text));
    }

    [Fact]
    public async Task Anonymous_recipients_are_accepted_for_consultation_only()
    {
        await using var h = await Harness.StartAsync();
        const string Body = "{\"recipient\":{\"anonymous_id\":\"anon-7\",\"conversation_id\":\"conv-9\"},\"message\":{\"text\":\"Chào bạn\"}}";

        var reply = await h.PostJsonAsync(Cs, Body);
        Assert.Equal(0, Harness.Error(reply));
        Assert.Equal(-201, Harness.Error(await h.PostJsonAsync(Promotion, Body)));
        Assert.Equal(-201, Harness.Error(await h.PostJsonAsync(Cs, "{\"recipient\":{\"anonymous_id\":\"anon-7\"},\"message\":{\"text\":\"x\"}}")));

        var sent = Assert.Single(h.Emulator.GetSentMessages(Harness.OaId));
        Assert.Equal("anon-7", sent.AnonymousId);
        Assert.Null(sent.UserId);
        Assert.Equal(reply["data"]!["message_id"]!.GetValue<string>(), sent.MessageId);
    }

    [Fact]
    public async Task V2_message_api_answers_240()
    {
        await using var h = await Harness.StartAsync();

        Assert.Equal(-240, Harness.Error(await h.PostJsonAsync("/v2.0/oa/message", Harness.Text(Harness.RecentUser, "x"))));
        Assert.Empty(h.Emulator.GetSentMessages(Harness.OaId));
    }

    [Fact]
    public async Task Zns_template_by_phone_is_accepted_and_recorded()
    {
        await using var h = await Harness.StartAsync();
        h.Emulator.RegisterZnsTemplate(Harness.OaId, "7895417", [new EmulatedZnsParameter("ho_ten")]);
        const string Body = "{\"phone\":\"84912345678\",\"template_id\":\"7895417\",\"template_data\":{\"ho_ten\":\"An\"},\"tracking_id\":\"t-1\"}";

        var reply = await h.PostJsonAsync("/message/template", Body);

        Assert.Equal(0, Harness.Error(reply));
        Assert.Matches(new Regex("^[0-9a-f]{32}$"), reply["data"]!["msg_id"]!.GetValue<string>());
        Assert.Equal("499", reply["data"]!["quota"]!["remainingQuota"]!.GetValue<string>());
        Assert.Equal("zns", Assert.Single(h.Emulator.GetSentMessages(Harness.OaId)).Kind);

        Assert.Equal(-108, Harness.Error(await h.PostJsonAsync("/message/template", Body.Replace("84912345678", "12345"))));
        Assert.Equal(-124, Harness.Error(await h.PostJsonAsync("/message/template", Body, "bad-token")));
        Assert.Equal(-109, Harness.Error(await h.PostJsonAsync("/message/template", Body.Replace("7895417", "1111111"))));
        Assert.Equal(-1121, Harness.Error(await h.PostJsonAsync("/message/template", Body.Replace("\"An\"", "\"" + new string('a', 31) + "\""))));
        Assert.Equal(-112, Harness.Error(await h.PostJsonAsync("/message/template", Body.Replace("ho_ten", "ten"))));
        Assert.Equal(-132, Harness.Error(await h.PostJsonAsync("/message/template", Body.Replace("t-1", new string('t', 49)))));
        Assert.Single(h.Emulator.GetSentMessages(Harness.OaId));
    }

    [Fact]
    public async Task Zns_template_info_describes_the_registered_template()
    {
        await using var h = await Harness.StartAsync();
        h.Emulator.RegisterZnsTemplate(Harness.OaId, "7895417", [new EmulatedZnsParameter("ho_ten"), new EmulatedZnsParameter("so_tien", "NUMBER", 12, Required: false)], status: "PENDING_REVIEW");

        var info = await h.GetAsync("/template/info/v2?template_id=7895417");
        var unknown = await h.GetAsync("/template/info/v2?template_id=1");

        Assert.Equal(0, Harness.Error(info));
        Assert.Equal(7895417, info["data"]!["templateId"]!.GetValue<long>());
        Assert.Equal("PENDING_REVIEW", info["data"]!["status"]!.GetValue<string>());
        var parameters = info["data"]!["listParams"]!.AsArray();
        Assert.Equal("so_tien", parameters[1]!["name"]!.GetValue<string>());
        Assert.Equal("NUMBER", parameters[1]!["type"]!.GetValue<string>());
        Assert.Equal(12, parameters[1]!["maxLength"]!.GetValue<int>());
        Assert.False(parameters[1]!["require"]!.GetValue<bool>());
        Assert.Equal(-109, Harness.Error(unknown));
    }
}
