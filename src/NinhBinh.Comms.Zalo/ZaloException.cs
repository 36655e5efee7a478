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
        Kind = ZaloErrorCodes.GetKind(zaloCode);
        Channel = "zalo";
        ErrorCode = zaloCode == 0 ? null : zaloCode.ToString(CultureInfo.InvariantCulture);
        IsTransient = Kind == ZaloErrorKind.RateLimited;
    }

    /// <summary>The Zalo error code, or 0 when the failure carried none (for example an HTTP 503).</summary>
    public int ZaloCode { get; }

    /// <summary>What kind of failure this is.</summary>
    public ZaloErrorKind Kind { get; }

    /// <summary>The meaning of <see cref="ZaloCode"/>.</summary>
    public string Meaning => ZaloErrorCodes.Describe(ZaloCode);
}
