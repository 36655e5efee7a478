using System;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace NinhBinh.Comms.Broadcast.Radio.Speech;

/// <summary>
/// Viettel AI text-to-speech: <c>POST {BaseUrl}tts/speech_synthesis</c> with the JSON
/// <c>{text, voice, speed, tts_return_option, token, without_filter}</c>; the answer is the audio bytes. An answer in
/// JSON (<c>{code, vi_message, en_message}</c>, as public clients show) is an error and becomes a
/// <see cref="SpeechException"/> with the provider's code and message. No pause markup.
/// </summary>
public sealed class ViettelAiTextToSpeech : ITextToSpeech
{
    private const string Provider = "viettel-ai";
    private readonly HttpClient _http;
    private readonly ViettelAiSpeechOptions _options;
    private readonly Uri _endpoint;

    /// <summary>Creates the adapter.</summary>
    /// <param name="options">Settings; checked now.</param>
    /// <param name="httpClient">The HTTP client, or <see langword="null"/> for one shared by the adapters.</param>
    /// <exception cref="ArgumentException">A setting is missing or out of range.</exception>
    public ViettelAiTextToSpeech(ViettelAiSpeechOptions options, HttpClient? httpClient = null)
    {
        _http = httpClient ?? SpeechHttp.SharedClient;
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _options.Validate();
        _endpoint = SpeechOptionChecks.Endpoint(_options.BaseUrl, "tts/speech_synthesis");
    }

    /// <inheritdoc />
    public string Name => Provider;

    /// <inheritdoc />
    public int MaxTextLength => ViettelAiSpeechOptions.MaxInputLength;

    /// <inheritdoc />
    public string? PauseMarkup(TimeSpan pause) => null;

    /// <inheritdoc />
    public async Task<SpeechAudio> SynthesizeAsync(string text, SpeechRequestOptions? options, CancellationToken cancellationToken)
    {
        var input = SpeechOptionChecks.Text(text, MaxTextLength, Provider);
        var voice = options?.Voice ?? _options.Voice;
        if (string.IsNullOrWhiteSpace(voice))
        {
            throw new ArgumentException("options.Voice: is empty.", nameof(options));
        }

        var speed = options?.Speed ?? _options.Speed;
        SpeechOptionChecks.Range(speed, 0.7, 1.3, "options.Speed");

        var json = new StringBuilder();
        using (var buffer = new System.IO.MemoryStream())
        {
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                writer.WriteString("text", input);
                writer.WriteString("voice", voice);
                writer.WriteNumber("speed", speed);
                writer.WriteNumber("tts_return_option", (int)_options.Format);
                writer.WriteString("token", _options.Token);
                writer.WriteBoolean("without_filter", false);
                writer.WriteEndObject();
            }

            json.Append(Encoding.UTF8.GetString(buffer.ToArray()));
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, _endpoint)
        {
            Content = new StringContent(json.ToString(), Encoding.UTF8, "application/json"),
        };

        using var response = await SpeechHttp.SendAsync(_http, request, Provider, cancellationToken).ConfigureAwait(false);
        await SpeechHttp.EnsureSuccessAsync(response, Provider, ReadError).ConfigureAwait(false);
        var bytes = await SpeechHttp.ReadBytesAsync(response, cancellationToken).ConfigureAwait(false);
        var type = response.Content.Headers.ContentType?.MediaType;
        if (type is not null && type.Contains("json"))
        {
            var (code, message) = ReadError(Encoding.UTF8.GetString(bytes));
            throw new SpeechException($"{Provider} refused the text (error {code ?? "unknown"}): {message ?? "no message"}.")
            {
                Provider = Provider,
                Channel = "tts",
                ErrorCode = code,
                ProviderMessage = message,
                Status = (int)response.StatusCode,
            };
        }

        if (bytes.Length == 0)
        {
            throw SpeechHttp.BadAnswer(Provider, "the audio is empty");
        }

        var wave = WaveFile.IsWave(bytes);
        var mediaType = wave ? "audio/wav" : SpeechHttp.MediaTypeOf(response, _options.Format == ViettelAiAudioFormat.Mp3 ? "audio/mpeg" : "audio/wav");
        return SpeechAudio.FromBytes(bytes, mediaType, wave ? WaveFile.Duration(bytes) : null);
    }

    private static (string? Code, string? Message) ReadError(string body)
    {
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        var message = SpeechHttp.GetString(root, "en_message") ?? SpeechHttp.GetString(root, "vi_message") ?? SpeechHttp.GetString(root, "message");
        return (SpeechHttp.GetString(root, "code") ?? SpeechHttp.GetString(root, "status"), message);
    }
}
