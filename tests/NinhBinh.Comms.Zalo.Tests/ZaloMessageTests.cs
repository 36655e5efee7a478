using System;
using System.Collections.Generic;
using System.Linq;

namespace NinhBinh.Comms.Zalo.Tests;

public class ZaloMessageTests
{
    [Fact]
    public void Text_limits_are_checked_with_field_and_limit()
    {
        Assert.Equal("text", Assert.Throws<ArgumentException>(() => ZaloMessage.CreateText("  ")).ParamName);
        var ex = Assert.Throws<ArgumentException>(() => ZaloMessage.CreateText(new string('a', 2001)));
        Assert.Equal("text", ex.ParamName);
        Assert.Contains("2001", ex.Message);
        Assert.Contains("2000", ex.Message);
        Assert.Equal(2000, ZaloMessage.CreateText(new string('a', 2000)).Text!.Length);
        Assert.Equal(ZaloMessageKind.Text, ZaloMessage.CreateText("Xin chào").Kind);
    }

    [Fact]
    public void List_needs_one_to_five_elements_and_at_most_five_buttons()
    {
        var row = new ZaloListElement("Lịch tiêm chủng", "Tháng 12", new Uri("https://example.gov.vn/a.png"));
        Assert.Contains("6 items", Assert.Throws<ArgumentException>(() => ZaloMessage.CreateList(Enumerable.Repeat(row, 6))).Message);
        Assert.Equal("elements", Assert.Throws<ArgumentException>(() => ZaloMessage.CreateList(Array.Empty<ZaloListElement>())).ParamName);
        var buttons = Enumerable.Range(0, 6).Select(i => ZaloButton.QueryShow("Nút " + i, "q" + i));
        Assert.Equal("buttons", Assert.Throws<ArgumentException>(() => ZaloMessage.CreateList(new[] { row }, buttons)).ParamName);
        Assert.Equal(ZaloMessageKind.List, ZaloMessage.CreateList(Enumerable.Repeat(row, 5), buttons.Take(5)).Kind);
    }

    [Fact]
    public void Buttons_and_elements_check_their_fields()
    {
        Assert.Equal("url", Assert.Throws<ArgumentException>(() => ZaloButton.OpenUrl("Xem", new Uri("ftp://x.example/"))).ParamName);
        Assert.Equal("phoneNumber", Assert.Throws<ArgumentException>(() => ZaloButton.OpenPhone("Gọi", "0912-abc")).ParamName);
        Assert.Equal("title", Assert.Throws<ArgumentException>(() => new ZaloListElement(new string('t', 101))).ParamName);
        Assert.Equal("imageUrl", Assert.Throws<ArgumentException>(() => new ZaloListElement("t", imageUrl: new Uri("/relative", UriKind.Relative))).ParamName);
        Assert.Equal(ZaloButtonType.OpenSms, ZaloButton.OpenSms("Nhắn", "+84912345678", "Đăng ký").Type);
    }

    [Fact]
    public void Media_and_file_messages_check_their_fields()
    {
        Assert.Equal("imageUrl", Assert.Throws<ArgumentException>(() => ZaloMessage.CreateImage(new Uri("file:///tmp/a.png"))).ParamName);
        Assert.Equal("width", Assert.Throws<ArgumentOutOfRangeException>(() => ZaloMessage.CreateGif(new Uri("https://x.example/a.gif"), 0, 10)).ParamName);
        Assert.Equal("fileToken", Assert.Throws<ArgumentException>(() => ZaloMessage.CreateFile(" ")).ParamName);
        Assert.Equal(ZaloMessageKind.Image, ZaloMessage.CreateImageFromAttachment("att-1", "chú thích").Kind);
        Assert.Equal(ZaloMessageKind.RequestUserInfo, ZaloMessage.CreateRequestUserInfo("Đăng ký", "Chia sẻ số điện thoại", new Uri("https://x.example/a.png")).Kind);
        Assert.Equal("templateData", Assert.Throws<ArgumentException>(() => ZaloMessage.CreateTemplate("t1", new Dictionary<string, string> { [""] = "x" })).ParamName);
    }

    [Theory]
    [InlineData("")]
    [InlineData("12a4")]
    [InlineData("123456789012345678901234567890123")]
    public void Malformed_user_ids_are_refused(string userId)
        => Assert.Equal("userId", Assert.Throws<ArgumentException>(() => ZaloRecipient.User(userId)).ParamName);

    [Fact]
    public void Recipients()
    {
        Assert.Equal("8451234567890123456", ZaloRecipient.User("8451234567890123456").UserId);
        var anonymous = ZaloRecipient.Anonymous("anon-1", "conv-1");
        Assert.Null(anonymous.UserId);
        Assert.Equal("conv-1", anonymous.ConversationId);
        Assert.Equal("conversationId", Assert.Throws<ArgumentException>(() => ZaloRecipient.Anonymous("a", new string('c', 129))).ParamName);
    }

    [Fact]
    public void Pkce_matches_rfc7636_and_makes_43_character_verifiers()
    {
        Assert.Equal("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", ZaloPkce.ComputeChallenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"));
        var verifier = ZaloPkce.CreateVerifier();
        Assert.Equal(43, verifier.Length);
        Assert.True(ZaloPkce.IsValidVerifier(verifier));
        Assert.NotEqual(verifier, ZaloPkce.CreateVerifier());
        Assert.Equal("codeVerifier", Assert.Throws<ArgumentException>(() => ZaloPkce.ComputeChallenge("short")).ParamName);
    }

    [Fact]
    public void Interaction_periods()
    {
        Assert.Equal("L7D", ZaloInteractionPeriod.Last7Days.Value);
        Assert.Equal("2026_11_01:2026_11_26", ZaloInteractionPeriod.Between(VietnamTime.StartOfDay(new DateTime(2026, 11, 1)), VietnamTime.StartOfDay(new DateTime(2026, 11, 26))).Value);
        Assert.Equal("to", Assert.Throws<ArgumentException>(() => ZaloInteractionPeriod.Between(VietnamTime.StartOfDay(new DateTime(2026, 11, 2)), VietnamTime.StartOfDay(new DateTime(2026, 11, 1)))).ParamName);
    }

    [Fact]
    public void Interaction_periods_take_the_vietnam_day_of_each_instant()
    {
        // 17:30 UTC on 31 October is 00:30 on 1 November in Vietnam; 16:59 UTC on 26 November is 23:59 there.
        var from = new DateTimeOffset(2026, 10, 31, 17, 30, 0, TimeSpan.Zero);
        var to = new DateTimeOffset(2026, 11, 26, 16, 59, 0, TimeSpan.Zero);
        Assert.Equal("2026_11_01:2026_11_26", ZaloInteractionPeriod.Between(from, to).Value);

        // Both instants fall on 1 November in Vietnam, although the second is "earlier" by its own offset's date.
        Assert.Equal("2026_11_01:2026_11_01", ZaloInteractionPeriod.Between(new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.FromHours(7)), new DateTimeOffset(2026, 10, 31, 20, 0, 0, TimeSpan.FromHours(-5))).Value);
    }

    [Fact]
    public void Options_report_every_problem_with_its_key()
    {
        var problems = new ZaloClientOptions { RequestsPerMinute = -1, CodeVerifier = "bad", Retry = new ZaloRetryOptions { MaxRetries = 11 } }.Validate();
        Assert.Contains("Zalo:AppId is required.", problems);
        Assert.Contains("Zalo:AppSecret is required.", problems);
        Assert.Contains(problems, p => p.StartsWith("Zalo:RequestsPerMinute", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Zalo:CodeVerifier", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Zalo:Retry:MaxRetries", StringComparison.Ordinal));
        Assert.Empty(new ZaloClientOptions { AppId = "a", AppSecret = "s" }.Validate());
    }

    [Fact]
    public void Token_sets_never_print_their_tokens()
    {
        var now = DateTimeOffset.UtcNow;
        var tokens = new ZaloTokenSet("ACCESS-SECRET-VALUE", "REFRESH-SECRET-VALUE", now.AddHours(25), now.AddDays(90), now);
        Assert.DoesNotContain("SECRET", tokens.ToString());
    }
}
