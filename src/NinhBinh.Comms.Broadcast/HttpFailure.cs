using System;
using System.IO;
using System.Net.Http;
using System.Net.Sockets;

namespace NinhBinh.Comms.Broadcast;

/// <summary>What the package's HTTP clients (boards, TTS, play sources) treat as "the other side could not be reached".</summary>
internal static class HttpFailure
{
    /// <summary>
    /// An HTTP exchange that failed on the connection: <see cref="HttpRequestException"/>, an I/O error, or a bare
    /// <see cref="SocketException"/> (SocketsHttpHandler lets one out, e.g. ENOTCONN, when the peer resets the
    /// connection while it is being set up).
    /// </summary>
    public static bool IsConnectionFailure(Exception exception) => exception is HttpRequestException or IOException or SocketException;
}
