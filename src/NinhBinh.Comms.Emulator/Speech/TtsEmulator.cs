using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;

namespace NinhBinh.Comms.Emulator.Speech;

/// <summary>
/// A real HTTP server on 127.0.0.1 that answers the text-to-speech APIs of Zalo AI (<c>POST /v1/tts/synthesize</c>),
/// FPT.AI (<c>POST /hmi/tts/v5</c>) and Viettel AI (<c>POST /tts/speech_synthesis</c>) as they do: keys checked, the
/// providers' limits enforced with their errors, small valid audio files whose length grows with the text, URLs that
/// expire (and FPT.AI's <c>async</c> URL that answers 404 for a while), fault switches and a record of the texts
/// received. All members are thread-safe.
/// </summary>
public sealed partial class TtsEmulator : IAsyncDisposable
{
    private readonly TtsEmulatorOptions _options;
    private readonly TimeProvider _time;
    private readonly object _gate = new();
    private readonly List<TtsRequestRecord> _requests = [];
    private readonly Dictionary<string, StoredAudio> _audio = new(StringComparer.Ordinal);
    private WebApplication? _app;
    private int _failNext;
    private int _failStatus = 500;
    private int _rateLimitNext;
    private int _stallNext;
    private TimeSpan _retryAfter;
    private long _characterQuota = long.MaxValue;
    private int _disposed;
    private int _audioRequests;

    private TtsEmulator(TtsEmulatorOptions options)
    {
        _options = options;
        _time = options.TimeProvider ?? TimeProvider.System;
    }

    /// <summary>The root address, e.g. <c>http://127.0.0.1:41234/</c>; use it as every provider's <c>BaseUrl</c>.</summary>
    public Uri BaseUri { get; private set; } = new("http://127.0.0.1/");

    /// <summary>Every synthesis request received, in order (faulted and refused ones included).</summary>
    public IReadOnlyList<TtsRequestRecord> Requests
    {
        get
        {
            lock (_gate)
            {
                return _requests.ToArray();
            }
        }
    }

    /// <summary>The texts of the synthesis requests that were answered with audio, in order of arrival.</summary>
    public IReadOnlyList<string> SynthesizedTexts => Requests.Where(r => r.Synthesized).Select(r => r.Text).ToArray();

    /// <summary>How many audio downloads (GET or HEAD on an audio URL) were made.</summary>
    public int AudioRequests
    {
        get
        {
            lock (_gate)
            {
                return _audioRequests;
            }
        }
    }

    /// <summary>Starts an emulator listening on 127.0.0.1.</summary>
    /// <param name="options">Settings; defaults when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running emulator; dispose it to stop it.</returns>
    public static async Task<TtsEmulator> StartAsync(TtsEmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new TtsEmulatorOptions();
        ArgumentOutOfRangeException.ThrowIfNegative(options.Port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Port, 65535);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.UrlLifetime, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.FptAiReadyAfter, TimeSpan.Zero);
        var emulator = new TtsEmulator(options);
        try
        {
            await emulator.StartCoreAsync(options.Port, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await emulator.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return emulator;
    }

    /// <summary>Answers the next <paramref name="count"/> synthesis requests with <paramref name="status"/> (a server error by default).</summary>
    /// <param name="count">How many requests fail.</param>
    /// <param name="status">The HTTP status, 500–599 by default 500.</param>
    public void FailNext(int count, int status = 500)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(status, 400);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(status, 599);
        lock (_gate)
        {
            _failNext = count;
            _failStatus = status;
        }
    }

    /// <summary>Answers the next <paramref name="count"/> synthesis requests with 429 and a <c>Retry-After</c> header.</summary>
    /// <param name="count">How many requests are rate limited.</param>
    /// <param name="retryAfter">The wait announced (whole seconds).</param>
    public void RateLimitNext(int count, TimeSpan retryAfter)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(retryAfter, TimeSpan.Zero);
        lock (_gate)
        {
            _rateLimitNext = count;
            _retryAfter = retryAfter;
        }
    }

    /// <summary>Holds the next <paramref name="count"/> synthesis requests without answering until the client gives up (a timeout).</summary>
    /// <param name="count">How many requests stall.</param>
    public void StallNext(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (_gate)
        {
            _stallNext = count;
        }
    }

    /// <summary>
    /// Sets how many more characters the keys may synthesize; past it each provider answers its quota error
    /// (Zalo AI <c>error_code -6</c>, FPT.AI <c>error 1</c>, Viettel AI <c>code 402</c>). Unlimited by default.
    /// </summary>
    /// <param name="characters">The characters left.</param>
    public void SetCharacterQuota(long characters)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(characters);
        lock (_gate)
        {
            _characterQuota = characters;
        }
    }

    /// <summary>Stops the server and releases it.</summary>
    /// <returns>A task that completes when the server is gone.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1 || _app is null)
        {
            return;
        }

        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private sealed record StoredAudio(byte[] Bytes, string MediaType, DateTimeOffset AvailableFrom, DateTimeOffset ExpiresAt);
}
