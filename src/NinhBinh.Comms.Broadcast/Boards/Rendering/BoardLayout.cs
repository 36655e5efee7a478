using System;
using System.Globalization;

namespace NinhBinh.Comms.Broadcast.Boards.Rendering;

/// <summary>
/// Where everything goes on a board page, shared by the HTML and the PNG renderer. Sizes scale with the shorter side
/// of the page. Top to bottom: the emergency band ("KHẨN CẤP"), the title (bold, up to 3 lines, 4 in portrait), a
/// rule, the body (as large as fits), then at the bottom the issuing agency and the time of issue, with the QR code at
/// the bottom right. Landscape: the body is a column beside the QR code, down to the footer. Portrait: the body takes
/// the full width and ends above the QR code. Everything stays inside the margins.
/// </summary>
internal sealed class BoardLayout
{
    /// <summary>The band's label in an emergency.</summary>
    public const string EmergencyLabel = "KHẨN CẤP";

    /// <summary>The caption above the QR code.</summary>
    public const string QrCaption = "Quét mã QR để đọc toàn văn";

    /// <summary>The label before the time of issue.</summary>
    public const string IssuedLabel = "Ban hành lúc ";

    /// <summary>How the time of issue is written (Vietnam time).</summary>
    public const string TimeFormat = "HH:mm dd/MM/yyyy";

    /// <summary>Line height of the body as a multiple of its font size.</summary>
    public const float BodyLineSpacing = 1.35f;

    /// <summary>Line height of the title, the agency and the captions as a multiple of their font size.</summary>
    public const float TightLineSpacing = 1.22f;

    private BoardLayout(BoardRenderOptions options, bool[,]? qrModules)
    {
        var hasQr = qrModules is not null;
        QrModules = qrModules;
        Width = options.Width;
        Height = options.Height;
        Portrait = options.IsPortrait;
        Emergency = options.Emergency;
        HasQr = hasQr;
        Unit = Math.Min(Width, Height) / 100f;
        Margin = 5 * Unit;
        Gap = 3 * Unit;
        BandHeight = Emergency ? 12 * Unit : 0;
        if (qrModules is not null)
        {
            // A whole number of pixels per module, so the code has sharp edges in the PNG.
            var count = qrModules.GetLength(0);
            var module = Math.Max(1, (int)Math.Floor((Portrait ? 30 : 28) * Unit / count));
            QrSize = module * count;
        }
        RuleThickness = Math.Max(2, 0.6f * Unit);
    }

    public int Width { get; }

    public int Height { get; }

    public bool Portrait { get; }

    public bool Emergency { get; }

    public bool HasQr { get; }

    /// <summary>One hundredth of the shorter side: every size is a multiple of it.</summary>
    public float Unit { get; }

    public float Margin { get; }

    public float Gap { get; }

    public float BandHeight { get; }

    public float BandFontSize => BandHeight * 0.5f;

    /// <summary>The side of the QR code's square (with its quiet zone), a whole number of pixels per module; 0 without one.</summary>
    public float QrSize { get; }

    /// <summary>The QR code's modules, or <see langword="null"/> without one.</summary>
    public bool[,]? QrModules { get; }

    public float RuleThickness { get; }

    public BoardBox Title { get; private set; }

    public BoardTextBlock TitleText { get; private set; } = null!;

    /// <summary>The rule under the title (top edge, left, width).</summary>
    public BoardBox Rule { get; private set; }

    public BoardBox Body { get; private set; }

    public BoardTextBlock BodyText { get; private set; } = null!;

    public BoardBox Agency { get; private set; }

    public BoardTextBlock AgencyText { get; private set; } = null!;

    public BoardBox Issued { get; private set; }

    public string IssuedText { get; private set; } = string.Empty;

    public float IssuedFontSize => 3.2f * Unit;

    public BoardBox QrCaptionBox { get; private set; }

    public BoardTextBlock QrCaptionText { get; private set; } = null!;

    /// <summary>The QR code's square (with its quiet zone).</summary>
    public BoardBox Qr { get; private set; }

    /// <summary>Lays out <paramref name="bulletin"/>.</summary>
    /// <param name="bulletin">The bulletin.</param>
    /// <param name="options">The page.</param>
    /// <param name="measurer">Measures a line's width: (bold, size) to a measuring function.</param>
    public static BoardLayout Create(BoardTextBulletin bulletin, BoardRenderOptions options, Func<bool, float, Func<string, float>> measurer)
    {
        var layout = new BoardLayout(options, bulletin.QrUrl is null ? null : BoardQrCode.Modules(bulletin.QrUrl));
        layout.Arrange(bulletin, measurer);
        return layout;
    }

    /// <summary>The time of issue in Vietnam time, as the board shows it.</summary>
    public static string FormatIssuedAt(DateTimeOffset issuedAt) =>
        VietnamTime.ToVietnamTime(issuedAt).ToString(TimeFormat, CultureInfo.InvariantCulture);

    private void Arrange(BoardTextBulletin bulletin, Func<bool, float, Func<string, float>> measurer)
    {
        var u = Unit;
        var left = Margin;
        var contentWidth = Width - (2 * Margin);
        var top = BandHeight + Margin;
        var bottom = Height - Margin;

        // Footer: agency (bold, up to 2 lines) over the time of issue, left of the QR code.
        var footerWidth = contentWidth - (HasQr ? QrSize + Margin : 0);
        AgencyText = BoardTextBlock.Fit(BoardText.Clean(bulletin.IssuingAgency), footerWidth, 2 * 4f * u * TightLineSpacing, 4f * u, 3f * u, TightLineSpacing, 2, s => measurer(true, s));
        IssuedText = IssuedLabel + FormatIssuedAt(bulletin.IssuedAt);
        var issuedHeight = IssuedFontSize * TightLineSpacing;
        var footerTop = bottom - issuedHeight - AgencyText.Height;
        Agency = new BoardBox(left, footerTop, footerWidth, AgencyText.Height);
        Issued = new BoardBox(left, footerTop + AgencyText.Height, footerWidth, issuedHeight);

        // QR code at the bottom right, its caption above it.
        var qrBlockTop = bottom;
        if (HasQr)
        {
            QrCaptionText = BoardTextBlock.Fit(QrCaption, QrSize, 2 * 2.4f * u * TightLineSpacing, 2.4f * u, 1.8f * u, TightLineSpacing, 2, s => measurer(false, s));
            Qr = new BoardBox((float)Math.Floor(Width - Margin - QrSize), (float)Math.Floor(bottom - QrSize), QrSize, QrSize);
            QrCaptionBox = new BoardBox(Qr.Left, Qr.Top - (0.5f * Gap) - QrCaptionText.Height, QrSize, QrCaptionText.Height);
            qrBlockTop = QrCaptionBox.Top;
        }
        else
        {
            QrCaptionText = BoardTextBlock.Fit(QrCaption, 1, 0, 1, 1, 1, 0, s => measurer(false, s));
        }

        // Title across the page, at most a third of the room.
        var room = bottom - top;
        TitleText = BoardTextBlock.Fit(BoardText.Clean(bulletin.Title), contentWidth, room * 0.34f, 7.5f * u, 5f * u, TightLineSpacing, Portrait ? 4 : 3, s => measurer(true, s));
        Title = new BoardBox(left, top, contentWidth, TitleText.Height);
        Rule = new BoardBox(left, Title.Bottom + (0.5f * Gap) - (RuleThickness / 2), contentWidth, RuleThickness);

        // Body: landscape beside the QR code down to the footer; portrait full width down to the QR code.
        var bodyTop = Title.Bottom + Gap;
        float bodyWidth;
        float bodyBottom;
        if (Portrait)
        {
            bodyWidth = contentWidth;
            bodyBottom = Math.Min(footerTop, qrBlockTop) - Gap;
        }
        else
        {
            bodyWidth = footerWidth;
            bodyBottom = footerTop - Gap;
        }

        var bodyHeight = Math.Max(0, bodyBottom - bodyTop);
        BodyText = BoardTextBlock.Fit(BoardText.Clean(bulletin.Body), bodyWidth, bodyHeight, 5.5f * u, Math.Max(12, 3f * u), BodyLineSpacing, int.MaxValue, s => measurer(false, s));
        Body = new BoardBox(left, bodyTop, bodyWidth, bodyHeight);
    }
}
