using System.Collections.Generic;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace NinhBinh.Comms.Emulator;

/// <summary>A request, read fully, as the handlers see it.</summary>
internal sealed class ApiRequest
{
    public required string Path { get; init; }

    public required IQueryCollection Query { get; init; }

    public required IHeaderDictionary Headers { get; init; }

    public required string Body { get; init; }

    public required IReadOnlyDictionary<string, StringValues> Form { get; init; }

    /// <summary>The file parts of a multipart request; empty for any other body.</summary>
    public IReadOnlyList<UploadedFile> Files { get; init; } = [];

    public AccessTokenRecord? Grant { get; set; }
}
