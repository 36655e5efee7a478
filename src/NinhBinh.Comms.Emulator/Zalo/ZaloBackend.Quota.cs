using System;
using System.Linq;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace NinhBinh.Comms.Emulator;

/// <summary>Message quotas: consultation replies per interaction window, promotions per user, messages per OA.</summary>
internal sealed partial class ZaloBackend
{
    /// <summary>Consultation replies allowed per interaction window.</summary>
    internal const int ConsultationQuota = 8;

    /// <summary>Promotion messages per user and Vietnam calendar day.</summary>
    internal const int PromotionDailyQuota = 1;

    /// <summary>Promotion messages per user and Vietnam calendar month.</summary>
    internal const int PromotionMonthlyQuota = 4;

    /// <summary>Messages per OA and Vietnam calendar day (v2 quota type "oa").</summary>
    internal const int OaDailyQuota = 2000;

    /// <summary>POST /v3.0/oa/quota/message, POST /v2.0/oa/quota/message.</summary>
    public void MapQuotaRoutes(RouteMap map)
    {
        map(HttpMethods.Post, "/v3.0/oa/quota/message", Surface.OpenApi, QuotaV3);
        map(HttpMethods.Post, "/v2.0/oa/quota/message", Surface.OpenApi, QuotaV2);
    }

    public Reply QuotaV3(ApiRequest request)
    {
        var userId = Json.String(Json.ParseObject(request.Body)?["user_id"]);
        if (string.IsNullOrEmpty(userId))
        {
            return Json.Error(-201, "user_id is required.");
        }

        var now = Now;
        lock (_gate)
        {
            var oa = RequireOa(request.Grant!.OaId);
            if (!oa.UsersById.TryGetValue(userId, out var user))
            {
                return Json.Error(-201, "user not found");
            }

            var (dailyRemain, monthlyRemain) = PromotionRemain(user, now);
            return Json.Success(new JsonObject
            {
                ["last_interaction"] = user.LastInteraction is { } at ? VietnamTime.FormatIso(at) : string.Empty,
                ["cs_reply"] = new JsonObject { ["remain"] = ConsultationRemain(user, now), ["total"] = ConsultationQuota },
                ["promotion"] = new JsonObject
                {
                    ["daily_remain"] = dailyRemain,
                    ["daily_total"] = PromotionDailyQuota,
                    ["monthly_remain"] = monthlyRemain,
                    ["monthly_total"] = PromotionMonthlyQuota,
                },
            });
        }
    }

    public Reply QuotaV2(ApiRequest request)
    {
        var body = string.IsNullOrWhiteSpace(request.Body) ? [] : Json.ParseObject(request.Body);
        if (body is null)
        {
            return Json.Error(-201, "The body is not a JSON object.");
        }

        var now = Now;
        lock (_gate)
        {
            var oa = RequireOa(request.Grant!.OaId);
            var messageId = Json.String(body["message_id"]);
            if (!string.IsNullOrEmpty(messageId))
            {
                if (!oa.MessagesById.TryGetValue(messageId, out var sent))
                {
                    return Json.Error(-201, "message not found");
                }

                var remain = sent.UserId is not null && oa.UsersById.TryGetValue(sent.UserId, out var recipient)
                    ? ConsultationRemain(recipient, now)
                    : ConsultationQuota;
                return Json.Success(new JsonObject
                {
                    ["message_id"] = messageId,
                    ["total"] = ConsultationQuota,
                    ["remain"] = remain,
                    ["type"] = "reply",
                });
            }

            var userId = Json.String(body["user_id"]);
            if (!string.IsNullOrEmpty(userId))
            {
                if (Json.String(body["type"]) != "promotion")
                {
                    return Json.Error(-201, "type must be promotion.");
                }

                if (!oa.UsersById.TryGetValue(userId, out var user))
                {
                    return Json.Error(-201, "user not found");
                }

                return Json.Success(new JsonObject
                {
                    ["total"] = PromotionDailyQuota,
                    ["remain"] = PromotionRemain(user, now).Daily,
                    ["type"] = "promotion",
                });
            }

            var today = VietnamTime.Date(now);
            var sentToday = oa.Messages.Count(m => m.Kind != "zns" && VietnamTime.Date(m.SentAt) == today);
            return Json.Success(new JsonObject
            {
                ["total"] = OaDailyQuota,
                ["remain"] = Math.Max(0, OaDailyQuota - sentToday),
                ["type"] = "oa",
            });
        }
    }

    // ---- helpers (lock held) ------------------------------------------------------------------------------

    private bool WithinWindow(UserRecord user, DateTimeOffset now) =>
        user.LastInteraction is { } at && now - at <= _interactionWindow;

    private int ConsultationRemain(UserRecord user, DateTimeOffset now) =>
        WithinWindow(user, now) ? Math.Max(0, ConsultationQuota - user.ConsultationsSinceInteraction) : 0;

    private static (int Daily, int Monthly) PromotionRemain(UserRecord user, DateTimeOffset now)
    {
        var today = VietnamTime.Date(now);
        var daily = user.PromotionsSent.Count(t => VietnamTime.Date(t) == today);
        var monthly = user.PromotionsSent.Count(t => VietnamTime.Date(t) is var d && d.Year == today.Year && d.Month == today.Month);
        return (Math.Max(0, PromotionDailyQuota - daily), Math.Max(0, PromotionMonthlyQuota - monthly));
    }
}
