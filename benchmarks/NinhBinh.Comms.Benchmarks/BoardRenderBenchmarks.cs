using System;
using BenchmarkDotNet.Attributes;
using NinhBinh.Comms.Broadcast.Boards;

namespace NinhBinh.Comms.Benchmarks;

/// <summary>
/// A text bulletin rendered as board content: the HTML page (layout with estimated widths, escaping, the QR code as
/// SVG) and the PNG at 1920×1080 (layout measured with the bundled font, drawing, QR code, PNG encoding).
/// </summary>
[MemoryDiagnoser]
public class BoardRenderBenchmarks
{
    private readonly BoardTextBulletin _bulletin = new(
        "Cảnh báo mưa lớn, nguy cơ ngập úng và sạt lở đất",
        "Từ chiều nay đến hết ngày mai có mưa lớn, lượng mưa phổ biến 100–150 mm, có nơi trên 200 mm.\nNgười dân hạn chế ra ngoài, không đi qua ngầm tràn, khu vực nước chảy xiết; chằng chống nhà cửa; theo dõi loa phát thanh phường.",
        "Ban Chỉ huy phòng thủ dân sự phường Hoa Lư",
        new DateTimeOffset(2026, 11, 25, 8, 5, 0, TimeSpan.FromHours(7)),
        new Uri("https://hoalu.ninhbinh.gov.vn/thong-bao/2026/canh-bao-mua-lon"));

    private readonly BoardRenderOptions _fullHd = new() { Width = 1920, Height = 1080, Emergency = true };

    [Benchmark(Description = "RenderHtml 1920×1080 (with QR)")]
    public int RenderHtml() => BoardRenderer.RenderHtml(_bulletin, _fullHd).Length;

    [Benchmark(Description = "RenderPng 1920×1080 (with QR)")]
    public int RenderPng() => BoardRenderer.RenderPng(_bulletin, _fullHd).Length;
}
