using System.Text.Json.Nodes;

namespace NinhBinh.Comms.Emulator.Boards.Anthias;

/// <summary>An answer of the emulated player: JSON, HTML or file bytes, or no body.</summary>
internal sealed record AnthiasReply(int Status, JsonNode? Json = null, string? Html = null, byte[]? Bytes = null, string? ContentType = null,
    string? Location = null, bool Challenge = false)
{
    public static AnthiasReply Ok(JsonNode json) => new(200, json);

    public static AnthiasReply NoContent() => new(204);

    /// <summary>A Django REST framework validation error: <c>{"field": ["message"]}</c>.</summary>
    public static AnthiasReply FieldError(string field, string message) => new(400, new JsonObject { [field] = new JsonArray(message) });

    public static AnthiasReply Detail(int status, string detail) => new(status, new JsonObject { ["detail"] = detail });
}
