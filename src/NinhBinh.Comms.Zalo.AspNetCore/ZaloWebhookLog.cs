using System;
using Microsoft.Extensions.Logging;

namespace NinhBinh.Comms.Zalo.AspNetCore;

/// <summary>Source-generated log messages. None carries a secret, a token, a phone number or message text.</summary>
internal static partial class ZaloWebhookLog
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Warning, Message = "Zalo webhook delivery refused: {Failure} ({Reason})")]
    public static partial void Refused(ILogger logger, ZaloWebhookFailure failure, string reason);

    [LoggerMessage(EventId = 101, Level = LogLevel.Debug, Message = "Zalo webhook event {EventName} ({DedupeKey}) queued; retry {NumRetry}")]
    public static partial void Queued(ILogger logger, string eventName, string dedupeKey, string? numRetry);

    [LoggerMessage(EventId = 102, Level = LogLevel.Debug, Message = "Zalo webhook event {EventName} ({DedupeKey}) was already handled: duplicate ignored")]
    public static partial void Duplicate(ILogger logger, string eventName, string dedupeKey);

    [LoggerMessage(EventId = 103, Level = LogLevel.Warning, Message = "Handler {Handler} failed on Zalo event {EventName} ({DedupeKey}), attempt {Attempt}; retrying in {Delay}")]
    public static partial void HandlerRetrying(ILogger logger, Exception exception, string handler, string eventName, string dedupeKey, int attempt, TimeSpan delay);

    [LoggerMessage(EventId = 104, Level = LogLevel.Error, Message = "Handler {Handler} failed on Zalo event {EventName} ({DedupeKey}) after {Attempts} attempts; the event stays unhandled by it")]
    public static partial void HandlerGaveUp(ILogger logger, Exception exception, string handler, string eventName, string dedupeKey, int attempts);

    [LoggerMessage(EventId = 105, Level = LogLevel.Error, Message = "The Zalo webhook queue is full ({Capacity}); delivery of {EventName} answered 503 so that Zalo retries it")]
    public static partial void QueueFull(ILogger logger, int capacity, string eventName);

    [LoggerMessage(EventId = 106, Level = LogLevel.Error, Message = "The dedupe store failed on Zalo event {EventName} ({DedupeKey}); retrying in {Delay}")]
    public static partial void DedupeStoreFailed(ILogger logger, Exception exception, string eventName, string dedupeKey, TimeSpan delay);
}
