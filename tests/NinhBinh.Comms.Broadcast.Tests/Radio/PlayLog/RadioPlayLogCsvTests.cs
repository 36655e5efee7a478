using System;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using NinhBinh.Comms.Broadcast.Radio.PlayLog;

namespace NinhBinh.Comms.Broadcast.Tests.Radio.PlayLog;

public sealed class RadioPlayLogCsvTests
{
    private static readonly TimeSpan Vn = TimeSpan.FromHours(7);

    [Fact]
    public async Task The_csv_is_UTF8_with_BOM_RFC4180_with_times_in_Vietnam_time()
    {
        var entries = new[]
        {
            new RadioPlayLogEntry("14329", "spk-1", "c-1", RadioPlayStage.Issued, new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero)),
            new RadioPlayLogEntry("14329", "spk-1", "c-1", RadioPlayStage.Acked, new DateTimeOffset(2026, 3, 2, 9, 0, 0, 250, Vn)),
            new RadioPlayLogEntry("14329", "spk-2", "c-1", RadioPlayStage.Failed, new DateTimeOffset(2026, 3, 2, 9, 0, 1, Vn), "không tải được \"bản tin\", lỗi 404\nthử lại sau"),
        };
        using var stream = new MemoryStream();

        await RadioPlayLogCsv.WriteAsync(stream, entries);

        var bytes = stream.ToArray();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        Assert.Equal(
            "commune_code,device_id,command_id,stage,at,reason\r\n"
            + "14329,spk-1,c-1,issued,2026-03-02T09:00:00+07:00,\r\n"
            + "14329,spk-1,c-1,acked,2026-03-02T09:00:00.250+07:00,\r\n"
            + "14329,spk-2,c-1,failed,2026-03-02T09:00:01+07:00,\"không tải được \"\"bản tin\"\", lỗi 404\nthử lại sau\"\r\n",
            Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));
    }

    [Fact]
    public async Task An_empty_log_is_the_header_alone_and_a_file_is_written_whole()
    {
        var path = Path.Combine(Path.GetTempPath(), "nbcomms-playlog-" + Guid.NewGuid().ToString("N") + ".csv");
        try
        {
            await RadioPlayLogCsv.WriteFileAsync(path, Array.Empty<RadioPlayLogEntry>());

            Assert.Equal("\uFEFFcommune_code,device_id,command_id,stage,at,reason\r\n", Encoding.UTF8.GetString(File.ReadAllBytes(path)));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Entries_check_their_fields()
    {
        var at = new DateTimeOffset(2026, 3, 2, 9, 0, 0, Vn);

        Assert.Equal("reason", Assert.Throws<ArgumentException>(() => new RadioPlayLogEntry("14329", "spk-1", "c-1", RadioPlayStage.Failed, at)).ParamName);
        Assert.Equal("reason", Assert.Throws<ArgumentException>(() => new RadioPlayLogEntry("14329", "spk-1", "c-1", RadioPlayStage.Acked, at, "x")).ParamName);
        Assert.Equal("deviceId", Assert.Throws<ArgumentException>(() => new RadioPlayLogEntry("14329", "spk/1", "c-1", RadioPlayStage.Acked, at)).ParamName);
        Assert.Equal("communeCode", Assert.Throws<ArgumentException>(() => new RadioPlayLogEntry("1432A", "spk-1", "c-1", RadioPlayStage.Acked, at)).ParamName);
        Assert.Equal("stage", Assert.Throws<ArgumentOutOfRangeException>(() => new RadioPlayLogEntry("14329", "spk-1", "c-1", (RadioPlayStage)9, at)).ParamName);
    }
}
