using System;
using System.Text.Json;

namespace NinhBinh.Comms.Broadcast.Boards.Xibo;

/// <summary>What the API expects back from a request.</summary>
internal enum XiboExpect
{
    /// <summary>A bare entity or a list as JSON.</summary>
    Json,

    /// <summary>No body (204) or a body that is not read.</summary>
    Nothing,

    /// <summary>An image.</summary>
    Image,
}

/// <summary>A successful answer, read fully.</summary>
internal sealed class XiboResponse : IDisposable
{
    public XiboResponse(int status, JsonDocument? json, byte[] body, string? contentType, int? totalCount)
    {
        Status = status;
        Json = json;
        Body = body;
        ContentType = contentType;
        TotalCount = totalCount;
    }

    public int Status { get; }

    public JsonDocument? Json { get; }

    public JsonElement Root => Json?.RootElement ?? default;

    public byte[] Body { get; }

    public string? ContentType { get; }

    /// <summary>The <c>X-Total-Count</c> header of a list, or null.</summary>
    public int? TotalCount { get; }

    public void Dispose() => Json?.Dispose();
}
