using System;
using System.Threading.Tasks;
using NinhBinh.Comms;
using NinhBinh.Comms.Broadcast.Boards;
using NinhBinh.Comms.Broadcast.Boards.Anthias;
using NinhBinh.Comms.Broadcast.Boards.Xibo;
using NinhBinh.Comms.Emulator.Boards.Anthias;
using NinhBinh.Comms.Emulator.Boards.Xibo;

/// <summary>
/// The QuickStart's e-board step: the commune's boards on the emulator's Xibo-subset CMS (OAuth2 client credentials,
/// layouts, display groups) and one Anthias-subset player, reached through <see cref="XiboBoardSystem"/>,
/// <see cref="AnthiasBoardSystem"/> and the <see cref="BoardBulletinChannel"/>: an emergency interrupts every display
/// of the commune now (the Anthias player gets the bulletin as a rendered PNG); one display is offline and says so.
/// </summary>
internal sealed class BoardStep : IAsyncDisposable
{
    private readonly XiboEmulator _cms;
    private readonly AnthiasEmulator _player;
    private readonly XiboBoardSystem _xibo;
    private readonly AnthiasBoardSystem _anthias;
    private readonly BoardBulletinChannel _channel;

    private BoardStep(XiboEmulator cms, AnthiasEmulator player, XiboBoardSystem xibo, AnthiasBoardSystem anthias, BoardBulletinChannel channel)
    {
        _cms = cms;
        _player = player;
        _xibo = xibo;
        _anthias = anthias;
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
        var player = await AnthiasEmulator.StartAsync(new AnthiasEmulatorOptions { DisplayId = "nha-van-hoa-to-5" });
        player.SeedDemo();
        var xibo = new XiboBoardSystem(new XiboOptions { BaseUrl = cms.BaseUri, ClientId = cms.ClientId, ClientSecret = cms.ClientSecret });
        var anthias = new AnthiasBoardSystem(new AnthiasOptions { BaseUrl = player.BaseUri, DisplayId = player.DisplayId, DisplayName = "Nhà văn hoá tổ dân phố 5" });
        var directory = new BoardDirectory().Add(communeCode, xibo, "7").Add(communeCode, anthias, anthias.DisplayId);
        Console.WriteLine($"   e-boards: emulated Xibo CMS {cms.BaseUri} (display group 7: 3 displays, one offline) and Anthias player {player.BaseUri} of commune {communeCode}");
        return new BoardStep(cms, player, xibo, anthias, new BoardBulletinChannel(directory, new BoardChannelOptions { Name = "boards:" + communeCode }));
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

        var asset = _player.GetOnScreen(_player.DisplayId);
        Console.WriteLine($"      on screen {_player.DisplayId} (Anthias): {asset?.Name ?? "nothing"} ({asset?.Mimetype})");
        return interrupted + (asset?.Name.StartsWith("nbcomms-interrupt:", StringComparison.Ordinal) == true ? 1 : 0);
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
        _xibo.Dispose();
        _anthias.Dispose();
        await _player.DisposeAsync();
        await _cms.DisposeAsync();
    }
}
