using System.Collections.Generic;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Primitives;

namespace NinhBinh.Comms.Emulator.Boards.Xibo;

/// <summary>What the emulated CMS answers: a bare entity or list as JSON, bytes (an image, an HTML page) or nothing.</summary>
internal sealed record XiboReply(int StatusCode, JsonNode? Json = null, byte[]? Bytes = null, string? ContentType = null, string? Location = null, int? TotalCount = null)
{
    public static XiboReply Error(int status, string message) =>
        new(status, new JsonObject { ["error"] = new JsonObject { ["message"] = message, ["code"] = status, ["data"] = new JsonArray() } });

    public static XiboReply NoContent() => new(204);
}

/// <summary>A request as the handlers see it: route values, query and form fields.</summary>
internal sealed class XiboRequest
{
    public required IReadOnlyDictionary<string, string> Route { get; init; }

    public required IReadOnlyDictionary<string, StringValues> Query { get; init; }

    public required IReadOnlyDictionary<string, StringValues> Form { get; init; }
}
