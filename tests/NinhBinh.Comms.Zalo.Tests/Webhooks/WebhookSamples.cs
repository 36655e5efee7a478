using System;
using System.Security.Cryptography;
using System.Text;

namespace NinhBinh.Comms.Zalo.Tests.Webhooks;

/// <summary>Webhook bodies as Zalo sends them, and an independent signer (one SHA-256 over the concatenated bytes).</summary>
internal static class WebhookSamples
{
    public const string AppId = "1234567890123456789";
    public const string OaSecret = "oa-secret-KEY-gia-vien";
    public const string AppSecret = "app-secret-xyz";
    public static readonly DateTimeOffset Now = new(2026, 11, 28, 8, 0, 0, TimeSpan.Zero);

    public static string Ms(DateTimeOffset time) => time.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string UserText(string text, string msgId = "9223372036854775807000", DateTimeOffset? at = null)
        => "{\"app_id\":\"" + AppId + "\",\"sender\":{\"id\":\"8451234567890123456\"},\"recipient\":{\"id\":\"579745863508352884\"},"
           + "\"user_id_by_app\":\"552177279717587730\",\"event_name\":\"user_send_text\",\"message\":{\"text\":\"" + text + "\",\"msg_id\":\"" + msgId + "\"},"
           + "\"timestamp\":\"" + Ms(at ?? Now) + "\"}";

    public static string Follow(DateTimeOffset? at = null, string eventName = "follow")
        => "{\"oa_id\":\"579745863508352884\",\"follower\":{\"id\":\"8451234567890123456\"},\"user_id_by_app\":\"552177279717587730\","
           + "\"event_name\":\"" + eventName + "\",\"source\":\"oa_profile\",\"app_id\":\"" + AppId + "\",\"timestamp\":\"" + Ms(at ?? Now) + "\"}";

    /// <summary>The signature computed independently of the SDK: SHA-256 over appId + body + timestamp + secret.</summary>
    public static string Sign(string body, string timestamp, string secret = OaSecret, string appId = AppId, bool upper = false)
    {
        var bytes = Concat(Encoding.UTF8.GetBytes(appId), Encoding.UTF8.GetBytes(body), Encoding.UTF8.GetBytes(timestamp), Encoding.UTF8.GetBytes(secret));
        var hex = Convert.ToHexString(SHA256.HashData(bytes));
        return "mac=" + (upper ? hex : hex.ToLowerInvariant());
    }

    public static ZaloWebhookOptions Options() => new() { AppId = AppId, Secret = OaSecret };

    private static byte[] Concat(params byte[][] parts)
    {
        var length = 0;
        foreach (var part in parts)
        {
            length += part.Length;
        }

        var result = new byte[length];
        var offset = 0;
        foreach (var part in parts)
        {
            part.CopyTo(result, offset);
            offset += part.Length;
        }

        return result;
    }
}
