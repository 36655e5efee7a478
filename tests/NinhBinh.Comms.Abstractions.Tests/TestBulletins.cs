using System;

namespace NinhBinh.Comms.Tests;

internal static class TestBulletins
{
    public static BulletinBuilder ValidBuilder() => Bulletin.CreateBuilder()
        .WithTitle("Thông báo lịch tiêm chủng mở rộng tháng 12")
        .WithSummary("Trạm y tế xã tiêm chủng cho trẻ dưới 5 tuổi.")
        .WithBody("Trạm y tế xã Gia Viễn tổ chức tiêm chủng mở rộng vào sáng thứ Bảy.\nĐề nghị các gia đình đưa trẻ đến đúng giờ.")
        .WithIssuingAgency("UBND xã Gia Viễn")
        .WithTopics("y-te", "tiem-chung")
        .WithAttachment(new BulletinAttachment(new Uri("https://media.ninhbinh.gov.vn/audio/tiem-chung.mp3"), "audio/mpeg", 480_000, TimeSpan.FromSeconds(62)));

    public static Bulletin Valid(BulletinPriority priority = BulletinPriority.Normal) => ValidBuilder().WithPriority(priority).Build();
}
