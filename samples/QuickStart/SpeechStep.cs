using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using NinhBinh.Comms;
using NinhBinh.Comms.Broadcast.Radio.Speech;
using NinhBinh.Comms.Emulator.Speech;

/// <summary>The bulletin read aloud: text-to-speech on the emulated Zalo AI endpoint, chunked, cached.</summary>
internal static class SpeechStep
{
    /// <summary>Synthesizes the bulletin's title and body twice (the second time from the cache) and prints the audio URLs.</summary>
    /// <returns>True when the audio came back and the second run made no request.</returns>
    public static async Task<bool> RunAsync(Bulletin bulletin)
    {
        await using var tts = await TtsEmulator.StartAsync();
        using var http = new HttpClient();
        var provider = new ZaloAiTextToSpeech(new ZaloAiSpeechOptions { BaseUrl = tts.BaseUri, ApiKey = new TtsEmulatorOptions().ZaloAiApiKey }, http);
        var synthesizer = new SpeechSynthesizer(provider, new SpeechSynthesizerOptions { PauseBetweenChunks = TimeSpan.FromMilliseconds(500) });
        var text = bulletin.Title + ". " + bulletin.Body;

        var speech = await synthesizer.SynthesizeAsync(text);
        foreach (var part in speech.Parts)
        {
            Console.WriteLine($"   {speech.Provider}: {part.Text.Length} characters -> {part.Audio.Url} ({part.Audio.MediaType}, until {part.Audio.ExpiresAt:HH:mm:ss})");
        }

        var again = await synthesizer.SynthesizeAsync(text);
        Console.WriteLine($"   again: {again.Parts.Count(p => p.FromCache)}/{again.Parts.Count} part(s) from the cache; the emulator received {tts.Requests.Count} request(s)");
        return speech.Parts.Count > 0 && again.Parts.All(p => p.FromCache) && tts.Requests.Count == speech.Parts.Count;
    }
}
