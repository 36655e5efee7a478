using System;
using System.Collections.Generic;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace NinhBinh.Comms.Emulator;

/// <content>
/// Webhooks: events delivered to a registered URL, signed like Zalo (<c>X-ZEvent-Signature: mac=&lt;hex&gt;</c>),
/// retried after 30 s, 5 min, 15 min, 30 min and 1 h on the emulator's clock with a <c>num_retry</c> header; duplicates
/// and forged deliveries on request.
/// </content>
public sealed partial class ZaloEmulator
{
    private WebhookDispatcher? _webhooks;

    private WebhookDispatcher Webhooks => LazyInitializer.EnsureInitialized(ref _webhooks, () => new WebhookDispatcher(_backend.Time))!;

    /// <summary>Zalo's retry schedule: the wait before each retry after a failed attempt.</summary>
    public static IReadOnlyList<TimeSpan> WebhookRetrySchedule => WebhookDispatcher.RetrySchedule;

    /// <summary>Registers the webhook URL of an app and the secret its deliveries are signed with (the OA secret key).</summary>
    /// <param name="appId">The app id (mixed into the signature).</param>
    /// <param name="url">The receiver's URL.</param>
    /// <param name="secret">The secret mixed into the signature.</param>
    public void RegisterWebhook(string appId, Uri url, string secret)
    {
        ArgumentException.ThrowIfNullOrEmpty(appId);
        ArgumentNullException.ThrowIfNull(url);
        ArgumentException.ThrowIfNullOrEmpty(secret);
        Webhooks.Register(appId, url, secret);
    }

    /// <summary>
    /// A resident writes to the OA: records the interaction (the consultation window opens) and delivers a
    /// <c>user_send_text</c> event, twice with the same bytes when <paramref name="duplicate"/> is set.
    /// </summary>
    /// <param name="appId">The app the event is delivered for.</param>
    /// <param name="oaId">The OA.</param>
    /// <param name="userId">The resident's user id.</param>
    /// <param name="text">The text.</param>
    /// <param name="duplicate">Deliver the same event a second time.</param>
    /// <returns>The message id (<c>msg_id</c>) of the event.</returns>
    public string SendUserText(string appId, string oaId, string userId, string text, bool duplicate = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(appId);
        ArgumentException.ThrowIfNullOrEmpty(oaId);
        ArgumentException.ThrowIfNullOrEmpty(userId);
        ArgumentNullException.ThrowIfNull(text);
        var now = _backend.Now;
        _backend.RecordInteraction(oaId, userId, now);
        var msgId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var body = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["app_id"] = appId,
            ["sender"] = new Dictionary<string, string> { ["id"] = userId },
            ["recipient"] = new Dictionary<string, string> { ["id"] = oaId },
            ["user_id_by_app"] = userId,
            ["event_name"] = "user_send_text",
            ["message"] = new Dictionary<string, string> { ["text"] = text, ["msg_id"] = msgId },
            ["timestamp"] = now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
        }, WebhookJson.Utf8.DictionaryStringObject);
        DeliverWebhook(body);
        if (duplicate)
        {
            DeliverWebhook(body);
        }

        return msgId;
    }

    /// <summary>Delivers an event body as given (it must carry <c>event_name</c> and <c>timestamp</c>), signed.</summary>
    /// <param name="body">The JSON body, sent byte for byte (UTF-8).</param>
    /// <param name="forged">Sign it with a wrong secret, as a forger would.</param>
    /// <returns>The delivery's id.</returns>
    public int DeliverWebhook(string body, bool forged = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(body);
        return Webhooks.Enqueue(body, forged);
    }

    /// <summary>The deliveries made so far, with their attempts.</summary>
    /// <returns>A snapshot, oldest first.</returns>
    public IReadOnlyList<EmulatedWebhookDelivery> GetWebhookDeliveries() => _webhooks?.Snapshot() ?? [];

    /// <summary>Waits until a delivery has made a number of attempts (the first one, then retries as the clock advances).</summary>
    /// <param name="deliveryId">The delivery's id.</param>
    /// <param name="attempts">How many attempts to wait for.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The delivery at that point.</returns>
    public Task<EmulatedWebhookDelivery> WaitForWebhookAttemptsAsync(int deliveryId, int attempts, CancellationToken cancellationToken = default)
        => Webhooks.WaitForAttemptsAsync(deliveryId, attempts, cancellationToken);

    private void DisposeWebhooks() => _webhooks?.Dispose();
}
