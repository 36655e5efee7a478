using System;
using Microsoft.Extensions.Logging;

namespace NinhBinh.Comms.Zalo.Internal;

/// <summary>Source-generated log messages. None carries a token, a secret or a phone number.</summary>
internal static partial class ZaloLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Zalo {Operation} for OA {OaId} succeeded")]
    public static partial void OperationSucceeded(ILogger logger, string operation, string oaId);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Zalo {Operation} for OA {OaId} failed with {ZaloCode} ({Meaning})")]
    public static partial void OperationFailed(ILogger logger, string operation, string oaId, int zaloCode, string meaning);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Access token of OA {OaId} refreshed; valid until {ExpiresAt:O}")]
    public static partial void TokenRefreshed(ILogger logger, string oaId, DateTimeOffset expiresAt);

    [LoggerMessage(EventId = 4, Level = LogLevel.Debug, Message = "Access token of OA {OaId} was already refreshed by another caller")]
    public static partial void RefreshJoined(ILogger logger, string oaId);

    [LoggerMessage(EventId = 5, Level = LogLevel.Error, Message = "Refresh of OA {OaId} was refused ({ZaloCode}): the OA must be authorized again")]
    public static partial void RefreshRejected(ILogger logger, string oaId, int zaloCode);

    [LoggerMessage(EventId = 6, Level = LogLevel.Information, Message = "Zalo rejected the access token of OA {OaId} ({ZaloCode}); refreshing once and retrying once")]
    public static partial void TokenRejected(ILogger logger, string oaId, int zaloCode);

    [LoggerMessage(EventId = 7, Level = LogLevel.Information, Message = "Retrying {Method} {Path} in {Delay} after {Reason} (retry {Attempt})")]
    public static partial void Retrying(ILogger logger, string method, string path, TimeSpan delay, string reason, int attempt);

    [LoggerMessage(EventId = 8, Level = LogLevel.Information, Message = "Authorization code exchanged for OA {OaId}; tokens stored")]
    public static partial void CodeExchanged(ILogger logger, string oaId);
}
