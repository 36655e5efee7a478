using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace NinhBinh.Comms.Broadcast.Radio.Speech;

/// <summary>
/// Zalo AI text-to-speech: <c>POST {BaseUrl}v1/tts/synthesize</c> with header <c>apikey</c> and the form fields
/// <c>input</c> (at most 2,000 characters), <c>speed</c> (0.8–1.2), <c>speaker_id</c> (1–6) and <c>encode_type</c>;
/// the answer <c>{error_code, error_message, data{url}}</c> carries a temporary URL. A non-zero <c>error_code</c>
/// becomes a <see cref="SpeechException"/> with the provider's code and message. Pauses: <c>&lt;&lt;&lt;sil#ms&gt;&gt;&gt;</c>.
/// </summary>
public sealed class ZaloAiTextToSpeech : ITextToSpeech
{
    private const string Provider = "zalo-ai";
    private readonly HttpClient _http;
    private readonly ZaloAiSpeechOptions _options;
    private readonly TimeProvider _time;
    private readonly Uri _endpoint;

    /// <summary>Creates the adapter.</summary>
    /// <param name="options">Settings; checked now.</param>
    /// <param name="httpClient">The HTTP client (from IHttpClientFactory or your own), or <see langword="null"/> for one shared by the adapters.</param>
    /// <param name="timeProvider">The clock for URL expiry; the system clock when <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">A setting is missing or out of range.</exception>
    public ZaloAiTextToSpeech(ZaloAiSpeechOptions options, HttpClient? httpClient = null, TimeProvider? timeProvider = null)
    {
        _http = httpClient ?? SpeechHttp.SharedClient;
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _options.Validate();
        _time = timeProvider ?? TimeProvider.System;
        _endpoint = SpeechOptionChecks.Endpoint(_options.BaseUrl, "v1/tts/synthesize");
    }

    /// <inheritdoc />
    public string Name => Provider;

    /// <inheritdoc />
    public int MaxTextLength => ZaloAiSpeechOptions.MaxInputLength;

    /// <inheritdoc />
    public string? PauseMarkup(TimeSpan pause) =>
        "<<<sil#" + ((long)Math.Round(pause.TotalMilliseconds)).ToString(CultureInfo.InvariantCulture) + ">>>";

    /// <inheritdoc />
    public async Task<SpeechAudio> SynthesizeAsync(string text, SpeechRequestOptions? options, CancellationToken cancellationToken)
    {
        var input = SpeechOptionChecks.Text(text, MaxTextLength, Provider);
        var speaker = _options.SpeakerId;
        if (options?.Voice is { } voice)
        {
            if (!int.TryParse(voice, NumberStyles.None, CultureInfo.InvariantCulture, out speaker) || speaker is < 1 or > 6)
            {
                throw new ArgumentException($"options.Voice: '{voice}' is not a Zalo AI speaker_id between 1 and 6.", nameof(options));
            }
        }

        var speed = options?.Speed ?? _options.Speed;
        SpeechOptionChecks.Range(speed, 0.8, 1.2, "options.Speed");

        using var request = new HttpRequestMessage(HttpMethod.Post, _endpoint)
        {
            Content = new FormUrlEncodedContent(new[]
            {
                new KeyValuePair<string, string>("input", input),
                new KeyValuePair<string, string>("speed", speed.ToString("0.0##", CultureInfo.InvariantCulture)),
                new KeyValuePair<string, string>("speaker_id", speaker.ToString(CultureInfo.InvariantCulture)),
                new KeyValuePair<string, string>("encode_type", ((int)_options.Encoding).ToString(CultureInfo.InvariantCulture)),
            }),
        };
        request.Headers.TryAddWithoutValidation("apikey", _options.ApiKey);

        using var response = await SpeechHttp.SendAsync(_http, request, Provider, cancellationToken).ConfigureAwait(false);
        await SpeechHttp.EnsureSuccessAsync(response, Provider, ReadError).ConfigureAwait(false);
        var body = await SpeechHttp.ReadStringAsync(response, cancellationToken).ConfigureAwait(false);

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
                    Status = (int)response.StatusCode,
                };
            }

            var url = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("data", out var data) ? SpeechHttp.GetString(data, "url") : null;
            if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
            {
                throw SpeechHttp.BadAnswer(Provider, "data.url is missing");
            }

            var mediaType = _options.Encoding switch
            {
                ZaloAiAudioEncoding.Wav => "audio/wav",
                ZaloAiAudioEncoding.Aac => "audio/aac",
                _ => "audio/mpeg",
            };
            return SpeechAudio.FromUrl(uri, mediaType, _time.GetUtcNow() + _options.UrlLifetime);
        }
    }

    private static (string? Code, string? Message) ReadError(string body)
    {
        using var document = JsonDocument.Parse(body);
        return ReadError(document.RootElement);
    }

    private static (string? Code, string? Message) ReadError(JsonElement root) =>
        (SpeechHttp.GetString(root, "error_code"), SpeechHttp.GetString(root, "error_message"));
}
