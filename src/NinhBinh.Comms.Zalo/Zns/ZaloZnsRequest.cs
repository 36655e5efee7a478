using System;
using System.Collections.Generic;
using NinhBinh.Comms.Internal;

namespace NinhBinh.Comms.Zalo;

/// <summary>
/// A ZNS / ZBS template message to one phone number. Everything is checked by
/// <see cref="ZaloOfficialAccountClient.SendZnsAsync"/> before the message is sent: the phone number (normalized with
/// <see cref="ZaloPhoneNumbers"/>), the tracking id, and the template data against the template's parameters.
/// </summary>
/// <example>
/// <code>
/// var request = new ZaloZnsRequest("0912 345 678", "231245", "hs-2026-0042")
/// {
///     TemplateData = { ["ten"] = "Nguyễn Văn An", ["ngay_hen"] = "28/11/2026" },
/// };
/// var sent = await oa.SendZnsAsync(request);
/// </code>
/// </example>
public sealed class ZaloZnsRequest
{
    /// <summary>The longest tracking id Zalo accepts: 48 characters.</summary>
    public const int MaxTrackingIdLength = 48;

    /// <summary>Creates a request.</summary>
    /// <param name="phone">The recipient's Vietnamese mobile number: <c>0…</c>, <c>+84…</c> or <c>84…</c> (checked when sent).</param>
    /// <param name="templateId">The approved template's id.</param>
    /// <param name="trackingId">Your own id of this send (1–48 characters), returned in delivery webhooks.</param>
    public ZaloZnsRequest(string phone, string templateId, string trackingId)
    {
        Phone = Guard.NotNull(phone);
        TemplateId = Guard.NotNull(templateId);
        TrackingId = Guard.NotNull(trackingId);
    }

    /// <summary>The recipient's phone number as given.</summary>
    public string Phone { get; }

    /// <summary>The template's id.</summary>
    public string TemplateId { get; }

    /// <summary>Your own id of this send (required, at most <see cref="MaxTrackingIdLength"/> characters).</summary>
    public string TrackingId { get; }

    /// <summary>The template's parameters by name (<c>template_data</c>).</summary>
    public IDictionary<string, string> TemplateData { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// Sends in development mode (<c>mode: "development"</c>): for testing a template with the OA's own admins,
    /// without charge.
    /// </summary>
    public bool Development { get; set; }
}
