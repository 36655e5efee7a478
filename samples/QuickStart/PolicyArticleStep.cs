using System;
using System.Linq;
using System.Threading.Tasks;
using NinhBinh.Comms;
using NinhBinh.Comms.Emulator;
using NinhBinh.Comms.Zalo;

/// <summary>
/// Before the emergency, the everyday job: a policy bulletin published on the demo OA as an article (cover, body,
/// verified with progress) and broadcast to its followers in Ninh Bình.
/// </summary>
internal static class PolicyArticleStep
{
    /// <summary>Publishes and broadcasts the article, printing each verify answer and how many followers were reached.</summary>
    /// <returns>True when the article was published and its broadcast reached at least one follower.</returns>
    public static async Task<bool> RunAsync(ZaloEmulator emulator, ZaloOfficialAccountClient oa, string communeCode)
    {
        Console.WriteLine("   Before the emergency: a policy bulletin as an article, broadcast to the OA's followers");
        var policy = Bulletin.CreateBuilder()
            .WithTitle("Chính sách hỗ trợ đóng bảo hiểm y tế cho người từ đủ 60 tuổi năm 2027")
            .WithSummary("Người dân từ đủ 60 tuổi chưa có thẻ được ngân sách hỗ trợ 100% mức đóng; đăng ký tại UBND xã.")
            .WithBody("UBND xã Gia Viễn thông báo chính sách hỗ trợ đóng bảo hiểm y tế năm 2027.\n\n"
                + "Đối tượng: người từ đủ 60 tuổi chưa có thẻ bảo hiểm y tế.\n\n"
                + "Hồ sơ: căn cước công dân; nộp tại bộ phận một cửa UBND xã đến hết ngày 31/12.")
            .WithIssuingAgency("UBND xã Gia Viễn")
            .WithTopics("y-te")
            .WithTargetAreas(communeCode)
            .Build();
        var article = ZaloArticleRequest.FromBulletin(policy, new Uri("https://giavien.ninhbinh.gov.vn/anh/bhyt-2027.jpg"));
        var verifying = new InlineProgress<ZaloArticleProgress>(p => Console.WriteLine($"     verify {p}"));
        var articleId = await oa.PublishArticleAsync(article, new ZaloArticleVerifyOptions { PollInterval = TimeSpan.FromSeconds(1) }, verifying);
        Console.WriteLine($"     article {articleId}: \"{article.Title}\" ({article.Body.Count} body items)");

        var sent = await oa.BroadcastArticleAsync(articleId, new ZaloBroadcastTarget { Cities = ["37"] });
        var reached = emulator.GetBroadcasts(oa.OaId).Single(b => b.MessageId == sent.MessageId).RecipientIds.Count;
        Console.WriteLine($"     broadcast {sent.MessageId}: reached {reached} followers in Ninh Bình (the emulator's count; Zalo itself reports none)");
        return reached > 0;
    }

    /// <summary>Reports on the caller's thread, in order (Progress&lt;T&gt; would post to the thread pool).</summary>
    private sealed class InlineProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
