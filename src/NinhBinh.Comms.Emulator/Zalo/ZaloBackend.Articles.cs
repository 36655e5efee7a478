using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace NinhBinh.Comms.Emulator;

/// <summary>
/// Articles (v2.0/article/*): created and updated asynchronously (a token, then <c>verify</c> answers -214 until the
/// processing delay has passed on the emulator's clock, then the id, or -200 when a media URL cannot be fetched),
/// listed by <c>getslice</c> (at most 10 per page, newest first, with view and share counters), read by
/// <c>getdetail</c>, removed by <c>remove</c>; Zalo's limits and error codes.
/// </summary>
internal sealed partial class ZaloBackend
{
    private const int MaxArticleTitleLength = 149;
    private const int MaxArticleAuthorLength = 50;
    private const int MaxArticleDescriptionLength = 300;
    private const int MaxArticlePageSize = 10;

    private readonly Dictionary<string, ArticleRecord> _articles = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ArticleToken> _articleTokens = new(StringComparer.Ordinal);
    private readonly HashSet<string> _unreachableMedia = new(StringComparer.Ordinal);
    private long _articleSequence;

    /// <summary>POST create, verify, update, remove; GET getslice, getdetail.</summary>
    public void MapArticleRoutes(RouteMap map)
    {
        map(HttpMethods.Post, "/v2.0/article/create", Surface.OpenApi, CreateArticle);
        map(HttpMethods.Post, "/v2.0/article/verify", Surface.OpenApi, VerifyArticle);
        map(HttpMethods.Post, "/v2.0/article/update", Surface.OpenApi, UpdateArticle);
        map(HttpMethods.Post, "/v2.0/article/remove", Surface.OpenApi, RemoveArticle);
        map(HttpMethods.Get, "/v2.0/article/getslice", Surface.OpenApi, GetArticleSlice);
        map(HttpMethods.Get, "/v2.0/article/getdetail", Surface.OpenApi, GetArticleDetail);
    }

    // ---- test hooks and inspection -------------------------------------------------------------------------

    /// <summary>Makes a media URL unfetchable: processing of an article that uses it fails (-200 at verify).</summary>
    public void MarkMediaUnreachable(string url)
    {
        lock (_gate)
        {
            _unreachableMedia.Add(MediaKey(url));
        }
    }

    public void SetArticleCounters(string oaId, string articleId, long views, long shares)
    {
        lock (_gate)
        {
            if (!_articles.TryGetValue(articleId, out var article) || article.OaId != oaId || article.Removed)
            {
                throw new InvalidOperationException($"OA '{oaId}' has no article '{articleId}'.");
            }

            article.Views = views;
            article.Shares = shares;
        }
    }

    /// <summary>Published articles of an OA that were not removed.</summary>
    public int GetArticleCount(string oaId)
    {
        lock (_gate)
        {
            var now = Now;
            return _articles.Values.Count(a => a.OaId == oaId && IsPublished(a, now));
        }
    }

    // ---- endpoints -----------------------------------------------------------------------------------------

    public Reply CreateArticle(ApiRequest request)
    {
        if (Json.ParseObject(request.Body) is not { } body)
        {
            return Json.Error(-201, "The body is not a JSON object.");
        }

        if (CheckArticle(body) is { } refused)
        {
            return refused;
        }

        lock (_gate)
        {
            var now = Now;
            var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            var article = new ArticleRecord(id, request.Grant!.OaId, Json.String(body["type"])!, body, now.AddTicks(++_articleSequence));
            _articles[id] = article;
            article.Creation = NewArticleToken(article, body, now);
            return Json.Success(new JsonObject { ["token"] = article.Creation.Token });
        }
    }

    public Reply VerifyArticle(ApiRequest request)
    {
        var token = Json.String(Json.ParseObject(request.Body)?["token"]);
        if (string.IsNullOrEmpty(token))
        {
            return Json.Error(-201, "token is required.");
        }

        lock (_gate)
        {
            if (!_articleTokens.TryGetValue(token, out var processing) || processing.Article.OaId != request.Grant!.OaId)
            {
                return Json.Error(-201, "The token is invalid.");
            }

            var now = Now;
            if (!Decide(processing, now))
            {
                return Json.Error(-214, "The article is being processed.");
            }

            return processing.Failure is { } failure
                ? Json.Error(-200, failure)
                : Json.Success(new JsonObject { ["id"] = processing.Article.Id });
        }
    }

    public Reply UpdateArticle(ApiRequest request)
    {
        if (Json.ParseObject(request.Body) is not { } body)
        {
            return Json.Error(-201, "The body is not a JSON object.");
        }

        var id = Json.String(body["id"]);
        if (string.IsNullOrEmpty(id))
        {
            return Json.Error(-201, "id is required.");
        }

        if (CheckArticle(body) is { } refused)
        {
            return refused;
        }

        lock (_gate)
        {
            var now = Now;
            if (FindArticle(request.Grant!.OaId, id, now) is not { } article)
            {
                return Json.Error(-201, "The article does not exist.");
            }

            if (article.Type != Json.String(body["type"]))
            {
                return Json.Error(-201, $"The type of an article cannot change (it is {article.Type}).");
            }

            body.Remove("id");
            return Json.Success(new JsonObject { ["token"] = NewArticleToken(article, body, now).Token });
        }
    }

    public Reply RemoveArticle(ApiRequest request)
    {
        var id = Json.String(Json.ParseObject(request.Body)?["id"]);
        if (string.IsNullOrEmpty(id))
        {
            return Json.Error(-201, "id is required.");
        }

        lock (_gate)
        {
            if (FindArticle(request.Grant!.OaId, id, Now) is not { } article)
            {
                return Json.Error(-201, "The article does not exist.");
            }

            article.Removed = true;
            return Json.Success(null);
        }
    }

    public Reply GetArticleSlice(ApiRequest request)
    {
        var offset = 0;
        var limit = MaxArticlePageSize;
        if (request.Query.ContainsKey("offset") && !int.TryParse(request.Query["offset"].ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out offset))
        {
            return Json.Error(-201, "offset must be an integer.");
        }

        if (request.Query.ContainsKey("limit") && !int.TryParse(request.Query["limit"].ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out limit))
        {
            return Json.Error(-201, "limit must be an integer.");
        }

        if (offset < 0)
        {
            return Json.Error(-201, "offset must be 0 or more.");
        }

        if (limit is < 1 or > MaxArticlePageSize)
        {
            return Json.Error(-210, $"limit must be between 1 and {MaxArticlePageSize}.");
        }

        var type = request.Query.ContainsKey("type") ? request.Query["type"].ToString() : "normal";
        if (type is not ("normal" or "video"))
        {
            return Json.Error(-201, "type must be normal or video.");
        }

        lock (_gate)
        {
            var now = Now;
            var matches = _articles.Values
                .Where(a => a.OaId == request.Grant!.OaId && a.Type == type && IsPublished(a, now))
                .OrderByDescending(a => a.CreatedAt)
                .ToList();
            var medias = new JsonArray();
            foreach (var article in matches.Skip(offset).Take(limit))
            {
                medias.Add(ArticleJson(article, detail: false));
            }

            return Json.Success(new JsonObject { ["medias"] = medias, ["total"] = matches.Count });
        }
    }

    public Reply GetArticleDetail(ApiRequest request)
    {
        var id = request.Query["id"].ToString();
        if (string.IsNullOrEmpty(id))
        {
            return Json.Error(-201, "id is required.");
        }

        lock (_gate)
        {
            return FindArticle(request.Grant!.OaId, id, Now) is { } article
                ? Json.Success(ArticleJson(article, detail: true))
                : Json.Error(-201, "The article does not exist.");
        }
    }

    // ---- rules ---------------------------------------------------------------------------------------------

    /// <summary>Zalo's checks of an article body: -201 for what is missing or malformed, -210 for what is over a limit.</summary>
    private static Reply? CheckArticle(JsonObject body)
    {
        var type = Json.String(body["type"]);
        if (type is not ("normal" or "video"))
        {
            return Json.Error(-201, "type must be normal or video.");
        }

        if (CheckLength(body, "title", MaxArticleTitleLength, required: true) is { } title)
        {
            return title;
        }

        if (CheckLength(body, "description", MaxArticleDescriptionLength, required: true) is { } description)
        {
            return description;
        }

        foreach (var flag in new[] { "status", "comment" })
        {
            if (body[flag] is not null && Json.String(body[flag]) is not ("show" or "hide"))
            {
                return Json.Error(-201, $"{flag} must be show or hide.");
            }
        }

        if (type == "video")
        {
            if (string.IsNullOrEmpty(Json.String(body["video_id"])))
            {
                return Json.Error(-201, "video_id is required for a video article.");
            }

            return CheckMediaUrl(body["avatar"], "avatar", required: true);
        }

        if (CheckLength(body, "author", MaxArticleAuthorLength, required: true) is { } author)
        {
            return author;
        }

        if (body["cover"] is not JsonObject cover)
        {
            return Json.Error(-201, "cover is required.");
        }

        switch (Json.String(cover["cover_type"]))
        {
            case "photo":
                if (CheckMediaUrl(cover["photo_url"], "cover.photo_url", required: true) is { } photo)
                {
                    return photo;
                }

                break;
            case "video":
                if (string.IsNullOrEmpty(Json.String(cover["video_id"])))
                {
                    return Json.Error(-201, "cover.video_id is required for a video cover.");
                }

                break;
            default:
                return Json.Error(-201, "cover.cover_type must be photo or video.");
        }

        if (body["body"] is not JsonArray items || items.Count == 0)
        {
            return Json.Error(-201, "body must have at least one item.");
        }

        for (var i = 0; i < items.Count; i++)
        {
            if (CheckBodyItem(items[i] as JsonObject, $"body[{i}]") is { } item)
            {
                return item;
            }
        }

        return null;
    }

    private static Reply? CheckBodyItem(JsonObject? item, string name)
    {
        switch (Json.String(item?["type"]))
        {
            case "text":
                return string.IsNullOrWhiteSpace(Json.String(item!["content"])) ? Json.Error(-201, $"{name}.content is required for a text item.") : null;
            case "image":
                return CheckMediaUrl(item!["url"], name + ".url", required: true);
            case "video":
                if (item!["url"] is null && string.IsNullOrEmpty(Json.String(item["video_id"])))
                {
                    return Json.Error(-201, $"{name} needs url or video_id.");
                }

                return CheckMediaUrl(item["url"], name + ".url", required: false) ?? CheckMediaUrl(item["thumb"], name + ".thumb", required: false);
            case "product":
                return string.IsNullOrEmpty(Json.String(item!["id"])) ? Json.Error(-201, $"{name}.id is required for a product item.") : null;
            default:
                return Json.Error(-201, $"{name}.type must be text, image, video or product.");
        }
    }

    private static Reply? CheckLength(JsonObject body, string field, int max, bool required)
    {
        var value = Json.String(body[field]);
        if (string.IsNullOrWhiteSpace(value))
        {
            return required ? Json.Error(-201, $"{field} is required.") : null;
        }

        return value.Length > max ? Json.Error(-210, $"{field} is over its limit of {max} characters.") : null;
    }

    /// <summary>A media URL must be absolute http(s) and percent-encoded: no spaces, nothing outside ASCII.</summary>
    private static Reply? CheckMediaUrl(JsonNode? node, string field, bool required)
    {
        var url = Json.String(node);
        if (string.IsNullOrEmpty(url))
        {
            return required ? Json.Error(-201, $"{field} is required.") : null;
        }

        if (url.Any(c => c <= ' ' || c > '~') || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return Json.Error(-201, $"{field} is not a valid, percent-encoded http(s) URL.");
        }

        return null;
    }

    // ---- helpers (call with the lock held) ------------------------------------------------------------------

    private ArticleToken NewArticleToken(ArticleRecord article, JsonObject content, DateTimeOffset now)
    {
        var token = new ArticleToken(NewSecret(24), article, content, now + _articleProcessingDelay);
        _articleTokens[token.Token] = token;
        return token;
    }

    /// <summary>Whether processing has ended; the first time it has, decides its outcome and applies an update.</summary>
    private bool Decide(ArticleToken processing, DateTimeOffset now)
    {
        if (processing.Decided)
        {
            return true;
        }

        if (now < processing.ReadyAt)
        {
            return false;
        }

        processing.Decided = true;
        var bad = MediaUrls(processing.Content).FirstOrDefault(u => _unreachableMedia.Contains(MediaKey(u)));
        if (bad is not null)
        {
            processing.Failure = $"The media {bad} could not be fetched.";
        }
        else if (processing != processing.Article.Creation)
        {
            processing.Article.Content = processing.Content;
            processing.Article.UpdatedAt = processing.ReadyAt;
        }

        return true;
    }

    private bool IsPublished(ArticleRecord article, DateTimeOffset now)
        => !article.Removed && article.Creation is { } creation && Decide(creation, now) && creation.Failure is null;

    private ArticleRecord? FindArticle(string oaId, string id, DateTimeOffset now)
        => _articles.TryGetValue(id, out var article) && article.OaId == oaId && IsPublished(article, now) ? article : null;

    private static IEnumerable<string> MediaUrls(JsonObject content)
    {
        var urls = new List<string?> { Json.String(content["avatar"]), Json.String((content["cover"] as JsonObject)?["photo_url"]) };
        foreach (var item in (content["body"] as JsonArray ?? []).OfType<JsonObject>())
        {
            urls.Add(Json.String(item["url"]));
            urls.Add(Json.String(item["thumb"]));
        }

        return urls.Where(u => !string.IsNullOrEmpty(u)).Select(u => u!);
    }

    private static string MediaKey(string url) => Uri.UnescapeDataString(url.Trim());

    private static JsonObject ArticleJson(ArticleRecord article, bool detail)
    {
        var content = article.Content;
        var json = new JsonObject
        {
            ["id"] = article.Id,
            ["type"] = article.Type,
            ["title"] = Json.String(content["title"]),
            ["status"] = Json.String(content["status"]) ?? "show",
            ["total_view"] = article.Views,
            ["total_share"] = article.Shares,
            ["create_date"] = article.CreatedAt.ToUnixTimeMilliseconds(),
            ["update_date"] = article.UpdatedAt.ToUnixTimeMilliseconds(),
            ["thumb"] = Json.String(content["avatar"]) ?? Json.String((content["cover"] as JsonObject)?["photo_url"]),
            ["link"] = "https://zalo.me/article/" + article.Id,
        };
        if (detail)
        {
            json["description"] = Json.String(content["description"]);
            json["comment"] = Json.String(content["comment"]) ?? "show";
            if (article.Type == "video")
            {
                json["video_id"] = Json.String(content["video_id"]);
            }
            else
            {
                json["author"] = Json.String(content["author"]);
                json["cover"] = content["cover"]?.DeepClone();
                json["body"] = content["body"]?.DeepClone();
            }
        }

        return json;
    }
}
