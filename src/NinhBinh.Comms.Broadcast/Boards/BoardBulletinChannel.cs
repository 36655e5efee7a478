using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace NinhBinh.Comms.Broadcast.Boards;

/// <summary>
/// The public e-boards as one dispatcher channel: a bulletin goes to every board target that serves its areas
/// (<see cref="BoardDirectory"/>), as a text bulletin. An <see cref="BulletinPriority.Emergency"/> bulletin interrupts
/// the boards now, for <see cref="BoardChannelOptions.EmergencyDuration"/> (never past the bulletin's validity), and
/// the schedule resumes by itself; normal and priority bulletins join the boards' schedule for their validity window.
/// The outcome lists every display in <see cref="DeliveryOutcome.Targets"/> (<c>system:displayId</c>): an offline
/// display is a transient failure with its last-seen time while the others still get the bulletin.
/// </summary>
public sealed class BoardBulletinChannel : IBulletinChannel
{
    private readonly BoardDirectory _directory;
    private readonly BoardChannelOptions _options;
    private readonly TimeProvider _time;

    /// <summary>Creates the channel.</summary>
    /// <param name="directory">Which board targets serve which communes.</param>
    /// <param name="options">Settings; defaults when <see langword="null"/>.</param>
    /// <param name="timeProvider">The clock; the system clock when <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">A setting is out of range.</exception>
    public BoardBulletinChannel(BoardDirectory directory, BoardChannelOptions? options = null, TimeProvider? timeProvider = null)
    {
        _directory = directory ?? throw new ArgumentNullException(nameof(directory));
        _options = options ?? new BoardChannelOptions();
        _options.Validate();
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public string Name => _options.Name;

    /// <inheritdoc />
    public async Task<DeliveryOutcome> DeliverAsync(Bulletin bulletin, CancellationToken cancellationToken = default)
    {
        if (bulletin is null)
        {
            throw new ArgumentNullException(nameof(bulletin));
        }

        var now = _time.GetUtcNow();
        if (bulletin.ValidUntil is { } end && end <= now)
        {
            return DeliveryOutcome.Rejected(Name, $"the bulletin expired at {VietnamTime.ToVietnamTime(end):yyyy-MM-dd HH:mm} (+07:00); nothing was sent.", "EXPIRED");
        }

        var targets = _directory.Find(bulletin.TargetAreas, VietnamTime.ToVietnamTime(now).DateTime);
        if (targets.Count == 0)
        {
            return DeliveryOutcome.Rejected(Name, $"no board serves the bulletin's areas ({string.Join(", ", bulletin.TargetAreas)}).", "NO_BOARDS");
        }

        BoardContent content;
        try
        {
            var text = BoardTextBulletin.FromBulletin(bulletin, now, _options.FullTextUrl?.Invoke(bulletin));
            content = BoardContent.Text(text, _options.SlideDuration).WithValidity(bulletin.ValidFrom, bulletin.ValidUntil);
        }
        catch (ArgumentException ex)
        {
            // Too long for a board: refused before anything is sent, with the field and the limit.
            return DeliveryOutcome.Rejected(Name, "the bulletin does not fit a board: " + ex.Message, "INVALID_CONTENT", ex);
        }

        var emergency = bulletin.Priority == BulletinPriority.Emergency;
        var duration = _options.EmergencyDuration;
        if (emergency && bulletin.ValidUntil is { } until && until - now < duration)
        {
            duration = until - now;
        }

        var results = new List<TargetOutcome>[targets.Count];
        var publications = new BoardPublication?[targets.Count];
        using (var gate = new SemaphoreSlim(_options.MaxParallelism))
        {
            var tasks = new Task[targets.Count];
            for (var i = 0; i < targets.Count; i++)
            {
                var index = i;
                tasks[i] = Task.Run(async () =>
                {
                    await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
                    try
                    {
                        (results[index], publications[index]) = await SendAsync(targets[index], content, emergency, duration, cancellationToken).ConfigureAwait(false);
                    }
                    finally
                    {
                        gate.Release();
                    }
                }, cancellationToken);
            }

            await Task.WhenAll(tasks).ConfigureAwait(false);
        }

        var all = results.SelectMany(r => r).ToList();
        var external = string.Join(", ", publications.Where(p => p is not null).Select(p => $"{p!.System}:{p.ContentId}"));
        var outcome = DeliveryOutcome.FromTargets(Name, all, external.Length == 0 ? null : external);
        if (outcome.Status == DeliveryStatus.Accepted && !emergency && bulletin.ValidFrom is { } from && from > now)
        {
            return DeliveryOutcome.Scheduled(Name, from, outcome.ExternalId).WithTargets(all);
        }

        return outcome;
    }

    /// <summary>
    /// Ends the interrupt on every board target that serves <paramref name="areaCodes"/> today (an emergency's "all
    /// clear"): their displays return to their schedule.
    /// </summary>
    /// <param name="areaCodes">Administrative codes, as a bulletin's target areas.</param>
    /// <param name="cancellationToken">Cancels the revert.</param>
    /// <returns>What became of each display; a target that failed is one failed outcome naming the target.</returns>
    public async Task<IReadOnlyList<TargetOutcome>> RevertAsync(IEnumerable<string> areaCodes, CancellationToken cancellationToken = default)
    {
        var targets = _directory.Find(areaCodes ?? throw new ArgumentNullException(nameof(areaCodes)), VietnamTime.ToVietnamTime(_time.GetUtcNow()).DateTime);
        var outcomes = new List<TargetOutcome>();
        foreach (var target in targets)
        {
            try
            {
                var displays = await target.System.RevertAsync(target.TargetId, cancellationToken).ConfigureAwait(false);
                outcomes.AddRange(displays.Select(d => ToTarget(target.System, d)));
            }
            catch (BoardException ex)
            {
                outcomes.Add(Failed(target, ex));
            }
        }

        return outcomes;
    }

    private static async Task<(List<TargetOutcome>, BoardPublication?)> SendAsync(BoardAssignment target, BoardContent content, bool emergency,
        TimeSpan duration, CancellationToken cancellationToken)
    {
        try
        {
            var publication = emergency
                ? await target.System.InterruptAsync(target.TargetId, content, duration, cancellationToken).ConfigureAwait(false)
                : await target.System.ScheduleAsync(target.TargetId, content, cancellationToken).ConfigureAwait(false);
            var list = publication.Displays.Select(d => ToTarget(target.System, d)).ToList();
            if (list.Count == 0)
            {
                list.Add(new TargetOutcome(TargetName(target.System, target.TargetId), DeliveryStatus.Rejected, null,
                    $"the target {target.TargetId} has no display", "NO_DISPLAY"));
            }

            return (list, publication);
        }
        catch (BoardException ex)
        {
            return (new List<TargetOutcome> { Failed(target, ex) }, null);
        }
        catch (NotSupportedException ex)
        {
            return (new List<TargetOutcome> { new(TargetName(target.System, target.TargetId), DeliveryStatus.Rejected, null, ex.Message, "NOT_SUPPORTED") }, null);
        }
#pragma warning disable CA1031 // One board system failing in an unexpected way must not hide what the others did.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            return (new List<TargetOutcome> { new(TargetName(target.System, target.TargetId), DeliveryStatus.Faulted, null, ex.GetType().Name + ": " + ex.Message) }, null);
        }
    }

    private static TargetOutcome Failed(BoardAssignment target, BoardException ex)
        => new(TargetName(target.System, target.TargetId), ex.IsTransient ? DeliveryStatus.TransientFailure : DeliveryStatus.Rejected, null, ex.Message,
            ex.ErrorCode ?? (ex.Status > 0 ? ex.Status.ToString(CultureInfo.InvariantCulture) : null));

    private static TargetOutcome ToTarget(IBoardSystem system, BoardDisplayResult display) => display.Status switch
    {
        BoardDisplayStatus.Shown => new(TargetName(system, display.DisplayId), DeliveryStatus.Accepted, display.DisplayName),
        BoardDisplayStatus.Scheduled => new(TargetName(system, display.DisplayId), DeliveryStatus.Scheduled, display.DisplayName),
        BoardDisplayStatus.Offline => new(TargetName(system, display.DisplayId), DeliveryStatus.TransientFailure, display.DisplayName, display.Reason ?? "offline", "OFFLINE"),
        _ => new(TargetName(system, display.DisplayId), DeliveryStatus.Rejected, display.DisplayName, display.Reason ?? "failed", "FAILED"),
    };

    /// <summary><c>system:id</c>, or the system's name alone when it already ends with the id (an Anthias player is named after its one display).</summary>
    private static string TargetName(IBoardSystem system, string id)
        => system.Name.EndsWith(":" + id, StringComparison.Ordinal) || system.Name == id ? system.Name : system.Name + ":" + id;
}
