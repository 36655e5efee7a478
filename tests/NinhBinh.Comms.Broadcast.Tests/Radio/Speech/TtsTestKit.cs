using System;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using NinhBinh.Comms.Broadcast.Radio.Speech;
using NinhBinh.Comms.Emulator.Speech;

namespace NinhBinh.Comms.Broadcast.Tests.Radio.Speech;

/// <summary>The emulator, a fake clock shared by the emulator and the SDK, and the three adapters pointed at it.</summary>
public sealed class TtsTestKit : IAsyncDisposable
{
    private TtsTestKit(TtsEmulator emulator, FakeTimeProvider time)
    {
        Emulator = emulator;
        Time = time;
    }

    public static readonly DateTimeOffset Start = new(2026, 11, 28, 3, 0, 0, TimeSpan.Zero);

    public TtsEmulator Emulator { get; }

    public FakeTimeProvider Time { get; }

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    public static async Task<TtsTestKit> StartAsync(Action<TtsEmulatorOptions>? configure = null)
    {
        var time = new FakeTimeProvider(Start);
        var options = new TtsEmulatorOptions { TimeProvider = time };
        configure?.Invoke(options);
        return new TtsTestKit(await TtsEmulator.StartAsync(options), time);
    }

    public ZaloAiTextToSpeech ZaloAi(Action<ZaloAiSpeechOptions>? configure = null)
    {
        var options = new ZaloAiSpeechOptions { BaseUrl = Emulator.BaseUri, ApiKey = "zalo-ai-test-key" };
        configure?.Invoke(options);
        return new ZaloAiTextToSpeech(options, Http, Time);
    }

    public FptAiTextToSpeech FptAi(Action<FptAiSpeechOptions>? configure = null)
    {
        var options = new FptAiSpeechOptions { BaseUrl = Emulator.BaseUri, ApiKey = "fpt-ai-test-key" };
        configure?.Invoke(options);
        return new FptAiTextToSpeech(options, Http, Time);
    }

    public ViettelAiTextToSpeech ViettelAi(Action<ViettelAiSpeechOptions>? configure = null)
    {
        var options = new ViettelAiSpeechOptions { BaseUrl = Emulator.BaseUri, Token = "viettel-ai-test-token" };
        configure?.Invoke(options);
        return new ViettelAiTextToSpeech(options, Http);
    }

    /// <summary>Advances the fake clock in small steps until the task completes (the SDK's waits and the emulator's clock move together).</summary>
    public async Task<T> DriveAsync<T>(Task<T> task, TimeSpan? step = null)
    {
        for (var i = 0; i < 5000 && !task.IsCompleted; i++)
        {
            await Task.WhenAny(task, Task.Delay(5));
            if (!task.IsCompleted)
            {
                Time.Advance(step ?? TimeSpan.FromMilliseconds(250));
            }
        }

        return await task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Emulator.DisposeAsync();
    }
}
