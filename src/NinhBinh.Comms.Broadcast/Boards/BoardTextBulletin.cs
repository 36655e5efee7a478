using System;

namespace NinhBinh.Comms.Broadcast.Boards;

/// <summary>
/// A text bulletin as a passer-by reads it on a public board: title, body, issuing agency, time of issue and an
/// optional QR code pointing to the full text. Limits keep it readable at a distance; text over them is refused with
/// the field and the limit named, before anything is sent.
/// </summary>
public sealed class BoardTextBulletin
{
    /// <summary>The longest title, in characters.</summary>
    public const int MaxTitleLength = 150;

    /// <summary>The longest body, in characters (about a screen at a readable size; link the full text with a QR code).</summary>
    public const int MaxBodyLength = 1200;

    /// <summary>The longest issuing-agency name, in characters.</summary>
    public const int MaxAgencyLength = 150;

    /// <summary>Creates a text bulletin.</summary>
    /// <param name="title">The title (1–150 characters).</param>
    /// <param name="body">The body (1–1,200 characters; line breaks are kept).</param>
    /// <param name="issuingAgency">The agency that issues it (1–150 characters).</param>
    /// <param name="issuedAt">When it was issued; shown in Vietnam time.</param>
    /// <param name="qrUrl">An absolute http(s) URL of the full text, shown as a QR code; or <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">A field is empty or over its limit, or <paramref name="qrUrl"/> is not an absolute http(s) URL; the message names the field and the limit.</exception>
    public BoardTextBulletin(string title, string body, string issuingAgency, DateTimeOffset issuedAt, Uri? qrUrl = null)
    {
        Title = Check(title, nameof(title), MaxTitleLength);
        Body = Check(body, nameof(body), MaxBodyLength);
        IssuingAgency = Check(issuingAgency, nameof(issuingAgency), MaxAgencyLength);
        if (qrUrl is not null && !(qrUrl.IsAbsoluteUri && (qrUrl.Scheme == Uri.UriSchemeHttp || qrUrl.Scheme == Uri.UriSchemeHttps)))
        {
            throw new ArgumentException($"qrUrl: '{qrUrl}' is not an absolute http(s) URL.", nameof(qrUrl));
        }

        IssuedAt = issuedAt;
        QrUrl = qrUrl;
    }

    /// <summary>The title.</summary>
    public string Title { get; }

    /// <summary>The body.</summary>
    public string Body { get; }

    /// <summary>The issuing agency.</summary>
    public string IssuingAgency { get; }

    /// <summary>When it was issued.</summary>
    public DateTimeOffset IssuedAt { get; }

    /// <summary>The URL of the full text shown as a QR code, or <see langword="null"/>.</summary>
    public Uri? QrUrl { get; }

    /// <summary>
    /// The board text of a bulletin: its title, its summary when it has one (else its body) and its issuing agency;
    /// issued at <paramref name="issuedAt"/>.
    /// </summary>
    /// <param name="bulletin">The bulletin.</param>
    /// <param name="issuedAt">When it was issued (usually now).</param>
    /// <param name="qrUrl">The URL of the full text, or <see langword="null"/>.</param>
    /// <returns>The board text.</returns>
    /// <exception cref="ArgumentException">The title, text or agency is over the board limits.</exception>
    public static BoardTextBulletin FromBulletin(Bulletin bulletin, DateTimeOffset issuedAt, Uri? qrUrl = null)
    {
        if (bulletin is null)
        {
            throw new ArgumentNullException(nameof(bulletin));
        }

        return new BoardTextBulletin(bulletin.Title, bulletin.Summary ?? bulletin.Body, bulletin.IssuingAgency, issuedAt, qrUrl);
    }

    private static string Check(string value, string field, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"{field}: is empty.", field);
        }

        var trimmed = value.Trim();
        if (trimmed.Length > max)
        {
            throw new ArgumentException($"{field}: {trimmed.Length} characters, over the limit of {max}.", field);
        }

        return trimmed;
    }
}
