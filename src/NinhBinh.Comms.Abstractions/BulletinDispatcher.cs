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
#if NET8_0_OR_GREATER
        using var timeout = new CancellationTokenSource(_channelTimeout, _time);
#else
        using var timeout = _time.CreateCancellationTokenSource(_channelTimeout);
#endif
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);

        Task<DeliveryOutcome> task;
        try
        {
            task = channel.DeliverAsync(bulletin, linked.Token)
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
            return cancellationToken.IsCancellationRequested ? DeliveryOutcome.Canceled(name) : TimedOut(name);
        }

        try
        {
            var outcome = await task.ConfigureAwait(false);
            return outcome ?? DeliveryOutcome.Faulted(name, new InvalidOperationException($"Channel '{name}' returned no outcome."));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return DeliveryOutcome.Canceled(name);
        }
        catch (OperationCanceledException ex) when (timeout.IsCancellationRequested)
        {
            return TimedOut(name, ex);
        }
        catch (CommsException ex) when (ex.IsTransient)
        {
            return DeliveryOutcome.TransientFailure(name, ex.Message, ex.RetryAfter, ex.ErrorCode, ex);
        }
        catch (CommsException ex)
        {
            return DeliveryOutcome.Rejected(name, ex.Message, ex.ErrorCode, ex);
        }
#pragma warning disable CA1031 // A channel's failure must become its outcome, whatever the exception.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return DeliveryOutcome.Faulted(name, ex);
        }
    }

    private DeliveryOutcome TimedOut(string name, Exception? exception = null)
        => DeliveryOutcome.TransientFailure(name,
            $"The channel did not finish within {_channelTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s.",
            exception: exception);

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
        _ => "canceled",
    };

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
