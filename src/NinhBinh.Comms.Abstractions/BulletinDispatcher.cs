using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using NinhBinh.Comms.Internal;

namespace NinhBinh.Comms;

/// <summary>
/// Publishes one bulletin to many channels concurrently and reports every channel's outcome.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>At most <see cref="BulletinDispatcherOptions.MaxDegreeOfParallelism"/> channels run at once (emergency
/// bulletins go to all at once unless <see cref="BulletinDispatcherOptions.EmergencyIgnoresParallelismLimit"/> is off).</item>
/// <item>A channel that runs past <see cref="BulletinDispatcherOptions.ChannelTimeout"/> is cancelled and reported as a
/// <see cref="DeliveryStatus.TransientFailure"/>; one that hangs and ignores the cancellation is abandoned, never awaited.</item>
/// <item>A <see cref="IFanOutChannel"/> (one bulletin, many recipients) is not cut off half-way by a timeout meant for
/// one request: for it <see cref="BulletinDispatcherOptions.ChannelTimeout"/> is the longest silence between two progress
/// reports, and <see cref="BulletinDispatcherOptions.MaxFanOutDuration"/> bounds the whole fan-out. When it is cut off,
/// its outcome carries the last counts it reported.</item>
/// <item>A channel that throws never hides another channel's outcome: exceptions become outcomes.</item>
/// <item>When the caller cancels, <see cref="DispatchCanceledException"/> carries the outcome of every channel.</item>
/// </list>
/// The dispatcher is thread-safe; one instance can dispatch many bulletins at the same time.
/// </remarks>
public class BulletinDispatcher
{
    private readonly IBulletinChannel[] _channels;
    private readonly int _maxDegreeOfParallelism;
    private readonly TimeSpan _channelTimeout;
    private readonly TimeSpan _maxFanOutDuration;
    private readonly bool _emergencyIgnoresLimit;
    private readonly TimeProvider _time;

    /// <summary>Creates a dispatcher over a fixed set of channels.</summary>
    /// <param name="channels">The channels; at least one, with unique names.</param>
    /// <param name="options">Settings; the defaults when <see langword="null"/>. They are copied and checked.</param>
    /// <param name="timeProvider">The clock for timeouts and durations; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="channels"/> is null.</exception>
    /// <exception cref="ArgumentException">There are no channels, one is null, or two share a name.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public BulletinDispatcher(IEnumerable<IBulletinChannel> channels, BulletinDispatcherOptions? options = null, TimeProvider? timeProvider = null)
    {
        _channels = CheckChannels(Guard.NotNull(channels));
        options ??= new BulletinDispatcherOptions();
        options.Validate();
        _maxDegreeOfParallelism = options.MaxDegreeOfParallelism;
        _channelTimeout = options.ChannelTimeout;
        _maxFanOutDuration = options.MaxFanOutDuration;
        _emergencyIgnoresLimit = options.EmergencyIgnoresParallelismLimit;
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>For mocking frameworks only.</summary>
    protected BulletinDispatcher()
    {
        _channels = Array.Empty<IBulletinChannel>();
        _time = TimeProvider.System;
    }

    /// <summary>The channels, in registration order (the order of <see cref="DispatchResult.Outcomes"/>).</summary>
    public virtual IReadOnlyList<IBulletinChannel> Channels => _channels;

    /// <summary>Publishes a bulletin to every channel.</summary>
    /// <param name="bulletin">The bulletin.</param>
    /// <param name="cancellationToken">Cancels the dispatch; see <see cref="DispatchCanceledException"/>.</param>
    /// <returns>Every channel's outcome.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="bulletin"/> is null.</exception>
    /// <exception cref="ArgumentException">The bulletin's validity window has already ended; nothing was sent.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled before anything was sent.</exception>
    /// <exception cref="DispatchCanceledException">The token was cancelled while channels were still running.</exception>
    public virtual async Task<DispatchResult> DispatchAsync(Bulletin bulletin, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(bulletin);
        var startedAt = _time.GetUtcNow();
        if (bulletin.ValidUntil is { } until && until <= startedAt)
        {
            throw new ArgumentException(
                $"Bulletin '{bulletin.Id}' expired at {until.ToString("O", CultureInfo.InvariantCulture)}; an expired bulletin is not sent.",
                nameof(bulletin));
        }

        cancellationToken.ThrowIfCancellationRequested();

        using var activity = DispatchTelemetry.Source.StartActivity("nbcomms.dispatch", ActivityKind.Internal);
        activity?.SetTag("nbcomms.bulletin.id", bulletin.Id);
        activity?.SetTag("nbcomms.bulletin.priority", PriorityTag(bulletin.Priority));
        activity?.SetTag("nbcomms.dispatch.channel_count", _channels.Length);

        var unbounded = _channels.Length <= _maxDegreeOfParallelism
            || (bulletin.Priority == BulletinPriority.Emergency && _emergencyIgnoresLimit);
        using var gate = unbounded ? null : new SemaphoreSlim(_maxDegreeOfParallelism, _maxDegreeOfParallelism);

        var tasks = new Task<DeliveryOutcome>[_channels.Length];
        for (var i = 0; i < _channels.Length; i++)
        {
            tasks[i] = RunChannelAsync(_channels[i], bulletin, gate, cancellationToken);
        }

        var outcomes = await Task.WhenAll(tasks).ConfigureAwait(false);
        var result = new DispatchResult(bulletin, outcomes, startedAt, _time.GetUtcNow());

        var priorityTag = new KeyValuePair<string, object?>("nbcomms.bulletin.priority", PriorityTag(bulletin.Priority));
        foreach (var outcome in outcomes)
        {
            DispatchTelemetry.Deliveries.Add(1, priorityTag, new("nbcomms.delivery.status", StatusTag(outcome.Status)));
            if (outcome.Status != DeliveryStatus.Canceled)
            {
                DispatchTelemetry.ChannelDuration.Record(outcome.Duration.TotalSeconds, priorityTag);
            }
        }

        if (!result.AllSucceeded)
        {
            activity?.SetStatus(ActivityStatusCode.Error, $"{result.Outcomes.Count - result.Count(DeliveryStatus.Accepted) - result.Count(DeliveryStatus.Scheduled)} channel(s) did not take the bulletin");
        }

        if (cancellationToken.IsCancellationRequested && result.Count(DeliveryStatus.Canceled) > 0)
        {
            throw new DispatchCanceledException(result, cancellationToken);
        }

        return result;
    }

    private async Task<DeliveryOutcome> RunChannelAsync(IBulletinChannel channel, Bulletin bulletin, SemaphoreSlim? gate, CancellationToken cancellationToken)
    {
        if (gate is not null)
        {
            try
            {
                await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return DeliveryOutcome.Canceled(channel.Name);
            }
        }
        else
        {
            // Let the caller's loop start every channel before any of them runs synchronously.
            await Task.Yield();
        }

        try
        {
            var started = _time.GetTimestamp();
            var outcome = await InvokeAsync(channel, bulletin, cancellationToken).ConfigureAwait(false);
            return outcome.WithDuration(_time.GetElapsedTime(started));
        }
        finally
        {
            gate?.Release();
        }
    }

    private async Task<DeliveryOutcome> InvokeAsync(IBulletinChannel channel, Bulletin bulletin, CancellationToken cancellationToken)
    {
        var name = channel.Name;
        var fanOut = channel as IFanOutChannel;
        using var watch = new ChannelWatch(_time, _channelTimeout, fanOut is null ? null : _maxFanOutDuration);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, watch.Token);

        Task<DeliveryOutcome> task;
        try
        {
            task = (fanOut is null ? channel.DeliverAsync(bulletin, linked.Token) : fanOut.DeliverAsync(bulletin, watch, linked.Token))
                ?? Task.FromException<DeliveryOutcome>(new InvalidOperationException($"Channel '{name}' returned a null task."));
        }
#pragma warning disable CA1031 // A channel's failure must become its outcome, whatever the exception.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            task = Task.FromException<DeliveryOutcome>(ex);
        }

        if (!task.IsCompleted)
        {
            var stopped = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            using (linked.Token.Register(static s => ((TaskCompletionSource<bool>)s!).TrySetResult(true), stopped))
            {
                await Task.WhenAny(task, stopped.Task).ConfigureAwait(false);
            }
        }

        if (!task.IsCompleted)
        {
            // The channel ignores cancellation: abandon it, but observe its eventual failure.
            _ = task.ContinueWith(static t => _ = t.Exception, CancellationToken.None,
                TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            return watch.WithLastCounts(cancellationToken.IsCancellationRequested ? DeliveryOutcome.Canceled(name) : TimedOut(name, watch));
        }

        try
        {
            var outcome = await task.ConfigureAwait(false);
            return outcome ?? watch.WithLastCounts(DeliveryOutcome.Faulted(name, new InvalidOperationException($"Channel '{name}' returned no outcome.")));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return watch.WithLastCounts(DeliveryOutcome.Canceled(name));
        }
        catch (OperationCanceledException ex) when (watch.Token.IsCancellationRequested)
        {
            return watch.WithLastCounts(TimedOut(name, watch, ex));
        }
        catch (CommsException ex) when (ex.IsTransient)
        {
            return watch.WithLastCounts(DeliveryOutcome.TransientFailure(name, ex.Message, ex.RetryAfter, ex.ErrorCode, ex));
        }
        catch (CommsException ex)
        {
            return watch.WithLastCounts(DeliveryOutcome.Rejected(name, ex.Message, ex.ErrorCode, ex));
        }
#pragma warning disable CA1031 // A channel's failure must become its outcome, whatever the exception.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return watch.WithLastCounts(DeliveryOutcome.Faulted(name, ex));
        }
    }

    private DeliveryOutcome TimedOut(string name, ChannelWatch watch, Exception? exception = null)
    {
        var reason = watch.Expiry switch
        {
            ChannelWatch.Deadline => $"The fan-out channel did not finish within {nameof(BulletinDispatcherOptions.MaxFanOutDuration)} ({Seconds(_maxFanOutDuration)} s).",
            _ when watch.IsFanOut => $"The fan-out channel reported no progress for {Seconds(_channelTimeout)} s.",
            _ => $"The channel did not finish within {Seconds(_channelTimeout)} s.",
        };
        return DeliveryOutcome.TransientFailure(name, reason, exception: exception);
    }

    private static string Seconds(TimeSpan value) => value.TotalSeconds.ToString(CultureInfo.InvariantCulture);

    private static IBulletinChannel[] CheckChannels(IEnumerable<IBulletinChannel> channels)
    {
        var list = new List<IBulletinChannel>(channels);
        if (list.Count == 0)
        {
            throw new ArgumentException("At least one channel is required.", nameof(channels));
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < list.Count; i++)
        {
            var channel = list[i] ?? throw new ArgumentException($"channels[{i}] is null.", nameof(channels));
            if (string.IsNullOrWhiteSpace(channel.Name))
            {
                throw new ArgumentException($"channels[{i}] has an empty Name.", nameof(channels));
            }

            if (!names.Add(channel.Name))
            {
                throw new ArgumentException($"Two channels are named '{channel.Name}'; channel names must be unique.", nameof(channels));
            }
        }

        return list.ToArray();
    }

    private static string PriorityTag(BulletinPriority priority) => priority switch
    {
        BulletinPriority.Emergency => "emergency",
        BulletinPriority.Priority => "priority",
        _ => "normal",
    };

    private static string StatusTag(DeliveryStatus status) => status switch
    {
        DeliveryStatus.Accepted => "accepted",
        DeliveryStatus.Scheduled => "scheduled",
        DeliveryStatus.Rejected => "rejected",
        DeliveryStatus.TransientFailure => "transient_failure",
        DeliveryStatus.Faulted => "faulted",
        DeliveryStatus.PartiallyDelivered => "partially_delivered",
        _ => "canceled",
    };

    /// <summary>
    /// The timeout of one channel: an idle timer (restarted by every progress report of a fan-out channel, never
    /// restarted for a plain one) and, for a fan-out channel, a deadline for the whole delivery.
    /// </summary>
    private sealed class ChannelWatch : IProgress<DeliveryCounts>, IDisposable
    {
        public const int Idle = 1;
        public const int Deadline = 2;

        private readonly CancellationTokenSource _cts = new();
        private readonly TimeSpan _idleTimeout;
        private readonly ITimer _idle;
        private readonly ITimer? _deadline;
        private readonly object _gate = new();
        private DeliveryCounts? _last;
        private int _expiry;
        private int _disposed;

        public ChannelWatch(TimeProvider time, TimeSpan idleTimeout, TimeSpan? deadline)
        {
            _idleTimeout = idleTimeout;
            Token = _cts.Token;
            _idle = time.CreateTimer(static s => ((ChannelWatch)s!).Expire(Idle), this, idleTimeout, Timeout.InfiniteTimeSpan);
            if (deadline is { } max)
            {
                _deadline = time.CreateTimer(static s => ((ChannelWatch)s!).Expire(Deadline), this, max, Timeout.InfiniteTimeSpan);
            }
        }

        public CancellationToken Token { get; }

        public bool IsFanOut => _deadline is not null;

        public int Expiry => Volatile.Read(ref _expiry);

        public void Report(DeliveryCounts value)
        {
            lock (_gate)
            {
                _last = value;
            }

            if (Volatile.Read(ref _disposed) == 0 && !Token.IsCancellationRequested)
            {
                try
                {
                    _idle.Change(_idleTimeout, Timeout.InfiniteTimeSpan);
                }
                catch (ObjectDisposedException)
                {
                    // An abandoned channel still reporting after its delivery ended.
                }
            }
        }

        public DeliveryOutcome WithLastCounts(DeliveryOutcome outcome)
        {
            DeliveryCounts? last;
            lock (_gate)
            {
                last = _last;
            }

            return last is { } counts && outcome.Recipients is null ? outcome.WithRecipients(counts) : outcome;
        }

        public void Dispose()
        {
            Volatile.Write(ref _disposed, 1);
            _idle.Dispose();
            _deadline?.Dispose();
            _cts.Dispose();
        }

        private void Expire(int why)
        {
            Interlocked.CompareExchange(ref _expiry, why, 0);
            try
            {
                _cts.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The delivery ended while the timer fired.
            }
        }
    }

    private static class DispatchTelemetry
    {
        public static readonly ActivitySource Source = new(CommsTelemetry.AbstractionsName);
        public static readonly Meter Meter = new(CommsTelemetry.AbstractionsName);

        public static readonly Counter<long> Deliveries = Meter.CreateCounter<long>(
            "nbcomms.dispatch.deliveries", "{delivery}", "Channel deliveries of bulletins, by outcome status and priority.");

        public static readonly Histogram<double> ChannelDuration = Meter.CreateHistogram<double>(
            "nbcomms.dispatch.channel.duration", "s", "Time one channel took to deliver a bulletin.");
    }
}
