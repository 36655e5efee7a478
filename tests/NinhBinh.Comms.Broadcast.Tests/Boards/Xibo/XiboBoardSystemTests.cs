using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using NinhBinh.Comms.Broadcast.Boards;
using NinhBinh.Comms.Broadcast.Boards.Xibo;

namespace NinhBinh.Comms.Broadcast.Tests.Boards.Xibo;

public class XiboBoardSystemTests
{
    [Fact]
    public async Task Interrupt_shows_the_bulletin_on_every_online_display_then_revert_returns_them_to_their_schedule()
    {
        await using var cms = await XiboFixture.StartAsync();
        var before = cms.Emulator.GetScreen(11);

        var publication = await cms.Board.InterruptAsync("1", XiboFixture.Bulletin(), TimeSpan.FromMinutes(5));

        Assert.Equal("xibo", publication.System);
        Assert.Equal("1", publication.TargetId);
        Assert.Null(publication.EventId);
        Assert.Equal(XiboFixture.Start + TimeSpan.FromMinutes(5), publication.Until);
        foreach (var id in new[] { 11, 12 })
        {
            var screen = cms.Emulator.GetScreen(id);
            Assert.True(screen.IsInterrupt);
            Assert.Equal(publication.ContentId, screen.LayoutId!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal("embedded", screen.WidgetType);
            Assert.Contains("Cảnh báo lũ trên sông Hoàng Long", System.Net.WebUtility.HtmlDecode(screen.Content), StringComparison.Ordinal);
            Assert.Contains("UBND xã Gia Viễn", System.Net.WebUtility.HtmlDecode(screen.Content), StringComparison.Ordinal);
        }

        Assert.False(cms.Emulator.GetScreen(21).IsInterrupt); // another group

        var reverted = await cms.Board.RevertAsync("1");

        Assert.Equal(before.LayoutId, cms.Emulator.GetScreen(11).LayoutId);
        Assert.False(cms.Emulator.GetScreen(12).IsInterrupt);
        Assert.Equal([BoardDisplayStatus.Scheduled, BoardDisplayStatus.Scheduled, BoardDisplayStatus.Offline], reverted.Select(r => r.Status));
    }

    [Fact]
    public async Task The_schedule_resumes_by_itself_when_the_interrupt_duration_ends()
    {
        await using var cms = await XiboFixture.StartAsync();
        await cms.Board.InterruptAsync("1", XiboFixture.Bulletin(), TimeSpan.FromMinutes(5));

        cms.Time.Advance(TimeSpan.FromMinutes(4) + TimeSpan.FromSeconds(59));
        Assert.True(cms.Emulator.GetScreen(11).IsInterrupt);
        cms.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.False(cms.Emulator.GetScreen(11).IsInterrupt);
    }

    [Fact]
    public async Task An_offline_display_is_reported_offline_with_when_it_was_last_seen_and_the_others_are_shown()
    {
        await using var cms = await XiboFixture.StartAsync();
        cms.Time.Advance(TimeSpan.FromMinutes(10));
        cms.Emulator.SetOnline(12, false); // last seen 2026-11-28 09:10 +07:00

        var publication = await cms.Board.InterruptAsync("1", XiboFixture.Bulletin(), TimeSpan.FromMinutes(5));

        var byId = publication.Displays.ToDictionary(d => d.DisplayId);
        Assert.Equal(BoardDisplayStatus.Shown, byId["11"].Status);
        Assert.Equal(BoardDisplayStatus.Offline, byId["12"].Status);
        Assert.StartsWith("offline, last seen 2026-11-28 09:10 +07:00", byId["12"].Reason, StringComparison.Ordinal);
        Assert.Equal(BoardDisplayStatus.Offline, byId["13"].Status);
        Assert.StartsWith("offline, last seen 2026-11-25 08:00 +07:00", byId["13"].Reason, StringComparison.Ordinal);
        Assert.True(cms.Emulator.GetScreen(11).IsInterrupt);
        Assert.False(cms.Emulator.GetScreen(12).IsInterrupt);
    }

    [Fact]
    public async Task A_token_is_reused_until_it_nearly_expires_and_renewed_after()
    {
        await using var cms = await XiboFixture.StartAsync();
        await cms.Board.GetDisplaysAsync();
        Assert.Equal(1, cms.Emulator.TokensIssued);

        cms.Time.Advance(TimeSpan.FromMinutes(50));
        await cms.Board.GetDisplaysAsync();
        Assert.Equal(1, cms.Emulator.TokensIssued);

        cms.Time.Advance(TimeSpan.FromMinutes(11)); // 61 min: past the 3600 s lifetime
        await cms.Board.GetDisplaysAsync();
        Assert.Equal(2, cms.Emulator.TokensIssued);
        Assert.Equal(3, cms.Requests.Count(r => r.Uri.AbsolutePath == "/api/display" && r.Method == "GET"));
    }

    [Fact]
    public async Task A_token_the_CMS_rejects_early_is_replaced_once_and_the_request_retried()
    {
        await using var cms = await XiboFixture.StartAsync();
        await cms.Board.GetDisplaysAsync();
        cms.Emulator.ExpireTokens(); // as xibo#3231: tokens expiring early

        var displays = await cms.Board.GetDisplaysAsync("1");

        Assert.Equal(3, displays.Count);
        Assert.Equal(2, cms.Emulator.TokensIssued);
        Assert.Equal(2, cms.Requests.Count(r => r.Uri.AbsolutePath == "/api/displaygroup/1"));
    }

    [Fact]
    public async Task Displays_report_online_last_seen_what_they_show_and_their_resolution()
    {
        await using var cms = await XiboFixture.StartAsync();

        var displays = await cms.Board.GetDisplaysAsync("1");

        Assert.Equal(["11", "12", "13"], displays.Select(d => d.Id));
        var offline = displays[2];
        Assert.Equal("Trạm y tế xã", offline.Name);
        Assert.False(offline.IsOnline);
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.FromHours(7)), offline.LastSeen);
        Assert.Equal((1080, 1920), (offline.Width!.Value, offline.Height!.Value));
        Assert.True(displays[0].IsOnline);
        Assert.Equal(XiboFixture.Start, displays[0].LastSeen);
        Assert.Contains("Lịch thường", displays[0].Showing, StringComparison.Ordinal);
        Assert.Equal(4, (await cms.Board.GetDisplaysAsync()).Count);
    }

    [Fact]
    public async Task An_unknown_display_group_throws_naming_the_group_and_creates_nothing()
    {
        await using var cms = await XiboFixture.StartAsync();
        var layouts = cms.Emulator.LayoutCount;

        var error = await Assert.ThrowsAsync<BoardException>(() => cms.Board.InterruptAsync("999", XiboFixture.Bulletin(), TimeSpan.FromMinutes(5)));

        Assert.Equal(404, error.Status);
        Assert.Equal("xibo", error.System);
        Assert.False(error.IsTransient);
        Assert.Contains("GET /api/displaygroup/999", error.Message, StringComparison.Ordinal);
        Assert.Contains("display group 999", error.Message, StringComparison.Ordinal);
        Assert.Contains("Display Group not found", error.Message, StringComparison.Ordinal);
        Assert.Equal(layouts, cms.Emulator.LayoutCount);
    }

    [Fact]
    public async Task A_bad_client_secret_throws_a_clear_error_without_the_secret()
    {
        await using var cms = await XiboFixture.StartAsync(clientSecret: "wrong-secret-5f1c");

        var error = await Assert.ThrowsAsync<BoardException>(() => cms.Board.GetDisplaysAsync());

        Assert.Equal(401, error.Status);
        Assert.Equal("invalid_client", error.ErrorCode);
        Assert.Contains("POST /api/authorize/access_token", error.Message, StringComparison.Ordinal);
        Assert.Contains("refused the client credentials", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-secret-5f1c", error.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, cms.Emulator.ApiRequests);
    }

    [Fact]
    public async Task A_server_error_throws_a_transient_error_naming_the_request_and_never_the_token()
    {
        await using var cms = await XiboFixture.StartAsync();
        cms.Emulator.FailNext(500, "/api/display");

        var error = await Assert.ThrowsAsync<BoardException>(() => cms.Board.GetDisplaysAsync());

        Assert.Equal(500, error.Status);
        Assert.True(error.IsTransient);
        Assert.Equal("xibo: GET /api/display failed: 500 Emulated failure", error.Message);
        var token = cms.Requests.Single(r => r.Uri.AbsolutePath.EndsWith("access_token", StringComparison.Ordinal));
        Assert.DoesNotContain(cms.Emulator.ClientSecret, error.ToString(), StringComparison.Ordinal);
        Assert.Contains("client_secret", token.Body, StringComparison.Ordinal); // the secret went only to the token endpoint
    }

    [Fact]
    public async Task Html_instead_of_json_throws_saying_so()
    {
        await using var cms = await XiboFixture.StartAsync();
        cms.Emulator.AnswerHtmlNext("/api/displaygroup/1");

        var error = await Assert.ThrowsAsync<BoardException>(() => cms.Board.RevertAsync("1"));

        Assert.Equal(200, error.Status);
        Assert.Contains("GET /api/displaygroup/1", error.Message, StringComparison.Ordinal);
        Assert.Contains("text/html where JSON was expected", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("<html", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Oversized_text_is_refused_before_any_request_is_sent()
    {
        await using var cms = await XiboFixture.StartAsync();

        var error = Assert.Throws<ArgumentException>(() => XiboFixture.Bulletin(body: new string('á', BoardTextBulletin.MaxBodyLength + 1)));

        Assert.Equal("body", error.ParamName);
        Assert.Contains("over the limit of 1200", error.Message, StringComparison.Ordinal);
        var badTarget = await Assert.ThrowsAsync<ArgumentException>(() => cms.Board.InterruptAsync("nhóm-1", XiboFixture.Bulletin(), TimeSpan.FromMinutes(5)));
        Assert.Equal("targetId", badTarget.ParamName);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => cms.Board.InterruptAsync("1", XiboFixture.Bulletin(), TimeSpan.FromDays(2)));
        Assert.Empty(cms.Requests);
        Assert.Equal(0, cms.Emulator.ApiRequests);
    }

    [Fact]
    public async Task A_CMS_without_XMR_refuses_the_interrupt_and_nothing_is_reported_shown()
    {
        await using var cms = await XiboFixture.StartAsync(configure: o => o.XmrEnabled = false);

        var error = await Assert.ThrowsAsync<BoardException>(() => cms.Board.InterruptAsync("1", XiboFixture.Bulletin(), TimeSpan.FromMinutes(5)));

        Assert.Equal(422, error.Status);
        Assert.Contains("POST /api/displaygroup/1/action/changeLayout", error.Message, StringComparison.Ordinal);
        Assert.Contains("XMR", error.Message, StringComparison.Ordinal);
        Assert.False(cms.Emulator.GetScreen(11).IsInterrupt);
    }

    [Fact]
    public async Task Media_that_is_not_media_throws_naming_the_request()
    {
        await using var cms = await XiboFixture.StartAsync();

        var error = await Assert.ThrowsAsync<BoardException>(() => cms.Board.InterruptAsync("1",
            BoardContent.Image(new Uri("https://example.gov.vn/thong-bao.html"), TimeSpan.FromSeconds(20)), TimeSpan.FromMinutes(5)));

        Assert.Equal(422, error.Status);
        Assert.Contains("POST /api/library/uploadUrl", error.Message, StringComparison.Ordinal);
        Assert.Contains("Invalid File Extension", error.Message, StringComparison.Ordinal);
        Assert.False(cms.Emulator.GetScreen(11).IsInterrupt);
    }

    [Fact]
    public async Task Images_and_web_pages_are_shown_from_their_URL()
    {
        await using var cms = await XiboFixture.StartAsync();

        await cms.Board.InterruptAsync("2", BoardContent.Image(new Uri("https://example.gov.vn/ban-do-ngap.png"), TimeSpan.FromSeconds(20)), TimeSpan.FromMinutes(1));
        var image = cms.Emulator.GetScreen(21);
        await cms.Board.InterruptAsync("2", BoardContent.WebPage(new Uri("https://ninhbinh.gov.vn/canh-bao"), TimeSpan.FromSeconds(20)), TimeSpan.FromMinutes(1));
        var page = cms.Emulator.GetScreen(21);

        Assert.Equal(("image", "https://example.gov.vn/ban-do-ngap.png"), (image.WidgetType, image.Content));
        Assert.Equal(("webpage", "https://ninhbinh.gov.vn/canh-bao"), (page.WidgetType, page.Content));
    }

    [Fact]
    public async Task Schedule_adds_an_event_in_the_validity_window_and_remove_deletes_it_and_its_layout()
    {
        await using var cms = await XiboFixture.StartAsync();
        var from = XiboFixture.Start.AddHours(1);
        var content = XiboFixture.Bulletin("Lịch tiêm chủng tháng 12").WithValidity(from, from.AddHours(2));
        var layouts = cms.Emulator.LayoutCount;

        var publication = await cms.Board.ScheduleAsync("1", content);

        Assert.NotNull(publication.EventId);
        Assert.Equal([BoardDisplayStatus.Scheduled, BoardDisplayStatus.Scheduled, BoardDisplayStatus.Offline], publication.Displays.Select(d => d.Status));
        var form = cms.Requests.Single(r => r.Uri.AbsolutePath == "/api/schedule").Body;
        Assert.Contains("fromDt=2026-11-28+10%3A00%3A00", form, StringComparison.Ordinal); // CMS local time, no offset
        Assert.Contains("toDt=2026-11-28+12%3A00%3A00", form, StringComparison.Ordinal);
        Assert.Contains("displayGroupIds%5B%5D=1", form, StringComparison.Ordinal);
        Assert.DoesNotContain("Lịch tiêm chủng", cms.Emulator.GetScreen(11).LayoutName ?? string.Empty, StringComparison.Ordinal);
        cms.Time.Advance(TimeSpan.FromHours(1));
        Assert.StartsWith("Lịch tiêm chủng", cms.Emulator.GetScreen(11).LayoutName, StringComparison.Ordinal);

        await cms.Board.RemoveAsync(publication);

        Assert.Equal(0, cms.Emulator.EventCount);
        Assert.Equal(layouts, cms.Emulator.LayoutCount);
        Assert.DoesNotContain("Lịch tiêm chủng", cms.Emulator.GetScreen(11).LayoutName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_screenshot_is_a_PNG_of_what_is_on_screen()
    {
        await using var cms = await XiboFixture.StartAsync();

        var shot = await cms.Board.GetScreenshotAsync("11");

        Assert.Equal("image/png", shot.ContentType);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, shot.Image.Slice(0, 4).ToArray());
        Assert.Equal("11", shot.DisplayId);
        var none = await Assert.ThrowsAsync<BoardException>(() => cms.Board.GetScreenshotAsync("13")); // offline: never uploaded one
        Assert.Equal("no_screenshot", none.ErrorCode); // the CMS answered 200 with its "file not found" GIF
        Assert.True(none.IsTransient);
        Assert.Equal("boards", none.Channel);
        Assert.Contains("display 13 has no screenshot yet", none.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Proof_of_play_reads_every_page_of_layout_statistics_and_exports_as_csv()
    {
        await using var cms = await XiboFixture.StartAsync();
        for (var i = 0; i < 6; i++)
        {
            await cms.Board.InterruptAsync("1", XiboFixture.Bulletin($"Thông báo số {i + 1}"), TimeSpan.FromMinutes(5));
            cms.Time.Advance(TimeSpan.FromMinutes(2));
        }

        await cms.Board.RevertAsync("1");
        cms.Time.Advance(TimeSpan.FromMinutes(1));

        var records = await cms.Board.GetProofOfPlayAsync(XiboFixture.Start.AddHours(-1), cms.Time.GetUtcNow());

        Assert.Equal(12, records.Count); // 6 interrupts × 2 online displays (display 13 is offline)
        Assert.All(records, r => Assert.True(r.Confirmed));
        Assert.Equal(TimeSpan.FromMinutes(2), records[0].End - records[0].Start); // replaced by the next interrupt
        Assert.StartsWith("Thông báo số 1", records[0].ContentName, StringComparison.Ordinal);
        var onOne = await cms.Board.GetProofOfPlayAsync(XiboFixture.Start.AddHours(-1), cms.Time.GetUtcNow(), "12");
        Assert.Equal(6, onOne.Count);
        using var csv = new MemoryStream();
        Assert.Equal(12, await BoardProofOfPlay.WriteCsvAsync(records, csv));
        Assert.Contains("Thông báo số 6", Encoding.UTF8.GetString(csv.ToArray()), StringComparison.Ordinal);
    }

    [Fact]
    public void Options_are_checked_with_the_option_named()
    {
        using var http = new HttpClient();
        Assert.Contains("BaseUrl", Assert.Throws<ArgumentException>(() => new XiboBoardSystem(new XiboOptions { ClientId = "a", ClientSecret = "b" }, http)).Message, StringComparison.Ordinal);
        Assert.Contains("ClientId", Assert.Throws<ArgumentException>(() => new XiboBoardSystem(new XiboOptions { BaseUrl = new Uri("https://cms.example/"), ClientSecret = "b" }, http)).Message, StringComparison.Ordinal);
        Assert.Contains("ClientSecret", Assert.Throws<ArgumentException>(() => new XiboBoardSystem(new XiboOptions { BaseUrl = new Uri("https://cms.example/"), ClientId = "a" }, http)).Message, StringComparison.Ordinal);
        Assert.Contains("RequestTimeout", Assert.Throws<ArgumentException>(() => new XiboBoardSystem(new XiboOptions { BaseUrl = new Uri("https://cms.example/"), ClientId = "a", ClientSecret = "b", RequestTimeout = TimeSpan.Zero }, http)).Message, StringComparison.Ordinal);
        Assert.Contains("DefaultTimeZone", Assert.Throws<ArgumentException>(() => new XiboBoardSystem(new XiboOptions { BaseUrl = new Uri("https://cms.example/"), ClientId = "a", ClientSecret = "b", DefaultTimeZone = "Mars/Olympus" }, http)).Message, StringComparison.Ordinal);
        Assert.Contains("BaseUrl", Assert.Throws<ArgumentException>(() => new XiboBoardSystem(new XiboOptions { BaseUrl = new Uri("ftp://cms.example/"), ClientId = "a", ClientSecret = "b" }, http)).Message, StringComparison.Ordinal);
    }
}
