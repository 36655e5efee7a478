using System;
using System.Diagnostics.CodeAnalysis;

namespace NinhBinh.Comms.Zalo;

/// <summary>The OA's grant is gone (token invalid or expired after one refresh, refresh token rejected, no token stored): the OA must be authorized again. <see cref="OaId"/> names it.</summary>
[SuppressMessage("Design", "CA1032:Implement standard exception constructors", Justification = "Created by the SDK from a Zalo answer; callers catch it.")]
public sealed class ZaloReauthorizationRequiredException : ZaloException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="oaId">The OA that must be authorized again.</param>
    /// <param name="zaloCode">The Zalo error code behind it, or 0.</param>
    /// <param name="message">What happened; never a token.</param>
    /// <param name="innerException">The cause, if any.</param>
    public ZaloReauthorizationRequiredException(string oaId, int zaloCode, string message, Exception? innerException = null)
        : base(zaloCode, message, innerException)
    {
        OaId = oaId;
    }

    /// <summary>The OA that must be authorized again.</summary>
    public string OaId { get; }

    /// <inheritdoc />
    public override ZaloErrorKind Kind => ZaloErrorKind.ReauthorizationRequired;
}
