using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;

namespace NinhBinh.Comms.Zalo.IntegrationTests;

[Collection("processes")]
public class CliProcessTests
{
    private const string User = "8451000000000000009";

    private static Dictionary<string, string> Env(Uri emulator, string store) => new()
    {
        ["NBCOMMS_Zalo__AppId"] = Harness.App,
        ["NBCOMMS_Zalo__AppSecret"] = Harness.Secret,
        ["NBCOMMS_Zalo__OpenApiBaseUrl"] = emulator.AbsoluteUri,
        ["NBCOMMS_Zalo__OAuthBaseUrl"] = emulator.AbsoluteUri,
        ["NBCOMMS_Zalo__TokenStorePath"] = store,
    };

    [Fact]
    public async Task Auth_url_login_send_text_and_followers_as_processes()
    {
        await using var emulator = await Harness.StartAsync();
        emulator.AddFollower(Harness.Oa, User, lastInteraction: DateTimeOffset.UtcNow, tags: "thon-2");
        emulator.AddFollower(Harness.Oa, "8451000000000000010", lastInteraction: DateTimeOffset.UtcNow);
        var store = Harness.TempDirectory();
        var env = Env(emulator.BaseUri, store);
        try
        {
            var auth = await Harness.RunCliAsync(env, "zalo", "auth-url", "--app-id", Harness.App, "--redirect-uri", Harness.Redirect, "--state", "s1");
            Assert.Equal(0, auth.ExitCode);
            var lines = auth.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            Assert.StartsWith(emulator.BaseUri.AbsoluteUri + "v4/oa/permission?app_id=" + Harness.App, lines[0]);
            Assert.StartsWith("code_verifier=", lines[1]);
            var verifier = lines[1]["code_verifier=".Length..];

            var (code, oaId, state) = await Harness.ConsentAsync(new Uri(lines[0]));
            Assert.Equal("s1", state);
            var login = await Harness.RunCliAsync(env, "zalo", "login", "--oa-id", oaId, "--code", code, "--code-verifier", verifier);
            Assert.Equal(0, login.ExitCode);
            Assert.True(File.Exists(Path.Combine(store, oaId + ".json")));
            var storedTokens = await new FileZaloTokenStore(store).GetAsync(oaId);
            Assert.DoesNotContain(storedTokens!.AccessToken, login.Stdout + login.Stderr);

            var send = await Harness.RunCliAsync(env, "zalo", "send-text", "--oa-id", oaId, "--user-id", User, "--text", "Thông báo họp thôn");
            Assert.Equal(0, send.ExitCode);
            Assert.Equal(Assert.Single(emulator.GetSentMessages(Harness.Oa)).MessageId, send.Stdout.Trim());

            var followers = await Harness.RunCliAsync(env, "zalo", "followers", "--oa-id", oaId);
            Assert.Equal(0, followers.ExitCode);
            Assert.Equal(new[] { User, "8451000000000000010" }, followers.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

            var tagged = await Harness.RunCliAsync(env, "zalo", "followers", "--oa-id", oaId, "--tag", "thon-2");
            Assert.Equal(User, tagged.Stdout.Trim());
        }
        finally
        {
            Directory.Delete(store, recursive: true);
        }
    }

    [Fact]
    public async Task Exit_codes_and_one_line_errors_without_tokens()
    {
        await using var emulator = await Harness.StartAsync();
        emulator.AddFollower(Harness.Oa, User, lastInteraction: DateTimeOffset.UtcNow.AddDays(-10));
        var store = Harness.TempDirectory();
        var tokens = await Harness.SeedGrantAsync(emulator, new FileZaloTokenStore(store), DateTimeOffset.UtcNow);
        var env = Env(emulator.BaseUri, store);
        env["NBCOMMS_Zalo__DefaultOaId"] = Harness.Oa;
        try
        {
            var refused = await Harness.RunCliAsync(env, "zalo", "send-text", "--user-id", User, "--text", "ngoài 7 ngày");
            Assert.Equal(1, refused.ExitCode);
            Assert.Contains("-230", refused.Stderr);
            Assert.Single(refused.Stderr.Trim().Split('\n'));

            var tooLong = await Harness.RunCliAsync(env, "zalo", "send-text", "--user-id", User, "--text", new string('a', 2001));
            Assert.Equal(2, tooLong.ExitCode);
            Assert.Contains("2000", tooLong.Stderr);

            var missing = await Harness.RunCliAsync(env, "zalo", "send-text", "--user-id", User);
            Assert.Equal(2, missing.ExitCode);
            Assert.Contains("--text", missing.Stderr);

            var noConfig = await Harness.RunCliAsync(new Dictionary<string, string>(), "zalo", "followers", "--oa-id", Harness.Oa);
            Assert.Equal(2, noConfig.ExitCode);
            Assert.Contains("Zalo:AppId", noConfig.Stderr);

            var badConfigFile = await Harness.RunCliAsync(env, "--config", "/nonexistent/nbcomms.json", "zalo", "followers");
            Assert.Equal(2, badConfigFile.ExitCode);

            foreach (var output in new[] { refused, tooLong, missing, noConfig, badConfigFile })
            {
                Assert.DoesNotContain(tokens.AccessToken, output.Stdout + output.Stderr);
                Assert.DoesNotContain(tokens.RefreshToken, output.Stdout + output.Stderr);
                Assert.DoesNotContain(Harness.Secret, output.Stdout + output.Stderr);
            }
        }
        finally
        {
            Directory.Delete(store, recursive: true);
        }
    }

    [Fact]
    public async Task Config_file_and_appsettings_are_read()
    {
        await using var emulator = await Harness.StartAsync();
        emulator.AddFollower(Harness.Oa, User);
        var store = Harness.TempDirectory();
        await Harness.SeedGrantAsync(emulator, new FileZaloTokenStore(store), DateTimeOffset.UtcNow);
        var config = Path.Combine(store, "nbcomms.json");
        await File.WriteAllTextAsync(config, $$"""
            { "Zalo": { "AppId": "{{Harness.App}}", "AppSecret": "{{Harness.Secret}}", "OpenApiBaseUrl": "{{emulator.BaseUri}}",
                        "OAuthBaseUrl": "{{emulator.BaseUri}}", "TokenStorePath": "{{store}}", "DefaultOaId": "{{Harness.Oa}}" } }
            """);
        try
        {
            var result = await Harness.RunCliAsync(new Dictionary<string, string>(), "--config", config, "zalo", "followers");
            Assert.Equal(0, result.ExitCode);
            Assert.Equal(User, result.Stdout.Trim());
        }
        finally
        {
            Directory.Delete(store, recursive: true);
        }
    }

    [Fact]
    public async Task Emulator_start_prints_its_urls_and_serves_the_demo()
    {
        var store = Harness.TempDirectory();
        using var process = Harness.Start(Harness.Cli, new[] { "emulator", "start", "--token-store", store });
        try
        {
            string? baseUrl = null;
            for (var i = 0; i < 10; i++)
            {
                var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
                Assert.NotNull(line);
                if (line!.StartsWith("Zalo OpenAPI: ", StringComparison.Ordinal))
                {
                    baseUrl = line["Zalo OpenAPI: ".Length..];
                }

                if (line.StartsWith("Running", StringComparison.Ordinal))
                {
                    break;
                }
            }

            Assert.StartsWith("http://127.0.0.1:", baseUrl);
            var env = Env(new Uri(baseUrl!), store);
            env["NBCOMMS_Zalo__AppId"] = "demo-app";
            env["NBCOMMS_Zalo__AppSecret"] = "demo-secret";
            var followers = await Harness.RunCliAsync(env, "zalo", "followers", "--oa-id", "demo-oa");
            Assert.Equal(0, followers.ExitCode);
            Assert.Equal(120, followers.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Directory.Delete(store, recursive: true);
        }
    }
}
