using System;
using System.IO;
using NinhBinh.Comms.Internal;

namespace NinhBinh.Comms.Zalo.Internal;

/// <summary>
/// Zalo's upload rules, checked before anything is sent: the type by content (magic bytes) and by name, which must
/// agree, and the size limit of the type.
/// </summary>
internal static class ZaloUploadRules
{
    /// <summary>The largest image (jpg/png): 1 MB.</summary>
    public const int MaxImageBytes = 1024 * 1024;

    /// <summary>The largest gif or file (pdf/doc/docx): 5 MB.</summary>
    public const int MaxGifOrFileBytes = 5 * 1024 * 1024;

    /// <summary>How long Zalo keeps an upload.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    public static int MaxBytes(ZaloUploadKind kind) => kind == ZaloUploadKind.Image ? MaxImageBytes : MaxGifOrFileBytes;

    /// <summary>The kind of the upload, or an <see cref="ArgumentException"/> naming what is wrong.</summary>
    public static ZaloUploadKind Check(string fileName, byte[] content)
    {
        Guard.NotNull(content);
        if (string.IsNullOrWhiteSpace(fileName))
        {
            throw new ArgumentException("The upload needs a file name (its extension names its type).", nameof(fileName));
        }

        if (content.Length == 0)
        {
            throw new ArgumentException("The upload is empty.", nameof(content));
        }

        var extension = Path.GetExtension(fileName).ToUpperInvariant();
        var byName = extension switch
        {
            ".JPG" or ".JPEG" => "jpg",
            ".PNG" => "png",
            ".GIF" => "gif",
            ".PDF" => "pdf",
            ".DOC" => "doc",
            ".DOCX" => "docx",
            _ => throw new ArgumentException(
                $"The upload's file name must end in .jpg, .jpeg, .png, .gif, .pdf, .doc or .docx; '{extension}' is not accepted by Zalo.", nameof(fileName)),
        };
        var byContent = Sniff(content)
            ?? throw new ArgumentException("The upload's content is not a JPEG, PNG, GIF, PDF, DOC or DOCX file.", nameof(content));
        if (byContent != byName)
        {
            throw new ArgumentException($"The upload is named as {byName} but its content is {byContent}.", nameof(content));
        }

        var kind = byContent switch
        {
            "jpg" or "png" => ZaloUploadKind.Image,
            "gif" => ZaloUploadKind.Gif,
            _ => ZaloUploadKind.File,
        };
        var max = MaxBytes(kind);
        if (content.Length > max)
        {
            throw new ArgumentException(
                $"The upload is {content.Length} bytes; a {byContent} may be at most {max} bytes ({max / (1024 * 1024)} MB).", nameof(content));
        }

        return kind;
    }

    private static string? Sniff(byte[] b)
    {
        if (StartsWith(b, 0xFF, 0xD8, 0xFF))
        {
            return "jpg";
        }

        if (StartsWith(b, 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A))
        {
            return "png";
        }

        if (StartsWith(b, 0x47, 0x49, 0x46, 0x38) && b.Length >= 6 && (b[4] == 0x37 || b[4] == 0x39) && b[5] == 0x61)
        {
            return "gif";
        }

        if (StartsWith(b, 0x25, 0x50, 0x44, 0x46, 0x2D))
        {
            return "pdf";
        }

        if (StartsWith(b, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1))
        {
            return "doc";
        }

        // A DOCX is a zip package; any zip is taken as one (its parts are not opened here).
        return StartsWith(b, 0x50, 0x4B, 0x03, 0x04) ? "docx" : null;
    }

    private static bool StartsWith(byte[] content, params byte[] magic)
    {
        if (content.Length < magic.Length)
        {
            return false;
        }

        for (var i = 0; i < magic.Length; i++)
        {
            if (content[i] != magic[i])
            {
                return false;
            }
        }

        return true;
    }
}
