using System;
using System.Reflection;
using System.Runtime.Versioning;
using NinhBinh.Comms.Broadcast.Boards;
using SkiaSharp;

namespace NinhBinh.Comms.NetStandard.Tests;

/// <summary>The board renderer of the netstandard2.0 build of Broadcast (compiled against the netstandard2.0 APIs of SkiaSharp and QRCoder) draws the same content.</summary>
public class BoardRendererTests
{
    private static readonly BoardTextBulletin Bulletin = new(
        "Cảnh báo mưa lớn, nguy cơ ngập úng",
        "Người dân hạn chế ra ngoài, không đi qua ngầm tràn.\nTheo dõi loa phát thanh phường.",
        "UBND phường Hoa Lư",
        new DateTimeOffset(2026, 11, 25, 1, 5, 0, TimeSpan.Zero),
        new Uri("https://hoalu.ninhbinh.gov.vn/thong-bao/1"));

    [Fact]
    public void Renderer_is_the_netstandard20_build() =>
        Assert.Equal(".NETStandard,Version=v2.0", typeof(BoardRenderer).Assembly.GetCustomAttribute<TargetFrameworkAttribute>()?.FrameworkName);

    [Fact]
    public void RenderPng_draws_an_image_of_the_requested_size()
    {
        var png = BoardRenderer.RenderPng(Bulletin, new BoardRenderOptions { Width = 1080, Height = 1920, Emergency = true });

        using var bitmap = SKBitmap.Decode(png);
        Assert.NotNull(bitmap);
        Assert.Equal(1080, bitmap.Width);
        Assert.Equal(1920, bitmap.Height);
        Assert.Equal(SKColor.Parse("#c8102e"), bitmap.GetPixel(5, 5));
    }

    [Fact]
    public void RenderHtml_keeps_the_text_and_draws_the_qr_code()
    {
        var html = BoardRenderer.RenderHtml(Bulletin, new BoardRenderOptions { Width = 1920, Height = 1080 });

        Assert.Contains(">Cảnh báo mưa lớn, nguy cơ ngập úng</h1>", html, StringComparison.Ordinal);
        Assert.Contains("Ban hành lúc <time datetime=\"2026-11-25T08:05:00+07:00\">08:05 25/11/2026</time>", html, StringComparison.Ordinal);
        Assert.Contains("<svg", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Sizes_outside_the_limits_are_refused() =>
        Assert.Equal("options.Width", Assert.Throws<ArgumentOutOfRangeException>(() => BoardRenderer.RenderPng(Bulletin, new BoardRenderOptions { Width = 100 })).ParamName);
}
