using System;
using Microsoft.Extensions.Logging;

namespace NinhBinh.Comms.Broadcast.Radio.Icecast;

/// <summary>Source-generated log messages of the Icecast source client. None carries the password.</summary>
internal static partial class IcecastLog
{
    [LoggerMessage(EventId = 7100, Level = LogLevel.Information, Message = "Icecast {Server}{Mount} accepted the source ({ContentType})")]
    public static partial void Connected(ILogger logger, Uri server, string mount, string contentType);

    [LoggerMessage(EventId = 7101, Level = LogLevel.Warning, Message = "Icecast {Server}{Mount} refused the source: {Status} {Reason}")]
    public static partial void Refused(ILogger logger, Uri server, string mount, int status, string reason);

    [LoggerMessage(EventId = 7102, Level = LogLevel.Warning, Message = "Icecast connection to {Server}{Mount} dropped after {BytesSent} bytes ({Reason}); reconnect attempt {Attempt} of {Attempts} in {Delay}")]
    public static partial void Reconnecting(ILogger logger, Uri server, string mount, long bytesSent, string reason, int attempt, int attempts, TimeSpan delay);

    [LoggerMessage(EventId = 7103, Level = LogLevel.Information, Message = "Icecast {Server}{Mount} reconnected; continuing from byte {BytesSent} (reconnect {Reconnects})")]
    public static partial void Reconnected(ILogger logger, Uri server, string mount, long bytesSent, int reconnects);

    [LoggerMessage(EventId = 7104, Level = LogLevel.Information, Message = "Icecast stream to {Server}{Mount} completed: {BytesSent} bytes, {Reconnects} reconnects")]
    public static partial void Completed(ILogger logger, Uri server, string mount, long bytesSent, int reconnects);

    [LoggerMessage(EventId = 7105, Level = LogLevel.Error, Message = "Icecast stream to {Server}{Mount} gave up after {Attempts} reconnect attempts and {BytesSent} bytes")]
    public static partial void GaveUp(ILogger logger, Uri server, string mount, int attempts, long bytesSent);
}
