using System;
using System.Net;
using System.Text;

namespace NinhBinh.Comms.Broadcast.Boards;

/// <summary>Renders a text bulletin as board content: an HTML page for players that show web pages, a PNG for those that do not.</summary>
public static class BoardRenderer
{
    /// <summary>Renders <paramref name="bulletin"/> as a self-contained HTML page (UTF-8, no external resources).</summary>
    /// <param name="bulletin">The bulletin.</param>
    /// <param name="options">Size and style; defaults when <see langword="null"/>.</param>
    /// <returns>The HTML.</returns>
    public static string RenderHtml(BoardTextBulletin bulletin, BoardRenderOptions? options = null)
    {
        // PLACEHOLDER until the renderer lands (issue 8, rendering): plain markup.
        if (bulletin is null)
        {
            throw new ArgumentNullException(nameof(bulletin));
        }

        var html = new StringBuilder("<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"></head><body>");
        html.Append("<h1>").Append(WebUtility.HtmlEncode(bulletin.Title)).Append("</h1><p>").Append(WebUtility.HtmlEncode(bulletin.Body))
            .Append("</p><footer>").Append(WebUtility.HtmlEncode(bulletin.IssuingAgency)).Append("</footer></body></html>");
        return html.ToString();
    }

    /// <summary>Renders <paramref name="bulletin"/> as a PNG image of the given size.</summary>
    /// <param name="bulletin">The bulletin.</param>
    /// <param name="options">Size and style; defaults when <see langword="null"/>.</param>
    /// <returns>The PNG bytes.</returns>
    public static byte[] RenderPng(BoardTextBulletin bulletin, BoardRenderOptions? options = null)
    {
        // PLACEHOLDER until the renderer lands (issue 8, rendering): a 1×1 white PNG.
        if (bulletin is null)
        {
            throw new ArgumentNullException(nameof(bulletin));
        }

        return Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4//8/AAX+Av4N70a4AAAAAElFTkSuQmCC");
    }
}
