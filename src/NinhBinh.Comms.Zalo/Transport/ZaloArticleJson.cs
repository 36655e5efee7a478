using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace NinhBinh.Comms.Zalo.Internal;

// Wire models of Zalo's article API (v2.0/article/*), with their own source-generated context.

internal sealed class ArticleRequestDto
{
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    [JsonPropertyName("type")]
    public string Type { get; set; } = "normal";

    [JsonPropertyName("title")]
    public string? Title { get; set; }

    [JsonPropertyName("author")]
    public string? Author { get; set; }

    [JsonPropertyName("cover")]
    public ArticleCoverDto? Cover { get; set; }

    [JsonPropertyName("description")]
    public string? Description { get; set; }

    [JsonPropertyName("body")]
    public List<ArticleBodyItemDto>? Body { get; set; }

    [JsonPropertyName("video_id")]
    public string? VideoId { get; set; }

    [JsonPropertyName("avatar")]
    public string? Avatar { get; set; }

    [JsonPropertyName("status")]
    public string? Status { get; set; }

    [JsonPropertyName("comment")]
    public string? Comment { get; set; }
}

internal sealed class ArticleCoverDto
{
    [JsonPropertyName("cover_type")]
    public string? CoverType { get; set; }

    [JsonPropertyName("photo_url")]
    public string? PhotoUrl { get; set; }

    [JsonPropertyName("video_id")]
    public string? VideoId { get; set; }

    [JsonPropertyName("cover_view")]
    public string? CoverView { get; set; }

    [JsonPropertyName("status")]
    public string? Status { get; set; }
}

internal sealed class ArticleBodyItemDto
{
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    [JsonPropertyName("content")]
    public string? Content { get; set; }

    [JsonPropertyName("url")]
    public string? Url { get; set; }

    [JsonPropertyName("caption")]
    public string? Caption { get; set; }

    [JsonPropertyName("video_id")]
    public string? VideoId { get; set; }

    [JsonPropertyName("thumb")]
    public string? Thumb { get; set; }

    [JsonPropertyName("id")]
    [JsonConverter(typeof(StringOrNumberConverter))]
    public string? Id { get; set; }
}

internal sealed class ArticleTokenRequest
{
    [JsonPropertyName("token")]
    public string Token { get; set; } = string.Empty;
}

internal sealed class ArticleIdRequest
{
    [JsonPropertyName("id")]
    public string Id { get; set; } = string.Empty;
}

internal sealed class ArticleTokenData
{
    [JsonPropertyName("token")]
    public string? Token { get; set; }
}

internal sealed class ArticleVerifyData
{
    [JsonPropertyName("id")]
    [JsonConverter(typeof(StringOrNumberConverter))]
    public string? Id { get; set; }
}

internal sealed class ArticleSliceData
{
    [JsonPropertyName("medias")]
    public List<ArticleItemDto>? Medias { get; set; }

    [JsonPropertyName("total")]
    public int Total { get; set; }
}

internal sealed class ArticleItemDto
{
    [JsonPropertyName("id")]
    [JsonConverter(typeof(StringOrNumberConverter))]
    public string? Id { get; set; }

    [JsonPropertyName("type")]
    public string? Type { get; set; }

    [JsonPropertyName("title")]
    public string? Title { get; set; }

    [JsonPropertyName("author")]
    public string? Author { get; set; }

    [JsonPropertyName("description")]
    public string? Description { get; set; }

    [JsonPropertyName("status")]
    public string? Status { get; set; }

    [JsonPropertyName("comment")]
    public string? Comment { get; set; }

    [JsonPropertyName("total_view")]
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public long TotalView { get; set; }

    [JsonPropertyName("total_share")]
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public long TotalShare { get; set; }

    [JsonPropertyName("create_date")]
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public long? CreateDate { get; set; }

    [JsonPropertyName("update_date")]
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public long? UpdateDate { get; set; }

    [JsonPropertyName("thumb")]
    public string? Thumb { get; set; }

    [JsonPropertyName("link")]
    public string? Link { get; set; }

    [JsonPropertyName("cover")]
    public ArticleCoverDto? Cover { get; set; }

    [JsonPropertyName("body")]
    public List<ArticleBodyItemDto>? Body { get; set; }
}

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, WriteIndented = false)]
[JsonSerializable(typeof(ZaloEnvelope<JsonElement>))]
[JsonSerializable(typeof(ZaloEnvelope<ArticleTokenData>))]
[JsonSerializable(typeof(ZaloEnvelope<ArticleVerifyData>))]
[JsonSerializable(typeof(ZaloEnvelope<ArticleSliceData>))]
[JsonSerializable(typeof(ZaloEnvelope<ArticleItemDto>))]
[JsonSerializable(typeof(ArticleRequestDto))]
[JsonSerializable(typeof(ArticleTokenRequest))]
[JsonSerializable(typeof(ArticleIdRequest))]
internal sealed partial class ZaloArticleJsonContext : JsonSerializerContext
{
}

/// <summary>The serializer settings of the article calls (Vietnamese letters as UTF-8, as <see cref="ZaloJson.Wire"/>).</summary>
internal static class ZaloArticleJson
{
    public static ZaloArticleJsonContext Wire { get; } = new(new JsonSerializerOptions
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
