using System;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace NinhBinh.Comms.Emulator;

/// <summary>OA Open API (v2.0/v3.0) and the ZBS template endpoint.</summary>
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

    /// <summary>ZBS template messages per OA and Vietnam calendar day.</summary>
    internal const int ZnsDailyQuota = 500;

    private const int MaxTextLength = 2000;
    private const int MaxListElements = 5;

    // ---- messages ------------------------------------------------------------------------------------------

    public Reply SendMessage(ApiRequest request, string kind)
    {
        if (Json.ParseObject(request.Body) is not { } body)
        {
            return Json.Error(-201, "The body is not a JSON object.");
        }

        if (body["recipient"] is not JsonObject recipient)
        {
            return Json.Error(-201, "recipient is missing.");
        }

        var userId = Json.String(recipient["user_id"]);
        var anonymousId = Json.String(recipient["anonymous_id"]);
        var conversationId = Json.String(recipient["conversation_id"]);
        var anonymous = false;
        if (string.IsNullOrEmpty(userId))
        {
            if (string.IsNullOrEmpty(anonymousId) || string.IsNullOrEmpty(conversationId))
            {
                return Json.Error(-201, "recipient must carry user_id, or anonymous_id and conversation_id.");
            }

            anonymous = true;
        }

        if (body["message"] is not JsonObject message || message.Count == 0)
        {
            return Json.Error(-201, "message is empty.");
        }

        string? text = null;
        if (message["text"] is { } textNode)
        {
            text = Json.String(textNode);
            if (text is null)
            {
                return Json.Error(-201, "message.text must be a string.");
            }

            if (text.Length > MaxTextLength)
            {
                return Json.Error(-210, "message.text is longer than 2000 characters.");
            }
        }

        var attachment = message["attachment"] as JsonObject;
        if (string.IsNullOrEmpty(text) && attachment is null && message["template_id"] is null)
        {
            return Json.Error(-201, "message is empty.");
        }

        if (attachment?["payload"] is JsonObject payload)
        {
            var templateType = Json.String(payload["template_type"]);
            var elements = (payload["elements"] as JsonArray)?.Count ?? 0;
            if (templateType == "list" && elements > MaxListElements)
            {
                return Json.Error(-210, "A list carries at most 5 elements.");
            }

            if (templateType == "request_user_info" && elements != 1)
            {
                return Json.Error(-201, "request_user_info carries exactly 1 element.");
            }
        }

        if (anonymous && kind != "cs")
        {
            return Json.Error(-201, "Anonymous recipients are accepted for consultation messages only.");
        }

        var now = Now;
        lock (_gate)
        {
            var oa = RequireOa(request.Grant!.OaId);
            UserRecord? user = null;
            if (!anonymous)
            {
                if (!oa.UsersById.TryGetValue(userId!, out user))
                {
                    return Json.Error(-201, "user not found");
                }

                if (kind is "promotion" or "transaction" && !user.IsFollower)
                {
                    return Json.Error(-213, "The user is not a follower of the OA.");
                }

                if (kind == "cs" && !WithinWindow(user, now))
                {
                    return Json.Error(-230, "The user has not interacted with the OA in the last 7 days.");
                }

                if (kind == "promotion" && VietnamTime.IsNight(now))
                {
                    return Json.Error(-234, "Promotion messages cannot be sent between 22:00 and 06:00.");
                }
            }

            var id = NewMessageId();
            Record(oa, new EmulatedMessage(id, kind, user?.UserId, anonymous ? anonymousId : null, text, request.Body, now));
            if (user is not null && kind == "cs")
            {
                user.ConsultationsSinceInteraction++;
            }
            else if (user is not null && kind == "promotion")
            {
                user.PromotionsSent.Add(now);
            }

            var data = new JsonObject { ["message_id"] = id };
            if (anonymous)
            {
                data["anonymous_id"] = anonymousId;
            }
            else
            {
                data["user_id"] = user!.UserId;
            }

            return Json.Success(data);
        }
    }

    /// <summary>POST /v2.0/oa/message: the v2 message API is shut down (broadcast is not emulated yet).</summary>
    public static Reply V2Message(ApiRequest request) =>
        Json.Error(-240, "The v2 message API is no longer supported; use the v3 message APIs.");

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

    // ---- followers -----------------------------------------------------------------------------------------

    public Reply GetFollowers(ApiRequest request)
    {
        if (Json.ParseObject(request.Query["data"].ToString()) is not { } data)
        {
            return Json.Error(-201, "The data parameter is missing or is not a JSON object.");
        }

        var offset = 0;
        if (data["offset"] is { } offsetNode && !Json.TryInt(offsetNode, out offset))
        {
            return Json.Error(-201, "offset must be an integer.");
        }

        if (!Json.TryInt(data["count"], out var count))
        {
            return Json.Error(-201, "count is required and must be an integer.");
        }

        if (count < 1 || count > 50)
        {
            return Json.Error(-210, "count must be between 1 and 50.");
        }

        if (offset < 0 || offset > 9951)
        {
            return Json.Error(-210, "offset must be between 0 and 9951.");
        }

        var tag = Json.String(data["tag_name"]);
        var isFollower = Json.Bool(data["is_follower"], out var followerValid);
        if (!followerValid)
        {
            return Json.Error(-201, "is_follower must be a boolean.");
        }

        var now = Now;
        (DateOnly From, DateOnly To)? period = null;
        if (data["last_interaction_period"] is { } periodNode)
        {
            period = ParsePeriod(Json.String(periodNode), VietnamTime.Date(now));
            if (period is null)
            {
                return Json.Error(-201, "last_interaction_period must be TODAY, YESTERDAY, L7D, L30D or YYYY_MM_DD:YYYY_MM_DD.");
            }
        }

        lock (_gate)
        {
            var oa = RequireOa(request.Grant!.OaId);
            var matches = oa.Users.Where(u =>
                (string.IsNullOrEmpty(tag) || u.Tags.Contains(tag, StringComparer.Ordinal))
                && (isFollower is null || u.IsFollower == isFollower)
                && (period is not { } p || (u.LastInteraction is { } at && VietnamTime.Date(at) >= p.From && VietnamTime.Date(at) <= p.To)))
                .ToList();
            var users = new JsonArray();
            foreach (var user in matches.Skip(offset).Take(count))
            {
                users.Add(new JsonObject { ["user_id"] = user.UserId });
            }

            return Json.Success(new JsonObject
            {
                ["total"] = matches.Count,
                ["count"] = users.Count,
                ["offset"] = offset,
                ["users"] = users,
            });
        }
    }

    internal static (DateOnly From, DateOnly To)? ParsePeriod(string? value, DateOnly today)
    {
        switch (value)
        {
            case "TODAY":
                return (today, today);
            case "YESTERDAY":
                return (today.AddDays(-1), today.AddDays(-1));
            case "L7D":
                return (today.AddDays(-6), today);
            case "L30D":
                return (today.AddDays(-29), today);
            case null:
                return null;
        }

        var parts = value.Split(':');
        if (parts.Length == 2
            && DateOnly.TryParseExact(parts[0], "yyyy_MM_dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
            && DateOnly.TryParseExact(parts[1], "yyyy_MM_dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var to)
            && from <= to)
        {
            return (from, to);
        }

        return null;
    }

    public Reply GetFollowerDetail(ApiRequest request)
    {
        var userId = Json.String(Json.ParseObject(request.Query["data"].ToString())?["user_id"]);
        if (string.IsNullOrEmpty(userId))
        {
            return Json.Error(-201, "data.user_id is required.");
        }

        lock (_gate)
        {
            var oa = RequireOa(request.Grant!.OaId);
            if (!oa.UsersById.TryGetValue(userId, out var user))
            {
                return Json.Error(-201, "user not found");
            }

            var avatar120 = $"https://avatar.zalo-emulator.invalid/{user.UserId}/120.jpg";
            var avatar240 = $"https://avatar.zalo-emulator.invalid/{user.UserId}/240.jpg";
            return Json.Success(new JsonObject
            {
                ["user_id"] = user.UserId,
                ["user_id_by_app"] = UserIdByApp(request.Grant.AppId, user.UserId),
                ["display_name"] = user.DisplayName,
                ["user_alias"] = user.DisplayName,
                ["is_sensitive"] = false,
                ["user_last_interaction_date"] = user.LastInteraction is { } at ? VietnamTime.FormatDate(at) : string.Empty,
                ["user_is_follower"] = user.IsFollower,
                ["avatar"] = avatar120,
                ["avatars"] = new JsonObject { ["120"] = avatar120, ["240"] = avatar240 },
                ["tags_and_notes_info"] = new JsonObject
                {
                    ["tag_names"] = Json.Strings(user.Tags),
                    ["notes"] = new JsonArray(),
                },
                ["shared_info"] = new JsonObject
                {
                    ["address"] = user.SharedAddress,
                    ["city"] = user.SharedCity,
                    ["district"] = user.SharedDistrict,
                    ["phone"] = user.SharedPhone,
                    ["name"] = user.SharedName,
                },
            });
        }
    }

    public Reply UpdateFollower(ApiRequest request)
    {
        var body = Json.ParseObject(request.Body);
        var userId = Json.String(body?["user_id"]);
        if (body is null || string.IsNullOrEmpty(userId))
        {
            return Json.Error(-201, "user_id is required.");
        }

        if (body["shared_info"] is not JsonObject shared)
        {
            return Json.Error(-201, "shared_info is required.");
        }

        lock (_gate)
        {
            var oa = RequireOa(request.Grant!.OaId);
            if (!oa.UsersById.TryGetValue(userId, out var user))
            {
                return Json.Error(-201, "user not found");
            }

            user.SharedName = Json.String(shared["name"]) ?? user.SharedName;
            user.SharedPhone = Json.String(shared["phone"]) ?? user.SharedPhone;
            user.SharedAddress = Json.String(shared["address"]) ?? user.SharedAddress;
            user.SharedCity = Json.String(shared["city"]) ?? user.SharedCity;
            user.SharedDistrict = Json.String(shared["district"]) ?? user.SharedDistrict;
            return Json.Success(null);
        }
    }

    // ---- tags ----------------------------------------------------------------------------------------------

    public Reply TagFollower(ApiRequest request, bool add)
    {
        var body = Json.ParseObject(request.Body);
        var userId = Json.String(body?["user_id"]);
        var tag = Json.String(body?["tag_name"]);
        if (string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(tag))
        {
            return Json.Error(-201, "user_id and tag_name are required.");
        }

        lock (_gate)
        {
            var oa = RequireOa(request.Grant!.OaId);
            if (!oa.UsersById.TryGetValue(userId, out var user))
            {
                return Json.Error(-201, "user not found");
            }

            if (add)
            {
                oa.AddTag(tag);
                if (!user.Tags.Contains(tag, StringComparer.Ordinal))
                {
                    user.Tags.Add(tag);
                }
            }
            else
            {
                user.Tags.Remove(tag);
            }

            return Json.Success(null);
        }
    }

    public Reply RemoveTag(ApiRequest request)
    {
        var tag = Json.String(Json.ParseObject(request.Body)?["tag_name"]);
        if (string.IsNullOrEmpty(tag))
        {
            return Json.Error(-201, "tag_name is required.");
        }

        lock (_gate)
        {
            var oa = RequireOa(request.Grant!.OaId);
            if (!oa.Tags.Remove(tag))
            {
                return Json.Error(-201, "tag not found");
            }

            foreach (var user in oa.Users)
            {
                user.Tags.Remove(tag);
            }

            return Json.Success(null);
        }
    }

    public Reply GetTags(ApiRequest request)
    {
        lock (_gate)
        {
            return Json.Success(Json.Strings(RequireOa(request.Grant!.OaId).Tags));
        }
    }

    // ---- quota ---------------------------------------------------------------------------------------------

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

    // ---- OA ------------------------------------------------------------------------------------------------

    public Reply GetOa(ApiRequest request)
    {
        var now = Now;
        lock (_gate)
        {
            var oa = RequireOa(request.Grant!.OaId);
            var government = oa.OaType == 4;
            return Json.Success(new JsonObject
            {
                ["oa_id"] = oa.OaId,
                ["name"] = oa.Name,
                ["description"] = oa.Name,
                ["oa_alias"] = oa.OaId,
                ["is_verified"] = true,
                ["oa_type"] = oa.OaType,
                ["cate_name"] = government ? "Cơ quan nhà nước" : "Doanh nghiệp",
                ["num_follower"] = oa.Users.Count(u => u.IsFollower),
                ["avatar"] = $"https://avatar.zalo-emulator.invalid/oa/{oa.OaId}.jpg",
                ["cover"] = $"https://cover.zalo-emulator.invalid/oa/{oa.OaId}.jpg",
                ["package_name"] = government ? "Gói Cơ quan nhà nước" : "Gói Nâng cao",
                ["package_valid_through_date"] = VietnamTime.FormatDate(now.AddYears(1)),
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

    private static void Record(OaRecord oa, EmulatedMessage message)
    {
        oa.Messages.Add(message);
        oa.MessagesById[message.MessageId] = message;
    }

    private static string UserIdByApp(string appId, string userId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(appId + ":" + userId));
        return (BitConverter.ToUInt64(hash, 0) % 9_000_000_000_000_000_000UL + 1_000_000_000_000_000_000UL).ToString(CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"^(\+?84|0)[35789]\d{8}$", RegexOptions.CultureInvariant)]
    private static partial Regex PhonePattern();
}
