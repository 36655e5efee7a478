using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using NinhBinh.Comms.Emulator.Boards.Anthias;

namespace NinhBinh.Comms.Broadcast.Tests.Boards.Anthias;

/// <summary>The emulated player answers as Anthias API v2 does (raw HTTP, no adapter).</summary>
public sealed class AnthiasEmulatorTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 28, 2, 0, 0, TimeSpan.Zero));
    private readonly HttpClient _http = new();
    private AnthiasEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await AnthiasEmulator.StartAsync(new AnthiasEmulatorOptions { TimeProvider = _time });

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _emulator.DisposeAsync();
    }

    private Task<HttpResponseMessage> PostJsonAsync(string path, string json) =>
        _http.PostAsync(new Uri(_emulator.BaseUri, path), new StringContent(json, Encoding.UTF8, "application/json"));

    [Fact]
    public async Task Create_answers_201_with_the_asset_and_missing_fields_400_per_field()
    {
        using var created = await PostJsonAsync("api/v2/assets", """
            {"name":"A","uri":"https://example.org/a.png","start_date":"2026-11-28T01:00:00Z","end_date":"2026-11-29T01:00:00Z",
             "duration":10,"mimetype":"image","is_enabled":true}
            """);
        using var missing = await PostJsonAsync("api/v2/assets", """{"name":"B","uri":"https://example.org/b.png"}""");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var asset = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        Assert.Matches("^[0-9a-f]{32}$", asset.RootElement.GetProperty("asset_id").GetString());
        Assert.Equal("2026-11-29T01:00:00Z", asset.RootElement.GetProperty("end_date").GetString());
        Assert.True(asset.RootElement.GetProperty("is_active").GetBoolean());
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        using var errors = JsonDocument.Parse(await missing.Content.ReadAsStringAsync());
        Assert.Equal(new[] { "start_date", "end_date", "duration", "mimetype", "is_enabled" }, errors.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal("This field is required.", errors.RootElement.GetProperty("duration")[0].GetString());
    }

    [Fact]
    public async Task End_before_start_and_a_video_with_a_duration_are_400()
    {
        using var backwards = await PostJsonAsync("api/v2/assets", """
            {"name":"A","uri":"https://example.org/a.png","start_date":"2026-11-29T01:00:00Z","end_date":"2026-11-28T01:00:00Z",
             "duration":10,"mimetype":"image","is_enabled":true}
            """);
        using var video = await PostJsonAsync("api/v2/assets", """
            {"name":"V","uri":"https://example.org/v.mp4","start_date":"2026-11-28T01:00:00Z","end_date":"2026-11-29T01:00:00Z",
             "duration":10,"mimetype":"video","is_enabled":true}
            """);

        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
        Assert.Contains("\"end_date\":[\"end_date must be after start_date.\"]", await backwards.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, video.StatusCode);
        Assert.Empty(_emulator.GetAssets());
    }

    [Fact]
    public async Task Unknown_asset_is_404_order_is_204_and_control_switches()
    {
        var a = _emulator.AddAsset("A", new Uri("https://example.org/a"));
        var b = _emulator.AddAsset("B", new Uri("https://example.org/b"));

        using var unknown = await _http.DeleteAsync(new Uri(_emulator.BaseUri, "api/v2/assets/0123456789abcdef0123456789abcdef"));
        using var order = await PostJsonAsync("api/v2/assets/order", $$"""{"ids":"{{b}},{{a}}"}""");
        var onScreenAfterOrder = _emulator.GetOnScreen(_emulator.DisplayId)!.AssetId;
        var switched = await _http.GetStringAsync(new Uri(_emulator.BaseUri, "api/v2/assets/control/asset&" + a));
        var onScreenAfterJump = _emulator.GetOnScreen(_emulator.DisplayId)!.AssetId;
        _time.Advance(TimeSpan.FromSeconds(30));

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("{\"detail\":\"No Asset matches the given query.\"}", await unknown.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NoContent, order.StatusCode);
        Assert.Equal(b, onScreenAfterOrder);
        Assert.Equal("\"Asset switched\"", switched);
        Assert.Equal(a, onScreenAfterJump);
        Assert.Equal(b, _emulator.GetOnScreen(_emulator.DisplayId)!.AssetId);
    }

    [Fact]
    public async Task Offline_closes_the_connection_without_an_answer()
    {
        _emulator.SetOnline(_emulator.DisplayId, false);

        await Assert.ThrowsAsync<HttpRequestException>(() => _http.GetAsync(new Uri(_emulator.BaseUri, "api/v2/info")));

        _emulator.SetOnline(_emulator.DisplayId, true);
        using var info = await _http.GetAsync(new Uri(_emulator.BaseUri, "api/v2/info"));
        Assert.Equal(HttpStatusCode.OK, info.StatusCode);
        Assert.Throws<ArgumentException>(() => _emulator.SetOnline("other", false));
    }

    [Fact]
    public async Task Upload_refuses_what_is_not_an_image_or_video()
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent("<html/>"u8.ToArray()), "file_upload", "page.html" } };

        using var response = await _http.PostAsync(new Uri(_emulator.BaseUri, "api/v2/file_asset"), form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("{\"file_upload\":[\"Invalid file type. Expected image or video.\"]}", await response.Content.ReadAsStringAsync());
    }
}
