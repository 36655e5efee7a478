using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using NinhBinh.Comms.Internal;

namespace NinhBinh.Comms.Zalo;

/// <summary>
/// Publishes bulletins on Zalo, in one of two modes (<see cref="ZaloBulletinChannelOptions.Mode"/>): as an article
/// broadcast on the OA of every targeted commune (<see cref="ZaloBulletinMode.ArticleBroadcast"/>, built on the app's
/// <see cref="IZaloClientFactory"/>; see <see cref="ZaloBulletinChannel(IZaloClientFactory, ZaloBulletinChannelOptions)"/>),
/// or, by default, on one Official Account as consultation messages to the followers who interacted with the
/// OA within the last 7 days (the only ones Zalo lets an OA message freely), optionally only those with a tag. Safe to
/// retry: dispatching the same bulletin again reaches only the followers not reached yet.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Recipients are listed once and de-duplicated. When more than 10,000 followers match (Zalo's
/// <c>user/getlist</c> cannot page past offset 9,951), the listing is partitioned by day of last interaction; a day
/// that alone has more than 10,000 is listed up to the limit and the rest are counted as skipped, with the reason.</item>
/// <item>Each follower Zalo accepted the message for is recorded in the <see cref="Journal"/> (keyed by bulletin id,
/// channel name and user id) before being counted; a send whose outcome is unknown
/// (<see cref="ZaloOutcomeUnknownException"/>) is recorded as <see cref="DeliveryJournalState.OutcomeUnknown"/>,
/// counted as unknown and never sent again automatically.</item>
/// <item>The outcome carries the counts (<see cref="DeliveryOutcome.Recipients"/>): <see cref="DeliveryStatus.Accepted"/>
/// when every listed follower has been reached (now or by an earlier dispatch), <see cref="DeliveryStatus.PartiallyDelivered"/>
/// when some have and some have not, <see cref="DeliveryStatus.TransientFailure"/> when nobody has and every failure
/// was transient, <see cref="DeliveryStatus.Rejected"/> otherwise (and when nobody is within the window). A grant that
/// needs re-authorization fails the delivery with <see cref="ZaloReauthorizationRequiredException"/>, and an app set up
/// wrongly (<c>-242</c>) with <see cref="ZaloConfigurationException"/>.</item>
/// <item>It is a <see cref="IFanOutChannel"/>: it reports progress after every listed page and every send, so
/// <see cref="BulletinDispatcher"/> does not cut a long fan-out off at the timeout meant for one request.</item>
/// </list>
/// </remarks>
public sealed partial class ZaloBulletinChannel : IFanOutChannel
{
    private const int PageSize = ZaloLimits.MaxFollowerPageSize;
    private static readonly IProgress<DeliveryCounts> NoProgress = new NullProgress();
    private readonly ZaloOfficialAccountClient _client = null!;
    private readonly string? _tag;
    private readonly int _maxConcurrency;

    /// <summary>Creates the channel.</summary>
    /// <param name="client">The OA to publish on.</param>
    /// <param name="tag">Only followers with this tag (for example a village, <c>thon-1</c>); all when <see langword="null"/>.</param>
    /// <param name="maxConcurrency">Sends in flight at once, 1–64; default 8.</param>
    public ZaloBulletinChannel(ZaloOfficialAccountClient client, string? tag = null, int maxConcurrency = 8)
        : this(client, CheckArguments(tag, maxConcurrency))
    {
    }

    /// <summary>Creates the channel with settings.</summary>
    /// <param name="client">The OA to publish on.</param>
    /// <param name="options">The settings (read once).</param>
    /// <exception cref="ArgumentException">A setting is invalid; the message names it and the limit.</exception>
    public ZaloBulletinChannel(ZaloOfficialAccountClient client, ZaloBulletinChannelOptions options)
    {
        _client = Guard.NotNull(client);
        Guard.NotNull(options);
        options.Validate();
        if (options.Mode != ZaloBulletinMode.ConsultationMessages)
        {
            throw new ArgumentException("Mode is ArticleBroadcast: an article broadcast reaches the OAs of many communes; build the channel on the app's IZaloClientFactory.", nameof(options));
        }

        _tag = options.Tag;
        _maxConcurrency = options.MaxConcurrency;
        Name = _tag is null ? "zalo:" + client.OaId : "zalo:" + client.OaId + ":" + _tag;
        Journal = options.Journal ?? (string.IsNullOrWhiteSpace(client.TokenStorePath)
            ? new InMemoryDeliveryJournal()
            : new FileDeliveryJournal(Path.Combine(client.TokenStorePath!, "journal", client.OaId), client.Time));
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>Where the followers already reached are recorded (see <see cref="ZaloBulletinChannelOptions.Journal"/>).</summary>
    public IDeliveryJournal Journal { get; }

    /// <summary>The highest offset the listing asks for (Zalo: 9,951); lower in tests, to partition small follower sets.</summary>
    internal int MaxListOffset { get; set; } = ZaloLimits.MaxFollowerOffset;

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
    public Task<DeliveryOutcome> DeliverAsync(Bulletin bulletin, CancellationToken cancellationToken = default)
        => DeliverAsync(bulletin, NoProgress, cancellationToken);

    /// <inheritdoc />
    public async Task<DeliveryOutcome> DeliverAsync(Bulletin bulletin, IProgress<DeliveryCounts> progress, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(bulletin);
        Guard.NotNull(progress);
        if (_articles is not null)
        {
            return await DeliverArticlesAsync(_articles, bulletin, progress, cancellationToken).ConfigureAwait(false);
        }
        var message = ZaloMessage.CreateText(FormatText(bulletin));
        var journal = await Journal.ReadAsync(bulletin.Id, Name, cancellationToken).ConfigureAwait(false);
        var listing = await ListAsync(progress, cancellationToken).ConfigureAwait(false);
        if (listing.Ids.Count == 0 && listing.Unlisted == 0)
        {
            return DeliveryOutcome.Rejected(Name, _tag is null
                ? "No follower interacted with the OA in the last 7 days."
                : $"No follower tagged '{_tag}' interacted with the OA in the last 7 days.").WithRecipients(default);
        }

        var toSend = new List<string>(listing.Ids.Count);
        int reachedBefore = 0, unknownBefore = 0;
        foreach (var id in listing.Ids)
        {
            if (!journal.TryGetValue(id, out var state))
            {
                toSend.Add(id);
            }
            else if (state == DeliveryJournalState.Delivered)
            {
                reachedBefore++;
            }
            else
            {
                unknownBefore++;
            }
        }

        var tally = new Tally(toSend.Count, reachedBefore + listing.Duplicates + listing.Unlisted, unknownBefore);
        progress.Report(tally.Snapshot());
        var failures = new ConcurrentQueue<ZaloException>();
        Exception? journalFailure = null;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var gate = new SemaphoreSlim(_maxConcurrency);
        var sends = toSend.Select(async userId =>
        {
            await gate.WaitAsync(stop.Token).ConfigureAwait(false);
            try
            {
                var state = DeliveryJournalState.Delivered;
                try
                {
                    await _client.SendConsultationAsync(ZaloRecipient.User(userId), message, stop.Token).ConfigureAwait(false);
                }
                catch (ZaloOutcomeUnknownException ex)
                {
                    failures.Enqueue(ex);
                    state = DeliveryJournalState.OutcomeUnknown;
                }
                catch (ZaloException ex) when (ex is not (ZaloReauthorizationRequiredException or ZaloConfigurationException))
                {
                    failures.Enqueue(ex);
                    progress.Report(tally.Failed());
                    return;
                }

                try
                {
                    // Zalo has the message (or may have it): record it even if the delivery is being cancelled.
                    await Journal.RecordAsync(bulletin.Id, Name, userId, state, CancellationToken.None).ConfigureAwait(false);
                }
#pragma warning disable CA1031 // Any journal failure stops the fan-out: sending on unrecorded would risk sending twice on retry.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    Interlocked.CompareExchange(ref journalFailure, ex, null);
                    stop.Cancel();
                }

                progress.Report(state == DeliveryJournalState.Delivered ? tally.Sent() : tally.Unknown());
            }
            finally
            {
                gate.Release();
            }
        }).ToList();

        try
        {
            await Task.WhenAll(sends).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (journalFailure is not null && !cancellationToken.IsCancellationRequested)
        {
        }

        if (journalFailure is not null)
        {
            throw new IOException(
                $"The delivery journal could not record a sent message ({journalFailure.Message}); channel {Name} stopped after {tally.Snapshot()} so that dispatching again does not send twice.",
                journalFailure);
        }

        return Outcome(tally.Snapshot(), listing, reachedBefore, failures.ToArray());
    }

    private DeliveryOutcome Outcome(DeliveryCounts counts, Listing listing, int reachedBefore, ZaloException[] failures)
    {
        var notReached = counts.Failed + counts.Unknown + listing.Unlisted;
        if (notReached == 0)
        {
            return DeliveryOutcome.Accepted(Name).WithRecipients(counts);
        }

        var reached = counts.Sent + reachedBefore;
        var parts = new List<string>();
        var firstFailure = failures.FirstOrDefault(f => f is not ZaloOutcomeUnknownException);
        if (counts.Failed > 0 && firstFailure is not null)
        {
            parts.Add(string.Format(CultureInfo.InvariantCulture, "{0} could not be messaged (first error {1}: {2})", counts.Failed, firstFailure.ZaloCode, firstFailure.Meaning));
        }

        if (counts.Unknown > 0)
        {
            parts.Add(string.Format(CultureInfo.InvariantCulture,
                "{0} may or may not have received it (the send reached Zalo but no answer came back); they are not sent it again automatically", counts.Unknown));
        }

        parts.AddRange(listing.Notes);
        var detail = string.Join("; ", parts) + ".";
        var first = firstFailure ?? failures.FirstOrDefault();
        var total = listing.Ids.Count + listing.Unlisted;
        if (reached > 0)
        {
            var reason = string.Format(CultureInfo.InvariantCulture, "{0} of {1} followers reached{2}; ", reached, total,
                reachedBefore > 0 ? $" ({reachedBefore} by an earlier dispatch)" : string.Empty) + detail;
            return DeliveryOutcome.PartiallyDelivered(Name, counts, reason, first?.ErrorCode, first?.RetryAfter, first);
        }

        var none = string.Format(CultureInfo.InvariantCulture, "None of {0} followers could be reached: ", total) + detail;
        return counts.Unknown == 0 && counts.Failed > 0 && failures.All(f => f.IsTransient)
            ? DeliveryOutcome.TransientFailure(Name, none, first?.RetryAfter, first?.ErrorCode, first).WithRecipients(counts)
            : DeliveryOutcome.Rejected(Name, none, first?.ErrorCode, first).WithRecipients(counts);
    }

    private async Task<Listing> ListAsync(IProgress<DeliveryCounts> progress, CancellationToken cancellationToken)
    {
        var listing = new Listing();
        var all = new ZaloFollowerQuery { Tag = _tag, LastInteraction = ZaloInteractionPeriod.Last7Days };
        var first = await _client.GetFollowerPageAsync(0, PageSize, all, cancellationToken).ConfigureAwait(false);
        if (first.Total <= MaxListOffset + PageSize)
        {
            await ListQueryAsync(all, first, null, listing, progress, cancellationToken).ConfigureAwait(false);
            return listing;
        }

        // More than user/getlist can page through: one query per day of last interaction (L7D = today and the 6 days before).
        var today = _client.Time.GetVietnamToday();
        for (var day = 0; day < 7; day++)
        {
            var date = today.AddDays(-day);
            var query = new ZaloFollowerQuery { Tag = _tag, LastInteraction = ZaloInteractionPeriod.Between(date, date) };
            var page = await _client.GetFollowerPageAsync(0, PageSize, query, cancellationToken).ConfigureAwait(false);
            await ListQueryAsync(query, page, date, listing, progress, cancellationToken).ConfigureAwait(false);
        }

        return listing;
    }

    private async Task ListQueryAsync(ZaloFollowerQuery query, ZaloFollowerPage page, DateTime? day, Listing listing, IProgress<DeliveryCounts> progress, CancellationToken cancellationToken)
    {
        var offset = 0;
        while (true)
        {
            foreach (var id in page.UserIds)
            {
                listing.Add(id);
            }

            offset += page.UserIds.Count;
            progress.Report(new DeliveryCounts(0, 0, skipped: listing.Duplicates, pending: listing.Ids.Count));
            if (page.UserIds.Count == 0 || offset >= page.Total)
            {
                return;
            }

            if (offset > MaxListOffset)
            {
                var rest = page.Total - offset;
                listing.Unlisted += rest;
                listing.Notes.Add(string.Format(CultureInfo.InvariantCulture,
                    "{0} followers who last interacted {1} were not listed, because Zalo's user/getlist stops at offset {2} (tag followers, for example by village, to reach them all)",
                    rest, day is { } d ? "on " + d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "in the last 7 days", MaxListOffset));
                return;
            }

            page = await _client.GetFollowerPageAsync(offset, PageSize, query, cancellationToken).ConfigureAwait(false);
        }
    }

    private static ZaloBulletinChannelOptions CheckArguments(string? tag, int maxConcurrency)
    {
        if (tag is not null && (string.IsNullOrWhiteSpace(tag) || tag.Length > ZaloLimits.MaxTagLength))
        {
            throw new ArgumentException($"tag must be 1–{ZaloLimits.MaxTagLength} characters when given.", nameof(tag));
        }

        if (maxConcurrency is < 1 or > 64)
        {
            throw new ArgumentOutOfRangeException(nameof(maxConcurrency), maxConcurrency, "maxConcurrency must be between 1 and 64.");
        }

        return new ZaloBulletinChannelOptions { Tag = tag, MaxConcurrency = maxConcurrency };
    }

    /// <summary>The recipients listed for one delivery, without duplicates, in listing order.</summary>
    private sealed class Listing
    {
        private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

        public List<string> Ids { get; } = new();

        public int Duplicates { get; private set; }

        public int Unlisted { get; set; }

        public List<string> Notes { get; } = new();

        public void Add(string id)
        {
            if (_seen.Add(id))
            {
                Ids.Add(id);
            }
            else
            {
                Duplicates++;
            }
        }
    }

    /// <summary>The counts of one delivery, updated by concurrent sends.</summary>
    private sealed class Tally
    {
        private readonly object _gate = new();
        private readonly int _skipped;
        private int _sent;
        private int _failed;
        private int _unknown;
        private int _pending;

        public Tally(int pending, int skipped, int unknown)
        {
            _pending = pending;
            _skipped = skipped;
            _unknown = unknown;
        }

        public DeliveryCounts Sent() => Update(ref _sent);

        public DeliveryCounts Failed() => Update(ref _failed);

        public DeliveryCounts Unknown() => Update(ref _unknown);

        public DeliveryCounts Snapshot()
        {
            lock (_gate)
            {
                return new DeliveryCounts(_sent, _failed, _skipped, _unknown, _pending);
            }
        }

        private DeliveryCounts Update(ref int counter)
        {
            lock (_gate)
            {
                counter++;
                _pending--;
                return new DeliveryCounts(_sent, _failed, _skipped, _unknown, _pending);
            }
        }
    }

    private sealed class NullProgress : IProgress<DeliveryCounts>
    {
        public void Report(DeliveryCounts value)
        {
        }
    }
}
