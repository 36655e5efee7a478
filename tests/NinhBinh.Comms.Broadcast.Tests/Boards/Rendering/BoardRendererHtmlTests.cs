using System;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using NinhBinh.Comms.Broadcast.Boards;
using QRCoder;

namespace NinhBinh.Comms.Broadcast.Tests.Boards.Rendering;

public class BoardRendererHtmlTests
{
    private static readonly DateTimeOffset IssuedAt = new(2026, 11, 25, 1, 5, 0, TimeSpan.Zero); // 08:05 in Vietnam
    private static readonly Uri FullText = new("https://hoalu.ninhbinh.gov.vn/thong-bao/2026/canh-bao-mua-lon");

    private static BoardTextBulletin Bulletin(string? title = null, string? body = null, string? agency = null, Uri? qr = null) =>
        new(title ?? "Cảnh báo mưa lớn, nguy cơ ngập úng",
            body ?? "Từ chiều nay đến hết ngày mai có mưa lớn.\nNgười dân không đi qua ngầm tràn, chằng chống nhà cửa.",
            agency ?? "UBND phường Hoa Lư", IssuedAt, qr);

    private static IDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    [Fact]
    public void Every_Vietnamese_letter_survives_in_title_body_and_agency()
    {
        var alphabet = VietnameseAlphabet.Nfc;
        var body = "Chữ cái: " + alphabet + "\nChữ thường: " + alphabet.ToLowerInvariant() + "\n\nChữ hoa: " + alphabet.ToUpperInvariant();
        var agency = string.Concat("Ủy ban nhân dân ", alphabet.AsSpan(0, 100));
        var document = Parse(BoardRenderer.RenderHtml(Bulletin(title: alphabet, body: body, agency: agency)));

        Assert.Equal(alphabet, document.QuerySelector("h1.title")!.TextContent);
        Assert.Equal(alphabet, document.Title);
        Assert.Equal(body, document.QuerySelector(".body")!.TextContent);
        Assert.Equal(agency, document.QuerySelector(".agency")!.TextContent);
        Assert.All(VietnameseAlphabet.Letters, letter => Assert.Contains(letter, document.QuerySelector("h1.title")!.TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public void Decomposed_input_comes_out_precomposed()
    {
        var nfd = VietnameseAlphabet.Nfc.Normalize(NormalizationForm.FormD);
        Assert.NotEqual(VietnameseAlphabet.Nfc, nfd);

        var document = Parse(BoardRenderer.RenderHtml(Bulletin(body: nfd)));

        Assert.Equal(VietnameseAlphabet.Nfc, document.QuerySelector(".body")!.TextContent);
    }

    [Fact]
    public void Page_is_utf8_vietnamese_and_self_contained()
    {
        var html = BoardRenderer.RenderHtml(Bulletin(qr: FullText), new BoardRenderOptions { Emergency = true });
        var document = Parse(html);

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Equal("vi", document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("utf-8", document.QuerySelector("meta[charset]")!.GetAttribute("charset"));
        Assert.Empty(document.QuerySelectorAll("script, link, img, iframe, object, embed, video, audio, [src], [href]"));
        Assert.DoesNotContain("url(", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@font-face", html, StringComparison.OrdinalIgnoreCase);
        var css = document.QuerySelector("style")!.TextContent;
        Assert.Contains("\"Noto Sans\", \"DejaVu Sans\"", css, StringComparison.Ordinal);
    }

    [Fact]
    public void Markup_in_the_text_shows_as_text()
    {
        const string body = "<script>alert('x')</script> & <b>đậm</b> \"trích\" <img src=x onerror=alert(1)>";
        const string title = "Tiêu đề <i>nghiêng</i> & </h1><script>";
        var document = Parse(BoardRenderer.RenderHtml(Bulletin(title: title, body: body, agency: "UBND <xã> & \"phường\"")));

        Assert.Empty(document.QuerySelectorAll("script, b, i, img, xã"));
        Assert.Equal(body, document.QuerySelector(".body")!.TextContent);
        Assert.Equal(title, document.QuerySelector("h1.title")!.TextContent);
        Assert.Equal("UBND <xã> & \"phường\"", document.QuerySelector(".agency")!.TextContent);
    }

    [Fact]
    public void Time_of_issue_is_vietnam_time()
    {
        var document = Parse(BoardRenderer.RenderHtml(Bulletin()));
        var time = document.QuerySelector(".issued time")!;

        Assert.Equal("08:05 25/11/2026", time.TextContent);
        Assert.Equal("2026-11-25T08:05:00+07:00", time.GetAttribute("datetime"));
        Assert.Equal("Ban hành lúc 08:05 25/11/2026", document.QuerySelector(".issued")!.TextContent);
    }

    [Fact]
    public void Body_line_breaks_are_kept()
    {
        var document = Parse(BoardRenderer.RenderHtml(Bulletin(body: "Dòng một\r\nDòng hai\n\nĐoạn mới")));

        Assert.Equal("Dòng một\nDòng hai\n\nĐoạn mới", document.QuerySelector(".body")!.TextContent);
        Assert.Contains("white-space: pre-line", document.QuerySelector("style")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Landscape_puts_the_body_beside_the_qr_code_and_portrait_above_it()
    {
        var landscape = Parse(BoardRenderer.RenderHtml(Bulletin(qr: FullText), new BoardRenderOptions { Width = 1920, Height = 1080 }));
        var portrait = Parse(BoardRenderer.RenderHtml(Bulletin(qr: FullText), new BoardRenderOptions { Width = 1080, Height = 1920 }));

        Assert.True(landscape.Body!.ClassList.Contains("landscape"));
        Assert.True(portrait.Body!.ClassList.Contains("portrait"));
        var (lBody, lQr) = (Box(landscape, ".body"), Box(landscape, ".qr"));
        var (pBody, pQr) = (Box(portrait, ".body"), Box(portrait, ".qr"));

        // Landscape: a body column left of the QR code; margin 5 % of 1080 = 54. The footer is left of the QR code in both.
        Assert.True(lBody.Right <= lQr.Left, $"landscape body ends at {lBody.Right}, QR starts at {lQr.Left}");
        Assert.True(lBody.Width < 1920 - (2 * 54));
        Assert.True(Box(landscape, ".agency").Right <= lQr.Left);
        Assert.True(Box(portrait, ".agency").Right <= pQr.Left);

        // Portrait: the body spans the page between the margins and ends above the QR code and its caption.
        Assert.Equal(1080 - (2 * 54), pBody.Width, 1);
        Assert.True(pBody.Bottom <= Box(portrait, ".qr-caption").Top);
        Assert.True(pBody.Bottom <= pQr.Top);
    }

    [Fact]
    public void Text_sizes_scale_with_the_page()
    {
        var small = Parse(BoardRenderer.RenderHtml(Bulletin(), new BoardRenderOptions { Width = 960, Height = 540 }));
        var large = Parse(BoardRenderer.RenderHtml(Bulletin(), new BoardRenderOptions { Width = 3840, Height = 2160 }));

        Assert.Equal(4 * FontSize(small, "h1.title"), FontSize(large, "h1.title"), tolerance: 0.5);
        Assert.Equal(4 * FontSize(small, ".issued"), FontSize(large, ".issued"), tolerance: 0.5);
        Assert.Contains("width: 3840px; height: 2160px", large.QuerySelector("style")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_body_is_clamped_to_the_lines_that_fit_at_a_smaller_size()
    {
        var shortBody = Parse(BoardRenderer.RenderHtml(Bulletin(body: "Ngắn.")));
        var longBody = Parse(BoardRenderer.RenderHtml(Bulletin(body: string.Join(" ", Enumerable.Repeat("Người dân theo dõi loa phát thanh phường.", 27)))));

        Assert.True(FontSize(longBody, ".body") < FontSize(shortBody, ".body"));
        var box = Box(longBody, ".body");
        var style = longBody.QuerySelector(".body")!.GetAttribute("style")!;
        var lines = int.Parse(Regex.Match(style, @"-webkit-line-clamp: (\d+)").Groups[1].Value, CultureInfo.InvariantCulture);
        var lineHeight = Px(style, "line-height");
        Assert.Equal(lines * lineHeight, box.Height, tolerance: 0.1 * lines); // each figure rounded to 0.1 px
        Assert.True(Box(longBody, ".body").Bottom < Box(longBody, ".agency").Top, "the body reaches into the footer");
    }

    [Fact]
    public void Emergency_has_the_red_band()
    {
        var emergency = Parse(BoardRenderer.RenderHtml(Bulletin(), new BoardRenderOptions { Emergency = true }));
        var normal = Parse(BoardRenderer.RenderHtml(Bulletin()));

        Assert.Equal("KHẨN CẤP", emergency.QuerySelector(".band")!.TextContent);
        Assert.True(emergency.Body!.ClassList.Contains("emergency"));
        Assert.Contains("background: #c8102e", emergency.QuerySelector("style")!.TextContent, StringComparison.Ordinal);
        Assert.Null(normal.QuerySelector(".band"));
        Assert.DoesNotContain("KHẨN CẤP", normal.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.True(Box(emergency, "h1.title").Top > Box(normal, "h1.title").Top);
    }

    [Fact]
    public void Qr_code_is_there_only_when_set_and_reads_back_as_the_url()
    {
        var without = Parse(BoardRenderer.RenderHtml(Bulletin()));
        var with = Parse(BoardRenderer.RenderHtml(Bulletin(qr: FullText)));

        Assert.Empty(without.QuerySelectorAll("svg, .qr, .qr-caption"));
        var svg = with.QuerySelector(".qr svg")!;
        var modules = SvgModules(svg);
        using var expected = QRCodeGenerator.GenerateQrCode(FullText.AbsoluteUri, QRCodeGenerator.ECCLevel.M);
        Assert.Equal(expected.ModuleMatrix.Count, modules.GetLength(0));
        for (var row = 0; row < modules.GetLength(0); row++)
        {
            for (var column = 0; column < modules.GetLength(1); column++)
            {
                Assert.True(expected.ModuleMatrix[row][column] == modules[row, column], $"module ({row}, {column}) differs");
            }
        }

        Assert.Equal(FullText.AbsoluteUri, BoardImage.DecodeQr(modules));
        Assert.Equal("Quét mã QR để đọc toàn văn", with.QuerySelector(".qr-caption")!.TextContent);
    }

    [Theory]
    [InlineData(319, 1080, "options.Width")]
    [InlineData(7681, 1080, "options.Width")]
    [InlineData(1920, 100, "options.Height")]
    [InlineData(1920, 8000, "options.Height")]
    public void Sizes_outside_320_to_7680_are_refused_naming_the_field(int width, int height, string field)
    {
        var options = new BoardRenderOptions { Width = width, Height = height };

        var html = Assert.Throws<ArgumentOutOfRangeException>(() => BoardRenderer.RenderHtml(Bulletin(), options));
        var png = Assert.Throws<ArgumentOutOfRangeException>(() => BoardRenderer.RenderPng(Bulletin(), options));

        foreach (var error in new[] { html, png })
        {
            Assert.Equal(field, error.ParamName);
            Assert.Contains(field, error.Message, StringComparison.Ordinal);
            Assert.Contains("320–7680", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Null_bulletin_is_refused()
    {
        Assert.Equal("bulletin", Assert.Throws<ArgumentNullException>(() => BoardRenderer.RenderHtml(null!)).ParamName);
        Assert.Equal("bulletin", Assert.Throws<ArgumentNullException>(() => BoardRenderer.RenderPng(null!)).ParamName);
    }

    internal readonly record struct CssBox(double Left, double Top, double Width, double Height)
    {
        public double Right => Left + Width;

        public double Bottom => Top + Height;
    }

    internal static CssBox Box(IDocument document, string selector)
    {
        var style = document.QuerySelector(selector)!.GetAttribute("style")!;
        // Text boxes are as tall as their lines (max-height); the others have a height.
        var height = Regex.IsMatch(style, @"max-height:") ? Px(style, "max-height") : Px(style, "height");
        return new CssBox(Px(style, "left"), Px(style, "top"), Px(style, "width"), height);
    }

    private static double FontSize(IDocument document, string selector) => Px(document.QuerySelector(selector)!.GetAttribute("style")!, "font-size");

    private static double Px(string style, string property)
    {
        var match = Regex.Match(style, @"(?:^|;)\s*" + Regex.Escape(property) + @":\s*([0-9.]+)px");
        Assert.True(match.Success, $"{property} not in '{style}'");
        return double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    /// <summary>The dark modules of the SVG's path (one <c>M x y h n v1 h-n z</c> run per group), back as a matrix.</summary>
    private static bool[,] SvgModules(IElement svg)
    {
        var size = int.Parse(svg.GetAttribute("viewBox")!.Split(' ')[2], CultureInfo.InvariantCulture);
        var modules = new bool[size, size];
        var d = svg.QuerySelector("path")!.GetAttribute("d")!;
        var runs = Regex.Matches(d, @"M(\d+) (\d+)h(\d+)v1h-(\d+)z");
        Assert.Equal(d.Length, runs.Sum(m => m.Length));
        foreach (Match run in runs)
        {
            var (x, y, n) = (int.Parse(run.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(run.Groups[2].Value, CultureInfo.InvariantCulture), int.Parse(run.Groups[3].Value, CultureInfo.InvariantCulture));
            for (var i = 0; i < n; i++)
            {
                modules[y, x + i] = true;
            }
        }

        return modules;
    }
}
