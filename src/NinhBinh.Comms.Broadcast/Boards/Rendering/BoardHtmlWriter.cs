using System;
using System.Globalization;
using System.Text;

namespace NinhBinh.Comms.Broadcast.Boards.Rendering;

/// <summary>
/// The HTML page of a bulletin: self-contained (inline CSS, the QR code as inline SVG, no fonts, scripts or images
/// fetched), every box placed from <see cref="BoardLayout"/> and clipped to its lines with a "…", the text escaped.
/// </summary>
internal static class BoardHtmlWriter
{
    /// <summary>A font stack whose fonts all have the Vietnamese letters; the player picks the first it has.</summary>
    public const string FontStack = "\"Noto Sans\", \"DejaVu Sans\", Roboto, \"Segoe UI\", \"Helvetica Neue\", Arial, sans-serif";

    public static string Write(BoardTextBulletin bulletin, BoardRenderOptions options)
    {
        var layout = BoardLayout.Create(bulletin, options, (bold, size) => text => Estimate(text, size, bold));
        var title = BoardText.Clean(bulletin.Title);
        var accent = layout.Emergency ? BoardColors.EmergencyTitle : BoardColors.Title;
        var html = new StringBuilder(4096);
        html.Append("<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=").Append(Px(layout.Width)).Append(", height=").Append(Px(layout.Height)).Append("\">\n")
            .Append("<title>").Append(Escape(title)).Append("</title>\n<style>\n")
            .Append("html, body { margin: 0; padding: 0; }\n")
            .Append("body { position: relative; overflow: hidden; width: ").Append(Px(layout.Width)).Append("px; height: ").Append(Px(layout.Height))
            .Append("px; background: ").Append(BoardColors.Background).Append("; color: ").Append(BoardColors.Text).Append("; font-family: ").Append(FontStack).Append("; }\n")
            .Append(".box { position: absolute; margin: 0; overflow: hidden; overflow-wrap: anywhere; }\n")
            .Append(".clamp { display: -webkit-box; -webkit-box-orient: vertical; }\n")
            .Append(".band { left: 0; top: 0; width: 100%; display: flex; align-items: center; justify-content: center; background: ").Append(BoardColors.Band)
            .Append("; color: ").Append(BoardColors.BandText).Append("; font-weight: 700; letter-spacing: 0.08em; }\n")
            .Append(".title { font-weight: 700; color: ").Append(accent).Append("; }\n")
            .Append(".rule { background: ").Append(accent).Append("; }\n")
            .Append(".body { white-space: pre-line; }\n")
            .Append(".agency { font-weight: 700; color: ").Append(BoardColors.Footer).Append("; }\n")
            .Append(".issued { color: ").Append(BoardColors.Muted).Append("; white-space: nowrap; }\n")
            .Append(".qr-caption { color: ").Append(BoardColors.Muted).Append("; text-align: center; }\n")
            .Append(".qr svg { display: block; width: 100%; height: 100%; }\n")
            .Append("</style>\n</head>\n<body class=\"board ").Append(layout.Portrait ? "portrait" : "landscape").Append(layout.Emergency ? " emergency" : string.Empty).Append("\">\n");

        if (layout.Emergency)
        {
            html.Append("<div class=\"box band\" role=\"alert\" style=\"height: ").Append(Px(layout.BandHeight)).Append("px; font-size: ").Append(Px(layout.BandFontSize)).Append("px;\">")
                .Append(BoardLayout.EmergencyLabel).Append("</div>\n");
        }

        AppendText(html, "h1", "title", layout.Title, layout.TitleText, title);
        html.Append("<div class=\"box rule\" style=\"").Append(Style(layout.Rule)).Append("\"></div>\n");
        AppendText(html, "div", "body", layout.Body, layout.BodyText, BoardText.Clean(bulletin.Body));
        html.Append("<footer>\n");
        AppendText(html, "div", "agency", layout.Agency, layout.AgencyText, BoardText.Clean(bulletin.IssuingAgency));
        html.Append("<div class=\"box issued\" style=\"").Append(Style(layout.Issued)).Append(" font-size: ").Append(Px(layout.IssuedFontSize)).Append("px; line-height: ")
            .Append(Px(layout.Issued.Height)).Append("px;\">").Append(BoardLayout.IssuedLabel)
            .Append("<time datetime=\"").Append(VietnamTime.ToVietnamTime(bulletin.IssuedAt).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)).Append("\">")
            .Append(BoardLayout.FormatIssuedAt(bulletin.IssuedAt)).Append("</time></div>\n</footer>\n");

        if (bulletin.QrUrl is not null)
        {
            AppendText(html, "div", "qr-caption", layout.QrCaptionBox, layout.QrCaptionText, BoardLayout.QrCaption);
            html.Append("<div class=\"box qr\" style=\"").Append(Style(layout.Qr)).Append("\">");
            AppendQrSvg(html, bulletin.QrUrl, layout.QrModules!);
            html.Append("</div>\n");
        }

        return html.Append("</body>\n</html>\n").ToString();
    }

    /// <summary>Escapes text for an element or a double-quoted attribute (characters outside ASCII stay as they are: the page is UTF-8).</summary>
    public static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            _ = c switch
            {
                '&' => escaped.Append("&amp;"),
                '<' => escaped.Append("&lt;"),
                '>' => escaped.Append("&gt;"),
                '"' => escaped.Append("&quot;"),
                '\'' => escaped.Append("&#39;"),
                _ => escaped.Append(c),
            };
        }

        return escaped.ToString();
    }

    private static void AppendText(StringBuilder html, string element, string cssClass, BoardBox box, BoardTextBlock block, string text)
    {
        // The whole text goes in the page; the browser wraps it itself, clipped to the lines the layout gave it (a
        // height of exactly those lines: a taller box would still paint the lines after the clamp).
        var lines = Math.Max(1, block.Lines.Count);
        html.Append('<').Append(element).Append(" class=\"box clamp ").Append(cssClass).Append("\" style=\"left: ").Append(Px(box.Left)).Append("px; top: ")
            .Append(Px(box.Top)).Append("px; width: ").Append(Px(box.Width)).Append("px; max-height: ").Append(Px(Math.Min(box.Height, lines * block.LineHeight))).Append("px;")
            .Append(" font-size: ").Append(Px(block.FontSize)).Append("px; line-height: ").Append(Px(block.LineHeight)).Append("px; -webkit-line-clamp: ")
            .Append(lines.ToString(CultureInfo.InvariantCulture)).Append(";\">")
            .Append(Escape(text)).Append("</").Append(element).Append(">\n");
    }

    private static void AppendQrSvg(StringBuilder html, Uri url, bool[,] modules)
    {
        var size = modules.GetLength(0);
        var n = size.ToString(CultureInfo.InvariantCulture);
        html.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").Append(n).Append(' ').Append(n)
            .Append("\" shape-rendering=\"crispEdges\" role=\"img\" aria-label=\"").Append(Escape(url.AbsoluteUri)).Append("\">")
            .Append("<rect width=\"").Append(n).Append("\" height=\"").Append(n).Append("\" fill=\"#fff\"/><path fill=\"#000\" d=\"");
        for (var row = 0; row < size; row++)
        {
            var column = 0;
            while (column < size)
            {
                if (!modules[row, column])
                {
                    column++;
                    continue;
                }

                var start = column;
                while (column < size && modules[row, column])
                {
                    column++;
                }

                html.Append('M').Append(start.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(row.ToString(CultureInfo.InvariantCulture))
                    .Append('h').Append((column - start).ToString(CultureInfo.InvariantCulture)).Append("v1h-").Append((column - start).ToString(CultureInfo.InvariantCulture)).Append('z');
            }
        }

        html.Append("\"/></svg>");
    }

    private static string Style(BoardBox box) =>
        "left: " + Px(box.Left) + "px; top: " + Px(box.Top) + "px; width: " + Px(box.Width) + "px; height: " + Px(box.Height) + "px;";

    private static string Px(float value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>
    /// A cautious estimate of a line's width in a sans-serif font (no font is at hand to measure: the player picks one
    /// from the stack), wide enough that the browser's own wrapping rarely needs more lines than the layout planned.
    /// </summary>
    private static float Estimate(string text, float size, bool bold)
    {
        var width = 0f;
        foreach (var c in text)
        {
            width += c == ' ' ? 0.32f : char.IsUpper(c) ? 0.7f : char.IsDigit(c) ? 0.64f : 0.58f;
        }

        return width * size * (bold ? 1.08f : 1f);
    }
}
