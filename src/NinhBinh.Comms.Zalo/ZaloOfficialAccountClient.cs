using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using NinhBinh.Comms.Internal;
using NinhBinh.Comms.Zalo.Internal;

namespace NinhBinh.Comms.Zalo;

/// <summary>
/// The client of one Zalo Official Account: messages, followers, tags, quota and OA information. Get one from
/// <see cref="IZaloClientFactory.GetClient"/>. Thread-safe; tokens are refreshed for you (see the token lifecycle
/// article). Every method checks its arguments before any request, and every Zalo error surfaces as a
/// <see cref="ZaloException"/> (never a <see langword="null"/>).
/// </summary>
/// <remarks>
/// Message sends are at most once: once a send may have reached Zalo, it is never retried; a transport failure then
/// is a <see cref="ZaloOutcomeUnknownException"/>.
/// </remarks>
public partial class ZaloOfficialAccountClient
{
    private readonly ZaloClientCore _core = null!;

    internal ZaloOfficialAccountClient(string oaId, ZaloClientCore core)
    {
        OaId = oaId;
        _core = core;
    }

    /// <summary>For mocking frameworks only.</summary>
    protected ZaloOfficialAccountClient()
    {
        OaId = string.Empty;
    }

    /// <summary>The OA id.</summary>
    public virtual string OaId { get; }

    /// <summary>Sends a consultation (customer-care) message; allowed within 7 days of the user's last interaction.</summary>
    /// <param name="recipient">A follower or an anonymous visitor.</param>
    /// <param name="message">The content.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Zalo's message id.</returns>
    /// <exception cref="ZaloInteractionWindowException">The user has not interacted within the window (-230/-232).</exception>
    public virtual Task<ZaloMessageResult> SendConsultationAsync(ZaloRecipient recipient, ZaloMessage message, CancellationToken cancellationToken = default)
        => SendAsync("cs", "send consultation message", recipient, message, allowAnonymous: true, cancellationToken);

    /// <summary>Sends a transaction message (reportedly being replaced by templates in 2026; kept while Zalo accepts it).</summary>
    /// <param name="recipient">A follower.</param>
    /// <param name="message">The content.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Zalo's message id.</returns>
    public virtual Task<ZaloMessageResult> SendTransactionAsync(ZaloRecipient recipient, ZaloMessage message, CancellationToken cancellationToken = default)
        => SendAsync("transaction", "send transaction message", recipient, message, allowAnonymous: false, cancellationToken);

    /// <summary>Sends a promotion message; not allowed between 22:00 and 06:00 Vietnam time.</summary>
    /// <param name="recipient">A follower.</param>
    /// <param name="message">The content.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Zalo's message id.</returns>
    /// <exception cref="ZaloNightBanException">Sent during the night ban (-234).</exception>
    public virtual Task<ZaloMessageResult> SendPromotionAsync(ZaloRecipient recipient, ZaloMessage message, CancellationToken cancellationToken = default)
        => SendAsync("promotion", "send promotion message", recipient, message, allowAnonymous: false, cancellationToken);

    /// <summary>Sends an approved ZBS template to a follower by user id.</summary>
    /// <param name="userId">The follower's user id.</param>
    /// <param name="templateId">The template id.</param>
    /// <param name="templateData">The template's parameters.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Zalo's message id.</returns>
    public virtual Task<ZaloMessageResult> SendTemplateAsync(string userId, string templateId, IReadOnlyDictionary<string, string> templateData, CancellationToken cancellationToken = default)
    {
        var recipient = ZaloRecipient.User(userId);
        var message = ZaloMessage.CreateTemplate(templateId, templateData);
        return SendAsync("template", "send template message", recipient, message, allowAnonymous: false, cancellationToken);
    }

    /// <summary>Sends a text consultation message to a follower: the common case in one call.</summary>
    /// <param name="userId">The follower's user id.</param>
    /// <param name="text">1–2,000 characters.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Zalo's message id.</returns>
    public virtual Task<ZaloMessageResult> SendTextAsync(string userId, string text, CancellationToken cancellationToken = default)
        => SendConsultationAsync(ZaloRecipient.User(userId), ZaloMessage.CreateText(text), cancellationToken);

    /// <summary>Lists the user ids matching a query, page after page (50 per request by default).</summary>
    /// <param name="query">Filters; every follower when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>The user ids.</returns>
    /// <exception cref="InvalidOperationException">More than 10,000 users match: Zalo cannot page past offset 9,951; narrow the query.</exception>
    public virtual async IAsyncEnumerable<string> GetFollowerIdsAsync(ZaloFollowerQuery? query = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        query ??= new ZaloFollowerQuery();
        query.Validate();
        var offset = 0;
        while (true)
        {
            var page = await GetFollowerPageAsync(offset, query.PageSize, query, cancellationToken).ConfigureAwait(false);
            foreach (var id in page.UserIds)
            {
                yield return id;
            }

            offset += page.UserIds.Count;
            if (page.UserIds.Count == 0 || offset >= page.Total)
            {
                yield break;
            }

            if (offset > ZaloLimits.MaxFollowerOffset)
            {
                throw new InvalidOperationException(
                    $"{page.Total} users match, but Zalo's user/getlist cannot page past offset {ZaloLimits.MaxFollowerOffset}; narrow the query with a tag or an interaction period.");
            }
        }
    }

    /// <summary>Gets one page of user ids.</summary>
    /// <param name="offset">0–9,951.</param>
    /// <param name="count">1–50.</param>
    /// <param name="query">Filters (its <see cref="ZaloFollowerQuery.PageSize"/> is ignored here).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page.</returns>
    public virtual async Task<ZaloFollowerPage> GetFollowerPageAsync(int offset, int count, ZaloFollowerQuery? query = null, CancellationToken cancellationToken = default)
    {
        if (offset is < 0 or > ZaloLimits.MaxFollowerOffset)
        {
            throw new ArgumentOutOfRangeException(nameof(offset), offset, $"offset must be between 0 and {ZaloLimits.MaxFollowerOffset}.");
        }

        if (count is < 1 or > ZaloLimits.MaxFollowerPageSize)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, $"count must be between 1 and {ZaloLimits.MaxFollowerPageSize}.");
        }

        query?.Validate();
        var data = JsonSerializer.Serialize(new FollowerListQuery
        {
            Offset = offset,
            Count = count,
            TagName = query?.Tag,
            LastInteractionPeriod = query?.LastInteraction?.Value,
            IsFollower = query?.IsFollower,
        }, ZaloJsonContext.Default.FollowerListQuery);
        var result = await _core.CallAsync(OaId, "list followers", false,
            (token, proof, ct) => _core.OpenApi.GetFollowersAsync(data, token, proof, ct), cancellationToken).ConfigureAwait(false)
            ?? throw MissingData("list followers");
        var ids = (result.Users ?? new List<UserIdDto>()).Select(u => u.UserId).Where(id => !string.IsNullOrEmpty(id)).Select(id => id!).ToArray();
        return new ZaloFollowerPage(result.Total, result.Offset, ids);
    }

    /// <summary>Gets a user's profile.</summary>
    /// <param name="userId">The user id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The profile.</returns>
    public virtual async Task<ZaloUserProfile> GetUserAsync(string userId, CancellationToken cancellationToken = default)
    {
        ZaloIds.CheckUserId(userId, nameof(userId));
        var data = JsonSerializer.Serialize(new UserIdQuery { UserId = userId }, ZaloJsonContext.Default.UserIdQuery);
        var d = await _core.CallAsync(OaId, "get user", false,
            (token, proof, ct) => _core.OpenApi.GetUserDetailAsync(data, token, proof, ct), cancellationToken).ConfigureAwait(false)
            ?? throw MissingData("get user");
        return new ZaloUserProfile(
            userId: d.UserId ?? userId,
            userIdByApp: d.UserIdByApp,
            displayName: d.DisplayName,
            alias: d.UserAlias,
            isFollower: d.IsFollower,
            isSensitive: d.IsSensitive,
            lastInteractionDate: ZaloDates.ParseVietnamDate(d.LastInteractionDate),
            avatar: d.Avatar,
            tags: d.TagsAndNotes?.TagNames?.ToArray() ?? Array.Empty<string>(),
            sharedInfo: new ZaloSharedInfo
            {
                Name = Empty(d.SharedInfo?.Name),
                Phone = Empty(d.SharedInfo?.Phone),
                Address = Empty(d.SharedInfo?.Address),
                City = Empty(d.SharedInfo?.City),
                District = Empty(d.SharedInfo?.District),
            });
    }

    /// <summary>Updates the information the OA keeps about a user.</summary>
    /// <param name="userId">The user id.</param>
    /// <param name="info">The values to store.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when Zalo accepted the update.</returns>
    public virtual Task UpdateUserAsync(string userId, ZaloSharedInfo info, CancellationToken cancellationToken = default)
    {
        ZaloIds.CheckUserId(userId, nameof(userId));
        Guard.NotNull(info);
        var body = new UpdateUserRequest
        {
            UserId = userId,
            SharedInfo = new SharedInfoDto { Name = info.Name, Phone = info.Phone, Address = info.Address, City = info.City, District = info.District },
        };
        return _core.CallAsync(OaId, "update user", false,
            (token, proof, ct) => _core.OpenApi.UpdateUserAsync(body, token, proof, ct), cancellationToken);
    }

    /// <summary>Adds a tag to a follower (the tag is created if new).</summary>
    /// <param name="userId">The follower's user id.</param>
    /// <param name="tagName">The tag (1–100 characters).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when Zalo accepted it.</returns>
    public virtual Task TagFollowerAsync(string userId, string tagName, CancellationToken cancellationToken = default)
        => TagAsync(ZaloEndpoint.TagFollower, ZaloIds.CheckUserId(userId, nameof(userId)), CheckTag(tagName), cancellationToken);

    /// <summary>Removes a tag from a follower.</summary>
    /// <param name="userId">The follower's user id.</param>
    /// <param name="tagName">The tag.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when Zalo accepted it.</returns>
    public virtual Task RemoveFollowerFromTagAsync(string userId, string tagName, CancellationToken cancellationToken = default)
        => TagAsync(ZaloEndpoint.UntagFollower, ZaloIds.CheckUserId(userId, nameof(userId)), CheckTag(tagName), cancellationToken);

    /// <summary>Deletes a tag from the OA (and from every follower).</summary>
    /// <param name="tagName">The tag.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when Zalo accepted it.</returns>
    public virtual Task RemoveTagAsync(string tagName, CancellationToken cancellationToken = default)
        => TagAsync(ZaloEndpoint.RemoveTag, null, CheckTag(tagName), cancellationToken);

    /// <summary>Lists the OA's tags.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The tag names.</returns>
    public virtual async Task<IReadOnlyList<string>> GetTagsAsync(CancellationToken cancellationToken = default)
        => await _core.CallAsync(OaId, "list tags", false,
            (token, proof, ct) => _core.OpenApi.GetTagsAsync(token, proof, ct), cancellationToken).ConfigureAwait(false)
            ?? new List<string>();

    /// <summary>Gets a user's message quota and last interaction (v3).</summary>
    /// <param name="userId">The user id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The quota.</returns>
    public virtual async Task<ZaloUserQuota> GetUserQuotaAsync(string userId, CancellationToken cancellationToken = default)
    {
        var body = new UserIdQuery { UserId = ZaloIds.CheckUserId(userId, nameof(userId)) };
        var d = await _core.CallAsync(OaId, "get user quota", false,
            (token, proof, ct) => _core.OpenApi.GetQuotaV3Async(body, token, proof, ct), cancellationToken).ConfigureAwait(false)
            ?? throw MissingData("get user quota");
        return new ZaloUserQuota(
            lastInteraction: ZaloDates.ParseInstant(d.LastInteraction),
            consultationRemaining: d.ConsultationReplies?.Remain ?? 0,
            consultationTotal: d.ConsultationReplies?.Total ?? 0,
            promotionDailyRemaining: d.Promotion?.DailyRemain ?? 0,
            promotionDailyTotal: d.Promotion?.DailyTotal ?? 0,
            promotionMonthlyRemaining: d.Promotion?.MonthlyRemain ?? 0,
            promotionMonthlyTotal: d.Promotion?.MonthlyTotal ?? 0);
    }

    /// <summary>Gets the OA's message quota (v2, no arguments).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The quota.</returns>
    public virtual Task<ZaloQuota> GetOaQuotaAsync(CancellationToken cancellationToken = default)
        => QuotaV2Async(new QuotaV2Request(), cancellationToken);

    /// <summary>Gets the reply quota of a message (v2, by message id).</summary>
    /// <param name="messageId">The message id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The quota.</returns>
    public virtual Task<ZaloQuota> GetMessageQuotaAsync(string messageId, CancellationToken cancellationToken = default)
        => QuotaV2Async(new QuotaV2Request { MessageId = Guard.NotNullOrWhiteSpace(messageId) }, cancellationToken);

    /// <summary>Gets a user's promotion quota (v2).</summary>
    /// <param name="userId">The user id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The quota.</returns>
    public virtual Task<ZaloQuota> GetPromotionQuotaAsync(string userId, CancellationToken cancellationToken = default)
        => QuotaV2Async(new QuotaV2Request { UserId = ZaloIds.CheckUserId(userId, nameof(userId)), Type = "promotion" }, cancellationToken);

    /// <summary>Gets the OA's own information: name, type (4 = government body), follower count.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The information.</returns>
    public virtual async Task<ZaloOfficialAccountInfo> GetInfoAsync(CancellationToken cancellationToken = default)
    {
        var d = await _core.CallAsync(OaId, "get OA info", false,
            (token, proof, ct) => _core.OpenApi.GetOfficialAccountAsync(token, proof, ct), cancellationToken).ConfigureAwait(false)
            ?? throw MissingData("get OA info");
        return new ZaloOfficialAccountInfo(
            oaId: d.OaId ?? d.OaIdLegacy ?? OaId,
            name: d.Name,
            description: d.Description,
            alias: d.Alias,
            isVerified: d.IsVerified,
            oaTypeCode: d.OaType,
            categoryName: d.CategoryName,
            followerCount: d.FollowerCount,
            avatar: d.Avatar,
            packageName: d.PackageName);
    }

    /// <summary>
    /// Uploads an image (jpg/png, at most 1 MB), a gif (at most 5 MB) or a file (pdf/doc/docx, at most 5 MB) for use
    /// in messages and articles. The type is read from the content and must agree with the file name's extension;
    /// type and size are checked before anything is sent.
    /// </summary>
    /// <param name="fileName">The file's name, with its extension (only the name is sent, never a local path).</param>
    /// <param name="content">The file's bytes.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The attachment id (image, gif) or file token (file), with its 7-day expiry.</returns>
    /// <exception cref="ArgumentException">The name or content is not an accepted type, they disagree, or the size is over the limit.</exception>
    /// <exception cref="ZaloOutcomeUnknownException">The upload may have reached Zalo but no answer came (uploads are never repeated then).</exception>
    public virtual async Task<ZaloUploadResult> UploadAsync(string fileName, byte[] content, CancellationToken cancellationToken = default)
    {
        var kind = ZaloUploadRules.Check(fileName, content);
        var endpoint = kind switch
        {
            ZaloUploadKind.Image => ZaloEndpoint.UploadImage,
            ZaloUploadKind.Gif => ZaloEndpoint.UploadGif,
            _ => ZaloEndpoint.UploadFile,
        };
        var name = System.IO.Path.GetFileName(fileName);
        var data = await _core.CallAsync(OaId, endpoint.Name, true, (Api: _core.OpenApi, Endpoint: endpoint, Name: name, Content: content),
            static (s, token, proof, ct) => s.Api.UploadAsync(s.Endpoint, s.Name, s.Content, token, proof, ct), cancellationToken).ConfigureAwait(false);
        var id = kind == ZaloUploadKind.File ? data?.Token : data?.AttachmentId;
        if (id is not { Length: > 0 })
        {
            throw MissingData(endpoint.Name);
        }

        return new ZaloUploadResult(id, kind, _core.Time.GetUtcNow() + ZaloUploadRules.Lifetime);
    }

    private Task<ZaloMessageResult> SendAsync(string kind, string operation, ZaloRecipient recipient, ZaloMessage message, bool allowAnonymous, CancellationToken cancellationToken)
    {
        SendMessageRequest body;
        try
        {
            body = SendRequest(kind, operation, recipient, message, allowAnonymous);
        }
        catch (ArgumentException ex)
        {
            return Task.FromException<ZaloMessageResult>(ex); // as from an async method: the returned task carries it
        }

        // No async layer here: the answer's data becomes the result inside the core's call.
        return _core.CallAsync(OaId, operation, true, (Client: this, Endpoint: ZaloEndpoint.ForMessageKind(kind), Body: body, Operation: operation, recipient.UserId),
            static (s, token, proof, ct) => s.Client._core.OpenApi.ExchangeMessageAsync(s.Endpoint, s.Body, token, proof, ct),
            static (s, response) => ZaloDirectCalls.ReadMessageAnswer(response, s.Endpoint),
            static (s, data) => data?.MessageId is { Length: > 0 } messageId
                ? new ZaloMessageResult(messageId, data.UserId ?? s.UserId)
                : throw s.Client.MissingData(s.Operation),
            cancellationToken);
    }

    private static SendMessageRequest SendRequest(string kind, string operation, ZaloRecipient recipient, ZaloMessage message, bool allowAnonymous)
    {
        Guard.NotNull(recipient);
        Guard.NotNull(message);
        if (!allowAnonymous && recipient.UserId is null)
        {
            throw new ArgumentException($"Only consultation messages can go to anonymous visitors; {operation} needs a follower's user id.", nameof(recipient));
        }

        if ((kind == "template") != (message.Kind == ZaloMessageKind.Template))
        {
            throw new ArgumentException(kind == "template"
                ? "A template send needs a template message (ZaloMessage.CreateTemplate)."
                : "A template message goes with SendTemplateAsync.", nameof(message));
        }

        return new SendMessageRequest
        {
            Recipient = new RecipientDto { UserId = recipient.UserId, AnonymousId = recipient.AnonymousId, ConversationId = recipient.ConversationId },
            Message = message.ToDto(),
        };
    }

    private Task<JsonElement> TagAsync(ZaloEndpoint endpoint, string? userId, string tagName, CancellationToken cancellationToken)
    {
        var body = new TagRequest { UserId = userId, TagName = tagName };
        return _core.CallAsync(OaId, endpoint.Name, false,
            (token, proof, ct) => _core.OpenApi.TagOperationAsync(endpoint, body, token, proof, ct), cancellationToken);
    }

    private async Task<ZaloQuota> QuotaV2Async(QuotaV2Request body, CancellationToken cancellationToken)
    {
        var d = await _core.CallAsync(OaId, "get quota", false,
            (token, proof, ct) => _core.OpenApi.GetQuotaV2Async(body, token, proof, ct), cancellationToken).ConfigureAwait(false)
            ?? throw MissingData("get quota");
        return new ZaloQuota(d.Type, d.Total, d.Remain, d.MessageId);
    }

    private ZaloException MissingData(string operation) => new($"Zalo answered {operation} for OA {OaId} with success but no data.");

    private static string CheckTag(string tagName)
    {
        Guard.NotNullOrWhiteSpace(tagName);
        return tagName.Length <= ZaloLimits.MaxTagLength
            ? tagName
            : throw new ArgumentException($"tagName is {tagName.Length} characters long; the limit is {ZaloLimits.MaxTagLength}.", nameof(tagName));
    }

    private static string? Empty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    /// <summary>The token folder of the app, when it has one (the default home of the delivery journal); null for mocks.</summary>
    internal string? TokenStorePath => _core?.Options.TokenStorePath;

    /// <summary>The app's clock (the system clock for mocks).</summary>
    internal TimeProvider Time => _core?.Time ?? TimeProvider.System;
}
