using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace NinhBinh.Comms.Broadcast.Radio.Speech;

/// <summary>
/// What users call to turn a text into audio with one provider: the text is split with <see cref="SpeechChunker"/> to
/// the provider's limit (a text over the limit is never sent as one request), the chunks are synthesized in order with
/// bounded parallelism, transient failures (5xx, 429 with its Retry-After, timeouts) are retried with backoff on the
/// injected clock, and results are cached per (provider, voice, speed, chunk text): URLs until shortly before their
/// expiry, bytes in a size-bounded least-recently-used cache. Thread-safe.
/// </summary>
public sealed class SpeechSynthesizer
{
    private readonly SpeechSynthesizerOptions _options;
    private readonly TimeProvider _time;
    private readonly SpeechCache? _cache;
    private readonly ILogger _logger;

    /// <summary>Creates a synthesizer.</summary>
    /// <param name="provider">The text-to-speech provider.</param>
    /// <param name="options">Settings; defaults when <see langword="null"/>.</param>
    /// <param name="timeProvider">The clock for backoff and URL expiry; the system clock when <see langword="null"/>.</param>
    /// <param name="logger">Where retries and failures are logged (never the text, a key or a token); none when <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">A setting is out of range, or the provider's limit is too small for the pause markup.</exception>
    public SpeechSynthesizer(ITextToSpeech provider, SpeechSynthesizerOptions? options = null, TimeProvider? timeProvider = null, ILogger<SpeechSynthesizer>? logger = null)
    {
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        Provider = provider ?? throw new ArgumentNullException(nameof(provider));
        _options = options ?? new SpeechSynthesizerOptions();
        _options.Validate();
        _time = timeProvider ?? TimeProvider.System;
        _cache = _options.CacheEnabled ? new SpeechCache(_options.MaxCachedBytes, _options.UrlExpiryMargin, _time) : null;
        if (ChunkLimit(out _) < SpeechChunker.MinMaxLength)
        {
            throw new ArgumentException($"provider: its MaxTextLength {provider.MaxTextLength.ToString(CultureInfo.InvariantCulture)} leaves too little room for text.", nameof(provider));
        }
    }

    /// <summary>The provider.</summary>
    public ITextToSpeech Provider { get; }

    /// <summary>Synthesizes a whole text.</summary>
    /// <param name="text">The text; any length. Empty text or text that is only punctuation is refused.</param>
    /// <param name="options">Voice and speed; the provider's defaults when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the remaining requests and waits.</param>
    /// <returns>The parts in reading order.</returns>
    /// <exception cref="ArgumentException">The text is empty or only punctuation (parameter <c>text</c>), or an option is out of range.</exception>
    /// <exception cref="SpeechException">A chunk failed for good (not transient, or still failing after the last attempt).</exception>
    public async Task<SpeechSynthesis> SynthesizeAsync(string text, SpeechRequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        var limit = ChunkLimit(out var markup);
        var chunks = SpeechChunker.Split(text, limit);
        var texts = new string[chunks.Count];
        for (var i = 0; i < chunks.Count; i++)
        {
            texts[i] = markup is not null && i < chunks.Count - 1 ? chunks[i] + " " + markup : chunks[i];
        }

        SpeechLog.Synthesizing(_logger, Provider.Name, texts.Length, text.Length);
        var parts = new SpeechPart[texts.Length];
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var gate = new SemaphoreSlim(_options.MaxParallelism);
        var tasks = new List<Task>(texts.Length);
        for (var i = 0; i < texts.Length; i++)
        {
            var index = i;
            try
            {
                await gate.WaitAsync(linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // A chunk failed (or the caller cancelled): start no more; the failure is thrown below.
                break;
            }

            tasks.Add(Task.Run(
                async () =>
                {
                    try
                    {
                        parts[index] = await SynthesizeChunkAsync(index, texts[index], options, linked.Token).ConfigureAwait(false);
                    }
                    catch
                    {
                        linked.Cancel();
                        throw;
                    }
                    finally
                    {
                        gate.Release();
                    }
                },
                CancellationToken.None));
        }

        try
        {
            await Task.WhenAll(tasks).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // One chunk failed and cancelled the others: throw that failure, not the cancellations.
            foreach (var task in tasks)
            {
                if (task.IsFaulted && task.Exception?.InnerException is { } failure and not OperationCanceledException)
                {
                    System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
                }
            }

            throw;
        }

        var pause = markup is null && chunks.Count > 1 ? _options.PauseBetweenChunks : null;
        return new SpeechSynthesis(Provider.Name, parts, pause);
    }

    private int ChunkLimit(out string? markup)
    {
        markup = _options.PauseBetweenChunks is { } pause ? Provider.PauseMarkup(pause) : null;
        return markup is null ? Provider.MaxTextLength : Provider.MaxTextLength - markup.Length - 1;
    }

    private async Task<SpeechPart> SynthesizeChunkAsync(int index, string text, SpeechRequestOptions? options, CancellationToken cancellationToken)
    {
        var key = SpeechCache.Key(Provider.Name, options, text);
        if (_cache?.Get(key) is { } cached)
        {
            SpeechLog.CacheHit(_logger, Provider.Name, index + 1);
            return new SpeechPart(text, cached, fromCache: true);
        }

        for (var attempt = 1; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                var audio = await Provider.SynthesizeAsync(text, options, cancellationToken).ConfigureAwait(false);
                _cache?.Put(key, audio);
                return new SpeechPart(text, audio, fromCache: false);
            }
            catch (SpeechException ex) when (ex.IsTransient && attempt < _options.MaxAttempts && (ex.RetryAfter is null || ex.RetryAfter <= _options.MaxRetryAfter))
            {
                var wait = ex.RetryAfter ?? TimeSpan.FromTicks(_options.InitialBackoff.Ticks * (1L << (attempt - 1)));
                SpeechLog.Retrying(_logger, Provider.Name, index + 1, ex.Status, ex.Status == 0 ? "timeout or transport" : ex.RetryAfter is null ? "server error" : "Retry-After", attempt + 1, wait);
                await SpeechTime.DelayAsync(_time, wait, cancellationToken).ConfigureAwait(false);
            }
            catch (SpeechException ex)
            {
                SpeechLog.Failed(_logger, Provider.Name, index + 1, ex.Status, ex.ErrorCode, ex.IsTransient);
                throw;
            }
        }
    }
}
