using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace NinhBinh.Comms.Emulator;

/// <summary>
/// ZNS / ZBS template messages by phone number (business API): templates registered by tests, template info, the
/// phone and <c>template_data</c> checks with Zalo's codes, development mode, a daily quota per OA and Vietnam day,
/// the night ban (22:00–06:00 Vietnam time), message status and quota.
/// </summary>
internal sealed partial class ZaloBackend
{
    /// <summary>ZBS template messages per OA and Vietnam calendar day, unless a test sets another quota.</summary>
    internal const int ZnsDailyQuota = 500;

    /// <summary>How long after it is accepted a message counts as delivered to the phone.</summary>
    internal static readonly TimeSpan ZnsDeliveryDelay = TimeSpan.FromSeconds(1);

    private const int MaxTrackingIdLength = 48;

    private readonly Dictionary<(string OaId, string TemplateId), ZnsTemplateRecord> _znsTemplates = new();
    private readonly Dictionary<string, int> _znsQuotas = new(StringComparer.Ordinal);
    private readonly HashSet<string> _znsDevelopmentMessages = new(StringComparer.Ordinal);

    /// <summary>POST /message/template, GET /template/info/v2, /message/status, /message/quota (business API).</summary>
    public void MapZnsRoutes(RouteMap map)
    {
        map(HttpMethods.Post, "/message/template", Surface.Business, SendZns);
        map(HttpMethods.Get, "/template/info/v2", Surface.Business, ZnsTemplateInfo);
        map(HttpMethods.Get, "/message/status", Surface.Business, ZnsMessageStatus);
        map(HttpMethods.Get, "/message/quota", Surface.Business, ZnsQuota);
    }

    // ---- seeding ---------------------------------------------------------------------------------------------

    public void RegisterZnsTemplate(string oaId, string templateId, string name, string status, IReadOnlyList<EmulatedZnsParameter> parameters)
    {
        lock (_gate)
        {
            RequireOa(oaId);
            _znsTemplates[(oaId, templateId)] = new ZnsTemplateRecord(oaId, templateId, name, status, parameters);
        }
    }

    public void SetZnsDailyQuota(string oaId, int dailyQuota)
    {
        lock (_gate)
        {
            RequireOa(oaId);
            _znsQuotas[oaId] = dailyQuota;
        }
    }

    // ---- endpoints -------------------------------------------------------------------------------------------

    /// <summary>POST /message/template: ZBS template message by phone number.</summary>
    public Reply SendZns(ApiRequest request)
    {
        if (Json.ParseObject(request.Body) is not { } body)
        {
            return Json.Error(-122, "Body request is not a valid JSON object.");
        }

        var phone = Json.String(body["phone"]) ?? string.Empty;
        if (!PhonePattern().IsMatch(phone))
        {
            return Json.Error(-108, "Phone number is invalid.");
        }

        var mode = body["mode"];
        var development = false;
        if (mode is not null)
        {
            if (Json.String(mode) != "development")
            {
                return Json.Error(-132, "mode must be \"development\" when given.");
            }

            development = true;
        }

        var trackingId = Json.String(body["tracking_id"]);
        if (string.IsNullOrEmpty(trackingId) || trackingId.Length > MaxTrackingIdLength)
        {
            return Json.Error(-132, "tracking_id is required (at most 48 characters).");
        }

        var templateId = Json.String(body["template_id"]);
        var oaId = request.Grant!.OaId;
        var now = Now;
        lock (_gate)
        {
            if (string.IsNullOrEmpty(templateId) || !_znsTemplates.TryGetValue((oaId, templateId), out var template))
            {
                return Json.Error(-109, "Template id is invalid.");
            }

            switch (template.Status)
            {
                case "ENABLE":
                case "PENDING_REVIEW" when development:
                    break;
                case "DISABLE":
                    return Json.Error(-146, "Template is disabled.");
                default:
                    return Json.Error(-131, "Template is not approved.");
            }

            if (body["template_data"] is not JsonObject data || (data.Count == 0 && template.Parameters.Count > 0))
            {
                return Json.Error(-111, "Template data is empty.");
            }

            if (CheckTemplateData(template, data) is { } refusal)
            {
                return refusal;
            }

            if (VietnamTime.IsNight(now))
            {
                return Json.Error(-133, "Template messages are not sent between 22:00 and 06:00.");
            }

            var oa = RequireOa(oaId);
            var quota = DailyZnsQuota(oaId);
            var sentToday = ZnsSentToday(oa, now);
            if (!development && sentToday >= quota)
            {
                return Json.Error(-144, "The OA reached its daily template message limit.");
            }

            var id = NewMessageId();
            Record(oa, new EmulatedMessage(id, "zns", null, null, null, request.Body, now));
            if (development)
            {
                _znsDevelopmentMessages.Add(id);
            }
            else
            {
                sentToday++;
            }

            return Json.Success(new JsonObject
            {
                ["msg_id"] = id,
                ["sent_time"] = now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
                ["quota"] = QuotaJson(quota, sentToday),
            });
        }
    }

    /// <summary>GET /template/info/v2?template_id=.</summary>
    public Reply ZnsTemplateInfo(ApiRequest request)
    {
        var templateId = request.Query["template_id"].ToString();
        lock (_gate)
        {
            if (!_znsTemplates.TryGetValue((request.Grant!.OaId, templateId), out var template))
            {
                return Json.Error(-109, "Template id is invalid.");
            }

            var parameters = new JsonArray();
            foreach (var p in template.Parameters)
            {
                parameters.Add(new JsonObject
                {
                    ["name"] = p.Name,
                    ["require"] = p.Required,
                    ["type"] = p.Type,
                    ["maxLength"] = p.MaxLength,
                    ["minLength"] = 0,
                    ["acceptNull"] = !p.Required,
                });
            }

            return Json.Success(new JsonObject
            {
                ["templateId"] = long.TryParse(template.TemplateId, NumberStyles.None, CultureInfo.InvariantCulture, out var numeric) ? JsonValue.Create(numeric) : JsonValue.Create(template.TemplateId),
                ["templateName"] = template.Name,
                ["status"] = template.Status,
                ["listParams"] = parameters,
                ["timeout"] = 7_200_000,
                ["previewUrl"] = $"https://account.zalo.cloud/znspreview/{template.TemplateId}",
                ["templateQuality"] = "HIGH",
                ["templateTag"] = "TRANSACTION",
                ["price"] = "300.0",
            });
        }
    }

    /// <summary>GET /message/status?message_id=: delivered (1) <see cref="ZnsDeliveryDelay"/> after it was accepted, -1 before.</summary>
    public Reply ZnsMessageStatus(ApiRequest request)
    {
        var messageId = request.Query["message_id"].ToString();
        var now = Now;
        lock (_gate)
        {
            var oa = RequireOa(request.Grant!.OaId);
            if (!oa.MessagesById.TryGetValue(messageId, out var message) || message.Kind != "zns")
            {
                return Json.Error(-107, "Message id is invalid.");
            }

            var deliveredAt = message.SentAt + ZnsDeliveryDelay;
            return now >= deliveredAt
                ? Json.Success(new JsonObject
                {
                    ["delivery_time"] = deliveredAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
                    ["message"] = "The message was delivered to the user's device.",
                    ["status"] = 1,
                })
                : Json.Success(new JsonObject
                {
                    ["delivery_time"] = string.Empty,
                    ["message"] = "The message has not reached the user's device yet.",
                    ["status"] = -1,
                });
        }
    }

    /// <summary>GET /message/quota: the OA's daily quota and what is left of it today (Vietnam day).</summary>
    public Reply ZnsQuota(ApiRequest request)
    {
        var now = Now;
        lock (_gate)
        {
            var oa = RequireOa(request.Grant!.OaId);
            return Json.Success(QuotaJson(DailyZnsQuota(oa.OaId), ZnsSentToday(oa, now)));
        }
    }

    // ---- rules (call with the lock held) -------------------------------------------------------------------

    private int DailyZnsQuota(string oaId) => _znsQuotas.TryGetValue(oaId, out var quota) ? quota : ZnsDailyQuota;

    /// <summary>Charged (not development) template messages of the OA on the Vietnam day of <paramref name="now"/>.</summary>
    private int ZnsSentToday(OaRecord oa, DateTimeOffset now)
    {
        var today = VietnamTime.Date(now);
        return oa.Messages.Count(m => m.Kind == "zns" && !_znsDevelopmentMessages.Contains(m.MessageId) && VietnamTime.Date(m.SentAt) == today);
    }

    private static JsonObject QuotaJson(int quota, int sentToday) => new()
    {
        ["dailyQuota"] = quota.ToString(CultureInfo.InvariantCulture),
        ["remainingQuota"] = Math.Max(0, quota - sentToday).ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>-112 for an unknown or missing parameter or a value of the wrong type, -1121 for one over its length.</summary>
    private static Reply? CheckTemplateData(ZnsTemplateRecord template, JsonObject data)
    {
        foreach (var (name, _) in data)
        {
            if (template.Parameters.All(p => p.Name != name))
            {
                return Json.Error(-112, $"Template data is invalid: {name} is not a parameter of the template.");
            }
        }

        foreach (var parameter in template.Parameters)
        {
            var value = data[parameter.Name] is { } node ? Json.String(node) : null;
            if (string.IsNullOrEmpty(value))
            {
                if (parameter.Required)
                {
                    return Json.Error(-112, $"Template data is invalid: {parameter.Name} is missing.");
                }

                continue;
            }

            if (value.Length > parameter.MaxLength)
            {
                return Json.Error(-1121, $"{parameter.Name} is longer than {parameter.MaxLength} characters.");
            }

            var typed = parameter.Type.ToUpperInvariant() switch
            {
                "NUMBER" => NumberPattern().IsMatch(value),
                "DATE" => DateOnly.TryParseExact(value, "dd/MM/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
                _ => true,
            };
            if (!typed)
            {
                return Json.Error(-112, $"Template data is invalid: {parameter.Name} must be a {parameter.Type}.");
            }
        }

        return null;
    }

    [GeneratedRegex(@"^(\+?84|0)[35789][0-9]{8}$", RegexOptions.CultureInvariant)]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"^-?[0-9]+(\.[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();
}
