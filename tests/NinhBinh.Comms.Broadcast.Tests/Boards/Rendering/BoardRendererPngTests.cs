using System;
using System.Linq;
using System.Text;
using NinhBinh.Comms.Broadcast.Boards;
using NinhBinh.Comms.Broadcast.Boards.Rendering;
using SkiaSharp;

namespace NinhBinh.Comms.Broadcast.Tests.Boards.Rendering;

public class BoardRendererPngTests
{
    private static readonly DateTimeOffset IssuedAt = new(2026, 11, 25, 8, 5, 0, TimeSpan.FromHours(7));
    private static readonly Uri FullText = new("https://hoalu.ninhbinh.gov.vn/thong-bao/2026/canh-bao-mua-lon");
    private static readonly SKColor White = SKColors.White;

    /// <summary>The bulletin of the approved images: every kind of Vietnamese letter, a line break, a QR code.</summary>
    private static BoardTextBulletin Approved(string? body = null) => new(
        "Cảnh báo mưa lớn, nguy cơ ngập úng và sạt lở đất",
        body ?? "Từ chiều nay đến hết ngày mai có mưa lớn, lượng mưa phổ biến 100–150 mm, có nơi trên 200 mm.\nNgười dân hạn chế ra ngoài, không đi qua ngầm tràn, khu vực nước chảy xiết; chằng chống nhà cửa; theo dõi loa phát thanh phường.",
        "Ban Chỉ huy phòng thủ dân sự phường Hoa Lư",
        IssuedAt,
        FullText);

    /// <summary>1,187 characters of running text: fits at 960×540 at a smaller size, not at 320×320.</summary>
    private static string LongBody => string.Join(" ", Enumerable.Repeat("Người dân theo dõi loa phát thanh phường, không đi qua ngầm tràn.", 18));

    /// <summary>40 short lines (1,149 characters): more lines than any page of these sizes holds.</summary>
    private static string ManyLines => string.Join("\n", Enumerable.Range(1, 40).Select(i => $"Dòng {i}: theo dõi loa phường."));

    [Theory]
    [InlineData(1920, 1080)]
    [InlineData(1080, 1920)]
    [InlineData(960, 540)]
    [InlineData(320, 320)]
    [InlineData(3840, 2160)]
    public void Png_has_exactly_the_requested_size(int width, int height)
    {
        var png = BoardRenderer.RenderPng(Approved(), new BoardRenderOptions { Width = width, Height = height, Emergency = true });

        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, png.Take(8).ToArray());
        using var codec = SKCodec.Create(new SKMemoryStream(png));
        Assert.Equal(SKEncodedImageFormat.Png, codec.EncodedFormat);
        using var bitmap = BoardImage.Decode(png);
        Assert.Equal(width, bitmap.Width);
        Assert.Equal(height, bitmap.Height);
    }

    [Fact]
    public void Bundled_typefaces_have_every_vietnamese_letter()
    {
        var text = VietnameseAlphabet.Nfc + BoardText.Ellipsis + "KHẨN CẤP–0123456789:/";
        foreach (var typeface in new[] { BoardFonts.Regular, BoardFonts.Bold })
        {
            using var font = new SKFont(typeface, 40);
            Assert.True(font.ContainsGlyphs(text), $"{typeface.FamilyName} lacks a glyph");
            var glyphs = font.GetGlyphs(VietnameseAlphabet.Nfc);
            Assert.Equal(134, glyphs.Length);
            Assert.DoesNotContain((ushort)0, glyphs);
            Assert.Equal(134, glyphs.Distinct().Count());
            Assert.Equal("DejaVu Sans", typeface.FamilyName);
        }

        Assert.True(BoardFonts.Bold.IsBold);
        Assert.False(BoardFonts.Regular.IsBold);
    }

    [Fact]
    public void Landscape_emergency_with_qr_matches_the_approved_image() =>
        BoardImage.Verify("emergency-qr-960x540", BoardRenderer.RenderPng(Approved(), new BoardRenderOptions { Width = 960, Height = 540, Emergency = true }));

    [Fact]
    public void Portrait_matches_the_approved_image() =>
        BoardImage.Verify("portrait-540x960", BoardRenderer.RenderPng(Approved(), new BoardRenderOptions { Width = 540, Height = 960 }));

    [Fact]
    public void A_different_text_does_not_match_the_approved_image()
    {
        var approved = System.IO.File.ReadAllBytes(System.IO.Path.Combine(BoardImage.ApprovedFolder, "emergency-qr-960x540.approved.png"));
        var options = new BoardRenderOptions { Width = 960, Height = 540, Emergency = true };
        var changed = BoardRenderer.RenderPng(Approved(body: "Từ chiều nay đến hết ngày mai có mưa vừa.\nNgười dân theo dõi loa phát thanh phường."), options);
        var same = BoardRenderer.RenderPng(Approved(), options);

        using var expected = BoardImage.Decode(approved);
        using var different = BoardImage.Decode(changed);
        using var identical = BoardImage.Decode(same);
        Assert.True(BoardImage.DifferingShare(expected, different) > 0.01, "a different body passed the comparison");
        Assert.True(BoardImage.DifferingShare(expected, identical) <= 0.01);
    }

    [Fact]
    public void Decomposed_text_draws_the_same_as_precomposed()
    {
        var nfc = new BoardTextBulletin("Tiếng Việt " + VietnameseAlphabet.Nfc[..40], VietnameseAlphabet.Nfc, "Ủy ban nhân dân xã Gia Viễn", IssuedAt);
        var nfd = new BoardTextBulletin(nfc.Title.Normalize(NormalizationForm.FormD), nfc.Body.Normalize(NormalizationForm.FormD), nfc.IssuingAgency.Normalize(NormalizationForm.FormD), IssuedAt);
        Assert.NotEqual(nfc.Body, nfd.Body);
        var options = new BoardRenderOptions { Width = 960, Height = 540 };

        using var fromNfc = BoardImage.Decode(BoardRenderer.RenderPng(nfc, options));
        using var fromNfd = BoardImage.Decode(BoardRenderer.RenderPng(nfd, options));

        Assert.Equal(fromNfc.Bytes, fromNfd.Bytes);
        Assert.True(BoardImage.DifferingShare(fromNfc, Blank(960, 540)) > 0.01);
    }

    [Theory]
    [InlineData(960, 540, true, true)]
    [InlineData(960, 540, false, true)]
    [InlineData(540, 960, true, true)]
    [InlineData(1920, 1080, true, true)]
    [InlineData(320, 320, true, false)]
    [InlineData(320, 320, false, true)]
    public void A_very_long_body_ends_with_an_ellipsis_and_stays_in_its_box(int width, int height, bool qr, bool manyLines)
    {
        var bulletin = new BoardTextBulletin("Thông báo", manyLines ? ManyLines : LongBody, "UBND phường Hoa Lư", IssuedAt, qr ? FullText : null);
        var options = new BoardRenderOptions { Width = width, Height = height };
        var layout = BoardPngPainter.Measure(bulletin, options);

        Assert.True(layout.BodyText.Truncated);
        Assert.EndsWith("…", layout.BodyText.Lines[^1], StringComparison.Ordinal);
        Assert.True(layout.BodyText.Height <= layout.Body.Height + 0.01f);
        Assert.True(layout.BodyText.FontSize <= Math.Max(12, 3 * layout.Unit) + 0.01f);
        using var font = BoardFonts.CreateFont(bold: false, layout.BodyText.FontSize);
        Assert.All(layout.BodyText.Lines, line => Assert.True(font.MeasureText(line) <= layout.Body.Width, $"'{line}' is wider than {layout.Body.Width}"));

        using var bitmap = BoardImage.Decode(BoardRenderer.RenderPng(bulletin, options));
        // Nothing below the bottom margin, nothing right of the right margin.
        var margin = (int)Math.Floor(layout.Margin);
        AssertBlank(bitmap, 0, height - margin, width, height);
        AssertBlank(bitmap, width - margin, 0, width, height);
        // Nothing between the body's box and what comes below it (the footer; in portrait, the QR code's caption), across the body's column.
        var below = layout.Portrait && layout.HasQr ? Math.Min(layout.Agency.Top, layout.QrCaptionBox.Top) : layout.Agency.Top;
        AssertBlank(bitmap, (int)layout.Body.Left, (int)Math.Ceiling(layout.Body.Bottom), (int)Math.Ceiling(layout.Body.Right), (int)Math.Floor(below));

        // The body was drawn: its box is not blank.
        Assert.True(CountInk(bitmap, (int)layout.Body.Left, (int)layout.Body.Top, (int)layout.Body.Right, (int)layout.Body.Bottom) > 100);
    }

    [Fact]
    public void A_full_length_body_of_running_text_fits_a_small_board_without_cutting()
    {
        var bulletin = new BoardTextBulletin("Thông báo", LongBody, "UBND phường Hoa Lư", IssuedAt, FullText);
        var layout = BoardPngPainter.Measure(bulletin, new BoardRenderOptions { Width = 960, Height = 540 });

        Assert.False(layout.BodyText.Truncated);
        Assert.Equal(LongBody, string.Join(" ", layout.BodyText.Lines));
        Assert.True(layout.BodyText.FontSize < 5.5f * layout.Unit, "the body was not shrunk to fit");
    }

    [Fact]
    public void Body_is_wrapped_to_its_width_and_keeps_line_breaks()
    {
        var body = "Dòng một\nDòng hai rất dài " + string.Join(" ", Enumerable.Repeat("chằng chống nhà cửa", 6)) + "\n\nMộttừdàihơnmộtdòngkhôngcókhoảngtrắngnàocảnênphảibịcắtgiữachừngđểvừađộrộngcủakhung";
        var layout = BoardPngPainter.Measure(new BoardTextBulletin("Thông báo", body, "UBND xã", IssuedAt), new BoardRenderOptions { Width = 960, Height = 540 });
        var lines = layout.BodyText.Lines;

        Assert.False(layout.BodyText.Truncated);
        Assert.Equal("Dòng một", lines[0]);
        Assert.StartsWith("Dòng hai rất dài chằng chống", lines[1], StringComparison.Ordinal);
        Assert.Contains(string.Empty, lines);
        Assert.Equal(body.Replace("\n", " ", StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal), string.Concat(lines).Replace(" ", string.Empty, StringComparison.Ordinal));
        using var font = BoardFonts.CreateFont(bold: false, layout.BodyText.FontSize);
        Assert.All(lines, line => Assert.True(font.MeasureText(line) <= layout.Body.Width));
        Assert.True(lines.Count >= 6, "the long word and the long line were not wrapped");
    }

    [Fact]
    public void Qr_code_in_the_image_reads_back_as_the_url_and_is_absent_without_one()
    {
        var options = new BoardRenderOptions { Width = 960, Height = 540 };
        using var with = BoardImage.Decode(BoardRenderer.RenderPng(Approved(), options));
        var bulletin = Approved();
        using var without = BoardImage.Decode(BoardRenderer.RenderPng(new BoardTextBulletin(bulletin.Title, bulletin.Body, bulletin.IssuingAgency, IssuedAt), options));

        Assert.Equal(FullText.AbsoluteUri, BoardImage.DecodeQr(with));
        Assert.Null(BoardImage.DecodeQr(without));
    }

    [Fact]
    public void Emergency_draws_the_red_band()
    {
        var options = new BoardRenderOptions { Width = 960, Height = 540, Emergency = true };
        var layout = BoardPngPainter.Measure(Approved(), options);
        using var emergency = BoardImage.Decode(BoardRenderer.RenderPng(Approved(), options));
        using var normal = BoardImage.Decode(BoardRenderer.RenderPng(Approved(), new BoardRenderOptions { Width = 960, Height = 540 }));

        Assert.Equal(SKColor.Parse("#c8102e"), emergency.GetPixel(2, 2));
        Assert.Equal(SKColor.Parse("#c8102e"), emergency.GetPixel(957, (int)layout.BandHeight - 2));
        Assert.Equal(White, normal.GetPixel(2, 2));
        Assert.True(layout.Title.Top > layout.BandHeight);
    }

    private static SKBitmap Blank(int width, int height)
    {
        var bitmap = new SKBitmap(width, height, SKColorType.Rgba8888, SKAlphaType.Premul);
        bitmap.Erase(White);
        return bitmap;
    }

    private static void AssertBlank(SKBitmap bitmap, int left, int top, int right, int bottom)
    {
        Assert.True(right > left && bottom > top, $"empty region ({left}, {top})–({right}, {bottom})");
        Assert.Equal(0, CountInk(bitmap, left, top, right, bottom));
    }

    private static int CountInk(SKBitmap bitmap, int left, int top, int right, int bottom)
    {
        var ink = 0;
        for (var y = Math.Max(0, top); y < Math.Min(bitmap.Height, bottom); y++)
        {
            for (var x = Math.Max(0, left); x < Math.Min(bitmap.Width, right); x++)
            {
                if (bitmap.GetPixel(x, y) != White)
                {
                    ink++;
                }
            }
        }

        return ink;
    }
}
