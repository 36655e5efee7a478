using System;
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace NinhBinh.Comms.Broadcast.Radio.Speech;

/// <summary>
/// FPT.AI text-to-speech v5: <c>POST {BaseUrl}hmi/tts/v5</c> with the text as the body and headers <c>api-key</c>,
/// <c>voice</c> and <c>speed</c>; the answer's <c>async</c> URL becomes available after a few seconds, so it is looked
/// at (GET, with growing waits on the injected clock, up to <see cref="FptAiSpeechOptions.PollTimeout"/>) until it
/// answers 200 with audio, and then returned. FPT.AI has no pause markup.
/// </summary>
public sealed class FptAiTextToSpeech : ITextToSpeech
{
    private const string Provider = "fpt-ai";
    private static readonly TimeSpan _maxPollWait = TimeSpan.FromSeconds(5);
    private readonly HttpClient _http;
    private readonly FptAiSpeechOptions _options;
    private readonly TimeProvider _time;
    private readonly Uri _endpoint;

    /// <summary>Creates the adapter.</summary>
    /// <param name="options">Settings; checked now.</param>
    /// <param name="httpClient">The HTTP client, or <see langword="null"/> for one shared by the adapters.</param>
    /// <param name="timeProvider">The clock for polling and URL expiry; the system clock when <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">A setting is missing or out of range.</exception>
    public FptAiTextToSpeech(FptAiSpeechOptions options, HttpClient? httpClient = null, TimeProvider? timeProvider = null)
    {
        _http = httpClient ?? SpeechHttp.SharedClient;
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _options.Validate();
        _time = timeProvider ?? TimeProvider.System;
        _endpoint = SpeechOptionChecks.Endpoint(_options.BaseUrl, "hmi/tts/v5");
    }

    /// <inheritdoc />
    public string Name => Provider;

    /// <inheritdoc />
    public int MaxTextLength => FptAiSpeechOptions.MaxInputLength;

    /// <inheritdoc />
    public string? PauseMarkup(TimeSpan pause) => null;

    /// <inheritdoc />
    public async Task<SpeechAudio> SynthesizeAsync(string text, SpeechRequestOptions? options, CancellationToken cancellationToken)
    {
        var input = SpeechOptionChecks.Text(text, MaxTextLength, Provider, FptAiSpeechOptions.MinInputLength);
        var voice = options?.Voice ?? _options.Voice;
        CheckVoice(voice, "options.Voice");
        var speed = options?.Speed ?? _options.Speed;
        if (speed is < -3 or > 3 || Math.Abs(speed - Math.Round(speed)) > 0)
        {
            throw new ArgumentException(string.Format(CultureInfo.InvariantCulture, "options.Speed: {0} is not a whole number between -3 and 3.", speed), nameof(options));
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, _endpoint)
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(input)),
        };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", "text/plain; charset=utf-8");
        request.Headers.TryAddWithoutValidation("api-key", _options.ApiKey);
        request.Headers.TryAddWithoutValidation("voice", voice);
        request.Headers.TryAddWithoutValidation("speed", ((int)speed).ToString(CultureInfo.InvariantCulture));

        Uri audioUrl;
        using (var response = await SpeechHttp.SendAsync(_http, request, Provider, cancellationToken).ConfigureAwait(false))
        {
            await SpeechHttp.EnsureSuccessAsync(response, Provider, ReadError).ConfigureAwait(false);
            var body = await SpeechHttp.ReadStringAsync(response, cancellationToken).ConfigureAwait(false);
            audioUrl = ReadAsyncUrl(body, (int)response.StatusCode);
        }

        var started = _time.GetTimestamp();
        var wait = _options.PollInterval;
        while (true)
        {
            await SpeechTime.DelayAsync(_time, wait, cancellationToken).ConfigureAwait(false);
            if (await IsReadyAsync(audioUrl, cancellationToken).ConfigureAwait(false))
            {
                return SpeechAudio.FromUrl(audioUrl, "audio/mpeg", _time.GetUtcNow() + _options.UrlLifetime);
            }

            if (_time.GetElapsedTime(started) >= _options.PollTimeout)
            {
                throw new SpeechException($"{Provider}: the audio was not ready after {_options.PollTimeout.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s (PollTimeout).")
                {
                    Provider = Provider,
                    Channel = "tts",
                    IsTransient = true,
                };
            }

            wait = TimeSpan.FromTicks(Math.Min(Math.Max(wait.Ticks * 3 / 2, TimeSpan.TicksPerMillisecond * 100), _maxPollWait.Ticks));
        }
    }

    internal static void CheckVoice(string? voice, string name)
    {
        if (string.IsNullOrWhiteSpace(voice) || voice!.Length > 40)
        {
            throw new ArgumentException($"{name}: is not an FPT.AI voice name (e.g. banmai, leminh).", name);
        }

        foreach (var c in voice)
        {
            if (c is not (>= 'a' and <= 'z') and not (>= '0' and <= '9') and not '-' and not '_')
            {
                throw new ArgumentException($"{name}: '{voice}' is not an FPT.AI voice name (lower-case letters, e.g. banmai, leminh).", name);
            }
        }
    }

    private static Uri ReadAsyncUrl(string body, int status)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException ex)
        {
            throw SpeechHttp.BadAnswer(Provider, "the body is not JSON", ex);
        }

        using (document)
        {
            var root = document.RootElement;
            var (code, message) = ReadError(root);
            if (code is not null && code != "0")
            {
                throw new SpeechException($"{Provider} refused the text (error {code}): {message ?? "no message"}.")
                {
                    Provider = Provider,
                    Channel = "tts",
                    ErrorCode = code,
                    ProviderMessage = message,
                    Status = status,
                };
            }

            var url = SpeechHttp.GetString(root, "async");
            if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                throw SpeechHttp.BadAnswer(Provider, "the async URL is missing");
            }

            return uri;
        }
    }

    private async Task<bool> IsReadyAsync(Uri url, CancellationToken cancellationToken)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.OK && !SpeechHttp.IsAudio(response))
            {
                throw SpeechHttp.BadAnswer(Provider, "the async URL answered 200 with something that is not audio (" + (response.Content?.Headers.ContentType?.MediaType ?? "no type") + ")");
            }

            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (Exception ex) when (HttpFailure.IsConnectionFailure(ex))
        {
            return false;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private static (string? Code, string? Message) ReadError(string body)
    {
        using var document = JsonDocument.Parse(body);
        return ReadError(document.RootElement);
    }

    private static (string? Code, string? Message) ReadError(JsonElement root) =>
        (SpeechHttp.GetString(root, "error"), SpeechHttp.GetString(root, "message"));
}
