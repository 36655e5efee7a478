using System;
using System.Net.Http;
using System.Threading.Tasks;
using NinhBinh.Comms;
using NinhBinh.Comms.Broadcast.Boards;
using NinhBinh.Comms.Broadcast.Boards.Xibo;
using NinhBinh.Comms.Emulator.Boards.Xibo;

/// <summary>
/// The QuickStart's e-board step: the commune's boards on the emulator's Xibo-subset CMS (OAuth2 client credentials,
/// layouts, display groups), reached through <see cref="XiboBoardSystem"/> and the <see cref="BoardBulletinChannel"/>:
/// an emergency interrupts every display of the commune's group now; one display is offline and says so.
/// </summary>
internal sealed class BoardStep : IAsyncDisposable
{
    private readonly XiboEmulator _cms;
    private readonly HttpClient _http;
    private readonly BoardBulletinChannel _channel;

    private BoardStep(XiboEmulator cms, HttpClient http, BoardBulletinChannel channel)
    {
        _cms = cms;
        _http = http;
        _channel = channel;
    }

    /// <summary>The boards as a dispatcher channel.</summary>
    public IBulletinChannel Channel => _channel;

    public static async Task<BoardStep> StartAsync(string communeCode)
    {
        var cms = await XiboEmulator.StartAsync();
        cms.AddDisplayGroup(7, "Phường Hoa Lư - bảng điện tử");
        cms.AddDisplay(71, "Cổng UBND phường", [7]);
        cms.AddDisplay(72, "Nhà văn hoá tổ dân phố 3", [7], width: 1080, height: 1920);
        cms.AddDisplay(73, "Chợ Hoa Lư", [7], online: false, lastSeen: DateTimeOffset.UtcNow.AddDays(-3));
        var http = new HttpClient();
        var xibo = new XiboBoardSystem(http, new XiboOptions { BaseUrl = cms.BaseUri, ClientId = cms.ClientId, ClientSecret = cms.ClientSecret });
        var directory = new BoardDirectory().Add(communeCode, xibo, "7");
        Console.WriteLine($"   e-boards: emulated Xibo CMS {cms.BaseUri}, display group 7 of commune {communeCode} (3 displays, one offline)");
        return new BoardStep(cms, http, new BoardBulletinChannel(directory, new BoardChannelOptions { Name = "boards:" + communeCode }));
    }

    /// <summary>Prints what each display shows now; returns how many show an interrupt.</summary>
    public int PrintScreens()
    {
        var interrupted = 0;
        foreach (var screen in _cms.GetScreens())
        {
            Console.WriteLine($"      on screen {screen}");
            interrupted += screen.IsInterrupt ? 1 : 0;
        }

        return interrupted;
    }

    /// <summary>The all clear: the commune's boards return to their schedule. True when no display shows the interrupt any more.</summary>
    public async Task<bool> RevertAsync(string communeCode)
    {
        var outcomes = await _channel.RevertAsync([communeCode]);
        Console.WriteLine($"   all clear: {outcomes.Count} displays told to return to their schedule");
        return PrintScreens() == 0;
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _cms.DisposeAsync();
    }
}
