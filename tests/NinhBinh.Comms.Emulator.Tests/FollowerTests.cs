using System;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace NinhBinh.Comms.Emulator.Tests;

public class FollowerTests
{
    private const string GetList = "/v3.0/oa/user/getlist";
    private const string Detail = "/v3.0/oa/user/detail";

    private static string[] Ids(JsonObject reply) =>
        reply["data"]!["users"]!.AsArray().Select(u => u!["user_id"]!.GetValue<string>()).ToArray();

    private static async Task<Harness> WithManyFollowersAsync(int count)
    {
        var h = await Harness.StartAsync();
        for (var i = 0; i < count; i++)
        {
            h.Emulator.AddFollower(Harness.OaId, (2000000000000000000L + i).ToString(CultureInfo.InvariantCulture));
        }

        return h;
    }

    [Fact]
    public async Task Getlist_pages_in_insertion_order()
    {
        await using var h = await WithManyFollowersAsync(117);   // plus the 4 seeded users

        var first = await h.GetDataAsync(GetList, "{\"offset\":0,\"count\":50}");
        var last = await h.GetDataAsync(GetList, "{\"offset\":100,\"count\":50}");

        Assert.Equal(0, Harness.Error(first));
        Assert.Equal(121, first["data"]!["total"]!.GetValue<int>());
        Assert.Equal(50, first["data"]!["count"]!.GetValue<int>());
        Assert.Equal(0, first["data"]!["offset"]!.GetValue<int>());
        Assert.Equal(new[] { Harness.RecentUser, Harness.StaleUser, Harness.SilentUser, Harness.NonFollower, "2000000000000000000" }, Ids(first).Take(5));
        Assert.Equal(JsonValueKind.String, first["data"]!["users"]![0]!["user_id"]!.GetValueKind());

        Assert.Equal(21, last["data"]!["count"]!.GetValue<int>());
        Assert.Equal(100, last["data"]!["offset"]!.GetValue<int>());
        Assert.Equal("2000000000000000116", Ids(last)[^1]);

        var all = new System.Collections.Generic.List<string>();
        for (var offset = 0; offset < 121; offset += 50)
        {
            all.AddRange(Ids(await h.GetDataAsync(GetList, $"{{\"offset\":{offset},\"count\":50}}")));
        }

        Assert.Equal(121, all.Distinct().Count());

        var beyond = await h.GetDataAsync(GetList, "{\"offset\":9951,\"count\":50}");
        Assert.Equal(0, Harness.Error(beyond));
        Assert.Empty(Ids(beyond));
    }

    [Theory]
    [InlineData("{\"offset\":0,\"count\":51}", -210)]
    [InlineData("{\"offset\":0,\"count\":0}", -210)]
    [InlineData("{\"offset\":9952,\"count\":50}", -210)]
    [InlineData("{\"offset\":-1,\"count\":10}", -210)]
    [InlineData("{\"offset\":0}", -201)]
    [InlineData("{\"offset\":0,\"count\":\"many\"}", -201)]
    [InlineData("{\"offset\":0,\"count\":10,\"last_interaction_period\":\"LAST_WEEK\"}", -201)]
    [InlineData("not json", -201)]
    public async Task Getlist_validates_its_data(string data, int expected)
    {
        await using var h = await Harness.StartAsync();

        Assert.Equal(expected, Harness.Error(await h.GetDataAsync(GetList, data)));
    }

    [Fact]
    public async Task Getlist_without_data_answers_201()
    {
        await using var h = await Harness.StartAsync();

        Assert.Equal(-201, Harness.Error(await h.GetAsync(GetList)));
    }

    [Fact]
    public async Task Getlist_filters_by_tag_follower_and_interaction_period()
    {
        await using var h = await Harness.StartAsync();
        h.Emulator.AddFollower(Harness.OaId, "500", lastInteraction: Harness.Start.AddDays(-1), tags: "thon-1");          // yesterday 09:00
        h.Emulator.AddFollower(Harness.OaId, "600", lastInteraction: new DateTimeOffset(2026, 3, 9, 23, 30, 0, TimeSpan.FromHours(7)).ToUniversalTime());
        h.Emulator.AddFollower(Harness.OaId, "700", lastInteraction: new DateTimeOffset(2026, 3, 9, 17, 30, 0, TimeSpan.Zero)); // 10 Mar 00:30 in Vietnam
        h.Emulator.AddFollower(Harness.OaId, "800", lastInteraction: Harness.Start.AddDays(-20));

        async Task<string[]> Query(string filter) =>
            Ids(await h.GetDataAsync(GetList, "{\"offset\":0,\"count\":50," + filter + "}"));

        Assert.Equal(new[] { Harness.RecentUser, "500" }, await Query("\"tag_name\":\"thon-1\""));
        Assert.Empty(await Query("\"tag_name\":\"thon\""));
        Assert.Equal(new[] { Harness.NonFollower }, await Query("\"is_follower\":false"));
        Assert.Equal(7, (await Query("\"is_follower\":true")).Length);
        Assert.Equal(new[] { Harness.RecentUser, Harness.NonFollower, "700" }, await Query("\"last_interaction_period\":\"TODAY\""));
        Assert.Equal(new[] { "500", "600" }, await Query("\"last_interaction_period\":\"YESTERDAY\""));
        Assert.Equal(new[] { Harness.RecentUser, Harness.NonFollower, "500", "600", "700" }, await Query("\"last_interaction_period\":\"L7D\""));
        Assert.Equal(new[] { Harness.RecentUser, Harness.StaleUser, Harness.NonFollower, "500", "600", "700", "800" }, await Query("\"last_interaction_period\":\"L30D\""));
        Assert.Equal(new[] { Harness.StaleUser, "800" }, await Query("\"last_interaction_period\":\"2026_02_18:2026_03_02\""));
        Assert.Equal(new[] { "500" }, await Query("\"tag_name\":\"thon-1\",\"last_interaction_period\":\"YESTERDAY\",\"is_follower\":true"));

        var filtered = await h.GetDataAsync(GetList, "{\"offset\":1,\"count\":1,\"last_interaction_period\":\"L7D\"}");
        Assert.Equal(5, filtered["data"]!["total"]!.GetValue<int>());
        Assert.Equal(new[] { Harness.NonFollower }, Ids(filtered));
    }

    [Fact]
    public async Task Detail_describes_the_user()
    {
        await using var h = await Harness.StartAsync();

        var reply = await h.GetDataAsync(Detail, $"{{\"user_id\":\"{Harness.RecentUser}\"}}");

        Assert.Equal(0, Harness.Error(reply));
        var data = reply["data"]!;
        Assert.Equal(Harness.RecentUser, data["user_id"]!.GetValue<string>());
        Assert.Equal("Nguyễn Văn An", data["display_name"]!.GetValue<string>());
        Assert.Equal("10/03/2026", data["user_last_interaction_date"]!.GetValue<string>());
        Assert.True(data["user_is_follower"]!.GetValue<bool>());
        Assert.False(data["is_sensitive"]!.GetValue<bool>());
        Assert.Equal(JsonValueKind.String, data["user_id_by_app"]!.GetValueKind());
        Assert.NotNull(data["avatars"]!["120"]);
        Assert.NotNull(data["avatars"]!["240"]);
        Assert.Equal(new[] { "thon-1" }, data["tags_and_notes_info"]!["tag_names"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal("", data["shared_info"]!["phone"]!.GetValue<string>());

        var silent = await h.GetDataAsync(Detail, $"{{\"user_id\":\"{Harness.SilentUser}\"}}");
        Assert.Equal("", silent["data"]!["user_last_interaction_date"]!.GetValue<string>());
        var stranger = await h.GetDataAsync(Detail, $"{{\"user_id\":\"{Harness.NonFollower}\"}}");
        Assert.False(stranger["data"]!["user_is_follower"]!.GetValue<bool>());

        Assert.Equal(-201, Harness.Error(await h.GetDataAsync(Detail, "{\"user_id\":\"42\"}")));
        Assert.Equal(-201, Harness.Error(await h.GetDataAsync(Detail, "{}")));
    }

    [Fact]
    public async Task Update_stores_shared_info()
    {
        await using var h = await Harness.StartAsync();
        var body = $"{{\"user_id\":\"{Harness.StaleUser}\",\"shared_info\":{{\"name\":\"Trần Thị Bình\",\"phone\":\"84912345678\",\"address\":\"Thôn 2\",\"city\":\"Ninh Bình\",\"district\":\"Gia Viễn\"}}}}";

        var reply = await h.PostJsonAsync("/v3.0/oa/user/update", body);

        Assert.Equal(0, Harness.Error(reply));
        Assert.Equal("Success", reply["message"]!.GetValue<string>());
        var shared = (await h.GetDataAsync(Detail, $"{{\"user_id\":\"{Harness.StaleUser}\"}}"))["data"]!["shared_info"]!;
        Assert.Equal("84912345678", shared["phone"]!.GetValue<string>());
        Assert.Equal("Gia Viễn", shared["district"]!.GetValue<string>());
        Assert.Equal("Ninh Bình", shared["city"]!.GetValue<string>());

        Assert.Equal(-201, Harness.Error(await h.PostJsonAsync("/v3.0/oa/user/update", "{\"user_id\":\"42\",\"shared_info\":{}}")));
    }

    [Fact]
    public async Task Tags_can_be_added_removed_from_a_follower_and_deleted()
    {
        await using var h = await Harness.StartAsync();

        async Task<string[]> Tags() =>
            (await h.GetAsync("/v2.0/oa/tag/gettagsofoa"))["data"]!.AsArray().Select(t => t!.GetValue<string>()).ToArray();
        async Task<string[]> Tagged(string tag) =>
            Ids(await h.GetDataAsync(GetList, $"{{\"offset\":0,\"count\":50,\"tag_name\":\"{tag}\"}}"));

        Assert.Equal(new[] { "thon-1", "thon-2" }, await Tags());

        Assert.Equal(0, Harness.Error(await h.PostJsonAsync("/v2.0/oa/tag/tagfollower", $"{{\"user_id\":\"{Harness.SilentUser}\",\"tag_name\":\"hoi-nong-dan\"}}")));
        Assert.Equal(0, Harness.Error(await h.PostJsonAsync("/v2.0/oa/tag/tagfollower", $"{{\"user_id\":\"{Harness.StaleUser}\",\"tag_name\":\"hoi-nong-dan\"}}")));
        Assert.Equal(new[] { "thon-1", "thon-2", "hoi-nong-dan" }, await Tags());
        Assert.Equal(new[] { Harness.StaleUser, Harness.SilentUser }, await Tagged("hoi-nong-dan"));

        Assert.Equal(0, Harness.Error(await h.PostJsonAsync("/v2.0/oa/tag/rmfollowerfromtag", $"{{\"user_id\":\"{Harness.StaleUser}\",\"tag_name\":\"hoi-nong-dan\"}}")));
        Assert.Equal(new[] { Harness.SilentUser }, await Tagged("hoi-nong-dan"));
        Assert.Contains("hoi-nong-dan", await Tags());

        Assert.Equal(0, Harness.Error(await h.PostJsonAsync("/v2.0/oa/tag/rmtag", "{\"tag_name\":\"thon-1\"}")));
        Assert.Equal(new[] { "thon-2", "hoi-nong-dan" }, await Tags());
        Assert.Empty(await Tagged("thon-1"));

        Assert.Equal(-201, Harness.Error(await h.PostJsonAsync("/v2.0/oa/tag/tagfollower", "{\"user_id\":\"42\",\"tag_name\":\"x\"}")));
        Assert.Equal(-201, Harness.Error(await h.PostJsonAsync("/v2.0/oa/tag/tagfollower", $"{{\"user_id\":\"{Harness.SilentUser}\"}}")));
    }
}
