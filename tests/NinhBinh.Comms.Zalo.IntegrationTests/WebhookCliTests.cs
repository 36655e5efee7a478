using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Threading.Tasks;

namespace NinhBinh.Comms.Zalo.IntegrationTests;

/// <summary><c>nbcomms zalo webhook-verify</c> as a real process.</summary>
[Collection("processes")]
public class WebhookCliTests
{
    private const string AppId = "4321001";
    private const string OaSecret = "oa-secret-for-webhooks";

    private static Dictionary<string, string> Env() => new()
    {
        ["NBCOMMS_Zalo__AppId"] = AppId,
        ["NBCOMMS_Zalo__AppSecret"] = "app-secret",
        ["NBCOMMS_Zalo__OaSecretKey"] = OaSecret,
    };

    private static string Body(DateTimeOffset at) =>
        "{\"app_id\":\"" + AppId + "\",\"sender\":{\"id\":\"8451\"},\"recipient\":{\"id\":\"5797\"},\"event_name\":\"user_send_text\","
        + "\"message\":{\"text\":\"Tôi đã nhận được thông báo\",\"msg_id\":\"90000000000000000001\"},\"timestamp\":\""
        + at.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) + "\"}";

    private static string WriteBody(string body)
    {
        var path = Path.Combine(Path.GetTempPath(), "nbcomms-webhook-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllBytes(path, Encoding.UTF8.GetBytes(body));
        return path;
    }

    [Fact]
    public async Task Valid_forged_malformed_and_old_deliveries_give_the_documented_exit_codes()
    {
        var now = DateTimeOffset.UtcNow;
        var body = Body(now);
        var file = WriteBody(body);
        var old = Body(now.AddHours(-5));
        var oldFile = WriteBody(old);
        try
        {
            var signature = ZaloWebhookVerifier.Sign(AppId, Encoding.UTF8.GetBytes(body), OaSecret);
            var valid = await Harness.RunCliAsync(Env(), "zalo", "webhook-verify", "--body-file", file, "--signature", signature);
            Assert.Equal(0, valid.ExitCode);
            Assert.StartsWith("valid user_send_text ", valid.Stdout.Trim(), StringComparison.Ordinal);
            Assert.Equal(string.Empty, valid.Stderr);

            var upper = await Harness.RunCliAsync(Env(), "zalo", "webhook-verify", "--body-file", file, "--signature", "mac=" + signature[4..].ToUpperInvariant());
            Assert.Equal(0, upper.ExitCode);

            var forged = await Harness.RunCliAsync(Env(), "zalo", "webhook-verify", "--body-file", file,
                "--signature", ZaloWebhookVerifier.Sign(AppId, Encoding.UTF8.GetBytes(body), "not-the-secret"));
            Assert.Equal(1, forged.ExitCode);
            Assert.Contains("SignatureMismatch", forged.Stderr, StringComparison.Ordinal);
            Assert.Single(forged.Stderr.Trim().Split('\n'));
            Assert.DoesNotContain(OaSecret, forged.Stderr, StringComparison.Ordinal);

            var malformed = await Harness.RunCliAsync(Env(), "zalo", "webhook-verify", "--body-file", file, "--signature", "abc");
            Assert.Equal(1, malformed.ExitCode);
            Assert.Contains("X-ZEvent-Signature", malformed.Stderr, StringComparison.Ordinal);

            var oldSignature = ZaloWebhookVerifier.Sign(AppId, Encoding.UTF8.GetBytes(old), OaSecret);
            var oldValid = await Harness.RunCliAsync(Env(), "zalo", "webhook-verify", "--body-file", oldFile, "--signature", oldSignature);
            Assert.Equal(0, oldValid.ExitCode);
            var tooOld = await Harness.RunCliAsync(Env(), "zalo", "webhook-verify", "--body-file", oldFile, "--signature", oldSignature, "--max-age", "03:00:00");
            Assert.Equal(1, tooOld.ExitCode);
            Assert.Contains("Replayed", tooOld.Stderr, StringComparison.Ordinal);

            var appSecretEnv = Env();
            appSecretEnv["NBCOMMS_Zalo__Webhook__SecretSource"] = "AppSecret";
            var byApp = await Harness.RunCliAsync(appSecretEnv, "zalo", "webhook-verify", "--body-file", file,
                "--signature", ZaloWebhookVerifier.Sign(AppId, Encoding.UTF8.GetBytes(body), "app-secret"));
            Assert.Equal(0, byApp.ExitCode);
        }
        finally
        {
            File.Delete(file);
            File.Delete(oldFile);
        }
    }

    [Fact]
    public async Task Missing_configuration_or_file_exits_2()
    {
        var file = WriteBody(Body(DateTimeOffset.UtcNow));
        try
        {
            var env = Env();
            env.Remove("NBCOMMS_Zalo__OaSecretKey");
            var noSecret = await Harness.RunCliAsync(env, "zalo", "webhook-verify", "--body-file", file, "--signature", "mac=" + new string('0', 64));
            Assert.Equal(2, noSecret.ExitCode);
            Assert.Contains("Zalo:OaSecretKey", noSecret.Stderr, StringComparison.Ordinal);

            var noFile = await Harness.RunCliAsync(Env(), "zalo", "webhook-verify", "--body-file", file + ".missing", "--signature", "mac=" + new string('0', 64));
            Assert.Equal(2, noFile.ExitCode);
            Assert.Contains("--body-file", noFile.Stderr, StringComparison.Ordinal);

            var noSignature = await Harness.RunCliAsync(Env(), "zalo", "webhook-verify", "--body-file", file);
            Assert.Equal(2, noSignature.ExitCode);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Webhook_listen_prints_each_verified_event_once_as_a_json_line()
    {
        using var process = Harness.Start(Harness.Cli, new[] { "zalo", "webhook-listen", "--port", "0" }, Env());
        try
        {
            string? line;
            using (var timeout = new System.Threading.CancellationTokenSource(TimeSpan.FromSeconds(30)))
            {
                do
                {
                    line = await process.StandardError.ReadLineAsync(timeout.Token);
                }
                while (line is not null && !line.StartsWith("listening on ", StringComparison.Ordinal));
            }

            Assert.NotNull(line);
            var url = new Uri(line!["listening on ".Length..]);
            Assert.Equal("127.0.0.1", url.Host);
            using var http = new System.Net.Http.HttpClient();
            async Task<System.Net.HttpStatusCode> PostAsync(string body, string signature)
            {
                using var content = new System.Net.Http.ByteArrayContent(Encoding.UTF8.GetBytes(body));
                using var request = new System.Net.Http.HttpRequestMessage(System.Net.Http.HttpMethod.Post, url) { Content = content };
                request.Headers.TryAddWithoutValidation("X-ZEvent-Signature", signature);
                using var response = await http.SendAsync(request);
                return response.StatusCode;
            }

            var body = Body(DateTimeOffset.UtcNow);
            var signature = ZaloWebhookVerifier.Sign(AppId, Encoding.UTF8.GetBytes(body), OaSecret);
            Assert.Equal(System.Net.HttpStatusCode.OK, await PostAsync(body, signature));
            Assert.Equal(System.Net.HttpStatusCode.OK, await PostAsync(body, signature)); // Zalo's retry: printed once
            Assert.Equal(System.Net.HttpStatusCode.Unauthorized, await PostAsync(body, ZaloWebhookVerifier.Sign(AppId, Encoding.UTF8.GetBytes(body), "forged")));
            var follow = "{\"app_id\":\"" + AppId + "\",\"oa_id\":\"5797\",\"follower\":{\"id\":\"8451\"},\"event_name\":\"follow\",\"timestamp\":\""
                + DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) + "\"}";
            Assert.Equal(System.Net.HttpStatusCode.OK, await PostAsync(follow, ZaloWebhookVerifier.Sign(AppId, Encoding.UTF8.GetBytes(follow), OaSecret)));

            using var read = new System.Threading.CancellationTokenSource(TimeSpan.FromSeconds(30));
            var first = await process.StandardOutput.ReadLineAsync(read.Token);
            var second = await process.StandardOutput.ReadLineAsync(read.Token);
            using var one = System.Text.Json.JsonDocument.Parse(first!);
            using var two = System.Text.Json.JsonDocument.Parse(second!);
            Assert.Equal("user_send_text", one.RootElement.GetProperty("event_name").GetString());
            Assert.Equal("ZaloMessageEvent", one.RootElement.GetProperty("type").GetString());
            Assert.Equal("Tôi đã nhận được thông báo", one.RootElement.GetProperty("event").GetProperty("message").GetProperty("text").GetString());
            Assert.Equal("follow", two.RootElement.GetProperty("event_name").GetString()); // not the duplicate: it was printed once
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task Webhook_listen_without_the_secret_exits_2()
    {
        var env = Env();
        env.Remove("NBCOMMS_Zalo__OaSecretKey");
        var result = await Harness.RunCliAsync(env, "zalo", "webhook-listen", "--port", "0");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Zalo:OaSecretKey", result.Stderr, StringComparison.Ordinal);
    }
}
