using System;
using System.Text;
using static NinhBinh.Comms.Zalo.Tests.Webhooks.WebhookSamples;

namespace NinhBinh.Comms.Zalo.Tests.Webhooks;

public sealed class ZaloWebhookParserTests
{
    private static ZaloWebhookEvent Parse(string json, bool zns = false) => ZaloWebhookParser.Parse(Encoding.UTF8.GetBytes(json), zns);

    private static string Message(string eventName, string message = "{\"msg_id\":\"42\",\"text\":\"hi\"}")
        => "{\"app_id\":\"" + AppId + "\",\"sender\":{\"id\":\"8451234567890123456\"},\"recipient\":{\"id\":\"579745863508352884\"},\"event_name\":\"" + eventName
           + "\",\"message\":" + message + ",\"timestamp\":\"1764316800000\"}";

    [Fact]
    public void A_text_message_keeps_ids_above_2_pow_53_as_written()
    {
        var e = Assert.IsType<ZaloMessageEvent>(Parse(UserText("Cảm ơn", msgId: "9223372036854775807123")));
        Assert.Equal(ZaloWebhookMessageKind.Text, e.Kind);
        Assert.Equal("9223372036854775807123", e.MessageId);
        Assert.Equal("8451234567890123456", e.SenderId);
        Assert.Equal("8451234567890123456", e.UserId);
        Assert.Equal("579745863508352884", e.OaId);
        Assert.Equal("552177279717587730", e.UserIdByApp);
        Assert.Equal(AppId, e.AppId);
        Assert.Equal("Cảm ơn", e.Text);
        Assert.Equal(Now, e.Timestamp);
        Assert.Equal("user_send_text:9223372036854775807123", e.DedupeKey);
        Assert.False(e.IsFromOa);
    }

    [Fact]
    public void Numeric_ids_are_kept_as_text_without_losing_digits()
    {
        var e = Assert.IsType<ZaloMessageEvent>(Parse(Message("user_send_text", "{\"msg_id\":123456789012345678901,\"text\":\"x\"}").Replace("\"8451234567890123456\"", "8451234567890123456", StringComparison.Ordinal)));
        Assert.Equal("123456789012345678901", e.MessageId);
        Assert.Equal("8451234567890123456", e.SenderId);
    }

    [Theory]
    [InlineData("user_send_text", ZaloWebhookMessageKind.Text)]
    [InlineData("user_send_image", ZaloWebhookMessageKind.Image)]
    [InlineData("user_send_link", ZaloWebhookMessageKind.Link)]
    [InlineData("user_send_audio", ZaloWebhookMessageKind.Audio)]
    [InlineData("user_send_video", ZaloWebhookMessageKind.Video)]
    [InlineData("user_send_sticker", ZaloWebhookMessageKind.Sticker)]
    [InlineData("user_send_gif", ZaloWebhookMessageKind.Gif)]
    [InlineData("user_send_location", ZaloWebhookMessageKind.Location)]
    [InlineData("user_send_business_card", ZaloWebhookMessageKind.BusinessCard)]
    [InlineData("user_send_file", ZaloWebhookMessageKind.File)]
    [InlineData("oa_send_text", ZaloWebhookMessageKind.Text)]
    [InlineData("oa_send_image", ZaloWebhookMessageKind.Image)]
    [InlineData("oa_send_gif", ZaloWebhookMessageKind.Gif)]
    [InlineData("oa_send_list", ZaloWebhookMessageKind.List)]
    [InlineData("oa_send_file", ZaloWebhookMessageKind.File)]
    [InlineData("oa_send_sticker", ZaloWebhookMessageKind.Sticker)]
    [InlineData("anonymous_send_text", ZaloWebhookMessageKind.Text)]
    public void Every_message_event_name_is_typed(string name, ZaloWebhookMessageKind kind)
    {
        var e = Assert.IsType<ZaloMessageEvent>(Parse(Message(name)));
        Assert.Equal(kind, e.Kind);
        Assert.Equal(name.StartsWith("oa_", StringComparison.Ordinal), e.IsFromOa);
        Assert.Equal(name.StartsWith("anonymous_", StringComparison.Ordinal), e.IsAnonymous);
        Assert.Equal(name.StartsWith("oa_", StringComparison.Ordinal) ? "8451234567890123456" : "579745863508352884", e.OaId);
    }

    [Fact]
    public void Attachments_keep_url_thumbnail_and_payload()
    {
        var e = Assert.IsType<ZaloMessageEvent>(Parse(Message("user_send_location",
            "{\"msg_id\":\"7\",\"attachments\":[{\"type\":\"location\",\"payload\":{\"coordinates\":{\"latitude\":\"20.25\",\"longitude\":\"105.97\"}}},{\"type\":\"image\",\"payload\":{\"url\":\"https://a/b.jpg\",\"thumbnail\":\"https://a/t.jpg\"}}]}")));
        Assert.Equal(2, e.Attachments.Count);
        Assert.Equal("location", e.Attachments[0].Type);
        Assert.Contains("20.25", e.Attachments[0].PayloadJson, StringComparison.Ordinal);
        Assert.Equal("https://a/b.jpg", e.Attachments[1].Url);
        Assert.Equal("https://a/t.jpg", e.Attachments[1].Thumbnail);
    }

    [Fact]
    public void Follow_and_unfollow()
    {
        var follow = Assert.IsType<ZaloFollowEvent>(Parse(Follow()));
        Assert.True(follow.IsFollow);
        Assert.Equal("8451234567890123456", follow.FollowerId);
        Assert.Equal("579745863508352884", follow.OaId);
        Assert.Equal("oa_profile", follow.Source);
        Assert.StartsWith("follow:sha256:", follow.DedupeKey, StringComparison.Ordinal);
        var unfollow = Assert.IsType<ZaloFollowEvent>(Parse(Follow(eventName: "unfollow")));
        Assert.False(unfollow.IsFollow);
        Assert.NotEqual(follow.DedupeKey, unfollow.DedupeKey);
        Assert.Equal(follow.DedupeKey, Parse(Follow()).DedupeKey);
        Assert.NotEqual(follow.DedupeKey, Parse(Follow(Now.AddSeconds(1))).DedupeKey);
    }

    [Fact]
    public void Submitted_info_is_read_and_never_shown_by_ToString()
    {
        var e = Assert.IsType<ZaloUserSubmitInfoEvent>(Parse("{\"app_id\":\"1\",\"sender\":{\"id\":\"845\"},\"recipient\":{\"id\":\"579\"},\"event_name\":\"user_submit_info\","
            + "\"info\":{\"name\":\"Nguyễn Văn An\",\"phone\":\"84912345678\",\"address\":\"thôn Đông\",\"ward\":\"Gia Viễn\",\"city\":\"Ninh Bình\"},\"timestamp\":\"1764316800000\"}"));
        Assert.Equal("Nguyễn Văn An", e.Name);
        Assert.Equal("84912345678", e.Phone);
        Assert.Equal("Gia Viễn", e.Ward);
        Assert.Equal("Ninh Bình", e.City);
        Assert.Equal("845", e.UserId);
        Assert.Equal("579", e.OaId);
        Assert.DoesNotContain("84912345678", e.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Tag_received_seen_and_zns_events()
    {
        var tag = Assert.IsType<ZaloUserTaggedEvent>(Parse("{\"oa_id\":\"579\",\"user_id\":\"845\",\"tag_name\":\"thon-dong\",\"event_name\":\"add_user_to_tag\",\"timestamp\":\"1764316800000\"}"));
        Assert.Equal("thon-dong", tag.TagName);
        Assert.Equal("845", tag.UserId);

        var seen = Assert.IsType<ZaloMessageStatusEvent>(Parse(Message("user_seen_message", "{\"msg_ids\":[\"11\",\"12\"]}")));
        Assert.True(seen.IsSeen);
        Assert.Equal(new[] { "11", "12" }, seen.MessageIds);

        var received = Assert.IsType<ZaloMessageStatusEvent>(Parse(Message("user_received_message", "{\"msg_id\":\"13\"}")));
        Assert.False(received.IsSeen);
        Assert.Equal(new[] { "13" }, received.MessageIds);

        var zns = Assert.IsType<ZaloZnsDeliveryEvent>(Parse("{\"app_id\":\"1\",\"oa_id\":\"579\",\"event_name\":\"user_received_message\",\"message\":{\"msg_id\":\"z1\",\"tracking_id\":\"t-1\",\"delivery_time\":\"1764316801000\"},\"timestamp\":\"1764316800000\"}"));
        Assert.Equal("t-1", zns.TrackingId);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1764316801000), zns.DeliveryTime);
        Assert.IsType<ZaloZnsDeliveryEvent>(Parse(Message("user_received_message", "{\"msg_id\":\"13\"}"), zns: true));

        var template = Assert.IsType<ZaloZnsTemplateStatusEvent>(Parse("{\"oa_id\":\"579\",\"event_name\":\"change_template_status\",\"template_id\":\"231\",\"status\":{\"new_status\":\"ENABLE\",\"old_status\":\"PENDING_REVIEW\"},\"timestamp\":\"1764316800000\"}"));
        Assert.Equal("231", template.TemplateId);
        Assert.Equal("ENABLE", template.NewStatus);
        Assert.Equal("PENDING_REVIEW", template.OldStatus);

        var quota = Assert.IsType<ZaloZnsQuotaEvent>(Parse("{\"oa_id\":\"579\",\"event_name\":\"change_oa_daily_quota\",\"quota\":{\"daily_quota\":\"2000\",\"old_quota\":\"500\"},\"timestamp\":\"1764316800000\"}"));
        Assert.Equal("2000", quota.DailyQuota);
        Assert.Equal("500", quota.PreviousDailyQuota);
    }

    [Fact]
    public void An_unknown_event_keeps_its_raw_json()
    {
        const string json = "{\"app_id\":\"1\",\"event_name\":\"user_send_group_text\",\"group_id\":\"77\",\"timestamp\":\"1764316800000\"}";
        var e = Assert.IsType<ZaloUnknownEvent>(Parse(json));
        Assert.Equal("user_send_group_text", e.EventName);
        Assert.Equal(json, e.RawJson);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("null")]
    [InlineData("{\"timestamp\":\"1764316800000\"}")]
    [InlineData("{\"event_name\":\"follow\"}")]
    [InlineData("{\"event_name\":\"follow\",\"timestamp\":\"-5\"}")]
    public void Bodies_that_are_not_events_are_a_FormatException(string json)
    {
        Assert.Throws<FormatException>(() => Parse(json));
    }
}
