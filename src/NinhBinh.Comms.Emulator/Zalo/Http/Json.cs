using System.Collections.Generic;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NinhBinh.Comms.Emulator;

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
