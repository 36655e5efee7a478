using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace NinhBinh.Comms.Zalo.Internal;

// Wire models of the Zalo OA API (snake_case JSON). Internal: the public API exposes its own models.

/// <summary>A deserialized answer that remembers the HTTP status it came with (Zalo's errors mostly come in HTTP 200).</summary>
internal interface IZaloAnswer
{
    int HttpStatus { get; set; }
}

internal sealed class ZaloEnvelope<T> : IZaloAnswer
{
    [JsonIgnore]
    public int HttpStatus { get; set; } = 200;

    [JsonPropertyName("error")]
    public int Error { get; set; }

    [JsonPropertyName("message")]
    public string? Message { get; set; }

    [JsonPropertyName("data")]
    public T? Data { get; set; }
}

internal sealed class OAuthTokenResponse : IZaloAnswer
{
    [JsonIgnore]
    public int HttpStatus { get; set; } = 200;

    [JsonPropertyName("access_token")]
    public string? AccessToken { get; set; }

    [JsonPropertyName("refresh_token")]
    public string? RefreshToken { get; set; }

    [JsonPropertyName("expires_in")]
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public long? ExpiresIn { get; set; }

    [JsonPropertyName("refresh_token_expires_in")]
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public long? RefreshTokenExpiresIn { get; set; }

    [JsonPropertyName("error")]
    public int? Error { get; set; }

    [JsonPropertyName("error_name")]
    public string? ErrorName { get; set; }

    [JsonPropertyName("error_description")]
    public string? ErrorDescription { get; set; }
}

internal sealed class SendMessageRequest
{
    [JsonPropertyName("recipient")]
    public RecipientDto Recipient { get; set; } = new();

    [JsonPropertyName("message")]
    public MessageDto Message { get; set; } = new();
}

internal sealed class RecipientDto
{
    [JsonPropertyName("user_id")]
    public string? UserId { get; set; }

    [JsonPropertyName("anonymous_id")]
    public string? AnonymousId { get; set; }

    [JsonPropertyName("conversation_id")]
    public string? ConversationId { get; set; }

    /// <summary>A broadcast's targeting, already written in the configured encoding.</summary>
    [JsonPropertyName("target")]
    public JsonElement? Target { get; set; }
}

internal sealed class MessageDto
{
    [JsonPropertyName("text")]
    public string? Text { get; set; }

    [JsonPropertyName("quote_message_id")]
    public string? QuoteMessageId { get; set; }

    [JsonPropertyName("attachment")]
    public AttachmentDto? Attachment { get; set; }
}

internal sealed class AttachmentDto
{
    [JsonPropertyName("type")]
    public string Type { get; set; } = "template";

    [JsonPropertyName("payload")]
    public PayloadDto Payload { get; set; } = new();
}

internal sealed class PayloadDto
{
    [JsonPropertyName("template_type")]
    public string? TemplateType { get; set; }

    [JsonPropertyName("template_id")]
    public string? TemplateId { get; set; }

    [JsonPropertyName("template_data")]
    public Dictionary<string, string>? TemplateData { get; set; }

    [JsonPropertyName("token")]
    public string? Token { get; set; }

    [JsonPropertyName("elements")]
    public List<ElementDto>? Elements { get; set; }

    [JsonPropertyName("buttons")]
    public List<ButtonDto>? Buttons { get; set; }
}

internal sealed class ElementDto
{
    [JsonPropertyName("media_type")]
    public string? MediaType { get; set; }

    [JsonPropertyName("url")]
    public string? Url { get; set; }

    [JsonPropertyName("attachment_id")]
    public string? AttachmentId { get; set; }

    [JsonPropertyName("width")]
    public int? Width { get; set; }

    [JsonPropertyName("height")]
    public int? Height { get; set; }

    [JsonPropertyName("title")]
    public string? Title { get; set; }

    [JsonPropertyName("subtitle")]
    public string? Subtitle { get; set; }

    [JsonPropertyName("image_url")]
    public string? ImageUrl { get; set; }

    [JsonPropertyName("default_action")]
    public ButtonDto? DefaultAction { get; set; }
}

internal sealed class ButtonDto
{
    [JsonPropertyName("title")]
    public string? Title { get; set; }

    [JsonPropertyName("type")]
    public string Type { get; set; } = string.Empty;

    [JsonPropertyName("payload")]
    public JsonElement? Payload { get; set; }
}

internal sealed class ButtonPayloadDto
{
    [JsonPropertyName("url")]
    public string? Url { get; set; }

    [JsonPropertyName("phone_code")]
    public string? PhoneCode { get; set; }

    [JsonPropertyName("content")]
    public string? Content { get; set; }
}

internal sealed class SendMessageData
{
    [JsonPropertyName("message_id")]
    public string? MessageId { get; set; }

    [JsonPropertyName("user_id")]
    public string? UserId { get; set; }
}

internal sealed class FollowerListQuery
{
    [JsonPropertyName("offset")]
    public int Offset { get; set; }

    [JsonPropertyName("count")]
    public int Count { get; set; }

    [JsonPropertyName("tag_name")]
    public string? TagName { get; set; }

    [JsonPropertyName("last_interaction_period")]
    public string? LastInteractionPeriod { get; set; }

    [JsonPropertyName("is_follower")]
    public bool? IsFollower { get; set; }
}

internal sealed class FollowerListData
{
    [JsonPropertyName("total")]
    public int Total { get; set; }

    [JsonPropertyName("count")]
    public int Count { get; set; }

    [JsonPropertyName("offset")]
    public int Offset { get; set; }

    [JsonPropertyName("users")]
    public List<UserIdDto>? Users { get; set; }
}

internal sealed class UserIdDto
{
    [JsonPropertyName("user_id")]
    public string? UserId { get; set; }
}

internal sealed class UserIdQuery
{
    [JsonPropertyName("user_id")]
    public string UserId { get; set; } = string.Empty;
}

internal sealed class UserDetailData
{
    [JsonPropertyName("user_id")]
    public string? UserId { get; set; }

    [JsonPropertyName("user_id_by_app")]
    public string? UserIdByApp { get; set; }

    [JsonPropertyName("display_name")]
    public string? DisplayName { get; set; }

    [JsonPropertyName("user_alias")]
    public string? UserAlias { get; set; }

    [JsonPropertyName("is_sensitive")]
    public bool IsSensitive { get; set; }

    [JsonPropertyName("user_last_interaction_date")]
    public string? LastInteractionDate { get; set; }

    [JsonPropertyName("user_is_follower")]
    public bool IsFollower { get; set; }

    [JsonPropertyName("avatar")]
    public string? Avatar { get; set; }

    [JsonPropertyName("tags_and_notes_info")]
    public TagsAndNotesDto? TagsAndNotes { get; set; }

    [JsonPropertyName("shared_info")]
    public SharedInfoDto? SharedInfo { get; set; }
}

internal sealed class TagsAndNotesDto
{
    [JsonPropertyName("tag_names")]
    public List<string>? TagNames { get; set; }

    [JsonPropertyName("notes")]
    public List<string>? Notes { get; set; }
}

internal sealed class SharedInfoDto
{
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonPropertyName("phone")]
    [JsonConverter(typeof(StringOrNumberConverter))]
    public string? Phone { get; set; }

    [JsonPropertyName("address")]
    public string? Address { get; set; }

    [JsonPropertyName("city")]
    public string? City { get; set; }

    [JsonPropertyName("district")]
    public string? District { get; set; }
}

internal sealed class UpdateUserRequest
{
    [JsonPropertyName("user_id")]
    public string UserId { get; set; } = string.Empty;

    [JsonPropertyName("shared_info")]
    public SharedInfoDto SharedInfo { get; set; } = new();
}

internal sealed class TagRequest
{
    [JsonPropertyName("user_id")]
    public string? UserId { get; set; }

    [JsonPropertyName("tag_name")]
    public string TagName { get; set; } = string.Empty;
}

internal sealed class QuotaV3Data
{
    [JsonPropertyName("last_interaction")]
    public string? LastInteraction { get; set; }

    [JsonPropertyName("cs_reply")]
    public QuotaCountsDto? ConsultationReplies { get; set; }

    [JsonPropertyName("promotion")]
    public PromotionQuotaDto? Promotion { get; set; }
}

internal sealed class QuotaCountsDto
{
    [JsonPropertyName("remain")]
    public int Remain { get; set; }

    [JsonPropertyName("total")]
    public int Total { get; set; }
}

internal sealed class PromotionQuotaDto
{
    [JsonPropertyName("daily_remain")]
    public int DailyRemain { get; set; }

    [JsonPropertyName("daily_total")]
    public int DailyTotal { get; set; }

    [JsonPropertyName("monthly_remain")]
    public int MonthlyRemain { get; set; }

    [JsonPropertyName("monthly_total")]
    public int MonthlyTotal { get; set; }
}

internal sealed class QuotaV2Request
{
    [JsonPropertyName("message_id")]
    public string? MessageId { get; set; }

    [JsonPropertyName("user_id")]
    public string? UserId { get; set; }

    [JsonPropertyName("type")]
    public string? Type { get; set; }
}

internal sealed class QuotaV2Data
{
    [JsonPropertyName("message_id")]
    public string? MessageId { get; set; }

    [JsonPropertyName("total")]
    public int Total { get; set; }

    [JsonPropertyName("remain")]
    public int Remain { get; set; }

    [JsonPropertyName("type")]
    public string? Type { get; set; }
}

internal sealed class UploadData
{
    [JsonPropertyName("attachment_id")]
    public string? AttachmentId { get; set; }

    [JsonPropertyName("token")]
    public string? Token { get; set; }
}

internal sealed class OaInfoData
{
    [JsonPropertyName("oa_id")]
    public string? OaId { get; set; }

    [JsonPropertyName("oaid")]
    public string? OaIdLegacy { get; set; }

    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonPropertyName("description")]
    public string? Description { get; set; }

    [JsonPropertyName("oa_alias")]
    public string? Alias { get; set; }

    [JsonPropertyName("is_verified")]
    public bool IsVerified { get; set; }

    [JsonPropertyName("oa_type")]
    public int OaType { get; set; }

    [JsonPropertyName("cate_name")]
    public string? CategoryName { get; set; }

    [JsonPropertyName("num_follower")]
    public long FollowerCount { get; set; }

    [JsonPropertyName("avatar")]
    public string? Avatar { get; set; }

    [JsonPropertyName("package_name")]
    public string? PackageName { get; set; }
}

internal sealed class StoredTokens
{
    [JsonPropertyName("oa_id")]
    public string OaId { get; set; } = string.Empty;

    [JsonPropertyName("access_token")]
    public string AccessToken { get; set; } = string.Empty;

    [JsonPropertyName("refresh_token")]
    public string RefreshToken { get; set; } = string.Empty;

    [JsonPropertyName("access_token_expires_at")]
    public System.DateTimeOffset AccessTokenExpiresAt { get; set; }

    [JsonPropertyName("refresh_token_expires_at")]
    public System.DateTimeOffset RefreshTokenExpiresAt { get; set; }

    [JsonPropertyName("issued_at")]
    public System.DateTimeOffset IssuedAt { get; set; }
}

/// <summary>Reads a value Zalo sends sometimes as a string, sometimes as a number (phone numbers, ids).</summary>
internal sealed class StringOrNumberConverter : JsonConverter<string?>
{
    public override string? Read(ref Utf8JsonReader reader, System.Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Number => System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan.ToArray()),
        JsonTokenType.Null => null,
        _ => throw new JsonException("Expected a string or a number."),
    };

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStringValue(value);
        }
    }
}

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, WriteIndented = false)]
[JsonSerializable(typeof(ZaloEnvelope<JsonElement>))]
[JsonSerializable(typeof(ZaloEnvelope<SendMessageData>))]
[JsonSerializable(typeof(ZaloEnvelope<FollowerListData>))]
[JsonSerializable(typeof(ZaloEnvelope<UserDetailData>))]
[JsonSerializable(typeof(ZaloEnvelope<List<string>>))]
[JsonSerializable(typeof(ZaloEnvelope<QuotaV3Data>))]
[JsonSerializable(typeof(ZaloEnvelope<QuotaV2Data>))]
[JsonSerializable(typeof(ZaloEnvelope<OaInfoData>))]
[JsonSerializable(typeof(ZaloEnvelope<UploadData>))]
[JsonSerializable(typeof(OAuthTokenResponse))]
[JsonSerializable(typeof(SendMessageRequest))]
[JsonSerializable(typeof(FollowerListQuery))]
[JsonSerializable(typeof(UserIdQuery))]
[JsonSerializable(typeof(UpdateUserRequest))]
[JsonSerializable(typeof(TagRequest))]
[JsonSerializable(typeof(QuotaV2Request))]
[JsonSerializable(typeof(StoredTokens))]
[JsonSerializable(typeof(ButtonPayloadDto))]
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(string))]
internal sealed partial class ZaloJsonContext : JsonSerializerContext
{
}

/// <summary>The serializer settings for what goes on the wire.</summary>
internal static class ZaloJson
{
    /// <summary>
    /// The source-generated context with an encoder that writes Vietnamese letters as UTF-8 instead of <c>\uXXXX</c>
    /// escapes (the bodies are JSON, never HTML): about a quarter fewer bytes per Vietnamese message.
    /// </summary>
    public static ZaloJsonContext Wire { get; } = new(new JsonSerializerOptions
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
