using System;

namespace NinhBinh.Comms.Broadcast.Radio.Icecast;

/// <summary>
/// An Icecast server refused a source or could not be reached: a wrong user or password (<see cref="CommsException.Status"/>
/// 401), a mount already in use or a content type the mount does not allow (403), an unknown mount (404), a connection
/// refused or dropped (status 0), reconnect attempts exhausted. The message names the server, the mount and the status;
/// it never contains the password.
/// </summary>
public class IcecastException : CommsException
{
    /// <summary>Creates an exception.</summary>
    public IcecastException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What failed.</param>
    public IcecastException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and its cause.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="innerException">The cause.</param>
    public IcecastException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The server, or <see langword="null"/>.</summary>
    public Uri? Server { get; init; }

    /// <summary>The mount, or <see langword="null"/>.</summary>
    public string? Mount { get; init; }

    /// <summary>How many bytes had been sent to the server before the failure.</summary>
    public long BytesSent { get; init; }
}
