using System;
using System.Linq;
using System.Threading.Tasks;
using NinhBinh.Comms;
using NinhBinh.Comms.Zalo;

/// <summary>A normal policy bulletin published on the OA as an article (tin bài): cover, body, verify with progress.</summary>
internal static class ArticleStep
{
    /// <returns>The article id when the article was published and is listed on the OA, else <see langword="null"/>.</returns>
    public static async Task<string?> RunAsync(ZaloOfficialAccountClient oa, string communeCode)
    {
        var policy = Bulletin.CreateBuilder()
            .WithTitle("Lịch tiêm chủng mở rộng tháng 12")
            .WithSummary("Trạm y tế phường tiêm chủng mở rộng cho trẻ dưới 5 tuổi vào sáng thứ Bảy.")
            .WithBody("Trạm y tế phường Hoa Lư tổ chức tiêm chủng mở rộng vào sáng thứ Bảy, từ 7 giờ 30.\n\nPhụ huynh mang theo sổ tiêm chủng của trẻ.")
            .WithIssuingAgency("UBND phường Hoa Lư")
            .WithTopics("y-te")
            .WithTargetAreas(communeCode)
            .WithAttachment(new BulletinAttachment(new Uri("https://cdn.hoalu.example/ảnh/lịch tiêm.png"), "image/png", 120_000))
            .WithAttachment(new BulletinAttachment(new Uri("https://cdn.hoalu.example/văn bản/kế hoạch tiêm chủng.pdf"), "application/pdf", 300_000))
            .Build();

        // The bulletin's image is the cover (its URL percent-encoded), its paragraphs and attachments the body.
        var article = ZaloArticleRequest.FromBulletin(policy);
        Console.WriteLine($"   article \"{article.Title}\": cover {article.Cover!.PhotoUrl}, {article.Body.Count} body items");
        var progress = new Reports();
        var id = await oa.PublishArticleAsync(article, new ZaloArticleVerifyOptions { PollInterval = TimeSpan.FromSeconds(2) }, progress);
        var listed = await oa.GetArticlesAsync().CountAsync();
        Console.WriteLine($"   published as {id}; the OA lists {listed} article(s)");
        return listed >= 1 ? id : null;
    }

    /// <summary>Prints each verify answer as it comes.</summary>
    private sealed class Reports : IProgress<ZaloArticleProgress>
    {
        public void Report(ZaloArticleProgress value) => Console.WriteLine($"   verify {value}");
    }
}
