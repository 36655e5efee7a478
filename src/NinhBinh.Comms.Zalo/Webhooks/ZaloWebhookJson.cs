using System;
using System.Collections.Generic;
using System.Text.Json;

namespace NinhBinh.Comms.Zalo.Internal;

/// <summary>Reads webhook fields leniently: ids and timestamps may be JSON strings or numbers (kept as text, they exceed 2^53).</summary>
internal static class ZaloWebhookJson
{
    public static string? Text(JsonElement element, string name)
        => element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? Text(value) : null;

    public static string? Text(JsonElement element, string parent, string name)
        => element.ValueKind == JsonValueKind.Object && element.TryGetProperty(parent, out var value) ? Text(value, name) : null;

    public static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    };

    public static JsonElement Child(JsonElement element, string name)
        => element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : default;

    public static string? Raw(JsonElement element, string name)
        => element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value.GetRawText() : null;

    public static IReadOnlyList<string> TextList(JsonElement element, string name)
    {
        var value = Child(element, name);
        if (value.ValueKind != JsonValueKind.Array)
        {
            return Array.Empty<string>();
        }

        var list = new List<string>();
        foreach (var item in value.EnumerateArray())
        {
            var text = Text(item);
            if (text is not null)
            {
                list.Add(text);
            }
        }

        return list;
    }

    public static DateTimeOffset? Time(JsonElement element, string name)
    {
        var text = Text(element, name);
        return text is not null && ZaloWebhookParser.TryParseEpochMilliseconds(text, out var time) ? time : null;
    }
}
