using System;
using System.Diagnostics.CodeAnalysis;

namespace NinhBinh.Comms.Zalo;

/// <summary>Promotion messages (<c>-234</c>) and ZNS template messages (<c>-133</c>) are not sent between 22:00 and 06:00 Vietnam time.</summary>
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
