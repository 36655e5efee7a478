using System;

namespace NinhBinh.Comms.Broadcast.Cap;

/// <summary>A CAP 1.2 <c>resource</c>: a file (audio for speakers, image for boards) that goes with an info.</summary>
public sealed class CapResource
{
    /// <summary>The <c>resourceDesc</c> (required): what the resource is, for example "Bản tin âm thanh".</summary>
    public string Description { get; init; } = string.Empty;

    /// <summary>The <c>mimeType</c> (required), for example <c>audio/mpeg</c>.</summary>
    public string MimeType { get; init; } = string.Empty;

    /// <summary>The <c>size</c> in bytes, if known.</summary>
    public long? Size { get; init; }

    /// <summary>The <c>uri</c> where the resource can be fetched (kept as written).</summary>
    public string? Uri { get; init; }

    /// <summary>The <c>derefUri</c>: the content itself, base64-encoded.</summary>
    public string? DerefUri { get; init; }

    /// <summary>The <c>digest</c>: SHA-1 of the content, hexadecimal (CAP 1.2).</summary>
    public string? Digest { get; init; }

    /// <summary>Computes the CAP 1.2 digest (SHA-1, lowercase hexadecimal) of content.</summary>
    /// <param name="content">The resource's bytes.</param>
    /// <returns>The digest text.</returns>
    public static string ComputeDigest(byte[] content)
    {
        if (content is null)
        {
            throw new ArgumentNullException(nameof(content));
        }

#pragma warning disable CA5350 // SHA-1 is what CAP 1.2 prescribes for <digest>; it is not used for security here.
        using var sha1 = System.Security.Cryptography.SHA1.Create();
        var hash = sha1.ComputeHash(content);
#pragma warning restore CA5350
        var chars = new char[hash.Length * 2];
        for (var i = 0; i < hash.Length; i++)
        {
            chars[2 * i] = "0123456789abcdef"[hash[i] >> 4];
            chars[(2 * i) + 1] = "0123456789abcdef"[hash[i] & 0xF];
        }

        return new string(chars);
    }
}
