using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using NinhBinh.Comms.Emulator;
using NSubstitute;

namespace NinhBinh.Comms.Zalo.IntegrationTests;

/// <summary>The Zalo bulletin channel as a fan-out that is safe to retry, against the emulator over loopback.</summary>
public sealed class ZaloFanOutTests : IDisposable
{
    private const string SendPath = "/v3.0/oa/message/cs";
    private static readonly DateTimeOffset Morning = new(2026, 11, 26, 9, 0, 0, TimeSpan.FromHours(7));
    private readonly List<string> _folders = new();

    public void Dispose()
    {
        foreach (var folder in _folders)
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static Bulletin Emergency(string id = "canh-bao-mua-lon-2611") => Bulletin.CreateBuilder()
        .WithId(id)
        .WithTitle("Cảnh báo mưa lớn")
        .WithSummary("Không ra đồng chiều nay.")
        .WithBody("Ban Chỉ huy phòng thủ dân sự xã thông báo…")
        .WithIssuingAgency("UBND xã Gia Viễn")
        .WithPriority(BulletinPriority.Emergency)
        .Build();

    private static string User(int i) => (8_451_000_000_000_000_000L + i).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static void AddFollowers(ZaloEmulator emulator, int count, DateTimeOffset lastInteraction, int first = 1)
    {
        for (var i = first; i < first + count; i++)
        {
            emulator.AddFollower(Harness.Oa, User(i), lastInteraction: lastInteraction);
        }
    }

    private static async Task<(ZaloEmulator Emulator, ZaloClientFactory Factory)> StartAsync(TimeProvider time, Action<ZaloClientOptions>? configure = null, int rateLimit = 4000)
    {
        var emulator = await Harness.StartAsync(time, rateLimit);
        var store = new InMemoryZaloTokenStore();
        await Harness.SeedGrantAsync(emulator, store, time.GetUtcNow());
        return (emulator, new ZaloClientFactory(Harness.Options(emulator, configure), store, time));
    }

    [Fact]
    public async Task A_partial_failure_is_reported_as_partial_and_a_second_dispatch_reaches_only_the_rest()
    {
        var time = new FakeTimeProvider(Morning);
        var (emulator, factory) = await StartAsync(time);
        await using var _ = emulator;
        using var __ = factory;
        AddFollowers(emulator, 6, Morning.AddDays(-1));
        var channel = new ZaloBulletinChannel(factory.GetClient(Harness.Oa));
        var dispatcher = new BulletinDispatcher(new[] { channel }, timeProvider: time);
        emulator.FailNext(SendPath, -230, times: 2);

        var first = (await dispatcher.DispatchAsync(Emergency()))[channel.Name];

        Assert.Equal(DeliveryStatus.PartiallyDelivered, first.Status);
        Assert.False(first.IsSuccess);
        Assert.Equal(new DeliveryCounts(sent: 4, failed: 2), first.Recipients);
        Assert.Equal("-230", first.ErrorCode);
        Assert.StartsWith("4 of 6 followers reached; 2 could not be messaged (first error -230", first.Reason);
        Assert.Equal(4, emulator.GetSentMessages(Harness.Oa).Count);

        var second = (await dispatcher.DispatchAsync(Emergency()))[channel.Name];

        Assert.Equal(DeliveryStatus.Accepted, second.Status);
        Assert.Equal(new DeliveryCounts(sent: 2, failed: 0, skipped: 4), second.Recipients);
        var sent = emulator.GetSentMessages(Harness.Oa);
        Assert.Equal(6, sent.Count);
        Assert.Equal(6, sent.Select(m => m.UserId).Distinct().Count()); // nobody got it twice

        var third = (await dispatcher.DispatchAsync(Emergency()))[channel.Name];
        Assert.Equal(DeliveryStatus.Accepted, third.Status);
        Assert.Equal(new DeliveryCounts(sent: 0, failed: 0, skipped: 6), third.Recipients);
        Assert.Equal(6, emulator.GetSentMessages(Harness.Oa).Count);
    }

    [Fact]
    public async Task Nobody_reached_with_transient_failures_only_is_a_transient_failure_with_counts()
    {
        var time = new FakeTimeProvider(Morning);
        var (emulator, factory) = await StartAsync(time, o => o.Retry.Enabled = false);
        await using var _ = emulator;
        using var __ = factory;
        AddFollowers(emulator, 3, Morning.AddHours(-2));
        emulator.FailNext(SendPath, -32, times: 3);

        var outcome = await new ZaloBulletinChannel(factory.GetClient(Harness.Oa)).DeliverAsync(Emergency());

        Assert.Equal(DeliveryStatus.TransientFailure, outcome.Status);
        Assert.Equal(new DeliveryCounts(sent: 0, failed: 3), outcome.Recipients);
        Assert.StartsWith("None of 3 followers could be reached: 3 could not be messaged (first error -32", outcome.Reason);
    }

    [Fact]
    public async Task The_channel_reports_progress_as_it_goes()
    {
        var time = new FakeTimeProvider(Morning);
        var (emulator, factory) = await StartAsync(time);
        await using var _ = emulator;
        using var __ = factory;
        AddFollowers(emulator, 120, Morning.AddDays(-2));
        emulator.FailNext(SendPath, -230, times: 1);
        var reports = new ConcurrentQueue<DeliveryCounts>();

        var outcome = await new ZaloBulletinChannel(factory.GetClient(Harness.Oa), maxConcurrency: 4)
            .DeliverAsync(Emergency(), new RecordingProgress(reports));

        var all = reports.ToArray();
        Assert.Equal(new DeliveryCounts(sent: 119, failed: 1), outcome.Recipients);
        Assert.Equal(new DeliveryCounts(0, 0, pending: 50), all[0]); // the first page listed
        Assert.Contains(new DeliveryCounts(0, 0, pending: 120), all); // listing done, nothing sent yet
        Assert.True(all.Length >= 3 + 120, $"{all.Length} reports");
        Assert.Equal(120, all.Count(r => r.Total == 120 && r.Pending < 120)); // one report per send
        Assert.Contains(outcome.Recipients!.Value, all);
    }

    [Fact]
    public async Task Recipients_listed_twice_are_messaged_once()
    {
        // Unit isolation: Zalo's offset paging repeats a user when the list shifts between two pages; the emulator's does not.
        var client = Substitute.For<ZaloOfficialAccountClient>();
        client.OaId.Returns(Harness.Oa);
        client.GetFollowerPageAsync(0, 50, Arg.Any<ZaloFollowerQuery?>(), Arg.Any<CancellationToken>())
            .Returns(new ZaloFollowerPage(53, 0, Enumerable.Range(1, 50).Select(User).ToArray()));
        client.GetFollowerPageAsync(50, 50, Arg.Any<ZaloFollowerQuery?>(), Arg.Any<CancellationToken>())
            .Returns(new ZaloFollowerPage(53, 50, new[] { User(50), User(51), User(50) }));
        var sent = new ConcurrentBag<string>();
        client.SendConsultationAsync(Arg.Any<ZaloRecipient>(), Arg.Any<ZaloMessage>(), Arg.Any<CancellationToken>())
            .Returns(call =>
            {
                sent.Add(call.Arg<ZaloRecipient>().UserId!);
                return new ZaloMessageResult("m" + sent.Count, call.Arg<ZaloRecipient>().UserId);
            });

        var outcome = await new ZaloBulletinChannel(client).DeliverAsync(Emergency());

        Assert.Equal(DeliveryStatus.Accepted, outcome.Status);
        Assert.Equal(new DeliveryCounts(sent: 51, failed: 0, skipped: 2), outcome.Recipients);
        Assert.Equal(51, sent.Count);
        Assert.Equal(51, sent.Distinct().Count());
    }

    [Fact]
    public async Task A_send_with_an_unknown_outcome_is_counted_as_unknown_recorded_and_never_sent_again()
    {
        // Real time: the emulator really holds the answer past the client's 500 ms request timeout.
        var (emulator, factory) = await StartAsync(TimeProvider.System, o => o.RequestTimeout = TimeSpan.FromMilliseconds(500));
        await using var _ = emulator;
        using var __ = factory;
        AddFollowers(emulator, 3, DateTimeOffset.UtcNow.AddHours(-1));
        var journal = new InMemoryDeliveryJournal();
        var channel = new ZaloBulletinChannel(factory.GetClient(Harness.Oa), new ZaloBulletinChannelOptions { Journal = journal, MaxConcurrency = 1 });
        emulator.DelayNext(SendPath, TimeSpan.FromSeconds(3));

        var first = await channel.DeliverAsync(Emergency());

        Assert.Equal(DeliveryStatus.PartiallyDelivered, first.Status);
        Assert.Equal(new DeliveryCounts(sent: 2, failed: 0, unknown: 1), first.Recipients);
        Assert.Contains("1 may or may not have received it", first.Reason);
        Assert.Contains("not sent it again automatically", first.Reason);
        var entries = await journal.ReadAsync(Emergency().Id, channel.Name);
        Assert.Equal(1, entries.Values.Count(s => s == DeliveryJournalState.OutcomeUnknown));
        Assert.Equal(2, entries.Values.Count(s => s == DeliveryJournalState.Delivered));

        var second = await channel.DeliverAsync(Emergency());

        Assert.Equal(DeliveryStatus.PartiallyDelivered, second.Status);
        Assert.Equal(new DeliveryCounts(sent: 0, failed: 0, skipped: 2, unknown: 1), second.Recipients);
        Assert.Equal(3, emulator.GetSentMessages(Harness.Oa).Count); // the emulator applied the delayed send once; nobody twice
    }

    [Fact]
    public async Task The_file_journal_in_the_token_folder_survives_a_new_channel_and_a_torn_line()
    {
        var folder = Harness.TempDirectory();
        _folders.Add(folder);
        var time = new FakeTimeProvider(Morning);
        await using var emulator = await Harness.StartAsync(time);
        AddFollowers(emulator, 5, Morning.AddDays(-3));
        var store = new FileZaloTokenStore(folder);
        await Harness.SeedGrantAsync(emulator, store, time.GetUtcNow());
        var bulletin = Emergency("ban-tin:2611");
        string journalFile;

        using (var factory = new ZaloClientFactory(Harness.Options(emulator, o => o.TokenStorePath = folder), timeProvider: time))
        {
            var channel = new ZaloBulletinChannel(factory.GetClient(Harness.Oa));
            var journal = Assert.IsType<FileDeliveryJournal>(channel.Journal);
            Assert.Equal(Path.Combine(folder, "journal", Harness.Oa), journal.Directory);
            emulator.FailNext(SendPath, -230, times: 2);

            var first = await channel.DeliverAsync(bulletin);

            Assert.Equal(new DeliveryCounts(sent: 3, failed: 2), first.Recipients);
            journalFile = journal.GetPath(bulletin.Id);
            Assert.Equal("ban-tin%3A2611.log", Path.GetFileName(journalFile));
            Assert.Equal(3, File.ReadAllLines(journalFile).Length);
        }

        // A process died in the middle of a line: the fragment is ignored and the next record starts on a new line.
        var reached = File.ReadAllLines(journalFile).Select(l => l.Split('\t')[3]).ToHashSet();
        var fragment = Enumerable.Range(1, 5).Select(User).First(u => !reached.Contains(u)).Remove(7);
        File.AppendAllText(journalFile, "D\t2026-11-26T02:00:01.000Z\tzalo:" + Harness.Oa + "\t" + fragment);

        using (var factory = new ZaloClientFactory(Harness.Options(emulator, o => o.TokenStorePath = folder), timeProvider: time))
        {
            var channel = new ZaloBulletinChannel(factory.GetClient(Harness.Oa));

            var second = await channel.DeliverAsync(bulletin);

            Assert.Equal(DeliveryStatus.Accepted, second.Status);
            Assert.Equal(new DeliveryCounts(sent: 2, failed: 0, skipped: 3), second.Recipients);
        }

        var lines = File.ReadAllLines(journalFile);
        Assert.Equal(6, lines.Length); // 3 + the torn fragment + 2
        Assert.Equal(fragment, lines[3].Split('\t')[3]);
        Assert.All(lines.Where((_, i) => i != 3), l => Assert.Matches(@"^D\t2026-11-26T02:00:00\.000Z\tzalo:oa-giavien\t\d{19}$", l));
        Assert.Equal(5, emulator.GetSentMessages(Harness.Oa).Select(m => m.UserId).Distinct().Count());
        Assert.Equal(5, emulator.GetSentMessages(Harness.Oa).Count);
    }

    [Fact]
    public async Task The_file_journal_is_shared_by_journals_on_the_same_folder()
    {
        var folder = Harness.TempDirectory();
        _folders.Add(folder);
        var a = new FileDeliveryJournal(folder);
        var b = new FileDeliveryJournal(folder);

        await Task.WhenAll(Enumerable.Range(0, 200).Select(i =>
            (i % 2 == 0 ? a : b).RecordAsync("b-1", "zalo:oa", "u" + i, i % 10 == 0 ? DeliveryJournalState.OutcomeUnknown : DeliveryJournalState.Delivered)));
        await a.RecordAsync("b-1", "zalo:oa", "u0", DeliveryJournalState.Delivered);
        await a.RecordAsync("b-1", "zalo:oa:thon-1", "u1", DeliveryJournalState.Delivered);

        var entries = await new FileDeliveryJournal(folder).ReadAsync("b-1", "zalo:oa");

        Assert.Equal(200, entries.Count);
        Assert.Equal(DeliveryJournalState.Delivered, entries["u0"]); // delivered wins over an earlier unknown
        Assert.Equal(19, entries.Values.Count(s => s == DeliveryJournalState.OutcomeUnknown));
        Assert.Single(await a.ReadAsync("b-1", "zalo:oa:thon-1"));
        Assert.Empty(await a.ReadAsync("b-2", "zalo:oa"));
        Assert.Equal("recipient", (await Assert.ThrowsAsync<ArgumentException>(() => a.RecordAsync("b-1", "zalo:oa", "u\n1", DeliveryJournalState.Delivered))).ParamName);
        Assert.Equal("channel", (await Assert.ThrowsAsync<ArgumentException>(() => a.ReadAsync("b-1", "zalo\toa"))).ParamName);
    }

    [Fact]
    public async Task Past_the_listing_limit_followers_are_listed_day_by_day_and_an_oversized_day_is_reported_as_skipped()
    {
        var time = new FakeTimeProvider(Morning);
        var (emulator, factory) = await StartAsync(time);
        await using var _ = emulator;
        using var __ = factory;
        // Listing limit lowered to offset 100 (150 per query); Zalo's is offset 9,951 (10,001 per query).
        AddFollowers(emulator, 180, Morning.AddHours(-1));                 // today: 30 more than one query lists
        for (var day = 1; day <= 6; day++)
        {
            AddFollowers(emulator, 40, Morning.AddDays(-day), first: 1000 + (day * 100));
        }

        AddFollowers(emulator, 25, Morning.AddDays(-9), first: 5000);      // outside the 7 days: never messaged
        var channel = new ZaloBulletinChannel(factory.GetClient(Harness.Oa)) { MaxListOffset = 100 };

        var outcome = await channel.DeliverAsync(Emergency());

        Assert.Equal(DeliveryStatus.PartiallyDelivered, outcome.Status);
        Assert.Equal(new DeliveryCounts(sent: 150 + 240, failed: 0, skipped: 30), outcome.Recipients);
        Assert.Contains("30 followers who last interacted on 2026-11-26 were not listed, because Zalo's user/getlist stops at offset 100", outcome.Reason);
        var sent = emulator.GetSentMessages(Harness.Oa);
        Assert.Equal(390, sent.Select(m => m.UserId).Distinct().Count());
        Assert.DoesNotContain(sent, m => string.CompareOrdinal(m.UserId, User(5000)) >= 0);
    }

    [Fact]
    public async Task More_than_ten_thousand_followers_are_all_reached()
    {
        var time = new FakeTimeProvider(Morning);
        var (emulator, factory) = await StartAsync(time, o => o.RequestsPerMinute = 0, rateLimit: 1_000_000);
        await using var _ = emulator;
        using var __ = factory;
        for (var day = 0; day < 7; day++)
        {
            AddFollowers(emulator, 1_500, Morning.AddHours(-1 - (24 * day)), first: 1 + (day * 1_500));
        }

        var oa = factory.GetClient(Harness.Oa);
        await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (var id in oa.GetFollowerIdsAsync(new ZaloFollowerQuery { LastInteraction = ZaloInteractionPeriod.Last7Days }))
            {
            }
        });
        var watch = Stopwatch.StartNew();

        var outcome = await new ZaloBulletinChannel(oa, maxConcurrency: 16).DeliverAsync(Emergency());

        Assert.Equal(DeliveryStatus.Accepted, outcome.Status);
        Assert.Equal(new DeliveryCounts(sent: 10_500, failed: 0), outcome.Recipients);
        Assert.Equal(10_500, emulator.GetSentMessages(Harness.Oa).Select(m => m.UserId).Distinct().Count());
        Assert.True(watch.Elapsed < TimeSpan.FromMinutes(2), $"took {watch.Elapsed}");
    }

    private sealed class RecordingProgress(ConcurrentQueue<DeliveryCounts> reports) : IProgress<DeliveryCounts>
    {
        public void Report(DeliveryCounts value) => reports.Enqueue(value);
    }
}
