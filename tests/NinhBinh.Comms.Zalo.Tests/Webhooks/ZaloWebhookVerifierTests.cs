using System;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using static NinhBinh.Comms.Zalo.Tests.Webhooks.WebhookSamples;

namespace NinhBinh.Comms.Zalo.Tests.Webhooks;

public sealed class ZaloWebhookVerifierTests
{
    private readonly FakeTimeProvider _time = new(Now.AddSeconds(2));

    private ZaloWebhookVerifier Verifier(ZaloWebhookOptions? options = null) => new(options ?? Options(), _time);

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    [Fact]
    public void A_delivery_signed_with_the_oa_secret_is_valid()
    {
        var body = UserText("Xin chào");
        var result = Verifier().Verify(Utf8(body), Sign(body, Ms(Now)));
        Assert.True(result.IsValid, result.ToString());
        Assert.Equal(ZaloWebhookFailure.None, result.Failure);
        Assert.Equal(Now, result.Timestamp);
    }

    [Fact]
    public void The_sdk_signer_matches_the_independent_one()
    {
        var body = UserText("Xin chào");
        Assert.Equal(Sign(body, Ms(Now)), ZaloWebhookVerifier.Sign(AppId, Utf8(body), OaSecret));
        Assert.Equal(Sign(body, Ms(Now)), ZaloWebhookVerifier.ComputeSignature(AppId, Utf8(body), Ms(Now), OaSecret));
    }

    [Fact]
    public void Uppercase_hex_is_accepted()
    {
        var body = UserText("Xin chào");
        var header = Sign(body, Ms(Now), upper: true);
        Assert.Matches("^mac=[0-9A-F]{64}$", header);
        Assert.True(Verifier().Verify(Utf8(body), header).IsValid);
    }

    [Fact]
    public void A_tampered_body_is_refused()
    {
        var body = UserText("Đồng ý");
        var header = Sign(body, Ms(Now));
        var tampered = body.Replace("Đồng ý", "Không đồng ý", StringComparison.Ordinal);
        var result = Verifier().Verify(Utf8(tampered), header);
        Assert.Equal(ZaloWebhookFailure.SignatureMismatch, result.Failure);
        Assert.DoesNotContain(OaSecret, result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_single_changed_byte_is_refused()
    {
        var bytes = Utf8(UserText("abc"));
        var header = Sign(UserText("abc"), Ms(Now));
        bytes[bytes.Length - 3] ^= 0x01;
        Assert.False(Verifier().Verify(bytes, header).IsValid);
    }

    [Fact]
    public void A_wrong_secret_is_refused()
    {
        var body = UserText("Xin chào");
        Assert.Equal(ZaloWebhookFailure.SignatureMismatch, Verifier().Verify(Utf8(body), Sign(body, Ms(Now), secret: "another-secret")).Failure);
    }

    [Fact]
    public void The_app_secret_can_be_chosen_instead_of_the_oa_secret()
    {
        var client = new ZaloClientOptions { AppId = AppId, AppSecret = AppSecret, OaSecretKey = OaSecret };
        var byApp = Verifier(ZaloWebhookOptions.FromClientOptions(client, ZaloWebhookSecretSource.AppSecret));
        var byOa = Verifier(ZaloWebhookOptions.FromClientOptions(client));
        var body = UserText("x");
        Assert.True(byApp.Verify(Utf8(body), Sign(body, Ms(Now), secret: AppSecret)).IsValid);
        Assert.False(byApp.Verify(Utf8(body), Sign(body, Ms(Now), secret: OaSecret)).IsValid);
        Assert.True(byOa.Verify(Utf8(body), Sign(body, Ms(Now), secret: OaSecret)).IsValid);
    }

    [Fact]
    public void A_wrong_app_id_is_refused()
    {
        var body = UserText("x");
        Assert.Equal(ZaloWebhookFailure.SignatureMismatch, Verifier().Verify(Utf8(body), Sign(body, Ms(Now), appId: "999")).Failure);
    }

    [Fact]
    public void A_signature_over_another_timestamp_is_refused()
    {
        var body = UserText("x");
        Assert.Equal(ZaloWebhookFailure.SignatureMismatch, Verifier().Verify(Utf8(body), Sign(body, Ms(Now.AddSeconds(1)))).Failure);
    }

    [Theory]
    [InlineData(null, ZaloWebhookFailure.MissingSignature)]
    [InlineData("", ZaloWebhookFailure.MissingSignature)]
    [InlineData("   ", ZaloWebhookFailure.MissingSignature)]
    [InlineData("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", ZaloWebhookFailure.MalformedSignature)]
    [InlineData("mac=", ZaloWebhookFailure.MalformedSignature)]
    [InlineData("mac=0123456789abcdef", ZaloWebhookFailure.MalformedSignature)]
    [InlineData("mac=zz23456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", ZaloWebhookFailure.MalformedSignature)]
    [InlineData("sha256=0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", ZaloWebhookFailure.MalformedSignature)]
    [InlineData("mac=0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef00", ZaloWebhookFailure.MalformedSignature)]
    public void A_missing_or_malformed_header_is_refused(string? header, ZaloWebhookFailure expected)
    {
        var result = Verifier().Verify(Utf8(UserText("x")), header);
        Assert.Equal(expected, result.Failure);
        Assert.Contains("X-ZEvent-Signature", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Vietnamese_text_and_escaped_unicode_are_verified_over_the_exact_bytes()
    {
        // The same words twice: as UTF-8 and as JSON \u escapes. Each body verifies only with its own bytes.
        var raw = UserText("Ủy ban nhân dân xã Gia Viễn – lịch tiêm chủng 🙂");
        var escaped = UserText("\\u1ee6y ban nh\\u00e2n d\\u00e2n x\\u00e3 Gia Vi\\u1ec5n \\u2013 l\\u1ecbch ti\\u00eam ch\\u1ee7ng \\ud83d\\ude42");
        var verifier = Verifier();
        Assert.True(verifier.Verify(Utf8(raw), Sign(raw, Ms(Now))).IsValid);
        Assert.True(verifier.Verify(Utf8(escaped), Sign(escaped, Ms(Now))).IsValid);
        Assert.False(verifier.Verify(Utf8(escaped), Sign(raw, Ms(Now))).IsValid);
        var rawEvent = Assert.IsType<ZaloMessageEvent>(ZaloWebhookParser.Parse(Utf8(raw)));
        var escapedEvent = Assert.IsType<ZaloMessageEvent>(ZaloWebhookParser.Parse(Utf8(escaped)));
        Assert.Equal(rawEvent.Text, escapedEvent.Text);
        Assert.Equal("Ủy ban nhân dân xã Gia Viễn – lịch tiêm chủng 🙂", escapedEvent.Text);
    }

    [Fact]
    public void A_replay_outside_the_window_is_refused_and_inside_it_accepted()
    {
        var body = UserText("x");
        var header = Sign(body, Ms(Now));
        var verifier = Verifier(new ZaloWebhookOptions { AppId = AppId, Secret = OaSecret, ReplayWindow = TimeSpan.FromHours(3) });
        _time.SetUtcNow(Now.AddHours(2).AddMinutes(1)); // Zalo's last retry: still accepted
        Assert.True(verifier.Verify(Utf8(body), header).IsValid);
        _time.SetUtcNow(Now.AddHours(3).AddMilliseconds(1));
        var result = verifier.Verify(Utf8(body), header);
        Assert.Equal(ZaloWebhookFailure.Replayed, result.Failure);
        Assert.Contains("replay window", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_event_from_the_future_beyond_the_skew_is_refused()
    {
        var at = Now.AddMinutes(10);
        var body = UserText("x", at: at);
        Assert.Equal(ZaloWebhookFailure.Replayed, Verifier().Verify(Utf8(body), Sign(body, Ms(at))).Failure);
    }

    [Theory]
    [InlineData("", ZaloWebhookFailure.InvalidJson)]
    [InlineData("not json", ZaloWebhookFailure.InvalidJson)]
    [InlineData("[1,2]", ZaloWebhookFailure.InvalidJson)]
    [InlineData("{\"event_name\":\"follow\",\"timestamp\":\"17", ZaloWebhookFailure.InvalidJson)]
    [InlineData("{\"event_name\":\"follow\"}", ZaloWebhookFailure.MissingTimestamp)]
    [InlineData("{\"event_name\":\"follow\",\"timestamp\":\"yesterday\"}", ZaloWebhookFailure.MissingTimestamp)]
    [InlineData("{\"event_name\":\"follow\",\"message\":{\"timestamp\":\"1764316800000\"}}", ZaloWebhookFailure.MissingTimestamp)]
    public void Truncated_or_non_json_bodies_are_refused(string body, ZaloWebhookFailure expected)
    {
        Assert.Equal(expected, Verifier().Verify(Utf8(body), Sign(body, "1764316800000")).Failure);
    }

    [Fact]
    public void A_body_over_the_limit_is_refused_before_hashing()
    {
        var verifier = Verifier(new ZaloWebhookOptions { AppId = AppId, Secret = OaSecret, MaxBodyBytes = 2048 });
        var result = verifier.Verify(new byte[2049], "mac=" + new string('0', 64));
        Assert.Equal(ZaloWebhookFailure.TooLarge, result.Failure);
        Assert.Contains("2048", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_numeric_timestamp_is_read_as_written()
    {
        var body = "{\"app_id\":\"" + AppId + "\",\"event_name\":\"follow\",\"timestamp\":" + Ms(Now) + "}";
        Assert.True(Verifier().Verify(Utf8(body), Sign(body, Ms(Now))).IsValid);
    }

    [Fact]
    public void Options_without_app_id_or_secret_are_refused_naming_the_settings()
    {
        var ex = Assert.Throws<ArgumentException>(() => new ZaloWebhookVerifier(new ZaloWebhookOptions { ReplayWindow = TimeSpan.Zero }));
        Assert.Contains("AppId", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Secret", ex.Message, StringComparison.Ordinal);
        Assert.Contains("ReplayWindow", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_options_never_show_the_secret()
    {
        Assert.DoesNotContain(OaSecret, Options().ToString(), StringComparison.Ordinal);
    }
}
