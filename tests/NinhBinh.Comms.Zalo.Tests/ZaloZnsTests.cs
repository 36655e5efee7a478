using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace NinhBinh.Comms.Zalo.Tests;

public class ZaloZnsTests
{
    private const string Oa = "oa-1";
    private const string Template = "231245";
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.FromHours(7));

    private const string TemplateInfo = """
        {"error":0,"message":"Success","data":{"templateId":231245,"templateName":"Lịch tiêm chủng","status":"ENABLE","price":"300.0",
         "listParams":[
           {"name":"ten","require":true,"type":"STRING","maxLength":30,"minLength":0,"acceptNull":false},
           {"name":"ngay_hen","require":true,"type":"DATE","maxLength":20},
           {"name":"so_mui","require":false,"type":"NUMBER","maxLength":3},
           {"name":"ghi_chu","require":false,"type":"STRING","maxLength":50}]}}
        """;

    private const string Sent = """{"error":0,"message":"Success","data":{"msg_id":"a1b2c3","sent_time":"1795658400000","quota":{"dailyQuota":"500","remainingQuota":"499"}}}""";

    private static HttpResponseMessage Answer(RecordedRequest request) => request.Path switch
    {
        "/template/info/v2" => StubZaloHandler.Json(TemplateInfo),
        "/message/template" => StubZaloHandler.Json(Sent),
        "/message/status" => StubZaloHandler.Json("""{"error":0,"message":"Success","data":{"delivery_time":"1795658405000","message":"Delivered","status":1}}"""),
        "/message/quota" => StubZaloHandler.Json("""{"error":0,"message":"Success","data":{"dailyQuota":"500","remainingQuota":"480"}}"""),
        _ => StubZaloHandler.Json("""{"error":-201,"message":"unexpected"}"""),
    };

    private static ZaloClientFactory Factory(StubZaloHandler handler, TimeProvider time, params string[] oas)
    {
        var options = new ZaloClientOptions
        {
            AppId = "app-1",
            AppSecret = "app-secret-VALUE-123",
            OpenApiBaseUrl = new Uri("http://openapi.test/"),
            OAuthBaseUrl = new Uri("http://oauth.test/"),
            BusinessApiBaseUrl = new Uri("http://business.test/"),
        };
        var store = new InMemoryZaloTokenStore();
        var issued = time.GetUtcNow();
        foreach (var oa in oas.Length == 0 ? [Oa] : oas)
        {
            store.SaveAsync(oa, new ZaloTokenSet("access-" + oa, "refresh-" + oa, issued.AddHours(25), issued.AddDays(90), issued)).GetAwaiter().GetResult();
        }

        return new ZaloClientFactory(options, store, time, null, handler);
    }

    private static ZaloZnsRequest Request(string phone = "0912345678", string trackingId = "hs-0001", params (string Name, string Value)[] data)
    {
        var request = new ZaloZnsRequest(phone, Template, trackingId);
        foreach (var (name, value) in data.Length == 0 ? [("ten", "Nguyễn Văn An"), ("ngay_hen", "28/11/2026")] : data)
        {
            request.TemplateData[name] = value;
        }

        return request;
    }

    // ---- phone numbers ---------------------------------------------------------------------------------------

    [Theory]
    [InlineData("0912345678", "84912345678")]
    [InlineData("0912 345 678", "84912345678")]
    [InlineData("0912.345.678", "84912345678")]
    [InlineData("0912-345-678", "84912345678")]
    [InlineData("+84912345678", "84912345678")]
    [InlineData("+84 912 345 678", "84912345678")]
    [InlineData("84912345678", "84912345678")]
    [InlineData("84-912-345-678", "84912345678")]
    [InlineData(" 0387.654.321 ", "84387654321")]
    [InlineData("0567890123", "84567890123")]
    [InlineData("0701234567", "84701234567")]
    [InlineData("0812345678", "84812345678")]
    [InlineData("0849123456", "84849123456")]
    public void A_Vietnamese_mobile_number_is_normalized_to_84(string phone, string expected)
    {
        Assert.True(ZaloPhoneNumbers.TryNormalize(phone, out var normalized));
        Assert.Equal(expected, normalized);
        Assert.Equal(expected, ZaloPhoneNumbers.Normalize(phone));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("091234567")] // 9 digits
    [InlineData("09123456789")] // 11 digits
    [InlineData("02438123456")] // a Hà Nội landline
    [InlineData("0112345678")] // no mobile prefix 01
    [InlineData("+840912345678")] // +84 with the trunk 0
    [InlineData("840912345678")]
    [InlineData("8491234567")] // 84 and 8 digits
    [InlineData("+14155550123")] // another country
    [InlineData("0084912345678")]
    [InlineData("0912 345 67a")]
    [InlineData("0912_345_678")]
    [InlineData("(091) 2345678")]
    [InlineData("0912  345678")] // two separators in a row
    [InlineData("0912345678.")]
    [InlineData("-0912345678")]
    [InlineData("84+912345678")]
    [InlineData("０９１２３４５６７８")] // full-width digits
    public void Anything_else_is_refused_without_repeating_the_number(string phone)
    {
        Assert.False(ZaloPhoneNumbers.TryNormalize(phone, out var normalized));
        Assert.Equal(string.Empty, normalized);
        var error = Assert.Throws<ArgumentException>(() => ZaloPhoneNumbers.Normalize(phone));
        Assert.Equal("phone", error.ParamName);
        Assert.Contains("Vietnamese mobile number", error.Message, StringComparison.Ordinal);
        var digits = new string(phone.Where(char.IsAsciiDigit).ToArray());
        if (digits.Length >= 4)
        {
            Assert.DoesNotContain(digits[..4], error.Message.Replace("0…", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_null_number_is_refused()
    {
        Assert.False(ZaloPhoneNumbers.TryNormalize(null, out var normalized));
        Assert.Equal(string.Empty, normalized);
    }

    [Fact]
    public async Task An_invalid_phone_is_refused_before_any_request()
    {
        var handler = new StubZaloHandler((r, _) => Answer(r));
        using var factory = Factory(handler, new FakeTimeProvider(Now));

        var error = await Assert.ThrowsAsync<ArgumentException>(() => factory.GetClient(Oa).SendZnsAsync(Request(phone: "0243 812 3456")));

        Assert.Equal("phone", error.ParamName);
        Assert.DoesNotContain("3456", error.Message, StringComparison.Ordinal);
        Assert.Empty(handler.Requests);
    }

    // ---- tracking id -----------------------------------------------------------------------------------------

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("0123456789012345678901234567890123456789012345678")] // 49
    public async Task A_missing_or_over_long_tracking_id_is_refused_before_any_request(string trackingId)
    {
        var handler = new StubZaloHandler((r, _) => Answer(r));
        using var factory = Factory(handler, new FakeTimeProvider(Now));

        var error = await Assert.ThrowsAsync<ArgumentException>(() => factory.GetClient(Oa).SendZnsAsync(Request(trackingId: trackingId)));

        Assert.Equal("trackingId", error.ParamName);
        Assert.Contains(trackingId.Length > 48 ? "49 characters long; the limit is 48" : "required", error.Message, StringComparison.Ordinal);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task A_send_carries_the_normalized_phone_the_data_the_tracking_id_and_development_mode()
    {
        var handler = new StubZaloHandler((r, _) => Answer(r));
        using var factory = Factory(handler, new FakeTimeProvider(Now));
        var request = Request(phone: "+84 912.345.678", trackingId: new string('t', 48));
        request.Development = true;

        var result = await factory.GetClient(Oa).SendZnsAsync(request);

        Assert.Equal("a1b2c3", result.MessageId);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1795658400000), result.SentAt);
        Assert.Equal(500, result.Quota!.DailyQuota);
        Assert.Equal(499, result.Quota.RemainingQuota);
        var send = Assert.Single(handler.To("/message/template"));
        Assert.Equal("POST", send.Method);
        Assert.Equal("access-oa-1", send.Header("access_token"));
        using var body = JsonDocument.Parse(send.Body);
        Assert.Equal("84912345678", body.RootElement.GetProperty("phone").GetString());
        Assert.Equal(Template, body.RootElement.GetProperty("template_id").GetString());
        Assert.Equal(new string('t', 48), body.RootElement.GetProperty("tracking_id").GetString());
        Assert.Equal("development", body.RootElement.GetProperty("mode").GetString());
        Assert.Equal("Nguyễn Văn An", body.RootElement.GetProperty("template_data").GetProperty("ten").GetString());
        Assert.Contains("Nguyễn", send.Body, StringComparison.Ordinal); // UTF-8, not \u escapes

        request.Development = false;
        await factory.GetClient(Oa).SendZnsAsync(request);
        Assert.DoesNotContain("\"mode\"", handler.To("/message/template")[1].Body, StringComparison.Ordinal);
    }

    // ---- template parameters ---------------------------------------------------------------------------------

    [Theory]
    [InlineData("missing", "'ngay_hen' is required by template 231245 but missing")]
    [InlineData("empty", "'ngay_hen' is required by template 231245 but missing")]
    [InlineData("long", "'ten' is 31 characters long; the limit is 30")]
    [InlineData("number", "'so_mui' must be a NUMBER")]
    [InlineData("date", "'ngay_hen' must be a DATE written dd/MM/yyyy")]
    [InlineData("unknown", "'dia_chi' is not a parameter of template 231245 (its parameters: ten, ngay_hen, so_mui, ghi_chu)")]
    public async Task Template_data_that_breaks_the_template_is_refused_before_the_message_is_sent(string problem, string expected)
    {
        var handler = new StubZaloHandler((r, _) => Answer(r));
        using var factory = Factory(handler, new FakeTimeProvider(Now));
        var request = problem switch
        {
            "missing" => Request(data: [("ten", "An")]),
            "empty" => Request(data: [("ten", "An"), ("ngay_hen", "")]),
            "long" => Request(data: [("ten", new string('a', 31)), ("ngay_hen", "28/11/2026")]),
            "number" => Request(data: [("ten", "An"), ("ngay_hen", "28/11/2026"), ("so_mui", "hai")]),
            "date" => Request(data: [("ten", "An"), ("ngay_hen", "2026-11-28")]),
            _ => Request(data: [("ten", "An"), ("ngay_hen", "28/11/2026"), ("dia_chi", "Gia Viễn")]),
        };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => factory.GetClient(Oa).SendZnsAsync(request));

        Assert.Equal("templateData", error.ParamName);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Single(handler.To("/template/info/v2"));
        Assert.Empty(handler.To("/message/template"));
    }

    [Fact]
    public async Task Every_problem_is_named_at_once_and_values_are_never_repeated()
    {
        var handler = new StubZaloHandler((r, _) => Answer(r));
        using var factory = Factory(handler, new FakeTimeProvider(Now));
        var request = Request(data: [("ten", "0912345678 Nguyễn Văn An, thôn 3, xã Gia Viễn"), ("so_mui", "1,5"), ("x", "y")]);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => factory.GetClient(Oa).SendZnsAsync(request));

        Assert.Contains("'x' is not a parameter", error.Message, StringComparison.Ordinal);
        Assert.Contains("'ten' is 45 characters long; the limit is 30", error.Message, StringComparison.Ordinal);
        Assert.Contains("'ngay_hen' is required", error.Message, StringComparison.Ordinal);
        Assert.Contains("'so_mui' must be a NUMBER", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("0912345678", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Nguyễn", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("3")]
    [InlineData("-12")]
    [InlineData("2.5")]
    public async Task Numbers_and_dates_of_the_right_form_pass(string number)
    {
        var handler = new StubZaloHandler((r, _) => Answer(r));
        using var factory = Factory(handler, new FakeTimeProvider(Now));

        var result = await factory.GetClient(Oa).SendZnsAsync(Request(data: [("ten", new string('a', 30)), ("ngay_hen", "29/02/2028"), ("so_mui", number)]));

        Assert.Equal("a1b2c3", result.MessageId);
    }

    // ---- template cache --------------------------------------------------------------------------------------

    [Fact]
    public async Task Template_info_is_fetched_once_for_two_sends_and_again_after_thirty_minutes()
    {
        var time = new FakeTimeProvider(Now);
        var handler = new StubZaloHandler((r, _) => Answer(r));
        using var factory = Factory(handler, time, Oa, "oa-2");
        var oa = factory.GetClient(Oa);

        await oa.SendZnsAsync(Request());
        await oa.SendZnsAsync(Request(trackingId: "hs-0002"));
        Assert.Single(handler.To("/template/info/v2"));
        Assert.Equal("template_id=231245", handler.To("/template/info/v2")[0].Query.TrimStart('?'));

        time.Advance(TimeSpan.FromMinutes(29));
        await oa.SendZnsAsync(Request(trackingId: "hs-0003"));
        Assert.Single(handler.To("/template/info/v2"));

        time.Advance(TimeSpan.FromMinutes(1));
        await oa.SendZnsAsync(Request(trackingId: "hs-0004"));
        Assert.Equal(2, handler.To("/template/info/v2").Count);

        await factory.GetClient("oa-2").SendZnsAsync(Request(trackingId: "hs-0005")); // per OA
        Assert.Equal(3, handler.To("/template/info/v2").Count);
        Assert.Equal(5, handler.To("/message/template").Count);
    }

    [Fact]
    public async Task A_send_refused_because_of_the_template_drops_its_description()
    {
        var handler = new StubZaloHandler((r, n) => r.Path == "/message/template" && n == 2
            ? StubZaloHandler.Json("""{"error":-146,"message":"Template is disabled"}""")
            : Answer(r));
        using var factory = Factory(handler, new FakeTimeProvider(Now));
        var oa = factory.GetClient(Oa);

        var error = await Assert.ThrowsAsync<ZaloInvalidRequestException>(() => oa.SendZnsAsync(Request()));
        await oa.SendZnsAsync(Request());

        Assert.Equal(ZaloErrorCodes.ZnsTemplateDisabled, error.ZaloCode);
        Assert.Contains("-146 ZNS: template disabled", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, handler.To("/template/info/v2").Count);
    }

    [Fact]
    public async Task The_template_is_described_with_its_parameters()
    {
        var handler = new StubZaloHandler((r, _) => Answer(r));
        using var factory = Factory(handler, new FakeTimeProvider(Now));

        var template = await factory.GetClient(Oa).GetZnsTemplateAsync(Template);

        Assert.Equal("231245", template.TemplateId);
        Assert.Equal("Lịch tiêm chủng", template.Name);
        Assert.True(template.IsEnabled);
        Assert.Equal(300m, template.Price);
        Assert.Equal(["ten", "ngay_hen", "so_mui", "ghi_chu"], template.Parameters.Select(p => p.Name));
        Assert.Equal([ZaloZnsParameterType.Text, ZaloZnsParameterType.Date, ZaloZnsParameterType.Number, ZaloZnsParameterType.Text], template.Parameters.Select(p => p.Type));
        Assert.Equal([true, true, false, false], template.Parameters.Select(p => p.IsRequired));
        Assert.Equal(30, template.Parameters[0].MaxLength);
    }

    // ---- status and quota ------------------------------------------------------------------------------------

    [Fact]
    public async Task Status_and_quota_are_read_from_the_business_api()
    {
        var handler = new StubZaloHandler((r, _) => Answer(r));
        using var factory = Factory(handler, new FakeTimeProvider(Now));
        var oa = factory.GetClient(Oa);

        var status = await oa.GetZnsMessageStatusAsync("a1b2c3");
        var quota = await oa.GetZnsQuotaAsync();

        Assert.True(status.IsDelivered);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1795658405000), status.DeliveredAt);
        Assert.Equal("message_id=a1b2c3", handler.To("/message/status")[0].Query.TrimStart('?'));
        Assert.Equal(500, quota.DailyQuota);
        Assert.Equal(480, quota.RemainingQuota);
        Assert.All(handler.Requests, r => Assert.Equal("GET", r.Method));
    }

    [Fact]
    public async Task With_dependency_injection_the_business_calls_go_to_Zalo_BusinessApiBaseUrl()
    {
        var handler = new StubZaloHandler((r, _) => r.Path == "/zbs/message/quota"
            ? StubZaloHandler.Json("""{"error":0,"message":"Success","data":{"dailyQuota":"500","remainingQuota":"7"}}""")
            : StubZaloHandler.Json("""{"error":-201,"message":"unexpected"}"""));
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Zalo:AppId"] = "app-1",
            ["Zalo:AppSecret"] = "app-secret-VALUE-123",
            ["Zalo:OpenApiBaseUrl"] = "http://openapi.test/",
            ["Zalo:BusinessApiBaseUrl"] = "http://business.test/zbs",
        }).Build();
        var services = new ServiceCollection();
        services.AddZaloOfficialAccount(config).ConfigurePrimaryHttpMessageHandler(() => handler);
        using var provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<IZaloClientFactory>();
        await factory.TokenStore.SaveAsync(Oa, new ZaloTokenSet("access-1", "refresh-1", DateTimeOffset.UtcNow.AddHours(25), DateTimeOffset.UtcNow.AddDays(90), DateTimeOffset.UtcNow));

        var quota = await factory.GetClient(Oa).GetZnsQuotaAsync();

        Assert.Equal(7, quota.RemainingQuota);
        Assert.Equal("/zbs/message/quota", Assert.Single(handler.Requests).Path);
    }
}
