using System;
using Microsoft.Extensions.Logging;

namespace NinhBinh.Comms.Broadcast.Radio.Speech;

/// <summary>Source-generated log messages. None carries the text, a key or a token.</summary>
internal static partial class SpeechLog
{
    [LoggerMessage(EventId = 7101, Level = LogLevel.Debug, Message = "Text-to-speech with {Provider}: {Chunks} chunk(s), {Characters} characters")]
    public static partial void Synthesizing(ILogger logger, string provider, int chunks, int characters);

    [LoggerMessage(EventId = 7102, Level = LogLevel.Debug, Message = "Text-to-speech with {Provider}: chunk {Chunk} from the cache")]
    public static partial void CacheHit(ILogger logger, string provider, int chunk);

    [LoggerMessage(EventId = 7103, Level = LogLevel.Information, Message = "Text-to-speech with {Provider}: chunk {Chunk} failed (HTTP {Status}, {Reason}); attempt {Attempt} in {Delay}")]
    public static partial void Retrying(ILogger logger, string provider, int chunk, int status, string reason, int attempt, TimeSpan delay);

    [LoggerMessage(EventId = 7104, Level = LogLevel.Warning, Message = "Text-to-speech with {Provider}: chunk {Chunk} failed for good (HTTP {Status}, error {ErrorCode}, transient {Transient})")]
    public static partial void Failed(ILogger logger, string provider, int chunk, int status, string? errorCode, bool transient);
}
