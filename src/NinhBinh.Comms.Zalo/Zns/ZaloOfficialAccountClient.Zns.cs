using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using NinhBinh.Comms.Internal;
using NinhBinh.Comms.Zalo.Internal;

namespace NinhBinh.Comms.Zalo;

/// <content>ZNS / ZBS template messages by phone number, on the business API (<see cref="ZaloClientOptions.BusinessApiBaseUrl"/>).</content>
public partial class ZaloOfficialAccountClient
{
    /// <summary>
    /// Sends a ZNS / ZBS template message to a phone number. Before the message is sent: the phone number is
    /// normalized to <c>84…</c> (<see cref="ZaloPhoneNumbers"/>), the tracking id is checked (required, at most 48
    /// characters), and <see cref="ZaloZnsRequest.TemplateData"/> is checked against the template's parameters
    /// (unknown, missing, wrong type, too long) as <see cref="GetZnsTemplateAsync"/> describes them. Sent at most once.
    /// </summary>
    /// <param name="request">The message.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Zalo's message id, and the OA's remaining daily quota.</returns>
    /// <exception cref="ArgumentException">
    /// The phone number (<c>phone</c>), template id (<c>templateId</c>), tracking id (<c>trackingId</c>) or template data
    /// (<c>templateData</c>) is invalid; nothing was sent. The message names the field and the limit, never the phone number.
    /// </exception>
    /// <exception cref="ZaloNightBanException">-133: the template is not sent between 22:00 and 06:00 Vietnam time.</exception>
    /// <exception cref="ZaloQuotaExhaustedException">-144: the OA used up its daily quota (or -115: its balance).</exception>
    /// <exception cref="ZaloInvalidRequestException">Zalo refused the phone number, template or data (-108 … -146).</exception>
    /// <exception cref="ZaloOutcomeUnknownException">The message may have reached Zalo but no answer came (never sent twice).</exception>
    public virtual async Task<ZaloZnsResult> SendZnsAsync(ZaloZnsRequest request, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(request);
        var phone = ZaloPhoneNumbers.Normalize(request.Phone);
        var templateId = ZnsRules.CheckTemplateId(request.TemplateId);
        var trackingId = ZnsRules.CheckTrackingId(request.TrackingId);
        var template = await GetZnsTemplateAsync(templateId, cancellationToken).ConfigureAwait(false);
        ZnsRules.CheckTemplateData(template, request.TemplateData);

        var body = new ZnsSendRequest
        {
            Phone = phone,
            TemplateId = templateId,
            TemplateData = new Dictionary<string, string>(request.TemplateData, StringComparer.Ordinal),
            TrackingId = trackingId,
            Mode = request.Development ? "development" : null,
        };
        ZnsSendData? data;
        try
        {
            data = await _core.CallAsync(OaId, ZaloEndpoint.SendZnsTemplate.Name, true, (Api: _core.Business, Body: body),
                static (s, token, proof, ct) => s.Api.SendTemplateAsync(s.Body, token, proof, ct), cancellationToken).ConfigureAwait(false);
        }
        catch (ZaloException ex) when (ex.ZaloCode is -109 or -111 or -112 or -1121 or -131 or -146)
        {
            // The template may have changed since it was described: describe it again next time.
            _core.ZnsTemplates.Remove(OaId, templateId);
            throw;
        }
        catch (ZaloNightBanException ex) when (ex.ZaloCode == ZaloErrorCodes.ZnsNightBan)
        {
            var now = VietnamTime.ToVietnamTime(_core.Time.GetUtcNow());
            var six = now.Date.AddHours(now.Hour >= 6 ? 30 : 6);
            throw new ZaloNightBanException(ex.ZaloCode,
                $"{ex.Message} ZNS template messages are not delivered between 22:00 and 06:00 Vietnam time (it is {now.ToString("HH:mm", CultureInfo.InvariantCulture)} there now): send again from 06:00, in {Span(six - now.DateTime)}.",
                ex)
            { Status = ex.Status };
        }
        catch (ZaloQuotaExhaustedException ex) when (ex.ZaloCode == ZaloErrorCodes.ZnsDailyLimit)
        {
            var now = VietnamTime.ToVietnamTime(_core.Time.GetUtcNow());
            var midnight = now.Date.AddDays(1);
            throw new ZaloQuotaExhaustedException(ex.ZaloCode,
                $"{ex.Message} OA {OaId} has sent as many ZNS template messages today as its daily quota allows (GetZnsQuotaAsync shows it); the quota starts again at 00:00 Vietnam time, in {Span(midnight - now.DateTime)}.",
                ex)
            { Status = ex.Status };
        }

        if (data?.MessageId is not { Length: > 0 } messageId)
        {
            throw MissingData(ZaloEndpoint.SendZnsTemplate.Name);
        }

        var quota = data.Quota is { DailyQuota: { } daily, RemainingQuota: { } remaining } ? new ZaloZnsQuota(daily, remaining) : null;
        return new ZaloZnsResult(messageId, ZaloDates.ParseInstant(data.SentTime), quota);
    }

    /// <summary>
    /// Describes a ZNS / ZBS template: its status and parameters (<c>template/info/v2</c>). Descriptions are kept per
    /// OA for 30 minutes on the app's clock, so a run of sends makes one request; a send Zalo refuses because of the
    /// template (-109, -111, -112, -1121, -131, -146) drops the description.
    /// </summary>
    /// <param name="templateId">The template's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The template.</returns>
    public virtual async Task<ZaloZnsTemplate> GetZnsTemplateAsync(string templateId, CancellationToken cancellationToken = default)
    {
        ZnsRules.CheckTemplateId(templateId);
        if (_core.ZnsTemplates.TryGet(OaId, templateId, out var cached))
        {
            return cached;
        }

        var data = await _core.CallAsync(OaId, ZaloEndpoint.ZnsTemplateInfo.Name, false, (Api: _core.Business, Id: templateId),
            static (s, token, proof, ct) => s.Api.GetTemplateInfoAsync(s.Id, token, proof, ct), cancellationToken).ConfigureAwait(false)
            ?? throw MissingData(ZaloEndpoint.ZnsTemplateInfo.Name);
        var template = ZnsRules.ToTemplate(templateId, data);
        _core.ZnsTemplates.Set(OaId, templateId, template);
        return template;
    }

    /// <summary>Gets whether a ZNS / ZBS template message reached the recipient's phone.</summary>
    /// <param name="messageId">The id <see cref="SendZnsAsync"/> returned.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The status.</returns>
    public virtual async Task<ZaloZnsMessageStatus> GetZnsMessageStatusAsync(string messageId, CancellationToken cancellationToken = default)
    {
        Guard.NotNullOrWhiteSpace(messageId);
        var data = await _core.CallAsync(OaId, ZaloEndpoint.ZnsMessageStatus.Name, false, (Api: _core.Business, Id: messageId),
            static (s, token, proof, ct) => s.Api.GetMessageStatusAsync(s.Id, token, proof, ct), cancellationToken).ConfigureAwait(false)
            ?? throw MissingData(ZaloEndpoint.ZnsMessageStatus.Name);
        var delivered = data.Status == 1;
        return new ZaloZnsMessageStatus(messageId, delivered, delivered ? ZaloDates.ParseInstant(data.DeliveryTime) : null,
            string.IsNullOrEmpty(data.Message) ? null : Redaction.Scrub(data.Message));
    }

    /// <summary>Gets the OA's daily ZNS / ZBS template message quota and what is left of it today.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The quota.</returns>
    public virtual async Task<ZaloZnsQuota> GetZnsQuotaAsync(CancellationToken cancellationToken = default)
    {
        var data = await _core.CallAsync(OaId, ZaloEndpoint.ZnsQuota.Name, false, _core.Business,
            static (api, token, proof, ct) => api.GetQuotaAsync(token, proof, ct), cancellationToken).ConfigureAwait(false)
            ?? throw MissingData(ZaloEndpoint.ZnsQuota.Name);
        return new ZaloZnsQuota(data.DailyQuota ?? 0, data.RemainingQuota ?? 0);
    }

    private static string Span(TimeSpan span)
        => span.Hours > 0
            ? $"{span.Hours.ToString(CultureInfo.InvariantCulture)} h {span.Minutes.ToString(CultureInfo.InvariantCulture)} min"
            : $"{Math.Max(1, span.Minutes).ToString(CultureInfo.InvariantCulture)} min";
}
