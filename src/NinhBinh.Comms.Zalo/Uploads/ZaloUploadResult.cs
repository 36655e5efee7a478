using System;

namespace NinhBinh.Comms.Zalo;

/// <summary>What Zalo answered to an upload: the id to attach in messages and articles, and when it expires.</summary>
public sealed class ZaloUploadResult
{
    internal ZaloUploadResult(string id, ZaloUploadKind kind, DateTimeOffset expiresAt)
    {
        Id = id;
        Kind = kind;
        ExpiresAt = expiresAt;
    }

    /// <summary>The attachment id (image, gif) or the file token (file).</summary>
    public string Id { get; }

    /// <summary>What was uploaded.</summary>
    public ZaloUploadKind Kind { get; }

    /// <summary>When Zalo forgets the upload (7 days after it); a send with the id after that fails with -100.</summary>
    public DateTimeOffset ExpiresAt { get; }
}
