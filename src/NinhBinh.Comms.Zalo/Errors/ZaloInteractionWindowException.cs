using System;
using System.Diagnostics.CodeAnalysis;

namespace NinhBinh.Comms.Zalo;

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
