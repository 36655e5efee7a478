using System;
using System.Diagnostics.CodeAnalysis;

namespace NinhBinh.Comms.Zalo;

/// <summary>
/// A new token pair of the OA named by <see cref="OaId"/> (from a refresh or a code exchange) could not be saved in the
/// token store, even after retries. The refresh token it replaced is already spent, so the pair exists only in this
/// process: the SDK keeps using it, tries to save it again on later calls, and logs an error until it succeeds. Fix the
/// store (disk space, permissions, a file held open, a database that is down) before this process stops, or the OA will
/// have to be authorized again. <see cref="Exception.InnerException"/> is the store's last failure.
/// </summary>
/// <remarks>
/// The call that gets this exception can be repeated: later calls in this process use the kept pair, so
/// <see cref="CommsException.IsTransient"/> is <see langword="true"/>.
/// </remarks>
[SuppressMessage("Design", "CA1032:Implement standard exception constructors", Justification = "Created by the SDK when a token store fails; callers catch it.")]
public sealed class ZaloTokenPersistenceException : ZaloException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="oaId">The OA whose new pair is not saved.</param>
    /// <param name="message">What happened; never a token.</param>
    /// <param name="innerException">The store's last failure.</param>
    public ZaloTokenPersistenceException(string oaId, string message, Exception? innerException)
        : base(0, message, innerException)
    {
        OaId = oaId;
        IsTransient = true;
    }

    /// <summary>The OA whose new token pair is kept only in this process's memory.</summary>
    public string OaId { get; }
}
