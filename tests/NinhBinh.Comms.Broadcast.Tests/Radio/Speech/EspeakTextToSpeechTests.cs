using System;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using NinhBinh.Comms.Broadcast.Radio.Speech;

namespace NinhBinh.Comms.Broadcast.Tests.Radio.Speech;

public sealed class EspeakTextToSpeechTests
{
    [EspeakFact]
    public async Task Espeak_ng_really_speaks_vietnamese_as_a_wave_file()
    {
        var tts = new EspeakTextToSpeech(new EspeakSpeechOptions { ExecutablePath = EspeakFactAttribute.Executable ?? "espeak-ng" });

        var shortAudio = await tts.SynthesizeAsync("Xin chào.", null, CancellationToken.None);
        var audio = await tts.SynthesizeAsync("Thông báo khẩn: bão số 3 đổ bộ vào Ninh Bình, bà con ở yên trong nhà.", null, CancellationToken.None);

        Assert.Equal("audio/wav", audio.MediaType);
        Assert.Equal("RIFF", Encoding.ASCII.GetString(audio.Bytes.Span[..4]));
        Assert.Equal("WAVE", Encoding.ASCII.GetString(audio.Bytes.Span[8..12]));
        Assert.True(audio.Duration > TimeSpan.FromSeconds(2), $"{audio.Duration}");
        Assert.True(audio.Duration > shortAudio.Duration * 3, $"{audio.Duration} vs {shortAudio.Duration}");
    }

    [EspeakFact]
    public async Task The_synthesizer_splits_long_text_for_espeak_ng_and_reports_the_pause()
    {
        var tts = new EspeakTextToSpeech(new EspeakSpeechOptions { ExecutablePath = EspeakFactAttribute.Executable ?? "espeak-ng", MaxTextLength = 100 });
        var synthesizer = new SpeechSynthesizer(tts, new SpeechSynthesizerOptions { PauseBetweenChunks = TimeSpan.FromMilliseconds(400) });

        var result = await synthesizer.SynthesizeAsync("Mưa lớn kéo dài từ chiều nay đến sáng mai ở các xã ven sông Hoàng Long. Bà con chú ý đề phòng lũ quét và sạt lở đất ở vùng núi.");

        Assert.Equal(2, result.Parts.Count);
        Assert.Equal(TimeSpan.FromMilliseconds(400), result.PauseBetweenParts);
        Assert.All(result.Parts, p => Assert.Equal("RIFF", Encoding.ASCII.GetString(p.Audio.Bytes.Span[..4])));
    }

    [Fact]
    public async Task A_missing_espeak_ng_is_a_clear_error()
    {
        var tts = new EspeakTextToSpeech(new EspeakSpeechOptions { ExecutablePath = "/nonexistent/espeak-ng" });

        var ex = await Assert.ThrowsAsync<SpeechException>(() => tts.SynthesizeAsync("Xin chào bà con.", null, CancellationToken.None));

        Assert.Contains("espeak-ng is not installed", ex.Message, StringComparison.Ordinal);
        Assert.Equal("espeak-ng", ex.Provider);
    }

    [Fact]
    public void Options_are_checked_with_the_option_and_the_range()
    {
        var ex = Assert.Throws<ArgumentException>(() => new EspeakTextToSpeech(new EspeakSpeechOptions { WordsPerMinute = 20 }));
        Assert.Equal("WordsPerMinute", ex.ParamName);
        Assert.Contains("between 80 and 450", ex.Message, StringComparison.Ordinal);
        Assert.Equal("Voice", Assert.Throws<ArgumentException>(() => new EspeakTextToSpeech(new EspeakSpeechOptions { Voice = "vi; rm -rf" })).ParamName);
    }
}
