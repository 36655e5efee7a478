using System;
using System.Linq;
using System.Threading.Tasks;
using NinhBinh.Comms.Emulator;
using NinhBinh.Comms.Zalo;

/// <summary>The policy article broadcast to the demo OA's followers in Ninh Bình (an article reaches nobody until it is broadcast).</summary>
internal static class BroadcastStep
{
    /// <returns>True when the broadcast reached at least one follower.</returns>
    public static async Task<bool> RunAsync(ZaloEmulator emulator, ZaloOfficialAccountClient oa, string articleId)
    {
        var sent = await oa.BroadcastArticleAsync(articleId, new ZaloBroadcastTarget { Cities = ["37"] });
        var reached = emulator.GetBroadcasts(oa.OaId).Single(b => b.MessageId == sent.MessageId).RecipientIds.Count;
        Console.WriteLine($"   broadcast {sent.MessageId}: the article reached {reached} followers in Ninh Bình (the emulator's count; Zalo itself reports none)");
        return reached > 0;
    }
}
