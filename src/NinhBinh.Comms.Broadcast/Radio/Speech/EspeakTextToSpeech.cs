using System;
using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace NinhBinh.Comms.Broadcast.Radio.Speech;

/// <summary>
/// The offline fallback: runs <c>espeak-ng -v vi --stdout</c> (the text on standard input, UTF-8) and returns the WAV
/// bytes. Quality is basic, but it needs no network and no key. When espeak-ng is not installed (Debian package
/// <c>espeak-ng</c>) a <see cref="SpeechException"/> says so. Pauses: none (the synthesizer reports the gap instead).
/// </summary>
public sealed class EspeakTextToSpeech : ITextToSpeech
{
    private const string Provider = "espeak-ng";
    private readonly EspeakSpeechOptions _options;

    /// <summary>Creates the adapter.</summary>
    /// <param name="options">Settings; defaults when <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">A setting is out of range.</exception>
    public EspeakTextToSpeech(EspeakSpeechOptions? options = null)
    {
        _options = options ?? new EspeakSpeechOptions();
        _options.Validate();
    }

    /// <inheritdoc />
    public string Name => Provider;

    /// <inheritdoc />
    public int MaxTextLength => _options.MaxTextLength;

    /// <inheritdoc />
    public string? PauseMarkup(TimeSpan pause) => null;

    /// <inheritdoc />
    public async Task<SpeechAudio> SynthesizeAsync(string text, SpeechRequestOptions? options, CancellationToken cancellationToken)
    {
        var input = SpeechOptionChecks.Text(text, MaxTextLength, Provider);
        var voice = options?.Voice ?? _options.Voice;
        CheckVoice(voice, "options.Voice");
        var speed = options?.Speed ?? _options.WordsPerMinute;
        SpeechOptionChecks.Range(speed, 80, 450, "options.Speed");

        var start = new ProcessStartInfo
        {
            FileName = _options.ExecutablePath,
            Arguments = string.Format(CultureInfo.InvariantCulture, "-v {0} -s {1} -b 1 --stdout", voice, (int)Math.Round(speed)),
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            CreateNoWindow = true,
        };

        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            throw new SpeechException($"{Provider} is not installed or cannot run ({_options.ExecutablePath}); install the Debian package espeak-ng or set ExecutablePath.", ex)
            {
                Provider = Provider,
                Channel = "tts",
            };
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.Timeout);
        try
        {
            var output = new MemoryStream();
            var reading = process.StandardOutput.BaseStream.CopyToAsync(output, 81920, timeout.Token);
#if NET
            var errors = process.StandardError.ReadToEndAsync(timeout.Token);
            await process.StandardInput.BaseStream.WriteAsync(Encoding.UTF8.GetBytes(input), timeout.Token).ConfigureAwait(false);
#else
            var errors = process.StandardError.ReadToEndAsync();
            var bytes = Encoding.UTF8.GetBytes(input);
            await process.StandardInput.BaseStream.WriteAsync(bytes, 0, bytes.Length, timeout.Token).ConfigureAwait(false);
#endif
            process.StandardInput.Close();
            await reading.ConfigureAwait(false);
            var error = await errors.ConfigureAwait(false);
            while (!process.WaitForExit(50))
            {
                timeout.Token.ThrowIfCancellationRequested();
                await Task.Yield();
            }

            var audio = output.ToArray();
            if (process.ExitCode != 0 || !WaveFile.IsWave(audio))
            {
                throw new SpeechException($"{Provider} failed (exit code {process.ExitCode.ToString(CultureInfo.InvariantCulture)}): {FirstLine(error)}")
                {
                    Provider = Provider,
                    Channel = "tts",
                    ErrorCode = process.ExitCode.ToString(CultureInfo.InvariantCulture),
                };
            }

            return SpeechAudio.FromBytes(audio, "audio/wav", WaveFile.Duration(audio));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Kill(process);
            throw new SpeechException($"{Provider} took longer than {_options.Timeout.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s (Timeout).")
            {
                Provider = Provider,
                Channel = "tts",
                IsTransient = true,
            };
        }
        catch (OperationCanceledException)
        {
            Kill(process);
            throw;
        }
    }

    internal static void CheckVoice(string? voice, string name)
    {
        if (string.IsNullOrWhiteSpace(voice) || voice!.Length > 40)
        {
            throw new ArgumentException($"{name}: is not an espeak-ng voice (e.g. vi).", name);
        }

        foreach (var c in voice)
        {
            if (!char.IsLetterOrDigit(c) && c is not '-' and not '_' and not '+' and not '/')
            {
                throw new ArgumentException($"{name}: '{voice}' is not an espeak-ng voice (e.g. vi, vi-vn-x-south).", name);
            }
        }
    }

    private static string FirstLine(string text)
    {
        var trimmed = text.Trim();
        var end = trimmed.IndexOf('\n');
        return end < 0 ? (trimmed.Length == 0 ? "no output" : trimmed) : trimmed.Substring(0, end).Trim();
    }

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill();
            }
        }
        catch (InvalidOperationException)
        {
            // It ended by itself meanwhile.
        }
    }
}
