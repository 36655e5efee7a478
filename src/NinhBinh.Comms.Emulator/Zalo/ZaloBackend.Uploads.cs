using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace NinhBinh.Comms.Emulator;

/// <summary>Uploads: image (jpg/png ≤ 1 MB), gif (≤ 5 MB), file (pdf/doc/docx ≤ 5 MB), kept 7 days.</summary>
internal sealed partial class ZaloBackend
{
    private const int MaxImageBytes = 1024 * 1024;
    private const int MaxGifOrFileBytes = 5 * 1024 * 1024;
    private static readonly TimeSpan UploadLifetime = TimeSpan.FromDays(7);

    private readonly Dictionary<string, UploadRecord> _uploads = new(StringComparer.Ordinal);

    /// <summary>POST /v2.0/oa/upload/{image,gif,file}.</summary>
    public void MapUploadRoutes(RouteMap map)
    {
        map(HttpMethods.Post, "/v2.0/oa/upload/image", Surface.OpenApi, r => Upload(r, "image"));
        map(HttpMethods.Post, "/v2.0/oa/upload/gif", Surface.OpenApi, r => Upload(r, "gif"));
        map(HttpMethods.Post, "/v2.0/oa/upload/file", Surface.OpenApi, r => Upload(r, "file"));
    }

    // ---- inspection ----------------------------------------------------------------------------------------

    public IReadOnlyList<UploadRecord> GetUploads(string oaId)
    {
        lock (_gate)
        {
            return _uploads.Values.Where(u => u.OaId == oaId).ToArray();
        }
    }

    /// <summary>Whether <paramref name="id"/> is an upload of the OA that has not expired (expired ids answer -100).</summary>
    private bool IsUploadAlive(string oaId, string id, DateTimeOffset now)
        => _uploads.TryGetValue(id, out var upload) && upload.OaId == oaId && upload.ExpiresAt > now;

    /// <summary>Whether a message attachment refers to an upload that expired or never existed (call with the lock held).</summary>
    private bool HasDeadUpload(string oaId, JsonObject? attachment, DateTimeOffset now)
        => UploadIds(attachment).Any(id => !IsUploadAlive(oaId, id, now));

    /// <summary>The upload ids a message attachment refers to: a file's token and its elements' attachment ids.</summary>
    private static IEnumerable<string> UploadIds(JsonObject? attachment)
    {
        if (attachment?["payload"] is not JsonObject payload)
        {
            yield break;
        }

        if (Json.String(payload["token"]) is { Length: > 0 } token)
        {
            yield return token;
        }

        foreach (var element in (payload["elements"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (Json.String(element["attachment_id"]) is { Length: > 0 } id)
            {
                yield return id;
            }
        }
    }

    // ---- endpoints -----------------------------------------------------------------------------------------

    public Reply Upload(ApiRequest request, string kind)
    {
        var file = request.Files.FirstOrDefault(f => f.FieldName == "file");
        if (file is null)
        {
            return Json.Error(-201, "The multipart field 'file' is missing.");
        }

        var type = Sniff(file.Content);
        var accepted = kind switch
        {
            "image" => type is "jpg" or "png",
            "gif" => type is "gif",
            _ => type is "pdf" or "doc" or "docx",
        };
        if (!accepted)
        {
            return Json.Error(-201, kind switch
            {
                "image" => "An image must be a JPEG or PNG.",
                "gif" => "A gif must be a GIF.",
                _ => "A file must be a PDF, DOC or DOCX.",
            });
        }

        var max = kind == "image" ? MaxImageBytes : MaxGifOrFileBytes;
        if (file.Content.Length > max)
        {
            return Json.Error(-210, $"The {kind} is larger than {max / (1024 * 1024)} MB.");
        }

        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        lock (_gate)
        {
            _uploads[id] = new UploadRecord(id, request.Grant!.OaId, kind, file.FileName, file.Content.Length, Now + UploadLifetime);
        }

        return Json.Success(new JsonObject { [kind == "file" ? "token" : "attachment_id"] = id });
    }

    private static string? Sniff(byte[] b)
    {
        static bool Starts(byte[] content, ReadOnlySpan<byte> magic) => content.AsSpan().StartsWith(magic);

        if (Starts(b, [0xFF, 0xD8, 0xFF]))
        {
            return "jpg";
        }

        if (Starts(b, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return "png";
        }

        if (Starts(b, "GIF87a"u8) || Starts(b, "GIF89a"u8))
        {
            return "gif";
        }

        if (Starts(b, "%PDF-"u8))
        {
            return "pdf";
        }

        if (Starts(b, [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]))
        {
            return "doc";
        }

        return Starts(b, [0x50, 0x4B, 0x03, 0x04]) ? "docx" : null;
    }
}
