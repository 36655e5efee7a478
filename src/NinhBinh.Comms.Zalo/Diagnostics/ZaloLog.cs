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

    [LoggerMessage(EventId = 20, Level = LogLevel.Warning, Message = "Saving the new tokens of OA {OaId} in {Store} failed (attempt {Attempt} of {Attempts}: {Failure}); retrying in {Delay}")]
    public static partial void TokenSaveRetrying(ILogger logger, string oaId, string store, int attempt, int attempts, string failure, TimeSpan delay);

    [LoggerMessage(EventId = 21, Level = LogLevel.Error, Message = "The new tokens of OA {OaId} could not be saved in {Store} after {Attempts} attempts ({Failure}); the refresh token or authorization code they came from is spent, so they exist only in this process. They stay in use and saving is retried on later calls; fix the store before this process stops or the OA must be authorized again")]
    public static partial void TokenSaveFailed(ILogger logger, string oaId, string store, int attempts, string failure);

    [LoggerMessage(EventId = 22, Level = LogLevel.Error, Message = "The tokens of OA {OaId} are still not saved in {Store} ({Failure}); they exist only in this process, next try after {NextAttempt:O}")]
    public static partial void TokenStillUnsaved(ILogger logger, string oaId, string store, string failure, DateTimeOffset nextAttempt);

    [LoggerMessage(EventId = 23, Level = LogLevel.Information, Message = "The unsaved tokens of OA {OaId} are now saved in {Store}")]
    public static partial void UnsavedTokensSaved(ILogger logger, string oaId, string store);

    [LoggerMessage(EventId = 24, Level = LogLevel.Warning, Message = "OA {OaId} was authorized again through {Store} while this process held an unsaved pair; the newer stored pair is used")]
    public static partial void UnsavedTokensSuperseded(ILogger logger, string oaId, string store);

    [LoggerMessage(EventId = 41, Level = LogLevel.Information, Message = "OA {OaId} broadcast article {ArticleId} as message {MessageId}")]
    public static partial void Broadcasted(ILogger logger, string oaId, string articleId, string messageId);
}
