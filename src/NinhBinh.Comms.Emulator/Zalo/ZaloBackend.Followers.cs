using System;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace NinhBinh.Comms.Emulator;

/// <summary>Followers and users of an OA: the list, a profile, shared info.</summary>
internal sealed partial class ZaloBackend
{
    /// <summary>GET /v3.0/oa/user/getlist, GET /v3.0/oa/user/detail, POST /v3.0/oa/user/update.</summary>
    public void MapFollowerRoutes(RouteMap map)
    {
        map(HttpMethods.Get, "/v3.0/oa/user/getlist", Surface.OpenApi, GetFollowers);
        map(HttpMethods.Get, "/v3.0/oa/user/detail", Surface.OpenApi, GetFollowerDetail);
        map(HttpMethods.Post, "/v3.0/oa/user/update", Surface.OpenApi, UpdateFollower);
    }

    // ---- seeding -------------------------------------------------------------------------------------------

    public void AddFollower(string oaId, string userId, string? displayName, DateTimeOffset? lastInteraction, string[] tags)
    {
        lock (_gate)
        {
            var oa = RequireOa(oaId);
            var user = GetOrCreateUser(oa, userId);
            user.IsFollower = true;
            if (displayName is not null)
            {
                user.DisplayName = displayName;
            }

            if (lastInteraction is { } at)
            {
                user.LastInteraction = at;
                user.ConsultationsSinceInteraction = 0;
            }

            foreach (var tag in tags ?? [])
            {
                if (!string.IsNullOrEmpty(tag) && !user.Tags.Contains(tag, StringComparer.Ordinal))
                {
                    user.Tags.Add(tag);
                }

                if (!string.IsNullOrEmpty(tag))
                {
                    oa.AddTag(tag);
                }
            }
        }
    }

    public void RecordInteraction(string oaId, string userId, DateTimeOffset at)
    {
        lock (_gate)
        {
            var user = GetOrCreateUser(RequireOa(oaId), userId);
            user.LastInteraction = at;
            user.ConsultationsSinceInteraction = 0;
        }
    }

    // ---- endpoints -----------------------------------------------------------------------------------------

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

    // ---- helpers (lock held) ------------------------------------------------------------------------------

    private static UserRecord GetOrCreateUser(OaRecord oa, string userId)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        if (!oa.UsersById.TryGetValue(userId, out var user))
        {
            user = new UserRecord(userId, DefaultName(userId));
            oa.UsersById[userId] = user;
            oa.Users.Add(user);
        }

        return user;
    }

    private static string DefaultName(string userId) => "Người dùng " + (userId.Length > 4 ? userId[^4..] : userId);

    private static string UserIdByApp(string appId, string userId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(appId + ":" + userId));
        return (BitConverter.ToUInt64(hash, 0) % 9_000_000_000_000_000_000UL + 1_000_000_000_000_000_000UL).ToString(CultureInfo.InvariantCulture);
    }
}
