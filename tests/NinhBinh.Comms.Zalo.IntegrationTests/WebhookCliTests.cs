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
}
