using System;
using System.Linq;
using System.Threading.Tasks;
using NinhBinh.Comms.Broadcast.Boards;

namespace NinhBinh.Comms.Broadcast.Tests.Boards.Xibo;

/// <summary>Every request the adapter makes, checked against the Xibo CMS 4.5 OpenAPI document.</summary>
public class XiboContractTests
{
    /// <summary>Every operation the adapter can call; the scenario must exercise each of them.</summary>
    private static readonly string[] AdapterOperations =
    [
        "POST /authorize/access_token",
        "GET /displaygroup/{id}",
        "GET /display",
        "GET /resolution",
        "POST /layout",
        "GET /layout",
        "POST /region/{id}",
        "POST /playlist/widget/{type}/{playlistId}",
        "PUT /playlist/widget/{id}",
        "POST /library/uploadUrl",
        "POST /playlist/library/assign/{playlistId}",
        "PUT /layout/publish/{layoutId}",
        "POST /displaygroup/{displayGroupId}/action/changeLayout",
        "POST /displaygroup/{displayGroupId}/action/revertToSchedule",
        "POST /schedule",
        "DELETE /schedule/{eventId}",
        "DELETE /layout/{layoutId}",
        "PUT /display/requestscreenshot/{displayId}",
        "GET /display/screenshot/{id}",
        "GET /stats",
    ];

    [Fact]
    public async Task Every_request_of_a_full_scenario_conforms_to_swagger_json()
    {
        await using var cms = await XiboFixture.StartAsync();
        var board = cms.Board;

        var text = await board.InterruptAsync("1", XiboFixture.Bulletin(), TimeSpan.FromMinutes(5));
        await board.InterruptAsync("1", BoardContent.Image(new Uri("https://example.gov.vn/ban-do.png"), TimeSpan.FromSeconds(15)), TimeSpan.FromMinutes(2));
        await board.InterruptAsync("1", BoardContent.Video(new Uri("https://example.gov.vn/huong-dan.mp4")), TimeSpan.FromMinutes(2));
        await board.InterruptAsync("2", BoardContent.WebPage(new Uri("https://ninhbinh.gov.vn/"), TimeSpan.FromSeconds(30)), TimeSpan.FromMinutes(2));
        await board.RevertAsync("1");
        var scheduled = await board.ScheduleAsync("2", XiboFixture.Bulletin("Lịch tiếp công dân").WithValidity(null, XiboFixture.Start.AddDays(3)));
        await board.GetDisplaysAsync();
        await board.GetDisplaysAsync("1");
        await board.GetScreenshotAsync("11");
        Assert.NotEmpty(await board.GetCampaignIdAsync(text.ContentId));
        cms.Time.Advance(TimeSpan.FromMinutes(10));
        await board.GetProofOfPlayAsync(XiboFixture.Start.AddHours(-1), cms.Time.GetUtcNow(), "11");
        await board.RemoveAsync(scheduled);
        await board.RemoveAsync(text);

        var checker = XiboSwaggerChecker.Load();
        var problems = cms.Requests.SelectMany(r => checker.Check(r.Method, r.Uri, r.ContentType, r.Body)).ToList();
        Assert.Empty(problems);
        var covered = cms.Requests.Select(r => checker.Operation(r.Method, r.Uri)).ToHashSet();
        Assert.Equal(AdapterOperations.Order(StringComparer.Ordinal), covered.OfType<string>().Order(StringComparer.Ordinal));
        Assert.DoesNotContain(null, covered);
        Assert.Equal(["GET /display/screenshot/{id}", "POST /authorize/access_token"], covered.OfType<string>().Where(XiboSwaggerChecker.Undocumented.Contains).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_checker_catches_undeclared_missing_misplaced_and_mistyped_parameters()
    {
        var checker = XiboSwaggerChecker.Load();
        const string Form = "application/x-www-form-urlencoded";

        Assert.Empty(checker.Check("GET", new Uri("http://cms/api/display?displayGroupId=1&start=0&length=100"), null, string.Empty));
        Assert.Equal(["GET /display: parameter 'colour' (query) is not declared by the operation"],
            checker.Check("GET", new Uri("http://cms/api/display?displayGroupId=1&colour=red"), null, string.Empty));
        Assert.Equal(["POST /displaygroup/{displayGroupId}/action/changeLayout: required parameter 'changeMode' (formData) is missing"],
            checker.Check("POST", new Uri("http://cms/api/displaygroup/1/action/changeLayout"), Form, "layoutId=5&duration=60&downloadRequired=1"));
        Assert.Equal(["POST /displaygroup/{displayGroupId}/action/changeLayout: parameter 'layoutId'='năm' is not a valid integer"],
            checker.Check("POST", new Uri("http://cms/api/displaygroup/1/action/changeLayout"), Form, "layoutId=n%C4%83m&changeMode=replace"));
        Assert.Equal(["GET /stats: parameter 'type' sent in formData but declared in query"],
            checker.Check("GET", new Uri("http://cms/api/stats"), Form, "type=layout"));
        Assert.Contains("POST /schedule: array parameter 'displayGroupIds' sent without [] (the CMS would read one value)",
            checker.Check("POST", new Uri("http://cms/api/schedule"), Form, "eventTypeId=1&campaignId=3&displayOrder=0&isPriority=0&displayGroupIds=1&fromDt=2026-11-28+10%3A00%3A00"));
        Assert.Contains("POST /schedule: parameter 'fromDt'='2026-11-28T10:00:00+07:00' is not a valid string (date-time)",
            checker.Check("POST", new Uri("http://cms/api/schedule"), Form, "eventTypeId=1&campaignId=3&displayOrder=0&isPriority=0&displayGroupIds%5B%5D=1&fromDt=2026-11-28T10%3A00%3A00%2B07%3A00"));
        Assert.Equal(["PUT /no/such: no such operation in swagger.json"], checker.Check("PUT", new Uri("http://cms/api/no/such"), null, string.Empty));
        Assert.Equal(["PUT /playlist/widget/{id}: parameter 'colour' (formData) is not declared by the operation"],
            checker.Check("PUT", new Uri("http://cms/api/playlist/widget/7"), Form, "useDuration=1&duration=30&embedHtml=%3Cp%3E&colour=red"));
    }
}
