using System;
using Microsoft.Extensions.Logging;

namespace NinhBinh.Comms.Broadcast.Boards.Anthias;

/// <summary>Source-generated log messages of the Anthias adapter. None carries the password.</summary>
internal static partial class AnthiasLog
{
    [LoggerMessage(EventId = 801, Level = LogLevel.Information, Message = "{System}: interrupt asset {AssetId} shown now until {Until:O}")]
    public static partial void InterruptShown(ILogger logger, string system, string assetId, DateTimeOffset until);

    [LoggerMessage(EventId = 802, Level = LogLevel.Information, Message = "{System}: reverted, {Removed} interrupt asset(s) removed")]
    public static partial void Reverted(ILogger logger, string system, int removed);

    [LoggerMessage(EventId = 803, Level = LogLevel.Information, Message = "{System}: asset {AssetId} scheduled from {From:O} until {Until:O}")]
    public static partial void Scheduled(ILogger logger, string system, string assetId, DateTimeOffset from, DateTimeOffset until);

    [LoggerMessage(EventId = 804, Level = LogLevel.Warning, Message = "{System}: the device is unreachable ({Reason})")]
    public static partial void Unreachable(ILogger logger, string system, string reason);

    [LoggerMessage(EventId = 805, Level = LogLevel.Warning, Message = "{System}: {Method} {Path} failed: {Failure}")]
    public static partial void RequestFailed(ILogger logger, string system, string method, string path, string failure);
}
