using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NinhBinh.Comms.Internal;

namespace NinhBinh.Comms.Zalo;

/// <content>
/// <see cref="ZaloBulletinMode.ArticleBroadcast"/>: the bulletin becomes one article, published and broadcast on the
/// OA of every targeted commune, each OA on its own: one OA's failure never stops the others.
/// </content>
public sealed partial class ZaloBulletinChannel
{
    private readonly ArticleSettings? _articles;

    /// <summary>
    /// Creates the channel in <see cref="ZaloBulletinMode.ArticleBroadcast"/> mode: for each bulletin, the OAs of the
    /// communes its target areas cover (<see cref="ZaloBulletinChannelOptions.CommuneOfficialAccounts"/>) each publish
    /// the bulletin as an article (<see cref="ZaloArticleRequest.FromBulletin"/>; created, then verified until
    /// published) and broadcast it to their followers (<see cref="ZaloBulletinChannelOptions.BroadcastTarget"/>).
    /// </summary>
    /// <remarks>
    /// <list type="bullet">
    /// <item>The outcome has one <see cref="TargetOutcome"/> per OA (<c>zalo:&lt;oa-id&gt;</c>, named after its
    /// communes): accepted ones say which article went out as which broadcast message, failed ones whether the article
    /// was published and only the broadcast failed, or nothing went out. <see cref="DeliveryOutcome.Recipients"/> counts
    /// OAs: Zalo does not say how many followers a broadcast reached.</item>
    /// <item>The article is built from the bulletin once, before any request: a bulletin that cannot be an article
    /// (no cover, a title of 150 characters or more) is rejected with nothing sent.</item>
    /// <item>Each OA that broadcast is recorded in the <see cref="Journal"/> (key: the OA id), so dispatching the same
    /// bulletin again publishes only on the OAs not reached yet; a broadcast whose outcome is unknown is never sent
    /// again automatically.</item>
    /// <item>Progress (in OAs) is reported after each OA and on every verify answer, so a long fan-out is not cut off
    /// by <see cref="BulletinDispatcher"/>'s idle timeout.</item>
    /// </list>
    /// </remarks>
    /// <param name="clients">The app's clients; every commune's OA must be authorized in its token store.</param>
    /// <param name="options">The settings (read once); <see cref="ZaloBulletinChannelOptions.Mode"/> must be <see cref="ZaloBulletinMode.ArticleBroadcast"/>.</param>
    /// <exception cref="ArgumentException">A setting is invalid, or the mode is not <see cref="ZaloBulletinMode.ArticleBroadcast"/>; the message names the setting.</exception>
    public ZaloBulletinChannel(IZaloClientFactory clients, ZaloBulletinChannelOptions options)
    {
        Guard.NotNull(clients);
        Guard.NotNull(options);
        options.Validate();
        if (options.Mode != ZaloBulletinMode.ArticleBroadcast)
        {
            throw new ArgumentException("Mode is ConsultationMessages: consultation messages go out on one OA; build the channel on that OA's client, or set Mode to ArticleBroadcast.", nameof(options));
        }

        _maxConcurrency = options.MaxConcurrency;
        _articles = new ArticleSettings(
            clients,
            options.CommuneOfficialAccounts.ToArray(),
            options.BroadcastTarget,
            options.ArticleCover,
            options.ArticleVerify,
            options.Registry ?? AdministrativeUnitRegistry.Default);
        Name = "zalo:articles";
        Journal = options.Journal ?? new InMemoryDeliveryJournal();
    }

    private async Task<DeliveryOutcome> DeliverArticlesAsync(ArticleSettings settings, Bulletin bulletin, IProgress<DeliveryCounts> progress, CancellationToken cancellationToken)
    {
        var time = settings.Clients.GetClient(settings.Communes[0].Value).Time;
        var accounts = settings.Resolve(bulletin.TargetAreas, time.GetVietnamToday());
        if (accounts.Count == 0)
        {
            return DeliveryOutcome.Rejected(Name, bulletin.TargetAreas.Count == 0
                ? "The bulletin names no target area, so no commune OA is reached."
                : $"None of the communes the bulletin targets ({string.Join(", ", bulletin.TargetAreas)}) has an OA in CommuneOfficialAccounts.").WithRecipients(default);
        }

        ZaloArticleRequest article;
        try
        {
            article = ZaloArticleRequest.FromBulletin(bulletin, settings.Cover);
        }
        catch (ArgumentException ex)
        {
            return DeliveryOutcome.Rejected(Name, "The bulletin cannot be published as a Zalo article, nothing was sent: " + ex.Message, "ARTICLE_INVALID").WithRecipients(default);
        }

        var journal = await Journal.ReadAsync(bulletin.Id, Name, cancellationToken).ConfigureAwait(false);
        var results = new TargetOutcome[accounts.Count];
        var toDo = new List<int>();
        int reachedBefore = 0, unknownBefore = 0;
        for (var i = 0; i < accounts.Count; i++)
        {
            var (oaId, communes) = accounts[i];
            if (journal.TryGetValue(oaId, out var state))
            {
                var delivered = state == DeliveryJournalState.Delivered;
                reachedBefore += delivered ? 1 : 0;
                unknownBefore += delivered ? 0 : 1;
                results[i] = delivered
                    ? new TargetOutcome("zalo:" + oaId, DeliveryStatus.Accepted, communes, "broadcast by an earlier dispatch")
                    : new TargetOutcome("zalo:" + oaId, DeliveryStatus.Rejected, communes,
                        "an earlier dispatch's broadcast may or may not have gone out (no answer came); not sent again automatically", "OUTCOME_UNKNOWN");
            }
            else
            {
                toDo.Add(i);
            }
        }

        var tally = new Tally(toDo.Count, reachedBefore, unknownBefore);
        progress.Report(tally.Snapshot());
        var alive = new KeepAlive(progress, tally);
        using var gate = new SemaphoreSlim(_maxConcurrency);
        await Task.WhenAll(toDo.Select(async i =>
        {
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var (oaId, communes) = accounts[i];
                results[i] = await PublishOnAsync(settings, bulletin, article, oaId, communes, alive, cancellationToken).ConfigureAwait(false);
                progress.Report(results[i].IsSuccess ? tally.Sent() : tally.Failed());
            }
            finally
            {
                gate.Release();
            }
        })).ConfigureAwait(false);

        // Counts in OAs: sent now, failed now, skipped (broadcast by an earlier dispatch), unknown (an earlier broadcast got no answer).
        return DeliveryOutcome.FromTargets(Name, results).WithRecipients(tally.Snapshot());
    }

    private async Task<TargetOutcome> PublishOnAsync(ArticleSettings settings, Bulletin bulletin, ZaloArticleRequest article, string oaId, string communes, KeepAlive alive, CancellationToken cancellationToken)
    {
        var target = "zalo:" + oaId;
        string? articleId = null;
        try
        {
            var client = settings.Clients.GetClient(oaId);
            articleId = await client.PublishArticleAsync(article, settings.Verify, alive, cancellationToken).ConfigureAwait(false);
            alive.Ping();
            var broadcast = await client.BroadcastArticleAsync(articleId, settings.Target, cancellationToken).ConfigureAwait(false);
            var recorded = await RecordAsync(bulletin.Id, oaId, DeliveryJournalState.Delivered).ConfigureAwait(false);
            var reason = $"article {articleId} broadcast as message {broadcast.MessageId}";
            return new TargetOutcome(target, DeliveryStatus.Accepted, communes, recorded ? reason : reason + "; the journal could not record it, so dispatching again would broadcast it again");
        }
        catch (ZaloOutcomeUnknownException ex)
        {
            if (articleId is null)
            {
                return new TargetOutcome(target, DeliveryStatus.TransientFailure, communes,
                    "nothing was broadcast: creating the article got no answer (Zalo may have created it): " + ex.Message, "OUTCOME_UNKNOWN");
            }

            await RecordAsync(bulletin.Id, oaId, DeliveryJournalState.OutcomeUnknown).ConfigureAwait(false);
            return new TargetOutcome(target, DeliveryStatus.Rejected, communes,
                $"article {articleId} was published, but its broadcast got no answer: it may or may not have gone out, and is not sent again automatically ({ex.Message})", "OUTCOME_UNKNOWN");
        }
        catch (ZaloException ex)
        {
            return new TargetOutcome(target, ex.IsTransient ? DeliveryStatus.TransientFailure : DeliveryStatus.Rejected, communes,
                articleId is null
                    ? "nothing went out: the article was not published: " + ex.Message
                    : $"article {articleId} was published on the OA but not broadcast: {ex.Message}",
                ex.ZaloCode != 0 ? ex.ZaloCode.ToString(CultureInfo.InvariantCulture) : null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // No OA's failure stops the others: anything unexpected is this OA's outcome.
            return new TargetOutcome(target, DeliveryStatus.Faulted, communes,
                (articleId is null ? "nothing went out: " : $"article {articleId} was published but not broadcast: ") + ex.GetType().Name + ": " + ex.Message);
        }
    }

    /// <summary>Records an OA in the journal even when the delivery is being cancelled; false when the journal failed.</summary>
    private async Task<bool> RecordAsync(string bulletinId, string oaId, DeliveryJournalState state)
    {
        try
        {
            await Journal.RecordAsync(bulletinId, Name, oaId, state, CancellationToken.None).ConfigureAwait(false);
            return true;
        }
#pragma warning disable CA1031 // A journal failure must not hide that the broadcast went out: the target's reason says so.
        catch (Exception)
#pragma warning restore CA1031
        {
            return false;
        }
    }

    /// <summary>The article-broadcast settings, read once.</summary>
    private sealed class ArticleSettings(
        IZaloClientFactory clients,
        KeyValuePair<string, string>[] communes,
        ZaloBroadcastTarget? target,
        Uri? cover,
        ZaloArticleVerifyOptions? verify,
        AdministrativeUnitRegistry registry)
    {
        public IZaloClientFactory Clients { get; } = clients;

        public KeyValuePair<string, string>[] Communes { get; } = communes;

        public ZaloBroadcastTarget? Target { get; } = target;

        public Uri? Cover { get; } = cover;

        public ZaloArticleVerifyOptions? Verify { get; } = verify;

        /// <summary>The OAs of the communes <paramref name="areas"/> cover on <paramref name="date"/>, each once with its communes' names, in the map's order.</summary>
        public List<(string OaId, string Communes)> Resolve(IEnumerable<string> areas, DateTime date)
        {
            var covered = new HashSet<string>(registry.ResolveCommunes(areas, date).Select(c => c.Code), StringComparer.Ordinal);
            var found = new List<(string OaId, List<string> Names)>();
            foreach (var pair in Communes)
            {
                if (!registry.TryResolve(pair.Key.Trim(), date, out var units))
                {
                    continue;
                }

                var names = units.Where(u => covered.Contains(u.Code)).Select(u => u.Name).ToList();
                if (names.Count == 0)
                {
                    continue;
                }

                var index = found.FindIndex(f => string.Equals(f.OaId, pair.Value, StringComparison.Ordinal));
                if (index < 0)
                {
                    found.Add((pair.Value, names));
                }
                else
                {
                    found[index].Names.AddRange(names.Where(n => !found[index].Names.Contains(n)));
                }
            }

            return found.Select(f => (f.OaId, string.Join(", ", f.Names))).ToList();
        }
    }

    /// <summary>Each verify answer of any OA shows the fan-out is alive: the current counts are reported again.</summary>
    private sealed class KeepAlive(IProgress<DeliveryCounts> progress, Tally tally) : IProgress<ZaloArticleProgress>
    {
        public void Report(ZaloArticleProgress value) => Ping();

        public void Ping() => progress.Report(tally.Snapshot());
    }
}
