using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace NinhBinh.Comms.Emulator;

/// <summary>Which family of endpoints a path belongs to (decides authentication and error shapes).</summary>
internal enum Surface
{
    OAuth,
    OpenApi,
    Business,
}

/// <summary>A request, read fully, as the handlers see it.</summary>
internal sealed class ApiRequest
{
    public required string Path { get; init; }

    public required IQueryCollection Query { get; init; }

    public required IHeaderDictionary Headers { get; init; }

    public required string Body { get; init; }

    public required IReadOnlyDictionary<string, StringValues> Form { get; init; }

    public AccessTokenRecord? Grant { get; set; }
}

/// <summary>What to answer.</summary>
internal sealed record Reply(int StatusCode, JsonNode? Json = null, string? Text = null, string? Location = null, TimeSpan? RetryAfter = null);

internal sealed class AppRecord(string appId, string secret, string? redirectUri)
{
    public string AppId { get; } = appId;

    public string Secret { get; set; } = secret;

    public string? RedirectUri { get; set; } = redirectUri;

    public Queue<DateTimeOffset> Window { get; } = new();
}

internal sealed class OaRecord(string oaId, string name, int oaType, string? appId)
{
    public string OaId { get; } = oaId;

    public string Name { get; set; } = name;

    public int OaType { get; set; } = oaType;

    public string? AppId { get; set; } = appId;

    public List<UserRecord> Users { get; } = [];

    public Dictionary<string, UserRecord> UsersById { get; } = new(StringComparer.Ordinal);

    public List<string> Tags { get; } = [];

    public List<EmulatedMessage> Messages { get; } = [];

    public Dictionary<string, EmulatedMessage> MessagesById { get; } = new(StringComparer.Ordinal);

    public List<string> AccessTokens { get; } = [];

    public int RefreshCount { get; set; }

    public void AddTag(string tag)
    {
        if (!Tags.Contains(tag, StringComparer.Ordinal))
        {
            Tags.Add(tag);
        }
    }
}

internal sealed class UserRecord(string userId, string displayName)
{
    public string UserId { get; } = userId;

    public string DisplayName { get; set; } = displayName;

    public DateTimeOffset? LastInteraction { get; set; }

    public bool IsFollower { get; set; }

    public List<string> Tags { get; } = [];

    public string SharedName { get; set; } = string.Empty;

    public string SharedPhone { get; set; } = string.Empty;

    public string SharedAddress { get; set; } = string.Empty;

    public string SharedCity { get; set; } = string.Empty;

    public string SharedDistrict { get; set; } = string.Empty;

    /// <summary>Consultation messages sent since the last interaction.</summary>
    public int ConsultationsSinceInteraction { get; set; }

    public List<DateTimeOffset> PromotionsSent { get; } = [];
}

internal sealed class AccessTokenRecord(string token, string appId, string oaId, DateTimeOffset expiresAt)
{
    public string Token { get; } = token;

    public string AppId { get; } = appId;

    public string OaId { get; } = oaId;

    public DateTimeOffset ExpiresAt { get; } = expiresAt;

    public bool Revoked { get; set; }
}

internal sealed class RefreshTokenRecord(string appId, string oaId, DateTimeOffset expiresAt)
{
    public string AppId { get; } = appId;

    public string OaId { get; } = oaId;

    public DateTimeOffset ExpiresAt { get; } = expiresAt;

    public bool Used { get; set; }
}

internal sealed class CodeRecord(string appId, string oaId, string challenge, DateTimeOffset expiresAt)
{
    public string AppId { get; } = appId;

    public string OaId { get; } = oaId;

    public string Challenge { get; } = challenge;

    public DateTimeOffset ExpiresAt { get; } = expiresAt;

    public bool Used { get; set; }
}

internal abstract record Fault;

internal sealed record ErrorFault(int ErrorCode) : Fault;

internal sealed record StatusFault(int HttpStatus, TimeSpan? RetryAfter) : Fault;

internal sealed record DelayFault(TimeSpan Delay) : Fault;

/// <summary>JSON reading and writing helpers (JsonNode only: no reflection-based serialization).</summary>
internal static class Json
{
    public static readonly JsonSerializerOptions WriteOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static JsonObject? ParseObject(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A string, or a number's text (ids may arrive as numbers); otherwise null.</summary>
    public static string? String(JsonNode? node) => node switch
    {
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        JsonValue value when value.GetValueKind() == JsonValueKind.Number => value.ToJsonString(),
        _ => null,
    };

    public static bool TryInt(JsonNode? node, out int result)
    {
        result = 0;
        if (node is not JsonValue value)
        {
            return false;
        }

        return value.GetValueKind() switch
        {
            JsonValueKind.Number => value.TryGetValue(out result),
            JsonValueKind.String => int.TryParse(value.GetValue<string>(), NumberStyles.Integer, CultureInfo.InvariantCulture, out result),
            _ => false,
        };
    }

    public static bool? Bool(JsonNode? node, out bool valid)
    {
        valid = true;
        if (node is null)
        {
            return null;
        }

        if (node is JsonValue value)
        {
            switch (value.GetValueKind())
            {
                case JsonValueKind.True:
                    return true;
                case JsonValueKind.False:
                    return false;
                case JsonValueKind.String when bool.TryParse(value.GetValue<string>(), out var parsed):
                    return parsed;
            }
        }

        valid = false;
        return null;
    }

    public static JsonArray Strings(IEnumerable<string> values)
    {
        var array = new JsonArray();
        foreach (var value in values)
        {
            array.Add(value);
        }

        return array;
    }

    public static Reply Success(JsonNode? data) => new(200, data is null
        ? new JsonObject { ["error"] = 0, ["message"] = "Success" }
        : new JsonObject { ["error"] = 0, ["message"] = "Success", ["data"] = data });

    public static Reply Error(int code, string message) => new(200, new JsonObject { ["error"] = code, ["message"] = message });

    public static Reply OAuthError(int code, string name, string description) => new(200, new JsonObject
    {
        ["error"] = code,
        ["error_name"] = name,
        ["error_description"] = description,
    });
}
