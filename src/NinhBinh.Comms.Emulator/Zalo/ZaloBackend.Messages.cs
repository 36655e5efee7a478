using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace NinhBinh.Comms.Emulator;

/// <summary>OA messages (v3.0 consultation, transaction, promotion and template; the retired v2.0 message API).</summary>
internal sealed partial class ZaloBackend
{
    private const int MaxTextLength = 2000;
    private const int MaxListElements = 5;

    /// <summary>POST /v3.0/oa/message/{cs,transaction,promotion,template}, POST /v2.0/oa/message.</summary>
    public void MapMessageRoutes(RouteMap map)
    {
        map(HttpMethods.Post, "/v3.0/oa/message/cs", Surface.OpenApi, r => SendMessage(r, "cs"));
        map(HttpMethods.Post, "/v3.0/oa/message/transaction", Surface.OpenApi, r => SendMessage(r, "transaction"));
        map(HttpMethods.Post, "/v3.0/oa/message/promotion", Surface.OpenApi, r => SendMessage(r, "promotion"));
        map(HttpMethods.Post, "/v3.0/oa/message/template", Surface.OpenApi, r => SendMessage(r, "template"));
        map(HttpMethods.Post, "/v2.0/oa/message", Surface.OpenApi, V2MessageOrBroadcast);
    }

    // ---- inspection ----------------------------------------------------------------------------------------

    public IReadOnlyList<EmulatedMessage> GetSentMessages(string oaId)
    {
        lock (_gate)
        {
            return _oas.TryGetValue(oaId, out var oa) ? oa.Messages.ToArray() : [];
        }
    }

    // ---- endpoints -----------------------------------------------------------------------------------------

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
            if (HasDeadUpload(oa.OaId, attachment, now))
            {
                return Json.Error(-100, "The attachment has expired or does not exist (uploads are kept 7 days).");
            }

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

    /// <summary>POST /v2.0/oa/message to a user: the v2 message API is shut down (broadcasts: ZaloBackend.Broadcasts.cs).</summary>
    public static Reply V2Message(ApiRequest request) =>
        Json.Error(-240, "The v2 message API is no longer supported; use the v3 message APIs.");

    // ---- helpers (lock held) ------------------------------------------------------------------------------

    private static void Record(OaRecord oa, EmulatedMessage message)
    {
        oa.Messages.Add(message);
        oa.MessagesById[message.MessageId] = message;
    }

    private static string NewMessageId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
