// One bulletin published as an article and broadcast on 100 commune OAs (ZaloBulletinChannel, ArticleBroadcast mode)
// through the Zalo emulator over loopback: wall time and requests per second per round, then a round where some OAs
// fail (no grant; broadcast quota used up) to show the others still go out.
// Usage: dotnet NinhBinh.Comms.ArticleBroadcastBench.dll [oas=100] [rounds=5] [concurrency=16] [processing-ms=0] [poll-ms=200]
using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using NinhBinh.Comms;
using NinhBinh.Comms.Emulator;
using NinhBinh.Comms.Zalo;

var oaCount = Arg(0, 100);
var rounds = Arg(1, 5);
var concurrency = Arg(2, 16);
var processing = TimeSpan.FromMilliseconds(Arg(3, 0));
var poll = TimeSpan.FromMilliseconds(Arg(4, 200));
const string App = "bench-app";
const int Followers = 50;

var today = TimeProvider.System.GetVietnamToday();
var communes = AdministrativeUnitRegistry.Default.GetChildren("37", today).Take(oaCount).ToArray();
if (communes.Length < oaCount)
{
    Console.Error.WriteLine($"Ninh Bình has {communes.Length} communes; asked for {oaCount} OAs.");
    return 2;
}

await using var emulator = await ZaloEmulator.StartAsync(new ZaloEmulatorOptions { ArticleProcessingDelay = processing, RateLimitPerMinute = 1_000_000 });
emulator.RegisterApp(App, "bench-secret");
var store = new InMemoryZaloTokenStore();
var now = DateTimeOffset.UtcNow;
var options = new ZaloBulletinChannelOptions
{
    Mode = ZaloBulletinMode.ArticleBroadcast,
    ArticleCover = new Uri("https://ninhbinh.gov.vn/anh/bia-tin.jpg"),
    ArticleVerify = new ZaloArticleVerifyOptions { PollInterval = poll, Timeout = TimeSpan.FromSeconds(60) },
    MaxConcurrency = concurrency,
};
foreach (var commune in communes)
{
    var oa = "oa-" + commune.Code;
    emulator.AddOfficialAccount(oa, "UBND " + commune.Name, 4, App);
    for (var i = 1; i <= Followers; i++)
    {
        var user = commune.Code + i.ToString("D14", CultureInfo.InvariantCulture);
        emulator.AddFollower(oa, user);
        emulator.SetFollowerDemographics(oa, user, ageGroup: i % 8, gender: 1 + (i % 2), region: 0, city: 37, platform: 1 + (i % 2));
    }

    var (access, refresh) = emulator.IssueTokens(App, oa);
    await store.SaveAsync(oa, new ZaloTokenSet(access, refresh, now.AddHours(25), now.AddDays(90), now));
    options.CommuneOfficialAccounts[commune.Code] = oa;
}

var clientOptions = new ZaloClientOptions
{
    AppId = App,
    AppSecret = "bench-secret",
    OpenApiBaseUrl = emulator.BaseUri,
    OAuthBaseUrl = emulator.BaseUri,
    BusinessApiBaseUrl = emulator.BaseUri,
    RequestsPerMinute = 0, // the emulator is ours: the SDK's own 4,000/min limit would be the bottleneck being measured
};
using var factory = new ZaloClientFactory(clientOptions, store);
var channel = new ZaloBulletinChannel(factory, options);
Console.WriteLine($"{oaCount} commune OAs x {Followers} followers; {concurrency} OAs at once; article processing {processing.TotalMilliseconds:0} ms, verify every {poll.TotalMilliseconds:0} ms");

var walls = new double[rounds];
var rates = new double[rounds];
for (var round = 0; round <= rounds; round++)
{
    var (outcome, wall, requests) = await PublishAsync("bench-" + round);
    var label = round == 0 ? "warm-up" : "round " + round;
    Console.WriteLine($"{label,-8} {outcome.Status,-19} {outcome.Recipients} wall {wall.TotalMilliseconds,7:0} ms  {requests,4} requests  {requests / wall.TotalSeconds,7:0} req/s");
    if (round > 0)
    {
        walls[round - 1] = wall.TotalMilliseconds;
        rates[round - 1] = requests / wall.TotalSeconds;
    }
}

Console.WriteLine($"median   wall {Median(walls):0} ms, {Median(rates):0} req/s");

// Some OAs fail: every 10th OA has no grant (nothing goes out), every 10th from the 5th has used up its broadcast quota (article published, not broadcast).
var broken = communes.Select((c, i) => (Oa: "oa-" + c.Code, i)).ToArray();
var partialStore = new InMemoryZaloTokenStore();
foreach (var (oa, i) in broken.Where(b => b.i % 10 != 0))
{
    await partialStore.SaveAsync(oa, (await store.GetAsync(oa))!);
}

foreach (var (oa, i) in broken.Where(b => b.i % 10 == 5))
{
    emulator.SetBroadcastQuota(oa, 0);
}

using var partialFactory = new ZaloClientFactory(clientOptions, partialStore);
channel = new ZaloBulletinChannel(partialFactory, options);
var before = broken.Sum(b => emulator.GetBroadcasts(b.Oa).Count);
var (failed, failedWall, failedRequests) = await PublishAsync("bench-failing");
var broadcastNow = broken.Sum(b => emulator.GetBroadcasts(b.Oa).Count) - before;
Console.WriteLine($"failing  {failed.Status,-19} {failed.Recipients} wall {failedWall.TotalMilliseconds,7:0} ms  {failedRequests,4} requests; {broadcastNow} OAs broadcast");
foreach (var group in failed.Targets.Where(t => !t.IsSuccess).GroupBy(t => t.ErrorCode ?? t.Status.ToString()))
{
    var first = group.First();
    Console.WriteLine($"  {group.Count()} x {group.Key}: {string.Join(", ", group.Take(3).Select(t => t.Target))}{(group.Count() > 3 ? ", …" : "")} — e.g. {first.Reason}");
}

var expectedOk = oaCount - broken.Count(b => b.i % 10 is 0 or 5);
return failed.Targets.Count(t => t.IsSuccess) == expectedOk && broadcastNow == expectedOk ? 0 : 1;

async System.Threading.Tasks.Task<(DeliveryOutcome Outcome, TimeSpan Wall, int Requests)> PublishAsync(string id)
{
    var bulletin = Bulletin.CreateBuilder()
        .WithId(id)
        .WithTitle("Chính sách hỗ trợ bảo hiểm y tế năm 2027")
        .WithSummary("Người từ đủ 60 tuổi được hỗ trợ 100% mức đóng bảo hiểm y tế.")
        .WithBody("UBND tỉnh Ninh Bình thông báo chính sách hỗ trợ bảo hiểm y tế năm 2027.\n\nĐối tượng: người từ đủ 60 tuổi chưa có thẻ.")
        .WithIssuingAgency("UBND tỉnh Ninh Bình")
        .WithTopics("y-te")
        .WithTargetAreas("37")
        .Build();
    var requests = emulator.TotalRequests;
    var clock = Stopwatch.StartNew();
    var outcome = await channel.DeliverAsync(bulletin, new Progress<DeliveryCounts>());
    clock.Stop();
    return (outcome, clock.Elapsed, emulator.TotalRequests - requests);
}

static double Median(double[] values)
{
    var sorted = values.OrderBy(v => v).ToArray();
    return sorted.Length == 0 ? 0 : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
}

int Arg(int index, int fallback) => args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;
