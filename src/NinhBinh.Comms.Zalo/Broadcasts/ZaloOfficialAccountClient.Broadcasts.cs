using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NinhBinh.Comms.Zalo.Internal;

namespace NinhBinh.Comms.Zalo;

/// <summary>Broadcasts of articles to the OA's followers (<c>POST /v2.0/oa/message</c>).</summary>
public partial class ZaloOfficialAccountClient
{
    /// <summary>
    /// Broadcasts a published article to the OA's followers who match <paramref name="target"/>. The target is
    /// checked before anything is sent and written in <see cref="ZaloClientOptions.BroadcastTargetEncoding"/>. A
    /// broadcast is at most once: it is never repeated once it may have reached Zalo.
    /// </summary>
    /// <param name="articleId">The id of an article of this OA (the id its verification gave, not the creation token).</param>
    /// <param name="target">Which followers; every follower when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Zalo's message id of the broadcast. Zalo does not say how many followers it reached.</returns>
    /// <exception cref="ArgumentException"><paramref name="articleId"/> is empty or <paramref name="target"/> is invalid; the message names every bad field.</exception>
    /// <exception cref="ZaloInvalidRequestException">Zalo refused the article or the target (-201, -210).</exception>
    /// <exception cref="ZaloQuotaExhaustedException">The OA's broadcast quota is used up (-211).</exception>
    /// <exception cref="ZaloOutcomeUnknownException">The broadcast may have reached Zalo but no answer came (never repeated then).</exception>
    public virtual async Task<ZaloBroadcastResult> BroadcastArticleAsync(string articleId, ZaloBroadcastTarget? target = null, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(articleId))
        {
            throw new ArgumentException("articleId is empty; give the id the article's verification returned.", nameof(articleId));
        }

        var encoding = _core.Options.BroadcastTargetEncoding;
        if (target is not null)
        {
            var provinces = new HashSet<string>(
                AdministrativeUnitRegistry.Default.GetProvinces(_core.Time.GetVietnamToday()).Select(p => p.Code), StringComparer.Ordinal);
            var problems = ZaloBroadcastWire.Check(target, encoding, provinces);
            if (problems.Count > 0)
            {
                throw new ArgumentException("The broadcast target is invalid: " + string.Join(" ", problems), nameof(target));
            }
        }

        var body = new SendMessageRequest
        {
            Recipient = new RecipientDto { Target = ZaloBroadcastWire.Encode(target, encoding) },
            Message = new MessageDto
            {
                Attachment = new AttachmentDto
                {
                    Payload = new PayloadDto
                    {
                        TemplateType = "media",
                        Elements = [new ElementDto { MediaType = "article", AttachmentId = articleId }],
                    },
                },
            },
        };
        var data = await _core.CallAsync(OaId, ZaloEndpoint.Broadcast.Name, true, (Api: _core.OpenApi, Body: body),
            static (s, token, proof, ct) => s.Api.ExchangeMessageAsync(ZaloEndpoint.Broadcast, s.Body, token, proof, ct),
            static (_, response) => ZaloDirectCalls.ReadMessageAnswer(response, ZaloEndpoint.Broadcast),
            static (_, answer) => answer,
            cancellationToken).ConfigureAwait(false);
        if (data?.MessageId is not { Length: > 0 } messageId)
        {
            throw MissingData(ZaloEndpoint.Broadcast.Name);
        }

        ZaloLog.Broadcasted(_core.Logger, OaId, articleId, messageId);
        return new ZaloBroadcastResult(messageId, articleId);
    }
}
