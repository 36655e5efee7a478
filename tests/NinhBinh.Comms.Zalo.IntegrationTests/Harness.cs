using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using NinhBinh.Comms.Emulator;
using NinhBinh.Comms.Testing;

namespace NinhBinh.Comms.Zalo.IntegrationTests;

internal static class Harness
{
    public const string App = "nb-app";
    public const string Secret = "nb-secret-0123456789";
    public const string Oa = "oa-giavien";
    public const string Redirect = "http://127.0.0.1/zalo/callback";

    public static async Task<ZaloEmulator> StartAsync(TimeProvider? time = null, int rateLimit = 4000)
    {
        var emulator = await ZaloEmulator.StartAsync(new ZaloEmulatorOptions { TimeProvider = time ?? TimeProvider.System, RateLimitPerMinute = rateLimit });
        emulator.RegisterApp(App, Secret, Redirect);
        emulator.AddOfficialAccount(Oa, "UBND xã Gia Viễn", 4, App);
        return emulator;
    }

    public static ZaloClientOptions Options(ZaloEmulator emulator, Action<ZaloClientOptions>? configure = null)
    {
        var options = new ZaloClientOptions
        {
            AppId = App,
            AppSecret = Secret,
            OpenApiBaseUrl = emulator.BaseUri,
            OAuthBaseUrl = emulator.BaseUri,
            BusinessApiBaseUrl = emulator.BaseUri,
            Retry = new ZaloRetryOptions { BaseDelay = TimeSpan.FromMilliseconds(20), MaxDelay = TimeSpan.FromMilliseconds(500) },
        };
        configure?.Invoke(options);
        return options;
    }

    /// <summary>Seeds a grant in the emulator and the same pair in the store, as a completed authorization would.</summary>
    public static async Task<ZaloTokenSet> SeedGrantAsync(ZaloEmulator emulator, IZaloTokenStore store, DateTimeOffset now, string oa = Oa)
    {
        var (access, refresh) = emulator.IssueTokens(App, oa);
        var tokens = new ZaloTokenSet(access, refresh, now.AddHours(25), now.AddDays(90), now);
        await store.SaveAsync(oa, tokens);
        return tokens;
    }

    /// <summary>Follows the emulator's consent redirect and returns the code and OA id it hands back.</summary>
    public static async Task<(string Code, string OaId, string State)> ConsentAsync(Uri authorizationUrl)
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var response = await http.GetAsync(authorizationUrl);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        var query = System.Web.HttpUtility.ParseQueryString(response.Headers.Location!.Query);
        return (query["code"]!, query["oa_id"]!, query["state"]!);
    }

    public static string TempDirectory()
    {
        var dir = Path.Combine(Path.GetTempPath(), "nbcomms-it-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>The built output of another project of the solution, in the same configuration as this test assembly.</summary>
    public static string Built(string projectFolder, string assembly)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name; // bin/<Configuration>/net10.0
        var path = Path.Combine(RepositoryRoot.Path, projectFolder, "bin", configuration, "net10.0", assembly);
        Assert.True(File.Exists(path), "Build the solution first: " + path + " is missing.");
        return path;
    }

    public static string Cli => Built(Path.Combine("src", "NinhBinh.Comms.Cli"), "nbcomms.dll");

    public static string LoadAgent => Built(Path.Combine("tests", "NinhBinh.Comms.Zalo.LoadAgent"), "NinhBinh.Comms.Zalo.LoadAgent.dll");

    public static Process Start(string dll, IEnumerable<string> args, IDictionary<string, string>? env = null, string? workingDirectory = null)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Path.GetTempPath(),
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        info.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var key in new List<string>(info.Environment.Keys))
        {
            if (key.StartsWith("NBCOMMS_", StringComparison.Ordinal))
            {
                info.Environment.Remove(key);
            }
        }

        if (env is not null)
        {
            foreach (var (key, value) in env)
            {
                info.Environment[key] = value;
            }
        }

        return Process.Start(info)!;
    }

    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunCliAsync(IDictionary<string, string>? env, params string[] args)
    {
        using var process = Start(Cli, args, env);
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
