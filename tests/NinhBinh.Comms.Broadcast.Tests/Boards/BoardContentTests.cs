using System;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using NinhBinh.Comms.Broadcast.Boards;

namespace NinhBinh.Comms.Broadcast.Tests.Boards;

public class BoardContentTests
{
    private static readonly DateTimeOffset Issued = new(2026, 11, 28, 9, 0, 0, TimeSpan.FromHours(7));

    [Fact]
    public void Text_over_the_board_limits_is_refused_naming_the_field_and_the_limit()
    {
        var body = Assert.Throws<ArgumentException>(() => new BoardTextBulletin("Tiêu đề", new string('x', 1201), "UBND", Issued));
        Assert.Equal("body", body.ParamName);
        Assert.Contains("1201 characters, over the limit of 1200", body.Message, StringComparison.Ordinal);
        Assert.Equal("title", Assert.Throws<ArgumentException>(() => new BoardTextBulletin(new string('x', 151), "b", "UBND", Issued)).ParamName);
        Assert.Equal("issuingAgency", Assert.Throws<ArgumentException>(() => new BoardTextBulletin("t", "b", " ", Issued)).ParamName);
        Assert.Equal("qrUrl", Assert.Throws<ArgumentException>(() => new BoardTextBulletin("t", "b", "a", Issued, new Uri("ftp://x/y"))).ParamName);
    }

    [Fact]
    public void A_bulletin_becomes_board_text_with_its_summary_when_it_has_one()
    {
        var bulletin = Bulletin.CreateBuilder().WithTitle("Lịch tiêm chủng").WithSummary("Tóm tắt ngắn").WithBody("Nội dung đầy đủ rất dài")
            .WithIssuingAgency("Trạm y tế phường Hoa Lư").WithTargetAreas("14329").Build();

        var text = BoardTextBulletin.FromBulletin(bulletin, Issued, new Uri("https://ninhbinh.gov.vn/tin/1"));

        Assert.Equal(("Lịch tiêm chủng", "Tóm tắt ngắn", "Trạm y tế phường Hoa Lư"), (text.Title, text.Body, text.IssuingAgency));
        Assert.Equal(new Uri("https://ninhbinh.gov.vn/tin/1"), text.QrUrl);
    }

    [Fact]
    public void Content_items_check_their_urls_durations_and_windows()
    {
        Assert.Equal("uri", Assert.Throws<ArgumentException>(() => BoardContent.Image(new Uri("file:///etc/passwd"), TimeSpan.FromSeconds(10))).ParamName);
        Assert.Equal("duration", Assert.Throws<ArgumentOutOfRangeException>(() => BoardContent.WebPage(new Uri("https://a.vn"), TimeSpan.Zero)).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => BoardContent.Image(new Uri("https://a.vn/x.png"), TimeSpan.FromHours(2)));
        var image = BoardContent.Image(new Uri("https://a.vn/media/b%E1%BA%A3n-tin.png"), TimeSpan.FromSeconds(10));
        Assert.Equal("bản-tin.png", image.Name);
        Assert.Null(BoardContent.Video(new Uri("https://a.vn/v.mp4")).Duration);
        Assert.Throws<ArgumentException>(() => image.WithValidity(Issued, Issued));
        var windowed = image.WithValidity(Issued, Issued.AddHours(1));
        Assert.Equal((Issued, Issued.AddHours(1)), (windowed.ValidFrom!.Value, windowed.ValidUntil!.Value));
        Assert.Null(image.ValidFrom); // the original is unchanged
    }

    [Fact]
    public async Task Proof_of_play_exports_as_csv_with_a_bom_quoting_and_vietnam_time()
    {
        var records = new[]
        {
            new BoardPlayRecord("xibo", "7", "42", "Cảnh báo mưa lớn, \"khẩn\"", Issued.ToUniversalTime(), Issued.AddSeconds(20).ToUniversalTime(), 2),
            new BoardPlayRecord("anthias:hall", "hall", "ab12", "=HYPERLINK(\"x\")", Issued, Issued.AddMinutes(15), confirmed: false),
        };
        using var stream = new MemoryStream();

        var count = await BoardProofOfPlay.WriteCsvAsync(records, stream);

        var bytes = stream.ToArray();
        Assert.Equal(2, count);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n");
        Assert.Equal(BoardProofOfPlay.CsvHeader, lines[0]);
        Assert.Equal("xibo,7,42,\"Cảnh báo mưa lớn, \"\"khẩn\"\"\",2026-11-28T09:00:00+07:00,2026-11-28T09:00:20+07:00,2,true", lines[1]);
        Assert.Equal("anthias:hall,hall,ab12,\"'=HYPERLINK(\"\"x\"\")\",2026-11-28T09:00:00+07:00,2026-11-28T09:15:00+07:00,1,false", lines[2]);
        Assert.Equal(string.Empty, lines[3]);
    }

    [Fact]
    public void A_play_record_ending_before_it_starts_is_refused()
        => Assert.Throws<ArgumentException>(() => new BoardPlayRecord("x", "1", "c", null, Issued, Issued.AddSeconds(-1)));

    [Fact]
    public void A_failed_display_result_needs_a_reason()
    {
        Assert.Throws<ArgumentException>(() => new BoardDisplayResult("1", "a", BoardDisplayStatus.Offline));
        Assert.Equal("1 a: Shown", new BoardDisplayResult("1", "a", BoardDisplayStatus.Shown).ToString());
    }
}
