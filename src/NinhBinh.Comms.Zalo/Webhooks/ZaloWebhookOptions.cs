using System;
using System.Collections.Generic;

namespace NinhBinh.Comms.Zalo;

/// <summary>How webhook deliveries are verified: the app id and secret mixed into the signature, the replay window.</summary>
public sealed class ZaloWebhookOptions
{
    /// <summary>The configuration section: <c>Zalo:Webhook</c>.</summary>
    public const string SectionName = "Zalo:Webhook";

    /// <summary>The Zalo app id that signs the deliveries (usually <see cref="ZaloClientOptions.AppId"/>).</summary>
    public string? AppId { get; set; }

    /// <summary>The secret mixed into the signature (usually the OA secret key). Never logged.</summary>
    public string? Secret { get; set; }

    /// <summary>
    /// How old an event (its body's <c>timestamp</c>) may be; older deliveries are refused as replays. Default 3 hours:
    /// Zalo's last retry comes about 2 hours after the event (30 s, 5 min, 15 min, 30 min, 1 h), and a genuine retry
    /// must still be accepted (the dedupe store makes sure it is handled once).
    /// </summary>
    public TimeSpan ReplayWindow { get; set; } = TimeSpan.FromHours(3);

    /// <summary>How far in the future an event's timestamp may be (clock skew); default 5 minutes.</summary>
    public TimeSpan AllowedClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The largest body accepted, in bytes; default 1 MiB (Zalo's events are a few kilobytes).</summary>
    public int MaxBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// Builds the options from the client's settings: <see cref="ZaloClientOptions.AppId"/> and the secret named by
    /// <paramref name="secretSource"/> (the OA secret key by default).
    /// </summary>
    /// <param name="client">The client settings.</param>
    /// <param name="secretSource">Which secret signs the deliveries.</param>
    /// <returns>The options.</returns>
    public static ZaloWebhookOptions FromClientOptions(ZaloClientOptions client, ZaloWebhookSecretSource secretSource = ZaloWebhookSecretSource.OaSecretKey)
    {
        if (client is null)
        {
            throw new ArgumentNullException(nameof(client));
        }

        return new ZaloWebhookOptions
        {
            AppId = client.AppId,
            Secret = secretSource == ZaloWebhookSecretSource.AppSecret ? client.AppSecret : client.OaSecretKey,
        };
    }

    /// <summary>Checks the settings and returns every problem, each naming its setting.</summary>
    /// <returns>The problems; empty when the settings are usable.</returns>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(AppId))
        {
            problems.Add($"{SectionName}:{nameof(AppId)} (or Zalo:AppId) is required to verify webhooks.");
        }

        if (string.IsNullOrEmpty(Secret))
        {
            problems.Add($"{SectionName}:{nameof(Secret)} (or Zalo:OaSecretKey) is required to verify webhooks.");
        }

        if (ReplayWindow <= TimeSpan.Zero || ReplayWindow > TimeSpan.FromDays(7))
        {
            problems.Add($"{SectionName}:{nameof(ReplayWindow)} must be greater than zero and at most 7 days.");
        }

        if (AllowedClockSkew < TimeSpan.Zero || AllowedClockSkew > TimeSpan.FromHours(1))
        {
            problems.Add($"{SectionName}:{nameof(AllowedClockSkew)} must be between 0 and 1 hour.");
        }

        if (MaxBodyBytes < 1024 || MaxBodyBytes > 64 * 1024 * 1024)
        {
            problems.Add($"{SectionName}:{nameof(MaxBodyBytes)} must be between 1,024 and 67,108,864 bytes.");
        }

        return problems;
    }

    /// <summary>Describes the settings; the secret is shown only as set (<c>***</c>) or not.</summary>
    /// <returns>The description.</returns>
    public override string ToString()
        => $"{nameof(ZaloWebhookOptions)} {{ AppId = {AppId ?? "(not set)"}, Secret = {(string.IsNullOrEmpty(Secret) ? "(not set)" : "***")}, ReplayWindow = {ReplayWindow}, AllowedClockSkew = {AllowedClockSkew}, MaxBodyBytes = {MaxBodyBytes} }}";
}
