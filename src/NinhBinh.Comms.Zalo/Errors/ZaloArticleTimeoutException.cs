using System;
using System.Diagnostics.CodeAnalysis;

namespace NinhBinh.Comms.Zalo;

/// <summary>
/// Zalo was still processing an article when verifying timed out (<see cref="ZaloArticleVerifyOptions.Timeout"/>).
/// The article may still be published: verify its <see cref="Token"/> again later.
/// </summary>
[SuppressMessage("Design", "CA1032:Implement standard exception constructors", Justification = "Created by the SDK; callers catch it.")]
public sealed class ZaloArticleTimeoutException : ZaloException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="token">The token of the article being processed.</param>
    /// <param name="attempts">How many verify requests were made.</param>
    /// <param name="elapsed">How long verifying lasted.</param>
    public ZaloArticleTimeoutException(string token, int attempts, TimeSpan elapsed)
        : base(ZaloErrorCodes.ArticleProcessing, $"Zalo was still processing the article after {attempts} verify requests in {elapsed.TotalSeconds:0.#} s; verify its token again later.")
    {
        Token = token;
        Attempts = attempts;
        Elapsed = elapsed;
    }

    /// <summary>The token <c>article/create</c> or <c>article/update</c> returned; verify it again later.</summary>
    public string Token { get; }

    /// <summary>How many verify requests were made.</summary>
    public int Attempts { get; }

    /// <summary>How long verifying lasted.</summary>
    public TimeSpan Elapsed { get; }
}
