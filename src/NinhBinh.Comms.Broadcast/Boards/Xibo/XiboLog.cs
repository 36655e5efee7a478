using System;
using Microsoft.Extensions.Logging;

namespace NinhBinh.Comms.Broadcast.Boards.Xibo;

/// <summary>Source-generated log messages. None carries a token or a secret.</summary>
internal static partial class XiboLog
{
    [LoggerMessage(EventId = 801, Level = LogLevel.Debug, Message = "Xibo {System}: {Method} {Path} answered {Status}")]
    public static partial void Answered(ILogger logger, string system, string method, string path, int status);

    [LoggerMessage(EventId = 802, Level = LogLevel.Information, Message = "Xibo {System}: access token obtained, valid until {ExpiresAt:O}")]
    public static partial void TokenObtained(ILogger logger, string system, DateTimeOffset expiresAt);

    [LoggerMessage(EventId = 803, Level = LogLevel.Information, Message = "Xibo {System}: {Method} {Path} answered 401; getting a new token once and retrying once")]
    public static partial void TokenRejected(ILogger logger, string system, string method, string path);

    [LoggerMessage(EventId = 804, Level = LogLevel.Warning, Message = "Xibo {System}: {Failure}")]
    public static partial void Failed(ILogger logger, string system, string failure);

    [LoggerMessage(EventId = 805, Level = LogLevel.Information, Message = "Xibo {System}: layout {LayoutId} (campaign {CampaignId}) {Action} on display group {DisplayGroupId}")]
    public static partial void Published(ILogger logger, string system, int layoutId, int campaignId, string action, string displayGroupId);
}
