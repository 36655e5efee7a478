using System;
using System.Collections.Generic;
using SkiaSharp;

namespace NinhBinh.Comms.Broadcast.Boards.Rendering;

/// <summary>
/// Draws a bulletin into a PNG with SkiaSharp and the bundled DejaVu Sans: the <see cref="BoardLayout"/> measured
/// with the real font, text NFC-normalised (precomposed Vietnamese letters; no shaping engine is needed), each line
/// inside its box.
/// </summary>
internal static class BoardPngPainter
{
    private static readonly SKPngEncoderOptions PngOptions = new(SKPngEncoderFilterFlags.Sub, 3);

    /// <summary>The layout <see cref="Paint"/> draws, measured with the bundled fonts.</summary>
    public static BoardLayout Measure(BoardTextBulletin bulletin, BoardRenderOptions options)
    {
        using var fonts = new FontCache();
        return Measure(bulletin, options, fonts);
    }

    public static byte[] Paint(BoardTextBulletin bulletin, BoardRenderOptions options)
    {
        using var fonts = new FontCache();
        var layout = Measure(bulletin, options, fonts);

        var info = new SKImageInfo(layout.Width, layout.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var surface = SKSurface.Create(info) ?? throw new InvalidOperationException($"SkiaSharp could not create a {layout.Width}×{layout.Height} surface.");
        var canvas = surface.Canvas;
        canvas.Clear(SKColor.Parse(BoardColors.Background));
        using var paint = new SKPaint { IsAntialias = true };
        var accent = SKColor.Parse(layout.Emergency ? BoardColors.EmergencyTitle : BoardColors.Title);

        if (layout.Emergency)
        {
            paint.Color = SKColor.Parse(BoardColors.Band);
            canvas.DrawRect(0, 0, layout.Width, layout.BandHeight, paint);
            paint.Color = SKColor.Parse(BoardColors.BandText);
            var font = fonts.Get(true, layout.BandFontSize);
            var metrics = font.Metrics;
            var baseline = (layout.BandHeight - (metrics.Descent - metrics.Ascent)) / 2 - metrics.Ascent;
            canvas.DrawText(BoardLayout.EmergencyLabel, layout.Width / 2f, baseline, SKTextAlign.Center, font, paint);
        }

        DrawBlock(canvas, paint, fonts, accent, bold: true, layout.Title, layout.TitleText);
        paint.Color = accent;
        canvas.DrawRect(layout.Rule.Left, layout.Rule.Top, layout.Rule.Width, layout.Rule.Height, paint);
        DrawBlock(canvas, paint, fonts, SKColor.Parse(BoardColors.Text), bold: false, layout.Body, layout.BodyText);
        DrawBlock(canvas, paint, fonts, SKColor.Parse(BoardColors.Footer), bold: true, layout.Agency, layout.AgencyText);
        paint.Color = SKColor.Parse(BoardColors.Muted);
        var issuedFont = fonts.Get(false, layout.IssuedFontSize);
        canvas.DrawText(layout.IssuedText, layout.Issued.Left, Baseline(issuedFont, layout.Issued.Top, layout.Issued.Height), SKTextAlign.Left, issuedFont, paint);

        if (bulletin.QrUrl is not null)
        {
            DrawBlock(canvas, paint, fonts, SKColor.Parse(BoardColors.Muted), bold: false, layout.QrCaptionBox, layout.QrCaptionText, centred: true);
            DrawQr(canvas, paint, layout.QrModules!, layout.Qr);
        }

        // The "sub" filter alone at zlib level 3: a board page is mostly flat colour, and this is about 5 times faster
        // than every filter at level 6 (Skia's default) for about 15 % more bytes (measured: benchmarks/README.md).
        using var pixels = surface.PeekPixels() ?? throw new InvalidOperationException("SkiaSharp could not read the drawn pixels.");
        using var png = pixels.Encode(PngOptions) ?? throw new InvalidOperationException("SkiaSharp could not encode the PNG.");
        return png.ToArray();
    }

    private static BoardLayout Measure(BoardTextBulletin bulletin, BoardRenderOptions options, FontCache fonts) =>
        BoardLayout.Create(bulletin, options, (bold, size) =>
        {
            var font = fonts.Get(bold, size);
            return text => font.MeasureText(text);
        });

    private static void DrawBlock(SKCanvas canvas, SKPaint paint, FontCache fonts, SKColor color, bool bold, BoardBox box, BoardTextBlock block, bool centred = false)
    {
        paint.Color = color;
        var font = fonts.Get(bold, block.FontSize);
        for (var i = 0; i < block.Lines.Count; i++)
        {
            var baseline = Baseline(font, box.Top + (i * block.LineHeight), block.LineHeight);
            if (centred)
            {
                canvas.DrawText(block.Lines[i], box.Left + (box.Width / 2), baseline, SKTextAlign.Center, font, paint);
            }
            else
            {
                canvas.DrawText(block.Lines[i], box.Left, baseline, SKTextAlign.Left, font, paint);
            }
        }
    }

    /// <summary>The baseline that centres the font's ascent and descent in a line box.</summary>
    private static float Baseline(SKFont font, float top, float lineHeight)
    {
        var metrics = font.Metrics;
        return top + ((lineHeight - (metrics.Descent - metrics.Ascent)) / 2) - metrics.Ascent;
    }

    private static void DrawQr(SKCanvas canvas, SKPaint paint, bool[,] modules, BoardBox box)
    {
        // Whole pixels per module (the layout made the square a multiple of the module count), sharp edges.
        var count = modules.GetLength(0);
        var module = (int)Math.Round(box.Width / count);
        var side = module * count;
        var left = (float)Math.Round(box.Left);
        var top = (float)Math.Round(box.Top);
        paint.IsAntialias = false;
        paint.Color = SKColors.White;
        canvas.DrawRect(left, top, side, side, paint);
        paint.Color = SKColors.Black;
        for (var row = 0; row < count; row++)
        {
            for (var column = 0; column < count; column++)
            {
                if (modules[row, column])
                {
                    canvas.DrawRect(left + (column * module), top + (row * module), module, module, paint);
                }
            }
        }

        paint.IsAntialias = true;
    }

    /// <summary>The fonts one rendering uses, by weight and size; disposed with it.</summary>
    private sealed class FontCache : IDisposable
    {
        private readonly Dictionary<(bool Bold, float Size), SKFont> _fonts = new();

        public SKFont Get(bool bold, float size)
        {
            if (!_fonts.TryGetValue((bold, size), out var font))
            {
                font = BoardFonts.CreateFont(bold, size);
                _fonts[(bold, size)] = font;
            }

            return font;
        }

        public void Dispose()
        {
            foreach (var font in _fonts.Values)
            {
                font.Dispose();
            }
        }
    }
}
