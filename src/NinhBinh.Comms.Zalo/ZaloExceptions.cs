using System;
using System.Diagnostics.CodeAnalysis;

namespace NinhBinh.Comms.Zalo;

// The typed Zalo errors callers act on. The SDK creates them from Zalo's error codes (ZaloErrorCodes); each keeps the
// code and its meaning (ZaloException.ZaloCode, ZaloException.Meaning).

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

/// <summary>Zalo answered <c>-32</c>: too many requests from the app in a minute. Transient; wait and retry.</summary>
[SuppressMessage("Design", "CA1032:Implement standard exception constructors", Justification = "Created by the SDK from a Zalo answer; callers catch it.")]
public sealed class ZaloRateLimitedException : ZaloException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="zaloCode">The Zalo error code.</param>
    /// <param name="message">What happened; never a token or phone number.</param>
    /// <param name="innerException">The cause, if any.</param>
    public ZaloRateLimitedException(int zaloCode, string message, Exception? innerException = null)
        : base(zaloCode, message, innerException)
    {
    }

    /// <inheritdoc />
    public override ZaloErrorKind Kind => ZaloErrorKind.RateLimited;
}

/// <summary>The user has not interacted with the OA recently enough (<c>-230</c>, <c>-232</c>): consultation messages are not allowed until they do.</summary>
[SuppressMessage("Design", "CA1032:Implement standard exception constructors", Justification = "Created by the SDK from a Zalo answer; callers catch it.")]
public sealed class ZaloInteractionWindowException : ZaloException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="zaloCode">The Zalo error code.</param>
    /// <param name="message">What happened; never a token or phone number.</param>
    /// <param name="innerException">The cause, if any.</param>
    public ZaloInteractionWindowException(int zaloCode, string message, Exception? innerException = null)
        : base(zaloCode, message, innerException)
    {
    }

    /// <inheritdoc />
    public override ZaloErrorKind Kind => ZaloErrorKind.OutsideInteractionWindow;
}

/// <summary>A quota is used up (<c>-211</c>, <c>-218</c>, …).</summary>
[SuppressMessage("Design", "CA1032:Implement standard exception constructors", Justification = "Created by the SDK from a Zalo answer; callers catch it.")]
public sealed class ZaloQuotaExhaustedException : ZaloException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="zaloCode">The Zalo error code.</param>
    /// <param name="message">What happened; never a token or phone number.</param>
    /// <param name="innerException">The cause, if any.</param>
    public ZaloQuotaExhaustedException(int zaloCode, string message, Exception? innerException = null)
        : base(zaloCode, message, innerException)
    {
    }

    /// <inheritdoc />
    public override ZaloErrorKind Kind => ZaloErrorKind.QuotaExhausted;
}

/// <summary>Zalo refused the request as invalid (<c>-201</c>, <c>-210</c>, …): fix it before sending again.</summary>
[SuppressMessage("Design", "CA1032:Implement standard exception constructors", Justification = "Created by the SDK from a Zalo answer; callers catch it.")]
public sealed class ZaloInvalidRequestException : ZaloException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="zaloCode">The Zalo error code.</param>
    /// <param name="message">What happened; never a token or phone number.</param>
    /// <param name="innerException">The cause, if any.</param>
    public ZaloInvalidRequestException(int zaloCode, string message, Exception? innerException = null)
        : base(zaloCode, message, innerException)
    {
    }

    /// <inheritdoc />
    public override ZaloErrorKind Kind => ZaloErrorKind.InvalidRequest;
}

/// <summary>The user does not follow the OA (<c>-213</c>).</summary>
[SuppressMessage("Design", "CA1032:Implement standard exception constructors", Justification = "Created by the SDK from a Zalo answer; callers catch it.")]
public sealed class ZaloNotFollowerException : ZaloException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="zaloCode">The Zalo error code.</param>
    /// <param name="message">What happened; never a token or phone number.</param>
    /// <param name="innerException">The cause, if any.</param>
    public ZaloNotFollowerException(int zaloCode, string message, Exception? innerException = null)
        : base(zaloCode, message, innerException)
    {
    }

    /// <inheritdoc />
    public override ZaloErrorKind Kind => ZaloErrorKind.NotFollower;
}

/// <summary>Promotion messages are not sent between 22:00 and 06:00 Vietnam time (<c>-234</c>).</summary>
[SuppressMessage("Design", "CA1032:Implement standard exception constructors", Justification = "Created by the SDK from a Zalo answer; callers catch it.")]
public sealed class ZaloNightBanException : ZaloException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="zaloCode">The Zalo error code.</param>
    /// <param name="message">What happened; never a token or phone number.</param>
    /// <param name="innerException">The cause, if any.</param>
    public ZaloNightBanException(int zaloCode, string message, Exception? innerException = null)
        : base(zaloCode, message, innerException)
    {
    }

    /// <inheritdoc />
    public override ZaloErrorKind Kind => ZaloErrorKind.NightBan;
}

/// <summary>
/// A message send (or token request) failed in a way that leaves its outcome unknown: the request may have reached
/// Zalo (a timeout or a dropped connection after it was written). The SDK does not retry it, to never send twice;
/// check the conversation before sending again.
/// </summary>
[SuppressMessage("Design", "CA1032:Implement standard exception constructors", Justification = "Created by the SDK; callers catch it.")]
public sealed class ZaloOutcomeUnknownException : ZaloException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What happened.</param>
    /// <param name="innerException">The transport failure.</param>
    public ZaloOutcomeUnknownException(string message, Exception? innerException)
        : base(0, message, innerException)
    {
    }
}
