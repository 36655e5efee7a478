using System;
using System.Diagnostics.CodeAnalysis;

namespace NinhBinh.Comms.Zalo;

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
