using System;
using System.Globalization;
using System.Net.Http;
using System.Threading;

namespace NinhBinh.Comms.Zalo.Internal;

/// <summary>Classifies transport failures (never the caller's own cancellation).</summary>
internal static class ZaloTransport
{
    public static bool IsTransportFailure(Exception exception, CancellationToken cancellationToken)
    {
        var inner = Unwrap(exception);
        return inner is HttpRequestException or System.IO.IOException or System.Net.Sockets.SocketException or TimeoutException
            || (inner is OperationCanceledException && !cancellationToken.IsCancellationRequested);
    }

    /// <summary>Refit wraps transport failures in its own exception types; callers see the transport failure itself.</summary>
    public static Exception Unwrap(Exception exception)
        => exception.InnerException is { } inner && exception.GetType().Namespace == "Refit" ? inner : exception;

    public static string Describe(Exception exception)
        => exception is TimeoutException or OperationCanceledException ? "timed out" : exception.GetType().Name + ": " + Redaction.Scrub(exception.Message);

    public static string Seconds(TimeSpan value) => value.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture);
}
