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
    public async Task Content_that_breaks_a_rule_and_refusals_by_Zalo_exit_1_with_one_line_naming_the_option()
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

            var tooLong = await Harness.RunCliAsync(env, "zalo", "send-text", "--user-id", User, "--text", new string('a', 2001));
            Assert.Equal(1, tooLong.ExitCode);
            Assert.Equal("nbcomms: --text: text is 2001 characters long; the limit is 2000.", tooLong.Stderr.Trim());

            var notAnId = await Harness.RunCliAsync(env, "zalo", "send-text", "--user-id", "84-not-an-id", "--text", "Thông báo");
            Assert.Equal(1, notAnId.ExitCode);
            Assert.Equal("nbcomms: --user-id: userId must be a Zalo user id: 1–32 digits.", notAnId.Stderr.Trim());

            var badOa = await Harness.RunCliAsync(env, "zalo", "followers", "--oa-id", "oa giavien");
            Assert.Equal(1, badOa.ExitCode);
            Assert.StartsWith("nbcomms: --oa-id: ", badOa.Stderr.Trim());
            Assert.Contains("1–64", badOa.Stderr);

            // Only the refused request reached Zalo; content that breaks a rule is stopped before anything is sent.
            Assert.Empty(emulator.GetSentMessages(Harness.Oa));
            Assert.Equal(1, emulator.TotalRequests);

            foreach (var output in new[] { refused, tooLong, notAnId, badOa })
            {
                Assert.Empty(output.Stdout);
                AssertOneLineWithoutSecrets(output, tokens);
            }
        }
        finally
        {
            Directory.Delete(store, recursive: true);
        }
    }

    [Fact]
    public async Task Usage_and_configuration_errors_exit_2_with_one_line()
    {
        await using var emulator = await Harness.StartAsync();
        emulator.AddFollower(Harness.Oa, User, lastInteraction: DateTimeOffset.UtcNow);
        var store = Harness.TempDirectory();
        var tokens = await Harness.SeedGrantAsync(emulator, new FileZaloTokenStore(store), DateTimeOffset.UtcNow);
        var env = Env(emulator.BaseUri, store);
        env["NBCOMMS_Zalo__DefaultOaId"] = Harness.Oa;
        try
        {
            var unknownOption = await Harness.RunCliAsync(env, "zalo", "send-text", "--user-id", User, "--text", "Thông báo", "--urgent");
            Assert.Equal(2, unknownOption.ExitCode);
            Assert.Contains("--urgent", unknownOption.Stderr);

            var unknownCommand = await Harness.RunCliAsync(env, "zalo", "send-photo", "--user-id", User);
            Assert.Equal(2, unknownCommand.ExitCode);
            Assert.Contains("send-photo", unknownCommand.Stderr);

            var missing = await Harness.RunCliAsync(env, "zalo", "send-text", "--user-id", User);
            Assert.Equal(2, missing.ExitCode);
            Assert.Contains("--text", missing.Stderr);

            var noAppId = new Dictionary<string, string>(env);
            noAppId.Remove("NBCOMMS_Zalo__AppId");
            var missingAppId = await Harness.RunCliAsync(noAppId, "zalo", "send-text", "--user-id", User, "--text", "Thông báo");
            Assert.Equal(2, missingAppId.ExitCode);
            Assert.Contains("Zalo:AppId is required", missingAppId.Stderr);

            var noConfig = await Harness.RunCliAsync(new Dictionary<string, string>(), "zalo", "followers", "--oa-id", Harness.Oa);
            Assert.Equal(2, noConfig.ExitCode);
            Assert.Contains("Zalo:AppId", noConfig.Stderr);

            var results = new List<(int ExitCode, string Stdout, string Stderr)> { unknownOption, unknownCommand, missing, missingAppId, noConfig };
            foreach (var timeout in new[] { "soon", "0", "99999999999" })
            {
                var badTimeout = new Dictionary<string, string>(env) { ["NBCOMMS_Zalo__RequestTimeout"] = timeout };
                var result = await Harness.RunCliAsync(badTimeout, "zalo", "send-text", "--user-id", User, "--text", "Thông báo");
                Assert.True(result.ExitCode == 2, $"RequestTimeout '{timeout}': exit {result.ExitCode}, {result.Stderr}");
                Assert.Contains("Zalo:RequestTimeout", result.Stderr);
                results.Add(result);
            }

            // A configuration error wins over content that would also be refused: the script learns its setup is wrong.
            var badUrl = new Dictionary<string, string>(env) { ["NBCOMMS_Zalo__OpenApiBaseUrl"] = "openapi.zalo.me" };
            var badUrlAndTooLong = await Harness.RunCliAsync(badUrl, "zalo", "send-text", "--user-id", User, "--text", new string('a', 2001));
            Assert.Equal(2, badUrlAndTooLong.ExitCode);
            Assert.Contains("Zalo:OpenApiBaseUrl", badUrlAndTooLong.Stderr);

            var badConfigFile = await Harness.RunCliAsync(env, "--config", "/nonexistent/nbcomms.json", "zalo", "followers");
            Assert.Equal(2, badConfigFile.ExitCode);
            Assert.Contains("--config", badConfigFile.Stderr);

            var notJson = Path.Combine(store, "broken.json");
            await File.WriteAllTextAsync(notJson, "{ \"Zalo\": ");
            var brokenConfigFile = await Harness.RunCliAsync(env, "--config", notJson, "zalo", "followers");
            Assert.Equal(2, brokenConfigFile.ExitCode);
            Assert.Contains("configuration is invalid", brokenConfigFile.Stderr);

            results.AddRange([badUrlAndTooLong, badConfigFile, brokenConfigFile]);
            foreach (var output in results)
            {
                AssertOneLineWithoutSecrets(output, tokens);
            }

            Assert.Empty(emulator.GetSentMessages(Harness.Oa));
            Assert.Equal(0, emulator.TotalRequests);
        }
        finally
        {
            Directory.Delete(store, recursive: true);
        }
    }

    [Fact]
    public async Task Help_documents_the_exit_codes()
    {
        var help = await Harness.RunCliAsync(null, "--help");
        Assert.Equal(0, help.ExitCode);
        Assert.Contains("Exit codes:", help.Stdout);
        Assert.Contains("0  success", help.Stdout);
        Assert.Contains("1  refused or invalid", help.Stdout);
        Assert.Contains("2  usage or configuration", help.Stdout);
    }

    private static void AssertOneLineWithoutSecrets((int ExitCode, string Stdout, string Stderr) output, ZaloTokenSet tokens)
    {
        var stderr = output.Stderr.Trim();
        Assert.StartsWith("nbcomms: ", stderr);
        Assert.Single(stderr.Split('\n'));
        Assert.DoesNotContain(tokens.AccessToken, output.Stdout + output.Stderr);
        Assert.DoesNotContain(tokens.RefreshToken, output.Stdout + output.Stderr);
        Assert.DoesNotContain(Harness.Secret, output.Stdout + output.Stderr);
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
