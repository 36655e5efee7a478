// NinhBinh.Comms quick start: build a bulletin, check it, find where it goes, dispatch it to several channels at
// once and print what each channel did. Everything runs in-process; later versions of this sample use the embedded
// emulator for Zalo, IP radio and e-boards.
using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NinhBinh.Comms;
using NinhBinh.Comms.Broadcast;

Console.OutputEncoding = System.Text.Encoding.UTF8;
var today = TimeProvider.System.GetVietnamToday();
var registry = AdministrativeUnitRegistry.Default;

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

var target = registry.Resolve("14329", today).Single();
Console.WriteLine($"   Ninh Bình has {registry.GetChildren("37", today).Count} communes today; the bulletin goes to {target}.");

// 3. A valid emergency bulletin.
var bulletin = Bulletin.CreateBuilder()
    .WithTitle("Cảnh báo mưa lớn, nguy cơ ngập úng")
    .WithSummary("Mưa lớn 100–150 mm từ chiều nay; người dân không ra đồng, kê cao tài sản.")
    .WithBody("Ban Chỉ huy phòng thủ dân sự phường Hoa Lư thông báo: từ chiều nay đến sáng mai có mưa lớn…")
    .WithIssuingAgency("UBND phường Hoa Lư")
    .WithTopics("phong-chong-thien-tai")
    .WithPriority(BulletinPriority.Emergency)
    .WithTargetAreas(target.Code)
    .WithValidity(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddHours(12))
    .Build();
Console.WriteLine($"3. Bulletin {bulletin.Id}: [{bulletin.Priority}] {bulletin.Title}");

// 4. Dispatch to four in-process channels: one accepts, one plays it on a station, one rejects, one hangs.
var station = new StationPlayOrder();
var channels = new IBulletinChannel[]
{
    new InMemoryBulletinChannel("zalo:oa:demo"),
    new InMemoryBulletinChannel($"radio:{target.Code}", (b, _) =>
    {
        var action = station.Enqueue(b);
        return Task.FromResult(DeliveryOutcome.Accepted($"radio:{target.Code}", action.ToString()));
    }),
    new InMemoryBulletinChannel($"board:{target.Code}", (_, _) =>
        Task.FromResult(DeliveryOutcome.Rejected($"board:{target.Code}", "the board is offline (last seen 3 days ago)", "OFFLINE"))),
    new InMemoryBulletinChannel("board:hung", async (_, ct) =>
    {
        await Task.Delay(Timeout.Infinite, ct); // never answers: the dispatcher times it out
        return DeliveryOutcome.Accepted("board:hung");
    }),
};
var dispatcher = new BulletinDispatcher(channels, new BulletinDispatcherOptions { ChannelTimeout = TimeSpan.FromSeconds(2) });
var result = await dispatcher.DispatchAsync(bulletin);

Console.WriteLine("4. Outcomes");
foreach (var outcome in result.Outcomes)
{
    Console.WriteLine($"   {outcome.Channel,-16} {outcome.Status,-16} {outcome.ExternalId ?? outcome.Reason} ({outcome.Duration.TotalMilliseconds:0} ms)");
}

Console.WriteLine($"   {result.Count(DeliveryStatus.Accepted)} of {result.Outcomes.Count} channels took the bulletin.");
return result.Count(DeliveryStatus.Accepted) == 2 && station.ReadyCount == 1 ? 0 : 1;
