using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NinhBinh.Comms.Emulator;

/// <summary>
/// Broadcasts (POST /v2.0/oa/message with <c>recipient.target</c>): an article of the OA to the followers matching the
/// target. The target is read in any of the encodings sources disagree on (comma strings, numbers, number arrays);
/// an empty or unknown value answers -201, an article that is not published on the OA (unknown, still processing,
/// failed at verify, removed) -201, a used-up broadcast quota -211.
/// </summary>
internal sealed partial class ZaloBackend
{
    private static readonly (string Field, int Min, int Max)[] TargetFields =
    [
        ("ages", 0, 7), ("gender", 0, 2), ("locations", 0, 2), ("cities", 1, 99), ("platform", 1, 3),
    ];

    private readonly HashSet<(string OaId, string ArticleId)> _seededArticles = [];
    private readonly Dictionary<string, int> _broadcastQuota = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<EmulatedBroadcast>> _broadcasts = new(StringComparer.Ordinal);

    // ---- seeding and inspection ----------------------------------------------------------------------------

    public void AddPublishedArticle(string oaId, string articleId)
    {
        lock (_gate)
        {
            RequireOa(oaId);
            _seededArticles.Add((oaId, articleId));
        }
    }

    public void SetBroadcastQuota(string oaId, int remaining)
    {
        lock (_gate)
        {
            RequireOa(oaId);
            _broadcastQuota[oaId] = remaining;
        }
    }

    public void SetFollowerDemographics(string oaId, string userId, int? ageGroup, int? gender, int? region, int? city, int? platform)
    {
        lock (_gate)
        {
            var user = RequireOa(oaId).UsersById.TryGetValue(userId, out var u)
                ? u
                : throw new InvalidOperationException($"User '{userId}' is not a user of OA '{oaId}' (add the follower first).");
            user.AgeGroup = ageGroup;
            user.Gender = gender;
            user.Region = region;
            user.City = city;
            user.Platform = platform;
        }
    }

    public IReadOnlyList<EmulatedBroadcast> GetBroadcasts(string oaId)
    {
        lock (_gate)
        {
            return _broadcasts.TryGetValue(oaId, out var list) ? list.ToArray() : [];
        }
    }

    // ---- endpoint ------------------------------------------------------------------------------------------

    /// <summary>POST /v2.0/oa/message: a broadcast when the recipient carries a target; otherwise the shut-down v2 API (-240).</summary>
    public Reply V2MessageOrBroadcast(ApiRequest request)
    {
        var body = Json.ParseObject(request.Body);
        return body?["recipient"] is JsonObject recipient && recipient["target"] is { } target
            ? Broadcast(request, body, target)
            : V2Message(request);
    }

    private Reply Broadcast(ApiRequest request, JsonObject body, JsonNode target)
    {
        if (target is not JsonObject targetObject)
        {
            return Json.Error(-201, "recipient.target must be an object.");
        }

        var criteria = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        foreach (var (field, min, max) in TargetFields)
        {
            if (targetObject[field] is not { } node)
            {
                continue;
            }

            if (ReadCodes(node) is not { Count: > 0 } codes)
            {
                return Json.Error(-201, $"recipient.target.{field} is empty or not a list of codes.");
            }

            var unknown = codes.Where(c => c < min || c > max).ToArray();
            if (unknown.Length > 0)
            {
                return Json.Error(-201, string.Format(CultureInfo.InvariantCulture, "recipient.target.{0} has an unknown code {1}.", field, unknown[0]));
            }

            criteria[field] = codes;
        }

        var element = ((body["message"]?["attachment"]?["payload"]?["elements"]) as JsonArray)?.FirstOrDefault() as JsonObject;
        if (element is null || Json.String(element["media_type"]) != "article" || Json.String(element["attachment_id"]) is not { Length: > 0 } articleId)
        {
            return Json.Error(-201, "A broadcast carries one element of media_type 'article' with its attachment_id.");
        }

        var now = Now;
        lock (_gate)
        {
            var oa = RequireOa(request.Grant!.OaId);
            if (!ArticleExists(oa.OaId, articleId, now))
            {
                return Json.Error(-201, "The article does not exist on this OA.");
            }

            if (_broadcastQuota.TryGetValue(oa.OaId, out var remaining))
            {
                if (remaining <= 0)
                {
                    return Json.Error(-211, "The OA has used up its broadcast quota.");
                }

                _broadcastQuota[oa.OaId] = remaining - 1;
            }

            var recipients = oa.Users.Where(u => u.IsFollower && Matches(u, criteria)).Select(u => u.UserId).ToArray();
            var id = NewMessageId();
            if (!_broadcasts.TryGetValue(oa.OaId, out var list))
            {
                list = [];
                _broadcasts[oa.OaId] = list;
            }

            list.Add(new EmulatedBroadcast(id, articleId, recipients, request.Body, now));
            return Json.Success(new JsonObject { ["message_id"] = id });
        }
    }

    /// <summary>Whether an article may be broadcast: created and verified on the OA, or seeded as published (call with the lock held).</summary>
    private bool ArticleExists(string oaId, string articleId, DateTimeOffset now)
        => _seededArticles.Contains((oaId, articleId)) || FindArticle(oaId, articleId, now) is not null;

    private static bool Matches(UserRecord user, Dictionary<string, HashSet<int>> criteria)
    {
        static bool Has(HashSet<int>? wanted, int? value) => wanted is null || (value is { } v && wanted.Contains(v));

        criteria.TryGetValue("ages", out var ages);
        criteria.TryGetValue("gender", out var gender);
        criteria.TryGetValue("locations", out var locations);
        criteria.TryGetValue("cities", out var cities);
        criteria.TryGetValue("platform", out var platforms);
        if (gender is not null && gender.Contains(0))
        {
            gender = null; // 0 = every gender
        }

        return Has(ages, user.AgeGroup) && Has(gender, user.Gender) && Has(locations, user.Region) && Has(cities, user.City) && Has(platforms, user.Platform);
    }

    /// <summary>The codes of a target field in any encoding: "1,2", 1, [1,2] or ["1","2"]; null when malformed.</summary>
    private static HashSet<int>? ReadCodes(JsonNode node)
    {
        var codes = new HashSet<int>();
        if (node is JsonArray array)
        {
            foreach (var item in array)
            {
                if (item is null || !Json.TryInt(item, out var code))
                {
                    return null;
                }

                codes.Add(code);
            }

            return codes;
        }

        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.String)
        {
            foreach (var part in value.GetValue<string>().Split(','))
            {
                if (!int.TryParse(part.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var code))
                {
                    return null;
                }

                codes.Add(code);
            }

            return codes;
        }

        return Json.TryInt(node, out var single) ? [single] : null;
    }
}
