using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using NinhBinh.Comms.Broadcast.Boards;
using NinhBinh.Comms.Broadcast.Boards.Anthias;
using NinhBinh.Comms.Emulator.Boards.Anthias;

namespace NinhBinh.Comms.Broadcast.Tests.Boards.Anthias;

/// <summary>The Anthias adapter against the emulated player over real loopback.</summary>
public sealed class AnthiasBoardSystemTests : IAsyncLifetime
{
    private const string Display = "hall-1";
    private static readonly DateTimeOffset Start = new(2026, 11, 28, 2, 0, 0, TimeSpan.Zero); // 09:00 in Vietnam

    private readonly FakeTimeProvider _time = new(Start);
    private AnthiasEmulator _emulator = null!;
    private string _scheduleA = null!;
    private string _scheduleB = null!;

    public async Task InitializeAsync()
    {
        _emulator = await AnthiasEmulator.StartAsync(new AnthiasEmulatorOptions { TimeProvider = _time, DisplayId = Display });
        _scheduleA = _emulator.AddAsset("Lịch tiếp công dân", new Uri("http://127.0.0.1/lich.html"), "webpage", 30);
        _scheduleB = _emulator.AddAsset("Bản tin nông nghiệp", new Uri("http://127.0.0.1/nong-nghiep.png"), "image", 20);
    }

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    private AnthiasBoardSystem Adapter(Action<AnthiasOptions>? configure = null)
    {
        var options = new AnthiasOptions { BaseUrl = _emulator.BaseUri, DisplayId = Display, DisplayName = "Nhà văn hoá xã" };
        configure?.Invoke(options);
        return new AnthiasBoardSystem(options, timeProvider: _time);
    }

    private static BoardTextBulletin Bulletin() =>
        new("Cảnh báo lũ quét", "Mưa lớn kéo dài; người dân vùng trũng di chuyển lên nơi cao ngay.", "UBND xã Gia Viễn", Start);

    [Fact]
    public async Task Interrupt_shows_the_rendered_bulletin_first_and_now_then_revert_returns_to_the_previous_asset()
    {
        using var adapter = Adapter();
        Assert.Equal(_scheduleA, _emulator.GetOnScreen(Display)!.AssetId);

        var publication = await adapter.InterruptAsync(Display, BoardContent.Text(Bulletin(), TimeSpan.FromSeconds(20)), TimeSpan.FromMinutes(10));

        var result = Assert.Single(publication.Displays);
        Assert.Equal(BoardDisplayStatus.Shown, result.Status);
        Assert.Equal(Display, result.DisplayId);
        Assert.Equal("anthias:hall-1", publication.System);
        Assert.Equal(Start.AddMinutes(10), publication.Until);
        var onScreen = _emulator.GetOnScreen(Display)!;
        Assert.Equal(publication.ContentId, onScreen.AssetId);
        Assert.Equal(AnthiasBoardSystem.InterruptNamePrefix + "Cảnh báo lũ quét", onScreen.Name);
        Assert.Equal("image", onScreen.Mimetype);
        Assert.Equal(new[] { publication.ContentId, _scheduleA, _scheduleB }, _emulator.GetAssets().Select(a => a.AssetId));
        Assert.Equal(new[]
        {
            "GET /api/v2/assets", "POST /api/v2/file_asset", "POST /api/v2/assets", "POST /api/v2/assets/order",
            "GET /api/v2/assets/control/asset&" + publication.ContentId,
        }, _emulator.Requests);

        var reverted = await adapter.RevertAsync(Display);

        Assert.Equal(BoardDisplayStatus.Scheduled, Assert.Single(reverted).Status);
        Assert.Equal(_scheduleA, _emulator.GetOnScreen(Display)!.AssetId);
        Assert.DoesNotContain(_emulator.GetAssets(), a => a.Name.StartsWith(AnthiasBoardSystem.InterruptNamePrefix, StringComparison.Ordinal));
        Assert.Equal(new[] { _scheduleA, _scheduleB }, _emulator.GetAssets().Select(a => a.AssetId));
        Assert.Equal(new[] { "DELETE /api/v2/assets/" + publication.ContentId, "POST /api/v2/assets/order", "GET /api/v2/assets/control/next" },
            _emulator.Requests.Skip(6));
    }

    [Fact]
    public async Task A_second_interrupt_goes_first_and_one_revert_ends_both_while_a_revert_without_interrupt_changes_nothing()
    {
        using var adapter = Adapter();
        var calm = await adapter.RevertAsync(Display);
        Assert.Equal(BoardDisplayStatus.Scheduled, Assert.Single(calm).Status);
        Assert.Equal(new[] { "GET /api/v2/assets" }, _emulator.Requests);

        var first = await adapter.InterruptAsync(Display, BoardContent.Text(Bulletin(), TimeSpan.FromSeconds(20)), TimeSpan.FromMinutes(10));
        _time.Advance(TimeSpan.FromMinutes(1));
        var second = await adapter.InterruptAsync(Display,
            BoardContent.Text(new BoardTextBulletin("Cập nhật", "Nước đang lên.", "UBND xã Gia Viễn", Start), TimeSpan.FromSeconds(20)), TimeSpan.FromMinutes(10));

        Assert.Equal(new[] { second.ContentId, first.ContentId, _scheduleA, _scheduleB }, _emulator.GetAssets().Select(a => a.AssetId));
        Assert.Equal(second.ContentId, _emulator.GetOnScreen(Display)!.AssetId);

        await adapter.RevertAsync(Display);

        Assert.Equal(new[] { _scheduleA, _scheduleB }, _emulator.GetAssets().Select(a => a.AssetId));
        Assert.Equal(_scheduleA, _emulator.GetOnScreen(Display)!.AssetId);
    }

    [Fact]
    public async Task The_uploaded_png_is_what_the_renderer_produced_and_resolves_at_its_uri()
    {
        using var adapter = Adapter(o =>
        {
            o.RenderWidth = 1080;
            o.RenderHeight = 1920;
        });
        var bulletin = Bulletin();

        var publication = await adapter.InterruptAsync(Display, BoardContent.Text(bulletin, TimeSpan.FromSeconds(20)), TimeSpan.FromMinutes(5));

        var asset = _emulator.GetAssets().Single(a => a.AssetId == publication.ContentId);
        var expected = BoardRenderer.RenderPng(bulletin, new BoardRenderOptions { Width = 1080, Height = 1920, Emergency = true });
        Assert.Equal(expected, _emulator.GetUploadedFile(asset.Uri));
        Assert.StartsWith("/data/anthias_assets/" + publication.ContentId, asset.Uri, StringComparison.Ordinal);
        using var http = new HttpClient();
        using var response = await http.GetAsync(new Uri(_emulator.BaseUri, asset.Uri));
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(expected, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task An_interrupt_asset_runs_from_now_for_the_duration_and_the_schedule_resumes_by_itself()
    {
        using var adapter = Adapter();
        var publication = await adapter.InterruptAsync(Display, BoardContent.Text(Bulletin(), TimeSpan.FromSeconds(20)), TimeSpan.FromMinutes(10));

        var asset = _emulator.GetAssets().Single(a => a.AssetId == publication.ContentId);
        Assert.Equal(Start, asset.StartDate);
        Assert.Equal(Start.AddMinutes(10), asset.EndDate);
        Assert.Equal(600, asset.Duration);
        Assert.Equal(publication.ContentId, _emulator.GetOnScreen(Display)!.AssetId);

        _time.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromSeconds(1));
        Assert.Equal(publication.ContentId, _emulator.GetOnScreen(Display)!.AssetId);
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(_scheduleA, _emulator.GetOnScreen(Display)!.AssetId);
    }

    [Fact]
    public async Task Schedule_uses_the_validity_window_in_utc_and_places_the_item_last()
    {
        using var adapter = Adapter(o => o.CheckMedia = false);
        var from = new DateTimeOffset(2026, 11, 28, 8, 30, 0, TimeSpan.FromHours(7));
        var until = new DateTimeOffset(2026, 11, 30, 17, 0, 0, TimeSpan.FromHours(7));
        var content = BoardContent.Image(new Uri("http://127.0.0.1/poster.png"), TimeSpan.FromSeconds(15), "Lịch tiêm chủng").WithValidity(from, until);

        var publication = await adapter.ScheduleAsync(Display, content);

        Assert.Equal(BoardDisplayStatus.Scheduled, Assert.Single(publication.Displays).Status);
        var all = _emulator.GetAssets();
        var asset = all[^1];
        Assert.Equal(publication.ContentId, asset.AssetId);
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 1, 30, 0, TimeSpan.Zero), asset.StartDate);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.Zero), asset.EndDate);
        Assert.Equal(TimeSpan.Zero, asset.StartDate.Offset);
        Assert.Equal(15, asset.Duration);
        Assert.Equal("image", asset.Mimetype);
        Assert.Equal("http://127.0.0.1/poster.png", asset.Uri);
        Assert.True(asset.IsEnabled);
        Assert.True(asset.IsActive);
        Assert.Equal(new[] { _scheduleA, _scheduleB, publication.ContentId }, _emulator.GetAssets().Select(a => a.AssetId));
        Assert.Equal(_scheduleA, _emulator.GetOnScreen(Display)!.AssetId);
        Assert.Equal(from, publication.From);
        Assert.Equal(until, publication.Until);
    }

    [Fact]
    public async Task Schedule_of_a_video_sends_duration_zero_and_a_web_page_its_mimetype()
    {
        using var adapter = Adapter(o => o.CheckMedia = false);

        var video = await adapter.ScheduleAsync(Display, BoardContent.Video(new Uri("http://127.0.0.1/clip.mp4"), TimeSpan.FromSeconds(40)));
        var page = await adapter.ScheduleAsync(Display, BoardContent.WebPage(new Uri("https://dichvucong.gov.vn/"), TimeSpan.FromSeconds(60)));

        var assets = _emulator.GetAssets();
        Assert.Equal(("video", 0), assets.Single(a => a.AssetId == video.ContentId) is var v ? (v.Mimetype, v.Duration) : default);
        Assert.Equal(("webpage", 60), assets.Single(a => a.AssetId == page.ContentId) is var p ? (p.Mimetype, p.Duration) : default);
        Assert.Equal(Start + AnthiasBoardSystem.OpenEndedScheduleLength, assets.Single(a => a.AssetId == page.ContentId).EndDate);
        Assert.Null(page.Until);
    }

    [Fact]
    public async Task Remove_deletes_the_asset_and_a_second_remove_names_the_404()
    {
        using var adapter = Adapter(o => o.CheckMedia = false);
        var publication = await adapter.ScheduleAsync(Display, BoardContent.Image(new Uri("http://127.0.0.1/a.png"), TimeSpan.FromSeconds(10)));

        await adapter.RemoveAsync(publication);

        Assert.DoesNotContain(_emulator.GetAssets(), a => a.AssetId == publication.ContentId);
        var ex = await Assert.ThrowsAsync<BoardException>(() => adapter.RemoveAsync(publication));
        Assert.Equal(404, ex.Status);
        Assert.Contains("DELETE /api/v2/assets/" + publication.ContentId, ex.Message, StringComparison.Ordinal);
        Assert.Contains("No Asset matches the given query", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_offline_device_is_an_offline_result_with_when_it_was_last_seen_not_an_exception()
    {
        using var adapter = Adapter();
        Assert.True(Assert.Single(await adapter.GetDisplaysAsync()).IsOnline);
        _time.Advance(TimeSpan.FromMinutes(5));
        _emulator.SetOnline(Display, false);

        var publication = await adapter.InterruptAsync(Display, BoardContent.Text(Bulletin(), TimeSpan.FromSeconds(20)), TimeSpan.FromMinutes(10));
        var reverted = await adapter.RevertAsync(Display);
        var display = Assert.Single(await adapter.GetDisplaysAsync(Display));

        var result = Assert.Single(publication.Displays);
        Assert.Equal(BoardDisplayStatus.Offline, result.Status);
        Assert.StartsWith("offline, last seen 2026-11-28 09:00 +07:00", result.Reason, StringComparison.Ordinal);
        Assert.Equal(string.Empty, publication.ContentId);
        Assert.Equal(BoardDisplayStatus.Offline, Assert.Single(reverted).Status);
        Assert.False(display.IsOnline);
        Assert.Equal(Start, display.LastSeen);
        Assert.DoesNotContain(_emulator.GetAssets(), a => a.Name.StartsWith(AnthiasBoardSystem.InterruptNamePrefix, StringComparison.Ordinal));

        _emulator.SetOnline(Display, true);
        var again = await adapter.InterruptAsync(Display, BoardContent.Text(Bulletin(), TimeSpan.FromSeconds(20)), TimeSpan.FromMinutes(10));
        Assert.Equal(BoardDisplayStatus.Shown, Assert.Single(again.Displays).Status);
    }

    [Fact]
    public async Task A_connection_reset_before_the_request_is_written_is_offline_not_a_crash()
    {
        // SocketsHttpHandler can let a bare SocketException (ENOTCONN, "Transport endpoint is not connected") out
        // when the device resets the connection as it is set up; that is the device being away, like any other.
        using var http = new HttpClient(new ThrowingHandler(new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.NotConnected)));
        using var adapter = new AnthiasBoardSystem(new AnthiasOptions { BaseUrl = _emulator.BaseUri, DisplayId = Display }, http, _time);

        var publication = await adapter.InterruptAsync(Display, BoardContent.Text(Bulletin(), TimeSpan.FromSeconds(20)), TimeSpan.FromMinutes(10));
        var display = Assert.Single(await adapter.GetDisplaysAsync(Display));

        var result = Assert.Single(publication.Displays);
        Assert.Equal(BoardDisplayStatus.Offline, result.Status);
        Assert.StartsWith("offline, not seen since this adapter started (GET /api/v2/assets: ", result.Reason, StringComparison.Ordinal);
        Assert.False(display.IsOnline);
    }

    private sealed class ThrowingHandler(Exception exception) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, System.Threading.CancellationToken cancellationToken) =>
            Task.FromException<HttpResponseMessage>(exception);
    }

    [Fact]
    public async Task A_device_that_does_not_answer_within_the_timeout_is_offline()
    {
        using var adapter = Adapter(o => o.RequestTimeout = TimeSpan.FromSeconds(10));
        _emulator.HoldNext("/api/v2/assets");

        var interrupt = adapter.InterruptAsync(Display, BoardContent.Text(Bulletin(), TimeSpan.FromSeconds(20)), TimeSpan.FromMinutes(10));
        for (var i = 0; i < 1000 && _emulator.TotalRequests == 0; i++)
        {
            await Task.Delay(10); // waits for the request to arrive; the timeout itself runs on the fake clock
        }

        Assert.False(interrupt.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(10));
        var publication = await interrupt.WaitAsync(TimeSpan.FromSeconds(30));

        var result = Assert.Single(publication.Displays);
        Assert.Equal(BoardDisplayStatus.Offline, result.Status);
        Assert.Equal("offline, not seen since this adapter started (no answer to GET /api/v2/assets within 10 s)", result.Reason);
        Assert.Equal(new[] { "GET /api/v2/assets" }, _emulator.Requests);
    }

    [Fact]
    public async Task Display_state_names_what_is_shown()
    {
        using var adapter = Adapter();
        var before = Assert.Single(await adapter.GetDisplaysAsync());
        await adapter.InterruptAsync(Display, BoardContent.Text(Bulletin(), TimeSpan.FromSeconds(20)), TimeSpan.FromMinutes(10));
        var during = Assert.Single(await adapter.GetDisplaysAsync(Display));

        Assert.Equal(("hall-1", "Nhà văn hoá xã", true, "Lịch tiếp công dân"), (before.Id, before.Name, before.IsOnline, before.Showing));
        Assert.Equal(AnthiasBoardSystem.InterruptNamePrefix + "Cảnh báo lũ quét", during.Showing);
        Assert.Equal(Start, during.LastSeen);
    }

    [Fact]
    public async Task Wrong_basic_auth_is_a_board_exception_naming_the_request_without_the_password()
    {
        await using var secured = await AnthiasEmulator.StartAsync(new AnthiasEmulatorOptions
        {
            TimeProvider = _time, DisplayId = Display, User = "operator", Password = "right-pass",
        });
        using var wrong = new AnthiasBoardSystem(new AnthiasOptions
        {
            BaseUrl = secured.BaseUri, DisplayId = Display, User = "operator", Password = "Wr0ng-S3cret",
        }, timeProvider: _time);
        using var right = new AnthiasBoardSystem(new AnthiasOptions
        {
            BaseUrl = secured.BaseUri, DisplayId = Display, User = "operator", Password = "right-pass",
        }, timeProvider: _time);
        using var none = new AnthiasBoardSystem(new AnthiasOptions { BaseUrl = secured.BaseUri, DisplayId = Display }, timeProvider: _time);

        var ex = await Assert.ThrowsAsync<BoardException>(() => wrong.RevertAsync(Display));
        var redirected = await Assert.ThrowsAsync<BoardException>(() => none.RevertAsync(Display));
        var ok = await right.RevertAsync(Display);

        Assert.Equal(401, ex.Status);
        Assert.Equal("anthias:hall-1", ex.System);
        Assert.False(ex.IsTransient);
        Assert.StartsWith("anthias:hall-1: GET /api/v2/assets was refused (401", ex.Message, StringComparison.Ordinal);
        Assert.Contains("did not accept the user name and password", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Wr0ng-S3cret", ex.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToBase64String(Encoding.UTF8.GetBytes("operator:Wr0ng-S3cret")), ex.ToString(), StringComparison.Ordinal);
        Assert.Equal(302, redirected.Status);
        Assert.Contains("set User and Password", redirected.Message, StringComparison.Ordinal);
        Assert.Equal(BoardDisplayStatus.Scheduled, Assert.Single(ok).Status);
    }

    [Fact]
    public async Task A_server_error_is_a_transient_board_exception_and_nothing_is_reported_shown()
    {
        using var adapter = Adapter();
        _emulator.FailNext(500);

        var ex = await Assert.ThrowsAsync<BoardException>(() =>
            adapter.InterruptAsync(Display, BoardContent.Text(Bulletin(), TimeSpan.FromSeconds(20)), TimeSpan.FromMinutes(10)));

        Assert.Equal(500, ex.Status);
        Assert.True(ex.IsTransient);
        Assert.Equal("anthias:hall-1: GET /api/v2/assets answered 500 Internal Server Error (Failure injected by the emulator.).", ex.Message);
        Assert.Equal(_scheduleA, _emulator.GetOnScreen(Display)!.AssetId);
    }

    [Fact]
    public async Task A_failure_after_the_upload_names_that_request_and_is_not_reported_shown()
    {
        using var adapter = Adapter();
        _emulator.FailNext(503, "/api/v2/assets/order");

        var ex = await Assert.ThrowsAsync<BoardException>(() =>
            adapter.InterruptAsync(Display, BoardContent.Text(Bulletin(), TimeSpan.FromSeconds(20)), TimeSpan.FromMinutes(10)));

        Assert.Equal(503, ex.Status);
        Assert.True(ex.IsTransient);
        Assert.StartsWith("anthias:hall-1: POST /api/v2/assets/order answered 503", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_emulator.Requests, r => r.Contains("/control/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Html_instead_of_json_is_a_board_exception_saying_so()
    {
        using var adapter = Adapter();
        _emulator.AnswerHtmlNext();

        var ex = await Assert.ThrowsAsync<BoardException>(() => adapter.GetDisplaysAsync());

        Assert.Equal("not_json", ex.ErrorCode);
        Assert.Equal("anthias:hall-1: GET /api/v2/info answered an HTML page (text/html) where JSON was expected (is BaseUrl the Anthias device?).", ex.Message);
    }

    [Fact]
    public async Task Media_that_is_not_media_is_refused_naming_the_url_before_the_device_is_asked()
    {
        using var adapter = Adapter();
        var html = new Uri(_emulator.BaseUri, "/login/?token=abc123");
        var missing = new Uri(_emulator.BaseUri, "/data/anthias_assets/missing.png");

        var notImage = await Assert.ThrowsAsync<BoardException>(() =>
            adapter.InterruptAsync(Display, BoardContent.Image(html, TimeSpan.FromSeconds(10)), TimeSpan.FromMinutes(1)));
        var notFound = await Assert.ThrowsAsync<BoardException>(() =>
            adapter.ScheduleAsync(Display, BoardContent.Video(missing)));

        Assert.Equal("not_media", notImage.ErrorCode);
        Assert.Contains(new Uri(_emulator.BaseUri, "/login/").AbsoluteUri + "?…", notImage.Message, StringComparison.Ordinal);
        Assert.Contains("answered text/html, not an image", notImage.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("abc123", notImage.Message, StringComparison.Ordinal);
        Assert.Equal(404, notFound.Status);
        Assert.Contains(missing.AbsoluteUri + " answered 404", notFound.Message, StringComparison.Ordinal);
        Assert.Equal(0, _emulator.TotalRequests);
    }

    [Fact]
    public async Task An_image_that_is_an_image_passes_the_media_check()
    {
        using var adapter = Adapter();
        var first = await adapter.InterruptAsync(Display, BoardContent.Text(Bulletin(), TimeSpan.FromSeconds(20)), TimeSpan.FromMinutes(1));
        var png = new Uri(_emulator.BaseUri, _emulator.GetAssets().Single(a => a.AssetId == first.ContentId).Uri);

        var second = await adapter.InterruptAsync(Display, BoardContent.Image(png, TimeSpan.FromSeconds(10)), TimeSpan.FromMinutes(1));

        Assert.Equal(BoardDisplayStatus.Shown, Assert.Single(second.Displays).Status);
        Assert.Equal(second.ContentId, _emulator.GetOnScreen(Display)!.AssetId);
    }

    [Fact]
    public async Task Bad_input_is_refused_before_any_request()
    {
        using var adapter = Adapter();
        var content = BoardContent.Text(Bulletin(), TimeSpan.FromSeconds(20));

        var body = Assert.Throws<ArgumentException>(() => new BoardTextBulletin("Tiêu đề", new string('a', 1201), "UBND xã", Start));
        var tooLong = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => adapter.InterruptAsync(Display, content, TimeSpan.FromDays(2)));
        var unknown = await Assert.ThrowsAsync<BoardException>(() => adapter.InterruptAsync("hall-2", content, TimeSpan.FromMinutes(1)));
        var ended = await Assert.ThrowsAsync<ArgumentException>(() =>
            adapter.ScheduleAsync(Display, content.WithValidity(Start.AddDays(-2), Start.AddDays(-1))));

        Assert.Equal("body: 1201 characters, over the limit of 1200. (Parameter 'body')", body.Message);
        Assert.Equal("duration", tooLong.ParamName);
        Assert.Equal("unknown_target", unknown.ErrorCode);
        Assert.Contains("'hall-2'", unknown.Message, StringComparison.Ordinal);
        Assert.Equal("content", ended.ParamName);
        Assert.Equal(0, _emulator.TotalRequests);
    }

    [Fact]
    public void Options_are_checked_with_the_option_named()
    {
        var withPassword = Assert.Throws<ArgumentException>(() => new AnthiasBoardSystem(new AnthiasOptions { BaseUrl = new Uri("http://op:secret@10.0.0.5/") }));
        var missing = Assert.Throws<ArgumentException>(() => new AnthiasBoardSystem(new AnthiasOptions()));
        var half = Assert.Throws<ArgumentException>(() => new AnthiasBoardSystem(new AnthiasOptions { BaseUrl = new Uri("http://10.0.0.5/"), User = "op" }));
        var timeout = Assert.Throws<ArgumentException>(() =>
            new AnthiasBoardSystem(new AnthiasOptions { BaseUrl = new Uri("http://10.0.0.5/"), RequestTimeout = TimeSpan.FromMinutes(10) }));

        Assert.StartsWith("Boards:Anthias:BaseUrl: must not hold a user name or password", withPassword.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", withPassword.Message, StringComparison.Ordinal);
        Assert.StartsWith("Boards:Anthias:BaseUrl: is required", missing.Message, StringComparison.Ordinal);
        Assert.StartsWith("Boards:Anthias:Password: User and Password are set together", half.Message, StringComparison.Ordinal);
        Assert.StartsWith("Boards:Anthias:RequestTimeout: 600 s is outside", timeout.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Screenshots_are_not_supported_and_say_why()
    {
        using var adapter = Adapter();

        var ex = await Assert.ThrowsAsync<NotSupportedException>(() => adapter.GetScreenshotAsync(Display));

        Assert.Contains("Anthias has no screenshot API", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Proof_of_play_is_what_the_adapter_asked_for_unconfirmed_and_round_trips_as_csv()
    {
        using var adapter = Adapter(o => o.CheckMedia = false);
        var interrupt = await adapter.InterruptAsync(Display, BoardContent.Text(Bulletin(), TimeSpan.FromSeconds(20)), TimeSpan.FromMinutes(10));
        _time.Advance(TimeSpan.FromMinutes(3));
        await adapter.RevertAsync(Display);
        var schedule = await adapter.ScheduleAsync(Display,
            BoardContent.Image(new Uri("http://127.0.0.1/p.png"), TimeSpan.FromSeconds(10), "Lịch, \"tiêm\" chủng").WithValidity(null, Start.AddHours(1)));
        _time.Advance(TimeSpan.FromMinutes(7));

        var records = await adapter.GetProofOfPlayAsync(Start.AddHours(-1), Start.AddHours(2));

        Assert.Equal(2, records.Count);
        Assert.All(records, r => Assert.False(r.Confirmed));
        Assert.Equal((interrupt.ContentId, Start, Start.AddMinutes(3)), (records[0].ContentId, records[0].Start, records[0].End));
        Assert.Equal((schedule.ContentId, Start.AddMinutes(3), Start.AddMinutes(10)), (records[1].ContentId, records[1].Start, records[1].End));
        Assert.Empty(await adapter.GetProofOfPlayAsync(Start.AddHours(-1), Start.AddHours(2), "hall-2"));

        using var stream = new MemoryStream();
        Assert.Equal(2, await BoardProofOfPlay.WriteCsvAsync(records, stream));
        var bytes = stream.ToArray();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes.Take(3));
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(new[]
        {
            BoardProofOfPlay.CsvHeader,
            $"anthias:hall-1,hall-1,{interrupt.ContentId},nbcomms-interrupt:Cảnh báo lũ quét,2026-11-28T09:00:00+07:00,2026-11-28T09:03:00+07:00,1,false",
            $"anthias:hall-1,hall-1,{schedule.ContentId},\"nbcomms:Lịch, \"\"tiêm\"\" chủng\",2026-11-28T09:03:00+07:00,2026-11-28T09:10:00+07:00,1,false",
        }, lines);
    }
}
