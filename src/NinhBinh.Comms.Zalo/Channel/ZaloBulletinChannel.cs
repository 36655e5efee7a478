using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using NinhBinh.Comms.Internal;

namespace NinhBinh.Comms.Zalo;

/// <summary>
/// Publishes bulletins on a Zalo Official Account as consultation messages to the followers who interacted with the
/// OA within the last 7 days (the only ones Zalo lets an OA message freely), optionally only those with a tag.
/// </summary>
/// <remarks>
/// The outcome is <see cref="DeliveryStatus.Accepted"/> when at least one follower got the bulletin
/// (<see cref="DeliveryOutcome.ExternalId"/> reads "sent/recipients"), <see cref="DeliveryStatus.Rejected"/> when
/// nobody could be reached, and a transient failure when Zalo rate-limited every send. A grant that needs
/// re-authorization fails the delivery with <see cref="ZaloReauthorizationRequiredException"/>, and an app set up
/// wrongly (<c>-242</c>) with <see cref="ZaloConfigurationException"/>.
/// </remarks>
public sealed class ZaloBulletinChannel : IBulletinChannel
{
    private readonly ZaloOfficialAccountClient _client;
    private readonly string? _tag;
    private readonly int _maxConcurrency;

    /// <summary>Creates the channel.</summary>
    /// <param name="client">The OA to publish on.</param>
    /// <param name="tag">Only followers with this tag (for example a village, <c>thon-1</c>); all when <see langword="null"/>.</param>
    /// <param name="maxConcurrency">Sends in flight at once, 1–64; default 8.</param>
    public ZaloBulletinChannel(ZaloOfficialAccountClient client, string? tag = null, int maxConcurrency = 8)
    {
        _client = Guard.NotNull(client);
        if (tag is not null && (string.IsNullOrWhiteSpace(tag) || tag.Length > ZaloLimits.MaxTagLength))
        {
            throw new ArgumentException($"tag must be 1–{ZaloLimits.MaxTagLength} characters when given.", nameof(tag));
        }

        if (maxConcurrency is < 1 or > 64)
        {
            throw new ArgumentOutOfRangeException(nameof(maxConcurrency), maxConcurrency, "maxConcurrency must be between 1 and 64.");
        }

        _tag = tag;
        _maxConcurrency = maxConcurrency;
        Name = tag is null ? "zalo:" + client.OaId : "zalo:" + client.OaId + ":" + tag;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>The message text a bulletin becomes: a tier marker, the title, then the summary (or the body), at most 2,000 characters.</summary>
    /// <param name="bulletin">The bulletin.</param>
    /// <returns>The text.</returns>
    public static string FormatText(Bulletin bulletin)
    {
        Guard.NotNull(bulletin);
        var text = new StringBuilder();
        text.Append(bulletin.Priority switch
        {
            BulletinPriority.Emergency => "[KHẨN CẤP] ",
            BulletinPriority.Priority => "[ƯU TIÊN] ",
            _ => string.Empty,
        });
        text.Append(bulletin.Title).Append("\n\n").Append(bulletin.Summary ?? bulletin.Body);
        text.Append("\n\n— ").Append(bulletin.IssuingAgency);
        if (text.Length <= ZaloLimits.MaxTextLength)
        {
            return text.ToString();
        }

        return text.ToString(0, ZaloLimits.MaxTextLength - 1) + "…";
    }

    /// <inheritdoc />
    public async Task<DeliveryOutcome> DeliverAsync(Bulletin bulletin, CancellationToken cancellationToken = default)
    {
        var message = ZaloMessage.CreateText(FormatText(bulletin));
        var query = new ZaloFollowerQuery { Tag = _tag, LastInteraction = ZaloInteractionPeriod.Last7Days };
        var recipients = new List<string>();
        await foreach (var id in _client.GetFollowerIdsAsync(query, cancellationToken).ConfigureAwait(false))
        {
            recipients.Add(id);
        }

        if (recipients.Count == 0)
        {
            return DeliveryOutcome.Rejected(Name, _tag is null
                ? "No follower interacted with the OA in the last 7 days."
                : $"No follower tagged '{_tag}' interacted with the OA in the last 7 days.");
        }

        var failures = new ConcurrentBag<ZaloException>();
        var sent = 0;
        using var gate = new SemaphoreSlim(_maxConcurrency);
        var sends = recipients.Select(async userId =>
        {
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await _client.SendConsultationAsync(ZaloRecipient.User(userId), message, cancellationToken).ConfigureAwait(false);
                Interlocked.Increment(ref sent);
            }
            catch (ZaloException ex) when (ex is not (ZaloReauthorizationRequiredException or ZaloConfigurationException))
            {
                failures.Add(ex);
            }
            finally
            {
                gate.Release();
            }
        });
        await Task.WhenAll(sends).ConfigureAwait(false);

        var summary = string.Format(CultureInfo.InvariantCulture, "{0}/{1}", sent, recipients.Count);
        if (sent > 0)
        {
            return DeliveryOutcome.Accepted(Name, summary);
        }

        var first = failures.First();
        var reason = $"None of {recipients.Count} followers could be messaged; first error {first.ZaloCode} ({first.Meaning}).";
        return failures.All(f => f.IsTransient)
            ? DeliveryOutcome.TransientFailure(Name, reason, first.RetryAfter, first.ErrorCode, first)
            : DeliveryOutcome.Rejected(Name, reason, first.ErrorCode, first);
    }
}
