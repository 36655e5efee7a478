using System;
using System.Globalization;
using NinhBinh.Comms.Broadcast.Boards.Rendering;

namespace NinhBinh.Comms.Broadcast.Boards;

/// <summary>
/// Renders a text bulletin as board content that a passer-by can read at a distance: an HTML page for players that
/// show web pages, a PNG for those that do not. Both show the title, the body (line breaks kept), the issuing agency,
/// the time of issue in Vietnam time (<c>HH:mm dd/MM/yyyy</c>) and, when <see cref="BoardTextBulletin.QrUrl"/> is
/// set, a QR code of the full text's URL; in landscape or portrait (from <see cref="BoardRenderOptions.Width"/> and
/// <see cref="BoardRenderOptions.Height"/>), with a red "KHẨN CẤP" band when <see cref="BoardRenderOptions.Emergency"/>.
/// Text sizes scale with the page; the body is drawn as large as fits, and cut with "…" at its smallest size.
/// </summary>
/// <remarks>Thread-safe: both methods are pure functions of their arguments.</remarks>
public static class BoardRenderer
{
    /// <summary>The smallest width or height, in pixels.</summary>
    public const int MinimumSize = 320;

    /// <summary>The largest width or height, in pixels (8K).</summary>
    public const int MaximumSize = 7680;

    /// <summary>
    /// Renders <paramref name="bulletin"/> as a self-contained HTML page: UTF-8, <c>lang="vi"</c>, inline CSS only, the
    /// QR code as inline SVG; no fonts, scripts or images are fetched. The text uses a font stack whose fonts have the
    /// Vietnamese letters (Noto Sans, DejaVu Sans, Roboto, Segoe UI, Arial) and is HTML-escaped, so markup in it shows
    /// as text. The page is laid out for exactly <see cref="BoardRenderOptions.Width"/> ×
    /// <see cref="BoardRenderOptions.Height"/> CSS pixels.
    /// </summary>
    /// <param name="bulletin">The bulletin.</param>
    /// <param name="options">Size and style; defaults when <see langword="null"/>.</param>
    /// <returns>The HTML.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="bulletin"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The width or height is outside 320–7680 pixels; the message names the field.</exception>
    public static string RenderHtml(BoardTextBulletin bulletin, BoardRenderOptions? options = null)
    {
        if (bulletin is null)
        {
            throw new ArgumentNullException(nameof(bulletin));
        }

        return BoardHtmlWriter.Write(bulletin, Validate(options));
    }

    /// <summary>
    /// Renders <paramref name="bulletin"/> as a PNG image of exactly <see cref="BoardRenderOptions.Width"/> ×
    /// <see cref="BoardRenderOptions.Height"/> pixels, drawn with SkiaSharp and the bundled DejaVu Sans (every
    /// Vietnamese letter; no system font needed). Text is NFC-normalised before drawing, so decomposed input (a letter
    /// followed by combining marks) draws the same as precomposed input. Characters the font lacks (emoji, CJK) draw
    /// as empty boxes.
    /// </summary>
    /// <param name="bulletin">The bulletin.</param>
    /// <param name="options">Size and style; defaults when <see langword="null"/>.</param>
    /// <returns>The PNG bytes.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="bulletin"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The width or height is outside 320–7680 pixels; the message names the field.</exception>
    public static byte[] RenderPng(BoardTextBulletin bulletin, BoardRenderOptions? options = null)
    {
        if (bulletin is null)
        {
            throw new ArgumentNullException(nameof(bulletin));
        }

        return BoardPngPainter.Paint(bulletin, Validate(options));
    }

    private static BoardRenderOptions Validate(BoardRenderOptions? options)
    {
        options ??= new BoardRenderOptions();
        Check(options.Width, "options.Width");
        Check(options.Height, "options.Height");
        return options;
    }

    private static void Check(int value, string field)
    {
        if (value < MinimumSize || value > MaximumSize)
        {
            throw new ArgumentOutOfRangeException(field, value, string.Format(CultureInfo.InvariantCulture, "{0}: {1} pixels is outside {2}–{3}.", field, value, MinimumSize, MaximumSize));
        }
    }
}
