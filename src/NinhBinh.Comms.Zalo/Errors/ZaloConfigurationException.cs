using System;
using System.Diagnostics.CodeAnalysis;

namespace NinhBinh.Comms.Zalo;

/// <summary>
/// Zalo refused the request because the app is set up wrongly (<c>-242</c>: the <c>appsecret_proof</c> header does not
/// match the access token): check the app secret and <see cref="ZaloClientOptions.UseAppSecretProof"/>. The SDK does not
/// refresh the token for it, and authorizing the OA again would not help.
/// </summary>
[SuppressMessage("Design", "CA1032:Implement standard exception constructors", Justification = "Created by the SDK from a Zalo answer; callers catch it.")]
public sealed class ZaloConfigurationException : ZaloException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="zaloCode">The Zalo error code.</param>
    /// <param name="message">What happened; never a token or secret.</param>
    /// <param name="innerException">The cause, if any.</param>
    public ZaloConfigurationException(int zaloCode, string message, Exception? innerException = null)
        : base(zaloCode, message, innerException)
    {
    }

    /// <inheritdoc />
    public override ZaloErrorKind Kind => ZaloErrorKind.Configuration;
}
