using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using NinhBinh.Comms.Emulator;
using NinhBinh.Comms.Zalo;

namespace NinhBinh.Comms.Benchmarks;

/// <summary>
/// 10,000 consultation messages through the SDK to the emulator over loopback HTTP: the rate with no limit, and,
/// with a configured limit, the fraction of it achieved (target at least 95%) and the -32 answers provoked (target 0).
/// One cold run per case: each case is one long operation. The figures are printed as "nbcomms:" lines.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 0, iterationCount: 1)]
public class ZaloEmulatorThroughput
{
    private const int Messages = 10_000;
    private const string User = "8451234567890123456";

    /// <summary>The configured limit per minute; 0 means none (1,000,000 in both SDK and emulator).</summary>
    [Params(0, 5_000)]
    public int Limit { get; set; }

    [Benchmark]
    public async Task<double> TenThousandMessages()
    {
        var limit = Limit == 0 ? 1_000_000 : Limit;
        await using var emulator = await ZaloEmulator.StartAsync(new ZaloEmulatorOptions { RateLimitPerMinute = limit });
        emulator.RegisterApp("bench-app", "bench-secret");
        emulator.AddOfficialAccount("oa-bench", "UBND xã (benchmark)", 4, "bench-app");
        emulator.AddFollower("oa-bench", User, lastInteraction: DateTimeOffset.UtcNow);
        var (access, refresh) = emulator.IssueTokens("bench-app", "oa-bench");
        var store = new InMemoryZaloTokenStore();
        var now = DateTimeOffset.UtcNow;
        await store.SaveAsync("oa-bench", new ZaloTokenSet(access, refresh, now.AddHours(25), now.AddDays(90), now));
        using var factory = new ZaloClientFactory(new ZaloClientOptions
        {
            AppId = "bench-app",
            AppSecret = "bench-secret",
            OpenApiBaseUrl = emulator.BaseUri,
            OAuthBaseUrl = emulator.BaseUri,
            RequestsPerMinute = limit,
        }, store);
        var client = factory.GetClient("oa-bench");
        using var gate = new SemaphoreSlim(64);
        var failures = 0;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Messages).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                await client.SendTextAsync(User, "Bản tin " + i);
            }
            catch (ZaloException)
            {
                Interlocked.Increment(ref failures);
            }
            finally
            {
                gate.Release();
            }
        }));
        var sent = watch.Elapsed;

        // The sustained capacity: how long until the limiter admits the next request after the 10,000.
        await client.GetTagsAsync();
        var capacity = watch.Elapsed;
        var perMinute = Messages / capacity.TotalMinutes;
        Console.WriteLine($"nbcomms: limit={(Limit == 0 ? "none" : Limit.ToString())} messages={Messages} failed={failures} " +
            $"sent in {sent.TotalSeconds:0.0} s = {Messages / sent.TotalSeconds:0} msg/s; next request admitted at {capacity.TotalSeconds:0.0} s; " +
            (Limit == 0 ? string.Empty : $"achieved {perMinute:0}/min = {perMinute / Limit:P1} of the limit; ") +
            $"-32 answers={emulator.RateLimitedResponses}");
        return perMinute;
    }
}
