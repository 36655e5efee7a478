using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace NinhBinh.Comms.Emulator;

/// <summary>ZBS template messages by phone number (business API).</summary>
internal sealed partial class ZaloBackend
{
    /// <summary>ZBS template messages per OA and Vietnam calendar day.</summary>
    internal const int ZnsDailyQuota = 500;

    /// <summary>POST /message/template (business API).</summary>
    public void MapZnsRoutes(RouteMap map)
    {
        map(HttpMethods.Post, "/message/template", Surface.Business, SendZns);
    }

    /// <summary>POST /message/template: ZBS template message by phone number.</summary>
    public Reply SendZns(ApiRequest request)
    {
        if (Json.ParseObject(request.Body) is not { } body)
        {
            return Json.Error(-201, "The body is not a JSON object.");
        }

        var phone = Json.String(body["phone"]) ?? string.Empty;
        if (!PhonePattern().IsMatch(phone))
        {
            return Json.Error(-108, "Phone number is invalid.");
        }

        if (string.IsNullOrEmpty(Json.String(body["template_id"])))
        {
            return Json.Error(-109, "Template id is invalid.");
        }

        if (body["template_data"] is not JsonObject)
        {
            return Json.Error(-111, "Template data is empty or invalid.");
        }

        var trackingId = Json.String(body["tracking_id"]);
        if (string.IsNullOrEmpty(trackingId) || trackingId.Length > 48)
        {
            return Json.Error(-201, "tracking_id is required (at most 48 characters).");
        }

        var now = Now;
        lock (_gate)
        {
            var oa = RequireOa(request.Grant!.OaId);
            var today = VietnamTime.Date(now);
            var sentToday = oa.Messages.Count(m => m.Kind == "zns" && VietnamTime.Date(m.SentAt) == today);
            if (sentToday >= ZnsDailyQuota)
            {
                return Json.Error(-144, "The OA reached its daily template message limit.");
            }

            var id = NewMessageId();
            Record(oa, new EmulatedMessage(id, "zns", null, null, null, request.Body, now));
            return Json.Success(new JsonObject
            {
                ["msg_id"] = id,
                ["sent_time"] = now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
                ["quota"] = new JsonObject
                {
                    ["dailyQuota"] = ZnsDailyQuota.ToString(CultureInfo.InvariantCulture),
                    ["remainingQuota"] = (ZnsDailyQuota - sentToday - 1).ToString(CultureInfo.InvariantCulture),
                },
            });
        }
    }

    [GeneratedRegex(@"^(\+?84|0)[35789]\d{8}$", RegexOptions.CultureInvariant)]
    private static partial Regex PhonePattern();
}
