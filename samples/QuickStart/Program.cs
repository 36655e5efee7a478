// NinhBinh.Comms quick start, end to end on the embedded emulator (nothing leaves 127.0.0.1):
//   1. a bulletin is checked, and every problem named;
//   2. administrative codes from before the 2025 reform resolve to today's units;
//   3. a commune's Zalo Official Account is authorized with OAuth v4 + PKCE, tokens kept in a file store; a policy
//      bulletin goes out on it as an article, verified with progress, and broadcast to its followers (BroadcastStep.cs);
//   4. one emergency bulletin goes to Zalo followers, the commune's IP radio station (embedded MQTT broker, simulated
//      speakers) and its e-boards (emulated Xibo CMS) at once, and every channel's outcome is printed with one line per
//      speaker and display; then the all clear returns the boards to their schedule;
//   5. the same bulletin dispatched again reaches nobody twice (the Zalo channel's delivery journal);
//   6. a resident's reply comes back as a signed webhook, verified and handled once (ResidentReplyStep.cs);
//   7. the emergency bulletin is written as a CAP 1.2 alert into the output folder (artifacts/quickstart) and validated;
//   8. KPIs: what was published and reached is recorded, a bundled sample imported, the plan's indicators printed and
//      the yearly report written (HTML, CSV, JSON) next to the alert.
using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Web;
using NinhBinh.Comms;
using NinhBinh.Comms.Emulator;
using NinhBinh.Comms.Zalo;

Console.OutputEncoding = System.Text.Encoding.UTF8;
var today = TimeProvider.System.GetVietnamToday();
var registry = AdministrativeUnitRegistry.Default;
var output = Path.Combine(Environment.CurrentDirectory, "artifacts", "quickstart"); // what the demo writes: the CAP alert, reports

// 1. An invalid bulletin is refused with every problem named.
Console.WriteLine("1. Validation");
var draft = Bulletin.CreateBuilder().WithTitle("").WithBody("Nội dung").WithLanguage("tiếng Việt").WithTargetAreas("123456");
foreach (var problem in draft.Validate())
{
    Console.WriteLine($"   - {problem.Field}: {problem.Message}");
}

// 2. Old codes (Hà Nam, 35; Thành phố Hoa Lư, 374) resolve to the units that succeeded them on 2025-07-01.
Console.WriteLine("2. Administrative units (" + registry.Source.Split(';')[0] + ")");
foreach (var code in new[] { "35", "374" })
{
    var units = registry.Resolve(code, today);
    Console.WriteLine($"   {code} {registry.GetVersions(code)[0].Name} -> {string.Join(", ", units.Take(4).Select(u => u.ToString()))}{(units.Count > 4 ? $" (+{units.Count - 4})" : "")}");
}

var commune = registry.Resolve("14329", today).Single();
Console.WriteLine($"   Ninh Bình has {registry.GetChildren("37", today).Count} communes today; this bulletin is for {commune}.");

// 3. The commune's Zalo OA, authorized against the emulator exactly as against Zalo.
await using var emulator = await ZaloEmulator.StartAsync();
emulator.SeedDemo(); // app demo-app, OA demo-oa with 120 followers (about half interacted this week)
var tokenFolder = Path.Combine(Path.GetTempPath(), "nbcomms-quickstart-" + Guid.NewGuid().ToString("N"));
using var zalo = new ZaloClientFactory(new ZaloClientOptions
{
    AppId = "demo-app",
    AppSecret = "demo-secret",
    OpenApiBaseUrl = emulator.BaseUri,
    OAuthBaseUrl = emulator.BaseUri,
    BusinessApiBaseUrl = emulator.BaseUri,
    TokenStorePath = tokenFolder,
});
var authorization = zalo.Authorization.CreateAuthorizationRequest(new Uri("http://127.0.0.1/callback"));
using (var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }))
using (var consent = await browser.GetAsync(authorization.Url)) // the OA admin clicks "allow"
{
    var callback = HttpUtility.ParseQueryString(consent.Headers.Location!.Query);
    var tokens = await zalo.Authorization.ExchangeCodeAsync(callback["oa_id"]!, callback["code"]!, authorization.CodeVerifier);
    Console.WriteLine($"3. Zalo OA {callback["oa_id"]} authorized (PKCE); access token valid until {VietnamTime.ToVietnamTime(tokens.AccessTokenExpiresAt):yyyy-MM-dd HH:mm} (+07:00)");
}

var oa = zalo.GetClient("demo-oa");
var info = await oa.GetInfoAsync();
Console.WriteLine($"   {info.Name}: {info.OaType}, {info.FollowerCount} followers");

// Before the emergency: a normal policy bulletin published on the OA as an article, verified with progress (ArticleStep.cs),
// then broadcast to the OA's followers (BroadcastStep.cs).
var articleId = await ArticleStep.RunAsync(oa, commune.Code);
var policyBroadcast = articleId is not null && await BroadcastStep.RunAsync(emulator, oa, articleId);

// 4. One emergency bulletin, every channel at once.
var bulletin = Bulletin.CreateBuilder()
    .WithTitle("Cảnh báo mưa lớn, nguy cơ ngập úng")
    .WithSummary("Mưa lớn 100–150 mm từ chiều nay; người dân không ra đồng, kê cao tài sản.")
    .WithBody("Ban Chỉ huy phòng thủ dân sự phường Hoa Lư thông báo: từ chiều nay đến sáng mai có mưa lớn…")
    .WithIssuingAgency("UBND phường Hoa Lư")
    .WithTopics("phong-chong-thien-tai")
    .WithPriority(BulletinPriority.Emergency)
    .WithTargetAreas(commune.Code)
    .WithValidity(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddHours(12))
    .Build();
Console.WriteLine($"4. Bulletin {bulletin.Id}: [{bulletin.Priority}] {bulletin.Title}");

await using var radio = await RadioStep.StartAsync(commune.Code, 3);
await using var boards = await BoardStep.StartAsync(commune.Code);
var channels = new IBulletinChannel[]
{
    new ZaloBulletinChannel(oa),
    new ZaloBulletinChannel(oa, tag: "thon-1"),
    radio.Channel,
    boards.Channel,
};
var dispatcher = new BulletinDispatcher(channels, new BulletinDispatcherOptions { ChannelTimeout = TimeSpan.FromSeconds(10) });
var result = await dispatcher.DispatchAsync(bulletin);

Print(result);
var interrupted = boards.PrintScreens();
var boardsReverted = await boards.RevertAsync(commune.Code);
var zaloMessages = emulator.GetSentMessages("demo-oa").Count;
Console.WriteLine($"   {result.Count(DeliveryStatus.Accepted)} of {result.Outcomes.Count} channels took the bulletin; {zaloMessages} Zalo messages sent; {result[radio.Channel.Name].Targets.Count(t => t.IsSuccess)} of {result[radio.Channel.Name].Targets.Count} speakers acked.");

// 5. Dispatching the same bulletin again is safe: the Zalo channels' journal (in the token folder) skips everyone reached.
var again = await new BulletinDispatcher(channels.Take(2)).DispatchAsync(bulletin);
Console.WriteLine("5. The same bulletin again, to Zalo only");
Print(again);
Console.WriteLine($"   still {emulator.GetSentMessages("demo-oa").Count} Zalo messages: nobody got it twice.");

// 6. A resident answers: the reply comes back as a signed webhook, verified and handled once.
var replyHandledOnce = await ResidentReplyStep.RunAsync(emulator);

// 7. The same emergency as a CAP 1.2 alert (OASIS), for warning systems that speak CAP.
Console.WriteLine("7. Common Alerting Protocol");
var capValid = CapStep.Run(bulletin, output);

// 8. The figures the plan asks for, on the embedded SQLite store.
Console.WriteLine("8. KPIs (Metrics, SQLite)");
var kpiOk = await KpiStep.RunAsync(result, commune.Code, result["zalo:demo-oa"].Recipients?.Sent ?? 0, output);
// 9. The bulletin read aloud: text-to-speech on the emulated Zalo AI endpoint (SpeechStep.cs).
Console.WriteLine("9. Text-to-speech");
var speechOk = await SpeechStep.RunAsync(bulletin);
Directory.Delete(tokenFolder, recursive: true);
return policyBroadcast && speechOk && interrupted == 3 && boardsReverted && capValid && kpiOk && replyHandledOnce && result["zalo:demo-oa"].IsSuccess && result[radio.Channel.Name].Targets.Count == 3 && result[radio.Channel.Name].IsSuccess && emulator.GetSentMessages("demo-oa").Count == zaloMessages ? 0 : 1;

static void Print(DispatchResult result)
{
    foreach (var outcome in result.Outcomes)
    {
        var detail = outcome.Recipients is { } counts
            ? counts + (outcome.Reason is null ? string.Empty : "; " + outcome.Reason)
            : outcome.ExternalId ?? outcome.Reason;
        Console.WriteLine($"   {outcome.Channel,-20} {outcome.Status,-18} {detail} ({outcome.Duration.TotalMilliseconds:0} ms)");
        foreach (var target in outcome.Targets) // one line per speaker or display
        {
            Console.WriteLine($"      {target.Target,-26} {target.Status,-18} {target.Name}{(target.Reason is null ? "" : (target.Name is null ? "" : ": ") + target.Reason)}");
        }
    }
}
