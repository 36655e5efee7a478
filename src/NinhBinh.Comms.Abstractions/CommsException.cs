using System;

namespace NinhBinh.Comms;

/// <summary>
/// The base of every exception that a NinhBinh.Comms service client throws for a failure of the service or the
/// transport. Argument and validation errors are standard .NET exceptions (<see cref="ArgumentException"/> and its
/// kin) naming the parameter; they never derive from this type.
/// </summary>
/// <remarks>
/// Messages never contain access tokens, secrets or phone numbers.
/// </remarks>
public class CommsException : Exception
{
    /// <summary>Creates an exception with a generic message.</summary>
    public CommsException()
        : this("A communication service failed.")
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public CommsException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and the exception that caused it.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public CommsException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The channel or service that failed, for example <c>zalo</c>, or <see langword="null"/>.</summary>
    public string? Channel { get; init; }

    /// <summary>The service's own error code, for example <c>-230</c> for Zalo, or <see langword="null"/>.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>The HTTP status of the response, or 0 when there was none.</summary>
    public int Status { get; init; }

    /// <summary>Whether the same request may succeed later (rate limit, timeout, server busy).</summary>
    public bool IsTransient { get; init; }

    /// <summary>How long the service asked the caller to wait before trying again, when it said.</summary>
    public TimeSpan? RetryAfter { get; init; }
}
