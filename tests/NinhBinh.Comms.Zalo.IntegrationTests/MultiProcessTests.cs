using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;

namespace NinhBinh.Comms.Zalo.IntegrationTests;

[Collection("processes")]
public class MultiProcessTests
{
    private const string User = "8451000000000000007";

    [Fact]
    public async Task Two_hundred_sends_from_four_processes_across_an_expiry_cause_one_refresh_and_no_failure()
    {
        // The emulator's clock is 26 hours ahead: the stored access token has expired on the server, and the store
        // (shared by the four processes) says so too.
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var emulator = await Harness.StartAsync(time);
        emulator.RegisterApp("load-app", "load-secret");
        emulator.AddOfficialAccount("oa-load", "UBND phường Hoa Lư", 4, "load-app");
        emulator.AddFollower("oa-load", User, lastInteraction: time.GetUtcNow());
        var (access, refresh) = emulator.IssueTokens("load-app", "oa-load");
        var dir = Harness.TempDirectory();
        var issued = DateTimeOffset.UtcNow.AddHours(-26);
        await new FileZaloTokenStore(dir).SaveAsync("oa-load", new ZaloTokenSet(access, refresh, issued.AddHours(25), issued.AddDays(90), issued));
        time.Advance(TimeSpan.FromHours(26));
        emulator.RecordInteraction("oa-load", User, time.GetUtcNow());

        var url = emulator.BaseUri.AbsoluteUri;
        var processes = Enumerable.Range(0, 4)
            .Select(_ => Harness.Start(Harness.LoadAgent, new[] { "send", url, url, dir, "oa-load", User, "50" }))
            .ToArray();
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

            Assert.All(outputs, o => Assert.Contains("sent=50 failed=0", o.output));
            Assert.All(outputs, o => Assert.Equal(0, o.ExitCode));
            Assert.Equal(1, emulator.GetRefreshCount("oa-load"));
            Assert.Equal(200, emulator.GetSentMessages("oa-load").Count);
            Assert.Equal(200, emulator.GetSentMessages("oa-load").Select(m => m.Text).Distinct().Count() * 4);
            var stored = await new FileZaloTokenStore(dir).GetAsync("oa-load");
            Assert.NotEqual(refresh, stored!.RefreshToken);
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

            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task A_store_written_while_processes_are_killed_is_never_corrupt()
    {
        var dir = Harness.TempDirectory();
        var random = new Random(20261126);
        try
        {
            for (var round = 0; round < 12; round++)
            {
                using var writer = Harness.Start(Harness.LoadAgent, new[] { "churn", dir, "oa-churn" });
                Assert.Equal("ready", await writer.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60)));
                await Task.Delay(random.Next(5, 120));
                writer.Kill(entireProcessTree: true);
                await writer.WaitForExitAsync();

                var tokens = await new FileZaloTokenStore(dir).GetAsync("oa-churn"); // throws if the file is torn
                if (tokens is not null)
                {
                    Assert.StartsWith("access-", tokens.AccessToken);
                    Assert.Equal(tokens.AccessToken["access-".Length..], tokens.RefreshToken["refresh-".Length..]);
                }
            }

            Assert.NotNull(await new FileZaloTokenStore(dir).GetAsync("oa-churn"));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
