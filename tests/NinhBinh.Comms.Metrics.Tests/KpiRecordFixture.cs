using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;

namespace NinhBinh.Comms.Metrics.Tests;

/// <summary>
/// Hand-computed topics, campaigns, content items, agencies and training records over statistical 2026
/// (2025-12-15 .. 2026-12-14), shared by the Metrics tests and the store contract.
/// </summary>
internal static class KpiRecordFixture
{
    internal const string Topics = """
        topic,name
        chuyen-doi-so,Chuyển đổi số
        sap-nhap,"Sắp xếp đơn vị hành chính, tổ chức bộ máy"
        an-toan-giao-thong,An toàn giao thông
        """;

    internal const string Campaigns = """
        campaign,name,starts_on,ends_on
        sap-nhap-2025,Tuyên truyền sắp xếp ĐVHC 2025,2025-06-01,2026-06-30
        """;

    // a0 is published on 2025-12-14 in Vietnam (before the statistical year); a3 at 17:30 UTC on the 14th, which is
    // 00:30 on 2025-12-15 in Vietnam (inside it).
    internal const string ContentItems = """
        id,unit_code,channel,platform,published_at,format,topics,campaign
        a0,14329,OA Hoa Lư,zalo,2025-12-14T23:30:00+07:00,article,chuyen-doi-so,
        a1,14329,OA Hoa Lư,zalo,2026-01-05T09:00:00+07:00,article,chuyen-doi-so;sap-nhap,sap-nhap-2025
        a2,14329,OA Hoa Lư,zalo,2026-02-10T09:00:00+07:00,article,chuyen-doi-so,
        a3,14329,OA Hoa Lư,zalo,2025-12-14T17:30:00Z,article,chuyen-doi-so,
        p1,14329,Trang Hoa Lư,facebook,2026-03-01T20:00:00+07:00,post,sap-nhap,sap-nhap-2025
        v1,14674,Kênh Lai Thành,youtube,2026-04-01T08:00:00+07:00,video,,
        """;

    internal const string Agencies = """
        agency_code,name,unit_code,communication_staff,channels
        37-SVHTT,"Sở Văn hóa, Thể thao và Du lịch",37,3,Trang Sở VHTTDL;Kênh Sở VHTTDL
        37-BTG,Ban Tuyên giáo,37,2,
        14329-UBND,UBND phường Hoa Lư,14329,2,OA Hoa Lư;Trang Hoa Lư
        14674-UBND,UBND xã Lai Thành,14674,1,Loa Lai Thành
        """;

    internal const string Training = """
        agency_code,staff_id,trained_on,course
        37-SVHTT,SVH-01,2026-03-01,Kỹ năng truyền thông số
        37-SVHTT,SVH-02,2026-03-01,Kỹ năng truyền thông số
        37-SVHTT,SVH-02,2026-09-01,An toàn thông tin
        37-SVHTT,SVH-03,2025-11-01,Kỹ năng truyền thông số
        37-BTG,BTG-01,2026-10-15,Kỹ năng truyền thông số
        14329-UBND,HL-01,2026-05-01,Kỹ năng truyền thông số
        14329-UBND,HL-02,2026-05-01,Kỹ năng truyền thông số
        14329-UBND,HL-03,2026-05-01,Kỹ năng truyền thông số
        """;

    /// <summary>The province department's two social channels (added to <see cref="KpiFixture.Inventory"/>).</summary>
    internal const string ProvinceChannels = """
        unit_code,channel,platform,official,established_on,closed_on
        37,Trang Sở VHTTDL,facebook,true,2020-01-01,
        37,Kênh Sở VHTTDL,youtube,true,2021-01-01,
        """;

    internal static readonly DateTime Today = new(2026, 11, 28);

    internal static KpiRecordContent Read(string csv)
    {
        var content = KpiRecordCsv.Read(new StringReader(csv), today: Today);
        Assert.Empty(content.Problems);
        return content;
    }

    /// <summary>Imports every record kind, in the order references need.</summary>
    internal static async Task ImportAllAsync(IKpiStore store)
    {
        foreach (var csv in new[] { Topics, Campaigns, ContentItems, Agencies, Training })
        {
            await Read(csv).ImportAsync(store);
        }
    }

    /// <summary>A record as one comparable line (records hold lists, which compare by reference).</summary>
    internal static string Line(KpiContentItem i) => $"{i.Platform}/{i.Id}|{i.UnitCode}|{i.Channel}|{i.PublishedAt:O}|{i.Format}|{string.Join(";", i.Topics)}|{i.Campaign}";

    internal static string Line(KpiAgency a) => $"{a.Code}|{a.Name}|{a.UnitCode}|{a.CommunicationStaff}|{string.Join(";", a.Channels)}";

    internal static string[] Lines<T>(System.Collections.Generic.IEnumerable<T> records, Func<T, string> line) => records.Select(line).OrderBy(l => l, StringComparer.Ordinal).ToArray();
}
