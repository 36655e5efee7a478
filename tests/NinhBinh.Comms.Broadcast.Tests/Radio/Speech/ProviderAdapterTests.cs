using System;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using NinhBinh.Comms.Broadcast.Radio.Speech;

namespace NinhBinh.Comms.Broadcast.Tests.Radio.Speech;

public sealed class ProviderAdapterTests
{
    private const string Text = "Thông báo khẩn: bão số 3 đổ bộ vào Ninh Bình, bà con ở yên trong nhà.";

    [Fact]
    public async Task Zalo_ai_returns_a_temporary_url_that_plays_until_it_expires()
    {
        await using var kit = await TtsTestKit.StartAsync();
        var tts = kit.ZaloAi(o => o.SpeakerId = 4);

        var audio = await tts.SynthesizeAsync(Text, new SpeechRequestOptions { Speed = 0.9 }, CancellationToken.None);

        Assert.True(audio.IsUrl);
        Assert.Equal("audio/mpeg", audio.MediaType);
        Assert.Equal(TtsTestKit.Start + TimeSpan.FromMinutes(10), audio.ExpiresAt);
        var request = Assert.Single(kit.Emulator.Requests);
        Assert.Equal(("zalo-ai", Text, "4", "0.9", 200), (request.Provider, request.Text, request.Voice, request.Speed, request.Status));

        using var played = await kit.Http.GetAsync(audio.Url);
        Assert.Equal(HttpStatusCode.OK, played.StatusCode);
        var bytes = await played.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xFF, 0xFB }, bytes[..2]);

        kit.Time.Advance(TimeSpan.FromMinutes(10));
        using var expired = await kit.Http.GetAsync(audio.Url);
        Assert.Equal(HttpStatusCode.NotFound, expired.StatusCode);
    }

    [Fact]
    public async Task Zalo_ai_wav_audio_grows_with_the_text()
    {
        await using var kit = await TtsTestKit.StartAsync();
        var tts = kit.ZaloAi(o => o.Encoding = ZaloAiAudioEncoding.Wav);

        var shortAudio = await tts.SynthesizeAsync("Xin chào bà con.", null, CancellationToken.None);
        var longAudio = await tts.SynthesizeAsync(Text, null, CancellationToken.None);

        var shortBytes = await kit.Http.GetByteArrayAsync(shortAudio.Url);
        var longBytes = await kit.Http.GetByteArrayAsync(longAudio.Url);
        Assert.Equal("RIFF", System.Text.Encoding.ASCII.GetString(longBytes, 0, 4));
        Assert.Equal("WAVE", System.Text.Encoding.ASCII.GetString(longBytes, 8, 4));
        Assert.True(longBytes.Length > shortBytes.Length * 3, $"{longBytes.Length} vs {shortBytes.Length}");
    }

    [Fact]
    public async Task Zalo_ai_wrong_key_fails_without_the_key_in_the_message()
    {
        await using var kit = await TtsTestKit.StartAsync();
        var tts = kit.ZaloAi(o => o.ApiKey = "wrong-secret-key-123");

        var ex = await Assert.ThrowsAsync<SpeechException>(() => tts.SynthesizeAsync(Text, null, CancellationToken.None));

        Assert.Equal(401, ex.Status);
        Assert.Equal("-401", ex.ErrorCode);
        Assert.False(ex.IsTransient);
        Assert.DoesNotContain("wrong-secret-key-123", ex.ToString(), StringComparison.Ordinal);
        Assert.Contains("zalo-ai", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Zalo_ai_error_code_comes_back_with_the_providers_code_and_message()
    {
        await using var kit = await TtsTestKit.StartAsync();
        kit.Emulator.SetCharacterQuota(10);

        var ex = await Assert.ThrowsAsync<SpeechException>(() => kit.ZaloAi().SynthesizeAsync(Text, null, CancellationToken.None));

        Assert.Equal("-6", ex.ErrorCode);
        Assert.Equal("Character quota exceeded.", ex.ProviderMessage);
        Assert.Equal("zalo-ai", ex.Provider);
        Assert.IsAssignableFrom<CommsException>(ex);
    }

    [Fact]
    public async Task Text_over_the_limit_and_bad_options_are_refused_before_anything_is_sent()
    {
        await using var kit = await TtsTestKit.StartAsync();

        var tooLong = await Assert.ThrowsAsync<ArgumentException>(() => kit.ZaloAi().SynthesizeAsync(new string('ă', 2001), null, CancellationToken.None));
        Assert.Equal("text", tooLong.ParamName);
        Assert.Contains("2000", tooLong.Message, StringComparison.Ordinal);

        var speed = await Assert.ThrowsAsync<ArgumentException>(() => kit.ZaloAi().SynthesizeAsync(Text, new SpeechRequestOptions { Speed = 1.5 }, CancellationToken.None));
        Assert.Contains("options.Speed: 1.5 is not between 0.8 and 1.2", speed.Message, StringComparison.Ordinal);

        var voice = await Assert.ThrowsAsync<ArgumentException>(() => kit.ZaloAi().SynthesizeAsync(Text, new SpeechRequestOptions { Voice = "7" }, CancellationToken.None));
        Assert.Contains("speaker_id between 1 and 6", voice.Message, StringComparison.Ordinal);

        var fptShort = await Assert.ThrowsAsync<ArgumentException>(() => kit.FptAi().SynthesizeAsync("Ồ.", null, CancellationToken.None));
        Assert.Contains("minimum of 3", fptShort.Message, StringComparison.Ordinal);

        Assert.Empty(kit.Emulator.Requests);
    }

    [Theory]
    [InlineData("ApiKey", "is required")]
    [InlineData("Speed", "Speed: 1.3 is not between 0.8 and 1.2")]
    [InlineData("SpeakerId", "SpeakerId: 0 is not between 1 and 6")]
    [InlineData("UrlLifetime", "UrlLifetime: 00:00:10 is not between")]
    public void Zalo_ai_options_are_checked_with_the_option_and_the_range(string field, string message)
    {
        var options = new ZaloAiSpeechOptions { ApiKey = "k" };
        switch (field)
        {
            case "ApiKey": options.ApiKey = " "; break;
            case "Speed": options.Speed = 1.3; break;
            case "SpeakerId": options.SpeakerId = 0; break;
            default: options.UrlLifetime = TimeSpan.FromSeconds(10); break;
        }

        using var http = new System.Net.Http.HttpClient();
        var ex = Assert.Throws<ArgumentException>(() => new ZaloAiTextToSpeech(options, http));
        Assert.Equal(field, ex.ParamName);
        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fpt_and_viettel_options_are_checked_with_the_option_and_the_range()
    {
        using var http = new System.Net.Http.HttpClient();
        var fpt = Assert.Throws<ArgumentException>(() => new FptAiTextToSpeech(new FptAiSpeechOptions { ApiKey = "k", Speed = 4 }, http));
        Assert.Equal("Speed", fpt.ParamName);
        Assert.Contains("between -3 and 3", fpt.Message, StringComparison.Ordinal);
        var poll = Assert.Throws<ArgumentException>(() => new FptAiTextToSpeech(new FptAiSpeechOptions { ApiKey = "k", PollTimeout = TimeSpan.FromHours(1) }, http));
        Assert.Equal("PollTimeout", poll.ParamName);
        var viettel = Assert.Throws<ArgumentException>(() => new ViettelAiTextToSpeech(new ViettelAiSpeechOptions { Token = "t", Speed = 2 }, http));
        Assert.Contains("Speed: 2 is not between 0.7 and 1.3", viettel.Message, StringComparison.Ordinal);
        Assert.Equal("Token", Assert.Throws<ArgumentException>(() => new ViettelAiTextToSpeech(new ViettelAiSpeechOptions(), http)).ParamName);
    }

    [Fact]
    public async Task Fpt_ai_polls_the_async_url_on_the_clock_until_the_audio_is_there()
    {
        await using var kit = await TtsTestKit.StartAsync(o => o.FptAiReadyAfter = TimeSpan.FromSeconds(4));
        var tts = kit.FptAi(o => o.Voice = "leminh");

        var audio = await kit.DriveAsync(tts.SynthesizeAsync(Text, new SpeechRequestOptions { Speed = -1 }, CancellationToken.None));

        Assert.True(audio.IsUrl);
        Assert.Equal("audio/mpeg", audio.MediaType);
        Assert.True(kit.Time.GetUtcNow() - TtsTestKit.Start >= TimeSpan.FromSeconds(4));
        Assert.True(kit.Emulator.AudioRequests >= 2, $"{kit.Emulator.AudioRequests} looks at the URL");
        var request = Assert.Single(kit.Emulator.Requests);
        Assert.Equal(("fpt-ai", Text, "leminh", "-1"), (request.Provider, request.Text, request.Voice, request.Speed));
        using var played = await kit.Http.GetAsync(audio.Url);
        Assert.Equal(HttpStatusCode.OK, played.StatusCode);
    }

    [Fact]
    public async Task Fpt_ai_gives_up_after_the_poll_timeout()
    {
        await using var kit = await TtsTestKit.StartAsync(o => o.FptAiReadyAfter = TimeSpan.FromMinutes(5));
        var tts = kit.FptAi(o => o.PollTimeout = TimeSpan.FromSeconds(10));

        var ex = await Assert.ThrowsAsync<SpeechException>(() => kit.DriveAsync(tts.SynthesizeAsync(Text, null, CancellationToken.None)));

        Assert.Contains("PollTimeout", ex.Message, StringComparison.Ordinal);
        Assert.True(ex.IsTransient);
        // At least the timeout passed, and it gave up long before the audio would have been ready (the clock also moves
        // while requests are in flight, so only these bounds are exact).
        Assert.InRange(kit.Time.GetUtcNow() - TtsTestKit.Start, TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(4));
        Assert.Empty(kit.Emulator.SynthesizedTexts.Skip(1));
    }

    [Fact]
    public async Task Fpt_ai_wrong_key_and_unknown_voice_fail_with_the_providers_answer()
    {
        await using var kit = await TtsTestKit.StartAsync();

        var key = await Assert.ThrowsAsync<SpeechException>(() => kit.FptAi(o => o.ApiKey = "fpt-secret-999").SynthesizeAsync(Text, null, CancellationToken.None));
        Assert.Equal(401, key.Status);
        Assert.DoesNotContain("fpt-secret-999", key.ToString(), StringComparison.Ordinal);

        var voice = await Assert.ThrowsAsync<SpeechException>(() => kit.FptAi().SynthesizeAsync(Text, new SpeechRequestOptions { Voice = "khongco" }, CancellationToken.None));
        Assert.Equal("2", voice.ErrorCode);
        Assert.Equal("The voice is not supported.", voice.ProviderMessage);
    }

    [Fact]
    public async Task Viettel_ai_returns_wav_bytes_with_their_duration()
    {
        await using var kit = await TtsTestKit.StartAsync();

        var audio = await kit.ViettelAi().SynthesizeAsync(Text, new SpeechRequestOptions { Voice = "hcm-diemmy", Speed = 1.1 }, CancellationToken.None);

        Assert.False(audio.IsUrl);
        Assert.Equal("audio/wav", audio.MediaType);
        Assert.Equal("RIFF", System.Text.Encoding.ASCII.GetString(audio.Bytes.Span[..4]));
        Assert.Equal(TimeSpan.FromMilliseconds(Text.Length * 60), audio.Duration);
        var request = Assert.Single(kit.Emulator.Requests);
        Assert.Equal(("viettel-ai", Text, "hcm-diemmy", "1.1"), (request.Provider, request.Text, request.Voice, request.Speed));
    }

    [Fact]
    public async Task Viettel_ai_wrong_token_and_unknown_voice_fail_with_the_providers_answer()
    {
        await using var kit = await TtsTestKit.StartAsync();

        var token = await Assert.ThrowsAsync<SpeechException>(() => kit.ViettelAi(o => o.Token = "viettel-secret-777").SynthesizeAsync(Text, null, CancellationToken.None));
        Assert.Equal(401, token.Status);
        Assert.Equal("Invalid token.", token.ProviderMessage);
        Assert.DoesNotContain("viettel-secret-777", token.ToString(), StringComparison.Ordinal);

        var voice = await Assert.ThrowsAsync<SpeechException>(() => kit.ViettelAi().SynthesizeAsync(Text, new SpeechRequestOptions { Voice = "hn-khongco" }, CancellationToken.None));
        Assert.Equal("404", voice.ErrorCode);

        kit.Emulator.SetCharacterQuota(5);
        var quota = await Assert.ThrowsAsync<SpeechException>(() => kit.ViettelAi().SynthesizeAsync(Text, null, CancellationToken.None));
        Assert.Equal(("402", 200), (quota.ErrorCode, quota.Status));
        Assert.Equal(3, kit.Emulator.Requests.Count(r => !r.Synthesized));
    }
}
