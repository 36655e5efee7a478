using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using NinhBinh.Comms.Zalo.Internal;

namespace NinhBinh.Comms.Zalo;

/// <summary>Reads a webhook body into a typed <see cref="ZaloWebhookEvent"/>. Verify the delivery first (<see cref="ZaloWebhookVerifier"/>).</summary>
public static class ZaloWebhookParser
{
    /// <summary>The largest body read; larger ones are refused before parsing.</summary>
    public const int MaxBodyBytes = 64 * 1024 * 1024;

    /// <summary>Reads one event.</summary>
    /// <param name="body">The raw body.</param>
    /// <param name="isZnsDelivery">Whether the delivery came with <c>X-ZEvent-Server: ZNS</c>.</param>
    /// <returns>The event: a typed subclass, or <see cref="ZaloUnknownEvent"/> for an event name this version does not know.</returns>
    /// <exception cref="FormatException">The body is not a JSON object, or has no <c>event_name</c> or <c>timestamp</c>.</exception>
    public static ZaloWebhookEvent Parse(ReadOnlySpan<byte> body, bool isZnsDelivery = false)
    {
        if (body.Length > MaxBodyBytes)
        {
            throw new FormatException($"The webhook body is {body.Length} bytes; at most {MaxBodyBytes} are read.");
        }

        var bytes = body.ToArray();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException ex)
        {
            throw new FormatException($"The webhook body is not valid JSON ({ex.Message.Split('\n')[0].Trim()}).", ex);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException("The webhook body is not a JSON object.");
            }

            var eventName = ZaloWebhookJson.Text(root, "event_name");
            if (string.IsNullOrWhiteSpace(eventName))
            {
                throw new FormatException("The webhook body has no 'event_name'.");
            }

            var timestampText = ZaloWebhookJson.Text(root, "timestamp");
            if (timestampText is null || !TryParseEpochMilliseconds(timestampText, out var timestamp))
            {
                throw new FormatException("The webhook body has no 'timestamp' in epoch milliseconds.");
            }

            var raw = Encoding.UTF8.GetString(bytes);
            var messageId = ZaloWebhookJson.Text(root, "message", "msg_id");
            var dedupeKey = messageId is not null ? eventName + ":" + messageId : eventName + ":sha256:" + Fingerprint(bytes);
            return Create(root, eventName!, timestamp, dedupeKey, raw, isZnsDelivery);
        }
    }

    /// <summary>Reads one event held in an array.</summary>
    /// <param name="body">The raw body.</param>
    /// <param name="isZnsDelivery">Whether the delivery came with <c>X-ZEvent-Server: ZNS</c>.</param>
    /// <returns>The event.</returns>
    /// <exception cref="FormatException">The body is not a Zalo event.</exception>
    public static ZaloWebhookEvent Parse(byte[] body, bool isZnsDelivery = false)
        => Parse(new ReadOnlySpan<byte>(body ?? throw new ArgumentNullException(nameof(body))), isZnsDelivery);

    internal static bool TryParseEpochMilliseconds(string text, out DateTimeOffset time)
    {
        time = default;
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var ms) || ms < 0 || ms > 253_402_300_799_999)
        {
            return false;
        }

        time = DateTimeOffset.FromUnixTimeMilliseconds(ms);
        return true;
    }

    private static ZaloWebhookEvent Create(JsonElement root, string name, DateTimeOffset timestamp, string key, string raw, bool isZns)
    {
        switch (name)
        {
            case "follow":
            case "unfollow":
                return new ZaloFollowEvent(root, name, timestamp, key, raw);
            case "user_submit_info":
                return new ZaloUserSubmitInfoEvent(root, name, timestamp, key, raw);
            case "add_user_to_tag":
                return new ZaloUserTaggedEvent(root, name, timestamp, key, raw);
            case "user_received_message" when isZns || ZaloWebhookJson.Text(root, "message", "tracking_id") is not null:
                return new ZaloZnsDeliveryEvent(root, name, timestamp, key, raw);
            case "user_received_message":
            case "user_seen_message":
                return new ZaloMessageStatusEvent(root, name, timestamp, key, raw);
            case "change_template_status":
                return new ZaloZnsTemplateStatusEvent(root, name, timestamp, key, raw);
            case "change_oa_daily_quota":
                return new ZaloZnsQuotaEvent(root, name, timestamp, key, raw);
        }

        var kind = MessageKind(name);
        return kind is null ? new ZaloUnknownEvent(root, name, timestamp, key, raw) : new ZaloMessageEvent(root, name, timestamp, key, raw, kind.Value);
    }

    private static ZaloWebhookMessageKind? MessageKind(string name)
    {
        string suffix;
        if (name.StartsWith("user_send_", StringComparison.Ordinal))
        {
            suffix = name.Substring("user_send_".Length);
        }
        else if (name.StartsWith("oa_send_", StringComparison.Ordinal))
        {
            suffix = name.Substring("oa_send_".Length);
        }
        else if (name.StartsWith("anonymous_send_", StringComparison.Ordinal))
        {
            suffix = name.Substring("anonymous_send_".Length);
        }
        else
        {
            return null;
        }

        return suffix switch
        {
            "text" => ZaloWebhookMessageKind.Text,
            "image" => ZaloWebhookMessageKind.Image,
            "link" => ZaloWebhookMessageKind.Link,
            "audio" => ZaloWebhookMessageKind.Audio,
            "video" => ZaloWebhookMessageKind.Video,
            "sticker" => ZaloWebhookMessageKind.Sticker,
            "gif" => ZaloWebhookMessageKind.Gif,
            "location" => ZaloWebhookMessageKind.Location,
            "business_card" => ZaloWebhookMessageKind.BusinessCard,
            "file" => ZaloWebhookMessageKind.File,
            "list" => ZaloWebhookMessageKind.List,
            _ => null,
        };
    }

    private static string Fingerprint(byte[] body)
    {
#if NET
        var hash = SHA256.HashData(body);
#else
        using var sha = SHA256.Create();
        var hash = sha.ComputeHash(body);
#endif
        var sb = new StringBuilder(32);
        for (var i = 0; i < 16; i++)
        {
            sb.Append(hash[i].ToString("x2", CultureInfo.InvariantCulture));
        }

        return sb.ToString();
    }
}
