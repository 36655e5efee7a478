using System;

namespace NinhBinh.Comms.Broadcast.Boards.Xibo;

/// <summary>
/// Settings of a <see cref="XiboBoardSystem"/>: where the CMS is, the client-credentials application it acts as, the
/// size of the layouts it makes and the CMS's time zone. Checked when the board system is created; a bad value throws
/// <see cref="ArgumentException"/> naming the option.
/// </summary>
public sealed class XiboOptions
{
    /// <summary>The CMS root, e.g. <c>https://cms.example.gov.vn/</c>; the API is under <c>/api</c>. Required, absolute http(s).</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>The client id of a CMS application with the client-credentials grant. Required.</summary>
    public string? ClientId { get; set; }

    /// <summary>The client secret of that application. Required; never logged and never in an exception message.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The width in pixels of the layouts made for content; 1920 by default (landscape Full HD).</summary>
    public int Width { get; set; } = 1920;

    /// <summary>The height in pixels of the layouts made for content; 1080 by default.</summary>
    public int Height { get; set; } = 1080;

    /// <summary>
    /// The CMS's <c>defaultTimezone</c>: the CMS takes and gives dates as local times without an offset in this zone.
    /// An IANA or Windows id; <c>Asia/Ho_Chi_Minh</c> (= <c>SE Asia Standard Time</c>, +07:00) by default.
    /// </summary>
    public string DefaultTimeZone { get; set; } = "Asia/Ho_Chi_Minh";

    /// <summary>How long one HTTP request may take; 30 seconds by default (more than 0, at most 10 minutes).</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The board system's name in outcomes and proof of play; <c>xibo</c> by default.</summary>
    public string Name { get; set; } = "xibo";

    internal void Validate()
    {
        if (BaseUrl is null)
        {
            throw new ArgumentException("Xibo BaseUrl: is missing (the CMS root, e.g. https://cms.example.gov.vn/).", nameof(BaseUrl));
        }

        if (!BaseUrl.IsAbsoluteUri || (BaseUrl.Scheme != Uri.UriSchemeHttp && BaseUrl.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"Xibo BaseUrl: '{BaseUrl}' is not an absolute http(s) URL.", nameof(BaseUrl));
        }

        if (string.IsNullOrWhiteSpace(ClientId))
        {
            throw new ArgumentException("Xibo ClientId: is missing (the client id of a CMS application with client credentials).", nameof(ClientId));
        }

        if (string.IsNullOrWhiteSpace(ClientSecret))
        {
            throw new ArgumentException("Xibo ClientSecret: is missing.", nameof(ClientSecret));
        }

        if (Width is < 100 or > 10000)
        {
            throw new ArgumentException($"Xibo Width: {Width} is outside 100 to 10000 pixels.", nameof(Width));
        }

        if (Height is < 100 or > 10000)
        {
            throw new ArgumentException($"Xibo Height: {Height} is outside 100 to 10000 pixels.", nameof(Height));
        }

        if (RequestTimeout <= TimeSpan.Zero || RequestTimeout > TimeSpan.FromMinutes(10))
        {
            throw new ArgumentException($"Xibo RequestTimeout: {RequestTimeout} must be more than 0 and at most 10 minutes.", nameof(RequestTimeout));
        }

        if (string.IsNullOrWhiteSpace(Name))
        {
            throw new ArgumentException("Xibo Name: is empty.", nameof(Name));
        }

        _ = XiboWire.FindTimeZone(DefaultTimeZone);
    }
}
