using System;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using NinhBinh.Comms.Broadcast.Radio.Speech;

namespace NinhBinh.Comms.Broadcast.Tests.Radio.Speech;

public sealed class SpeechSynthesizerTests
{
    private const string Sentence = "Ủy ban nhân dân xã thông báo lịch tiêm phòng dại cho chó mèo tại nhà văn hóa thôn Đồng Mười vào sáng thứ Bảy.";

    private static string LongBulletin(int sentences) =>
        string.Join(" ", Enumerable.Range(1, sentences).Select(i => $"Mục {i}: {Sentence}"));

    [Fact]
    public async Task A_long_text_goes_out_in_chunks_within_the_limit_in_order_with_every_diacritic()
    {
        await using var kit = await TtsTestKit.StartAsync();
        var synthesizer = new SpeechSynthesizer(kit.ZaloAi(), new SpeechSynthesizerOptions { MaxParallelism = 3 }, kit.Time);
        var text = LongBulletin(60).Normalize(NormalizationForm.FormD);
        Assert.True(text.Length > 3 * ZaloAiSpeechOptions.MaxInputLength);

        var result = await synthesizer.SynthesizeAsync(text);

        var expected = SpeechChunker.Split(text, ZaloAiSpeechOptions.MaxInputLength);
        Assert.True(expected.Count >= 4);
        Assert.Equal(expected, result.Parts.Select(p => p.Text));
        Assert.Equal(expected.OrderBy(t => t, StringComparer.Ordinal), kit.Emulator.SynthesizedTexts.OrderBy(t => t, StringComparer.Ordinal));
        Assert.All(kit.Emulator.SynthesizedTexts, t => Assert.True(t.Length <= 2000 && t.EndsWith('.') && t.IsNormalized(NormalizationForm.FormC)));
        Assert.Equal(LongBulletin(60), string.Join(" ", kit.Emulator.SynthesizedTexts.OrderBy(t => expected.ToList().IndexOf(t))));
        Assert.All(result.Parts, p => Assert.True(p.Audio.IsUrl && !p.FromCache));
    }

    [Fact]
    public async Task Server_errors_are_retried_with_backoff_on_the_clock()
    {
        await using var kit = await TtsTestKit.StartAsync();
        kit.Emulator.FailNext(2);
        var synthesizer = new SpeechSynthesizer(kit.ZaloAi(), new SpeechSynthesizerOptions { InitialBackoff = TimeSpan.FromSeconds(2) }, kit.Time);

        var result = await kit.DriveAsync(synthesizer.SynthesizeAsync(Sentence));

        Assert.Single(result.Parts);
        var requests = kit.Emulator.Requests;
        Assert.Equal(new[] { 500, 500, 200 }, requests.Select(r => r.Status));
        Assert.True(requests[1].ReceivedAt - requests[0].ReceivedAt >= TimeSpan.FromSeconds(2));
        Assert.True(requests[2].ReceivedAt - requests[1].ReceivedAt >= TimeSpan.FromSeconds(4));
    }

    [Fact]
    public async Task Three_failures_give_up_with_the_last_error()
    {
        await using var kit = await TtsTestKit.StartAsync();
        kit.Emulator.FailNext(5, 503);
        var synthesizer = new SpeechSynthesizer(kit.ViettelAi(), null, kit.Time);

        var ex = await Assert.ThrowsAsync<SpeechException>(() => kit.DriveAsync(synthesizer.SynthesizeAsync(Sentence)));

        Assert.Equal(503, ex.Status);
        Assert.True(ex.IsTransient);
        Assert.Equal(3, kit.Emulator.Requests.Count);
    }

    [Fact]
    public async Task Rate_limits_wait_for_the_retry_after()
    {
        await using var kit = await TtsTestKit.StartAsync();
        kit.Emulator.RateLimitNext(1, TimeSpan.FromSeconds(7));
        var synthesizer = new SpeechSynthesizer(kit.FptAi(o => o.PollInterval = TimeSpan.FromMilliseconds(500)), null, kit.Time);

        var result = await kit.DriveAsync(synthesizer.SynthesizeAsync(Sentence));

        Assert.True(Assert.Single(result.Parts).Audio.IsUrl);
        var requests = kit.Emulator.Requests;
        Assert.Equal(new[] { 429, 200 }, requests.Select(r => r.Status));
        Assert.True(requests[1].ReceivedAt - requests[0].ReceivedAt >= TimeSpan.FromSeconds(7), $"{requests[1].ReceivedAt - requests[0].ReceivedAt}");
    }

    [Fact]
    public async Task A_request_that_times_out_is_retried()
    {
        await using var kit = await TtsTestKit.StartAsync();
        kit.Emulator.StallNext(1);
        using var impatient = new System.Net.Http.HttpClient { Timeout = TimeSpan.FromMilliseconds(500) };
        var tts = new ZaloAiTextToSpeech(new ZaloAiSpeechOptions { BaseUrl = kit.Emulator.BaseUri, ApiKey = "zalo-ai-test-key" }, impatient, kit.Time);
        var logs = new Microsoft.Extensions.Logging.Testing.FakeLogger<SpeechSynthesizer>();
        var synthesizer = new SpeechSynthesizer(tts, null, kit.Time, logs);

        var result = await kit.DriveAsync(synthesizer.SynthesizeAsync(Sentence));

        Assert.False(result.Parts[0].FromCache);
        Assert.Equal(new[] { 0, 200 }, kit.Emulator.Requests.Select(r => r.Status));
        var retry = Assert.Single(logs.Collector.GetSnapshot(), r => r.Id.Id == 7103);
        Assert.Contains("timeout", retry.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("zalo-ai-test-key", string.Join("\n", logs.Collector.GetSnapshot().Select(r => r.Message)), StringComparison.Ordinal);
        Assert.DoesNotContain("tiêm phòng", string.Join("\n", logs.Collector.GetSnapshot().Select(r => r.Message)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refused_credentials_are_not_retried()
    {
        await using var kit = await TtsTestKit.StartAsync();
        var synthesizer = new SpeechSynthesizer(kit.ZaloAi(o => o.ApiKey = "bad"), null, kit.Time);

        await Assert.ThrowsAsync<SpeechException>(() => synthesizer.SynthesizeAsync(Sentence));

        Assert.Single(kit.Emulator.Requests);
    }

    [Fact]
    public async Task A_cached_url_is_reused_until_shortly_before_it_expires()
    {
        await using var kit = await TtsTestKit.StartAsync();
        var synthesizer = new SpeechSynthesizer(kit.ZaloAi(), new SpeechSynthesizerOptions { UrlExpiryMargin = TimeSpan.FromMinutes(1) }, kit.Time);

        var first = await synthesizer.SynthesizeAsync(Sentence);
        var second = await synthesizer.SynthesizeAsync(Sentence);

        Assert.Single(kit.Emulator.Requests);
        Assert.True(second.Parts[0].FromCache);
        Assert.Equal(first.Parts[0].Audio.Url, second.Parts[0].Audio.Url);

        var otherVoice = await synthesizer.SynthesizeAsync(Sentence, new SpeechRequestOptions { Voice = "2" });
        Assert.False(otherVoice.Parts[0].FromCache);
        Assert.Equal(2, kit.Emulator.Requests.Count);

        kit.Time.Advance(TimeSpan.FromMinutes(9)); // 10-minute URLs, 1-minute margin
        var third = await synthesizer.SynthesizeAsync(Sentence);

        Assert.False(third.Parts[0].FromCache);
        Assert.Equal(3, kit.Emulator.Requests.Count);
        Assert.NotEqual(first.Parts[0].Audio.Url, third.Parts[0].Audio.Url);
    }

    [Fact]
    public async Task Cached_bytes_make_no_second_request_and_the_cache_is_bounded_by_size()
    {
        await using var kit = await TtsTestKit.StartAsync();
        var first = await new SpeechSynthesizer(kit.ViettelAi(), null, kit.Time).SynthesizeAsync(Sentence);
        var size = first.Parts[0].Audio.Bytes.Length;
        var synthesizer = new SpeechSynthesizer(kit.ViettelAi(), new SpeechSynthesizerOptions { MaxCachedBytes = size + (size / 2) }, kit.Time);

        await synthesizer.SynthesizeAsync(Sentence);
        var again = await synthesizer.SynthesizeAsync(Sentence);
        Assert.True(again.Parts[0].FromCache);
        Assert.Equal(2, kit.Emulator.Requests.Count);

        await synthesizer.SynthesizeAsync("Mục 2: " + Sentence); // evicts the first (least recently used)
        var evicted = await synthesizer.SynthesizeAsync(Sentence);

        Assert.False(evicted.Parts[0].FromCache);
        Assert.Equal(4, kit.Emulator.Requests.Count);
    }

    [Fact]
    public async Task Pauses_use_zalo_ai_markup_and_are_reported_for_providers_without_it()
    {
        await using var kit = await TtsTestKit.StartAsync();
        var options = new SpeechSynthesizerOptions { PauseBetweenChunks = TimeSpan.FromMilliseconds(700) };
        var text = LongBulletin(40);

        var zalo = await new SpeechSynthesizer(kit.ZaloAi(), options, kit.Time).SynthesizeAsync(text);

        Assert.True(zalo.Parts.Count >= 2);
        Assert.Null(zalo.PauseBetweenParts);
        Assert.All(zalo.Parts.SkipLast(1), p => Assert.EndsWith(". <<<sil#700>>>", p.Text, StringComparison.Ordinal));
        Assert.DoesNotContain("<<<", zalo.Parts[^1].Text, StringComparison.Ordinal);
        Assert.All(kit.Emulator.SynthesizedTexts, t => Assert.True(t.Length <= 2000));

        var viettel = await new SpeechSynthesizer(kit.ViettelAi(), options, kit.Time).SynthesizeAsync(text);
        Assert.Equal(TimeSpan.FromMilliseconds(700), viettel.PauseBetweenParts);
        Assert.All(viettel.Parts, p => Assert.DoesNotContain("<<<", p.Text, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ...  !!!  ")]
    public async Task Empty_or_punctuation_only_text_is_refused_naming_the_field(string text)
    {
        await using var kit = await TtsTestKit.StartAsync();
        var synthesizer = new SpeechSynthesizer(kit.ZaloAi(), null, kit.Time);

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => synthesizer.SynthesizeAsync(text));

        Assert.Equal("text", ex.ParamName);
        Assert.Empty(kit.Emulator.Requests);
    }

    [Fact]
    public void Settings_are_checked_with_the_setting_and_the_range()
    {
        var ex = Assert.Throws<ArgumentException>(() => new SpeechSynthesizer(new EspeakTextToSpeech(), new SpeechSynthesizerOptions { MaxAttempts = 0 }));
        Assert.Equal("MaxAttempts", ex.ParamName);
        Assert.Contains("between 1 and 10", ex.Message, StringComparison.Ordinal);
        Assert.Equal("PauseBetweenChunks", Assert.Throws<ArgumentException>(() => new SpeechSynthesizer(new EspeakTextToSpeech(), new SpeechSynthesizerOptions { PauseBetweenChunks = TimeSpan.FromSeconds(11) })).ParamName);
    }

    [Fact]
    public async Task A_failing_chunk_fails_the_whole_text_with_its_error()
    {
        await using var kit = await TtsTestKit.StartAsync();
        kit.Emulator.SetCharacterQuota(2500);
        var synthesizer = new SpeechSynthesizer(kit.ZaloAi(), new SpeechSynthesizerOptions { MaxParallelism = 1 }, kit.Time);

        var ex = await Assert.ThrowsAsync<SpeechException>(() => synthesizer.SynthesizeAsync(LongBulletin(60), null, CancellationToken.None));

        Assert.Equal("-6", ex.ErrorCode);
        Assert.Equal(2, kit.Emulator.Requests.Count);
    }
}
