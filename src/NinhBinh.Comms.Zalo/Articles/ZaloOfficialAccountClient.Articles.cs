using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using NinhBinh.Comms.Internal;
using NinhBinh.Comms.Zalo.Internal;

namespace NinhBinh.Comms.Zalo;

/// <content>Articles (tin bài): create, verify, publish, update, remove, list and read (v2.0/article/*).</content>
public partial class ZaloOfficialAccountClient
{
    /// <summary>
    /// Creates an article. Zalo processes it asynchronously and answers a token: verify it
    /// (<see cref="VerifyArticleAsync"/>) to get the article id, or use <see cref="PublishArticleAsync"/> for both.
    /// </summary>
    /// <param name="article">The article; its limits were checked when it was built.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The token to verify.</returns>
    /// <exception cref="ZaloOutcomeUnknownException">The request may have reached Zalo but no answer came (creation is never repeated then).</exception>
    /// <exception cref="ZaloQuotaExhaustedException">The OA's article quota is reached (-223).</exception>
    public virtual async Task<string> CreateArticleAsync(ZaloArticleRequest article, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(article);
        var data = await _core.CallAsync(OaId, ZaloEndpoint.CreateArticle.Name, true, (Api: _core.OpenApi.Articles, Body: article.ToDto()),
            static (s, token, proof, ct) => s.Api.CreateAsync(s.Body, token, proof, ct), cancellationToken).ConfigureAwait(false);
        return data?.Token is { Length: > 0 } articleToken ? articleToken : throw MissingData(ZaloEndpoint.CreateArticle.Name);
    }

    /// <summary>
    /// Asks Zalo, every <see cref="ZaloArticleVerifyOptions.PollInterval"/> on the client's <see cref="TimeProvider"/>,
    /// whether the article of a token is published, until it is (the article id), Zalo refuses it (for example
    /// <c>-200</c> when a media URL cannot be fetched), or <see cref="ZaloArticleVerifyOptions.Timeout"/> passes.
    /// Each answer is reported to <paramref name="progress"/>.
    /// </summary>
    /// <param name="token">The token <see cref="CreateArticleAsync"/> or <see cref="UpdateArticleAsync"/> returned.</param>
    /// <param name="options">Interval and timeout; 3 s and 60 s when <see langword="null"/>.</param>
    /// <param name="progress">Receives one report per verify answer (attempt, state, elapsed time).</param>
    /// <param name="cancellationToken">Stops verifying.</param>
    /// <returns>The article id.</returns>
    /// <exception cref="ZaloArticleTimeoutException">Zalo was still processing the article when the timeout passed.</exception>
    /// <exception cref="ZaloException">Zalo refused the article; <see cref="ZaloException.ZaloCode"/> says why.</exception>
    public virtual async Task<string> VerifyArticleAsync(string token, ZaloArticleVerifyOptions? options = null, IProgress<ZaloArticleProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        Guard.NotNullOrWhiteSpace(token);
        options ??= new ZaloArticleVerifyOptions();
        options.Validate();
        var time = _core.Time;
        var started = time.GetTimestamp();
        var body = new ArticleTokenRequest { Token = token };
        for (var attempt = 1; ; attempt++)
        {
            ArticleVerifyData data;
            try
            {
                data = await _core.CallAsync(OaId, ZaloEndpoint.VerifyArticle.Name, false, (Api: _core.OpenApi.Articles, Body: body),
                    static async (s, accessToken, proof, ct) =>
                    {
                        var answer = await s.Api.VerifyAsync(s.Body, accessToken, proof, ct).ConfigureAwait(false);

                        // "Still processing" (-214) is an answer to wait on, not a failure: no error log, no exception.
                        return answer.Error == ZaloErrorCodes.ArticleProcessing
                            ? new ZaloEnvelope<ArticleVerifyData> { HttpStatus = answer.HttpStatus, Data = new ArticleVerifyData() }
                            : answer;
                    }, cancellationToken).ConfigureAwait(false) ?? new ArticleVerifyData();
            }
            catch (ZaloException ex) when (ex.ZaloCode != 0 && !ex.IsTransient && ex.Kind != ZaloErrorKind.ReauthorizationRequired)
            {
                progress?.Report(new ZaloArticleProgress(attempt, ZaloArticleState.Failed, time.GetElapsedTime(started)));
                throw;
            }

            var elapsed = time.GetElapsedTime(started);
            if (data.Id is { Length: > 0 } id)
            {
                progress?.Report(new ZaloArticleProgress(attempt, ZaloArticleState.Published, elapsed, id));
                return id;
            }

            progress?.Report(new ZaloArticleProgress(attempt, ZaloArticleState.Processing, elapsed));
            var remaining = options.Timeout - elapsed;
            if (remaining <= TimeSpan.Zero)
            {
                throw new ZaloArticleTimeoutException(token, attempt, elapsed);
            }

            await time.DelayAsync(remaining < options.PollInterval ? remaining : options.PollInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Creates an article and verifies it until it is published: <see cref="CreateArticleAsync"/> then <see cref="VerifyArticleAsync"/>.</summary>
    /// <param name="article">The article.</param>
    /// <param name="options">Interval and timeout of verifying; 3 s and 60 s when <see langword="null"/>.</param>
    /// <param name="progress">Receives one report per verify answer.</param>
    /// <param name="cancellationToken">Cancels creating or verifying.</param>
    /// <returns>The article id.</returns>
    /// <exception cref="ZaloArticleTimeoutException">Zalo was still processing the article when the timeout passed (its token is in the exception).</exception>
    /// <exception cref="ZaloException">Zalo refused the article.</exception>
    public virtual async Task<string> PublishArticleAsync(ZaloArticleRequest article, ZaloArticleVerifyOptions? options = null, IProgress<ZaloArticleProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(article);
        options?.Validate();
        var token = await CreateArticleAsync(article, cancellationToken).ConfigureAwait(false);
        return await VerifyArticleAsync(token, options, progress, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Replaces the whole content of an article. Zalo processes it again and answers a token to verify
    /// (<see cref="VerifyArticleAsync"/>). Repeatable: the whole article is sent each time, so a repeated attempt
    /// leaves it as one would.
    /// </summary>
    /// <param name="articleId">The article id.</param>
    /// <param name="article">The new content (the type must stay the same).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The token to verify.</returns>
    public virtual async Task<string> UpdateArticleAsync(string articleId, ZaloArticleRequest article, CancellationToken cancellationToken = default)
    {
        Guard.NotNullOrWhiteSpace(articleId);
        Guard.NotNull(article);
        var data = await _core.CallAsync(OaId, ZaloEndpoint.UpdateArticle.Name, false, (Api: _core.OpenApi.Articles, Body: article.ToDto(articleId)),
            static (s, token, proof, ct) => s.Api.UpdateAsync(s.Body, token, proof, ct), cancellationToken).ConfigureAwait(false);
        return data?.Token is { Length: > 0 } articleToken ? articleToken : throw MissingData(ZaloEndpoint.UpdateArticle.Name);
    }

    /// <summary>
    /// Removes an article. Repeatable: when a first attempt removed it but its answer was lost, the repeat answers that
    /// the article does not exist (<see cref="ZaloInvalidRequestException"/>, <c>-201</c>): it is gone either way.
    /// </summary>
    /// <param name="articleId">The article id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when Zalo removed the article.</returns>
    public virtual Task RemoveArticleAsync(string articleId, CancellationToken cancellationToken = default)
    {
        var body = new ArticleIdRequest { Id = Guard.NotNullOrWhiteSpace(articleId) };
        return _core.CallAsync(OaId, ZaloEndpoint.RemoveArticle.Name, false, (Api: _core.OpenApi.Articles, Body: body),
            static (s, token, proof, ct) => s.Api.RemoveAsync(s.Body, token, proof, ct), cancellationToken);
    }

    /// <summary>Lists every article of a type, page after page (10 per request, Zalo's most), newest first.</summary>
    /// <param name="type">Normal or video articles.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>The articles with their view and share counters.</returns>
    public virtual async IAsyncEnumerable<ZaloArticleSummary> GetArticlesAsync(ZaloArticleType type = ZaloArticleType.Normal, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var offset = 0;
        while (true)
        {
            var page = await GetArticlePageAsync(offset, ZaloArticleLimits.MaxPageSize, type, cancellationToken).ConfigureAwait(false);
            foreach (var article in page.Articles)
            {
                yield return article;
            }

            offset += page.Articles.Count;
            if (page.Articles.Count == 0 || offset >= page.Total)
            {
                yield break;
            }
        }
    }

    /// <summary>Gets one page of articles (<c>article/getslice</c>).</summary>
    /// <param name="offset">0 or more.</param>
    /// <param name="count">1–10.</param>
    /// <param name="type">Normal or video articles.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page.</returns>
    public virtual async Task<ZaloArticlePage> GetArticlePageAsync(int offset, int count, ZaloArticleType type = ZaloArticleType.Normal, CancellationToken cancellationToken = default)
    {
        if (offset < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(offset), offset, "offset must be 0 or more.");
        }

        if (count is < 1 or > ZaloArticleLimits.MaxPageSize)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, $"count must be between 1 and {ZaloArticleLimits.MaxPageSize}.");
        }

        var wireType = type == ZaloArticleType.Video ? "video" : "normal";
        var data = await _core.CallAsync(OaId, ZaloEndpoint.ListArticles.Name, false, (Api: _core.OpenApi.Articles, Offset: offset, Count: count, Type: wireType),
            static (s, token, proof, ct) => s.Api.GetSliceAsync(s.Offset, s.Count, s.Type, token, proof, ct), cancellationToken).ConfigureAwait(false)
            ?? throw MissingData(ZaloEndpoint.ListArticles.Name);
        var articles = (data.Medias ?? new List<ArticleItemDto>()).Where(m => !string.IsNullOrEmpty(m.Id)).Select(ToSummary).ToArray();
        return new ZaloArticlePage(data.Total, offset, articles);
    }

    /// <summary>Gets an article with its counters and content (<c>article/getdetail</c>).</summary>
    /// <param name="articleId">The article id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The article.</returns>
    public virtual async Task<ZaloArticleDetail> GetArticleAsync(string articleId, CancellationToken cancellationToken = default)
    {
        Guard.NotNullOrWhiteSpace(articleId);
        var d = await _core.CallAsync(OaId, ZaloEndpoint.GetArticle.Name, false, (Api: _core.OpenApi.Articles, Id: articleId),
            static (s, token, proof, ct) => s.Api.GetDetailAsync(s.Id, token, proof, ct), cancellationToken).ConfigureAwait(false)
            ?? throw MissingData(ZaloEndpoint.GetArticle.Name);
        var body = (d.Body ?? new List<ArticleBodyItemDto>()).Select(ZaloArticleBodyItem.FromDto).Where(b => b is not null).Select(b => b!).ToArray();
        return new ZaloArticleDetail(d.Id ?? articleId, ArticleType(d.Type), d.Title ?? string.Empty, d.Status != "hide", d.TotalView, d.TotalShare,
            Instant(d.CreateDate), Instant(d.UpdateDate), d.Thumb, d.Link,
            d.Author, d.Description, d.Cover?.PhotoUrl, d.Comment != "hide", body);
    }

    private static ZaloArticleSummary ToSummary(ArticleItemDto m)
        => new(m.Id!, ArticleType(m.Type), m.Title ?? string.Empty, m.Status != "hide", m.TotalView, m.TotalShare,
            Instant(m.CreateDate), Instant(m.UpdateDate), m.Thumb, m.Link);

    private static ZaloArticleType ArticleType(string? type) => type == "video" ? ZaloArticleType.Video : ZaloArticleType.Normal;

    private static DateTimeOffset? Instant(long? epochMilliseconds) => epochMilliseconds is > 0 and var ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
}
