using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using NinhBinh.Comms.Emulator;
using NinhBinh.Comms.Testing;

namespace NinhBinh.Comms.Zalo.PostgreSql.Tests;

/// <summary>
/// Two hosts' worth of processes: separate processes, each with its own PostgreSQL token store on the same database,
/// sending across a token expiry. Exactly one refresh, no send fails.
/// </summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class MultiServerTests(PostgreSqlFixture fixture)
{
    private const string User = "8451000000000000077";

    [PostgreSqlFact]
    public async Task Six_processes_on_one_database_across_an_expiry_cause_one_refresh_and_no_failure()
    {
        var database = fixture.Server.CreateDatabase("farm");
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var emulator = await ZaloEmulator.StartAsync(new ZaloEmulatorOptions { TimeProvider = time });
        emulator.RegisterApp("load-app", "load-secret");
        emulator.AddOfficialAccount("oa-farm", "UBND phường Hoa Lư", 4, "load-app");
        emulator.AddFollower("oa-farm", User, lastInteraction: time.GetUtcNow());
        var (access, refresh) = emulator.IssueTokens("load-app", "oa-farm");
        var issued = DateTimeOffset.UtcNow.AddHours(-26);
        using (var seed = new PostgreSqlZaloTokenStore(database))
        {
            await seed.SaveAsync("oa-farm", new ZaloTokenSet(access, refresh, issued.AddHours(25), issued.AddDays(90), issued));
        }

        time.Advance(TimeSpan.FromHours(26)); // the access token has expired on the server and in the store
        emulator.RecordInteraction("oa-farm", User, time.GetUtcNow());

        var url = emulator.BaseUri.AbsoluteUri;
        var processes = Enumerable.Range(0, 6).Select(_ => Start(LoadAgent, "send", url, url, "pg:" + database, "oa-farm", User, "30")).ToArray();
        try
        {
            foreach (var p in processes)
            {
                Assert.Equal("ready", await p.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60)));
            }

            foreach (var p in processes)
            {
                await p.StandardInput.WriteLineAsync("go");
                await p.StandardInput.FlushAsync();
            }

            var outputs = await Task.WhenAll(processes.Select(async p =>
            {
                var output = await p.StandardOutput.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(120));
                await p.WaitForExitAsync();
                return (p.ExitCode, output);
            }));

            Assert.All(outputs, o => Assert.Contains("sent=30 failed=0", o.output, StringComparison.Ordinal));
            Assert.All(outputs, o => Assert.Equal(0, o.ExitCode));
            Assert.Equal(1, emulator.GetRefreshCount("oa-farm"));
            Assert.Equal(180, emulator.GetSentMessages("oa-farm").Count);
            using var check = new PostgreSqlZaloTokenStore(database);
            Assert.NotEqual(refresh, (await check.GetAsync("oa-farm"))!.RefreshToken);
        }
        finally
        {
            foreach (var p in processes)
            {
                if (!p.HasExited)
                {
                    p.Kill(entireProcessTree: true);
                }

                p.Dispose();
            }
        }
    }

    private static string LoadAgent
    {
        get
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
            var path = Path.Combine(RepositoryRoot.Path, "tests", "NinhBinh.Comms.Zalo.LoadAgent", "bin", configuration, "net10.0", "NinhBinh.Comms.Zalo.LoadAgent.dll");
            Assert.True(File.Exists(path), "Build the solution first: " + path + " is missing.");
            return path;
        }
    }

    private static Process Start(string dll, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        info.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        return Process.Start(info)!;
    }
}
