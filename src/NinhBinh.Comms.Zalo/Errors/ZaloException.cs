using System;
using System.Globalization;

namespace NinhBinh.Comms.Zalo;

/// <summary>
/// A Zalo API error: an HTTP-200 envelope with <c>error != 0</c>, an OAuth error, or an HTTP failure of a Zalo endpoint.
/// <see cref="Kind"/> tells what the caller can do; <see cref="ZaloCode"/> and <see cref="Meaning"/> tell exactly what Zalo said.
/// </summary>
public class ZaloException : CommsException
{
    /// <summary>Creates a generic Zalo exception.</summary>
    public ZaloException()
        : this(0, "Zalo request failed.")
    {
    }

    /// <summary>Creates a Zalo exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public ZaloException(string message)
        : this(0, message)
    {
    }

    /// <summary>Creates a Zalo exception with a message and a cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public ZaloException(string message, Exception? innerException)
        : this(0, message, innerException)
    {
    }

    /// <summary>Creates a Zalo exception for a Zalo error code.</summary>
    /// <param name="zaloCode">The Zalo error code (0 when the failure carried none).</param>
    /// <param name="message">What went wrong; never a token, secret or phone number.</param>
    /// <param name="innerException">The cause, if any.</param>
    public ZaloException(int zaloCode, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        ZaloCode = zaloCode;
        Channel = "zalo";
        ErrorCode = zaloCode == 0 ? null : zaloCode.ToString(CultureInfo.InvariantCulture);
        IsTransient = ZaloErrorCodes.GetKind(zaloCode) == ZaloErrorKind.RateLimited;
    }

    /// <summary>The Zalo error code, or 0 when the failure carried none (for example an HTTP 503).</summary>
    public int ZaloCode { get; }

    /// <summary>What kind of failure this is; each kind but <see cref="ZaloErrorKind.Other"/> has its own exception type.</summary>
    public virtual ZaloErrorKind Kind => ZaloErrorKind.Other;

    /// <summary>The meaning of <see cref="ZaloCode"/>.</summary>
    public string Meaning => ZaloErrorCodes.Describe(ZaloCode);

    /// <summary>Creates the exception type that matches a Zalo error code.</summary>
    /// <param name="zaloCode">The Zalo error code.</param>
    /// <param name="message">What happened; never a token or phone number.</param>
    /// <param name="oaId">The OA concerned, if any (named by re-authorization errors).</param>
    /// <param name="status">
    /// The HTTP status Zalo answered with; Zalo's error envelopes usually come with 200, and then <see cref="CommsException.Status"/> is 200.
    /// 0 when there was no HTTP response.
    /// </param>
    /// <returns>The typed exception (<see cref="ZaloException"/> itself for other codes).</returns>
    public static ZaloException FromCode(int zaloCode, string message, string? oaId = null, int status = 0) => ZaloErrorCodes.GetKind(zaloCode) switch
    {
        ZaloErrorKind.ReauthorizationRequired => new ZaloReauthorizationRequiredException(oaId ?? string.Empty, zaloCode, message) { Status = status },
        ZaloErrorKind.RateLimited => new ZaloRateLimitedException(zaloCode, message) { Status = status },
        ZaloErrorKind.OutsideInteractionWindow => new ZaloInteractionWindowException(zaloCode, message) { Status = status },
        ZaloErrorKind.QuotaExhausted => new ZaloQuotaExhaustedException(zaloCode, message) { Status = status },
        ZaloErrorKind.InvalidRequest => new ZaloInvalidRequestException(zaloCode, message) { Status = status },
        ZaloErrorKind.NotFollower => new ZaloNotFollowerException(zaloCode, message) { Status = status },
        ZaloErrorKind.NightBan => new ZaloNightBanException(zaloCode, message) { Status = status },
        ZaloErrorKind.Configuration => new ZaloConfigurationException(zaloCode, message) { Status = status },
        _ => new ZaloException(zaloCode, message) { Status = status },
    };
}
