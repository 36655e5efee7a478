using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace NinhBinh.Comms.Zalo.Internal;

// Wire models of the business API's ZNS / ZBS template messages (https://business.openapi.zalo.me), with their own
// source-generated context so they stay apart from the OA Open API's models.

internal sealed class ZnsSendRequest
{
    [JsonPropertyName("phone")]
    public string Phone { get; set; } = string.Empty;

    [JsonPropertyName("template_id")]
    public string TemplateId { get; set; } = string.Empty;

    [JsonPropertyName("template_data")]
    public Dictionary<string, string> TemplateData { get; set; } = new();

    [JsonPropertyName("tracking_id")]
    public string TrackingId { get; set; } = string.Empty;

    [JsonPropertyName("mode")]
    public string? Mode { get; set; }
}

internal sealed class ZnsSendData
{
    [JsonPropertyName("msg_id")]
    [JsonConverter(typeof(StringOrNumberConverter))]
    public string? MessageId { get; set; }

    [JsonPropertyName("sent_time")]
    [JsonConverter(typeof(StringOrNumberConverter))]
    public string? SentTime { get; set; }

    [JsonPropertyName("quota")]
    public ZnsQuotaData? Quota { get; set; }
}

internal sealed class ZnsQuotaData
{
    [JsonPropertyName("dailyQuota")]
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public int? DailyQuota { get; set; }

    [JsonPropertyName("remainingQuota")]
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public int? RemainingQuota { get; set; }
}

internal sealed class ZnsTemplateData
{
    [JsonPropertyName("templateId")]
    [JsonConverter(typeof(StringOrNumberConverter))]
    public string? TemplateId { get; set; }

    [JsonPropertyName("templateName")]
    public string? TemplateName { get; set; }

    [JsonPropertyName("status")]
    public string? Status { get; set; }

    [JsonPropertyName("listParams")]
    public List<ZnsTemplateParamData>? Params { get; set; }

    [JsonPropertyName("price")]
    [JsonConverter(typeof(StringOrNumberConverter))]
    public string? Price { get; set; }
}

internal sealed class ZnsTemplateParamData
{
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonPropertyName("require")]
    public bool Require { get; set; }

    [JsonPropertyName("type")]
    public string? Type { get; set; }

    [JsonPropertyName("maxLength")]
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public int MaxLength { get; set; }

    [JsonPropertyName("minLength")]
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public int MinLength { get; set; }
}

internal sealed class ZnsStatusData
{
    [JsonPropertyName("delivery_time")]
    [JsonConverter(typeof(StringOrNumberConverter))]
    public string? DeliveryTime { get; set; }

    [JsonPropertyName("message")]
    public string? Message { get; set; }

    [JsonPropertyName("status")]
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public int Status { get; set; }
}

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, WriteIndented = false)]
[JsonSerializable(typeof(ZaloEnvelope<ZnsSendData>))]
[JsonSerializable(typeof(ZaloEnvelope<ZnsQuotaData>))]
[JsonSerializable(typeof(ZaloEnvelope<ZnsTemplateData>))]
[JsonSerializable(typeof(ZaloEnvelope<ZnsStatusData>))]
[JsonSerializable(typeof(ZnsSendRequest))]
internal sealed partial class ZnsJsonContext : JsonSerializerContext
{
    /// <summary>The context with the wire encoder (Vietnamese letters as UTF-8, as <see cref="ZaloJson.Wire"/>).</summary>
    public static ZnsJsonContext Wire { get; } = new(new JsonSerializerOptions
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
