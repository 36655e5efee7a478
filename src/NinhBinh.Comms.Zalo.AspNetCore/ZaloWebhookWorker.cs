using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace NinhBinh.Comms.Zalo.AspNetCore;

/// <summary>
/// Reads the queue with <see cref="ZaloWebhookEndpointOptions.MaxConcurrency"/> loops: claims each event in the dedupe
/// store (a duplicate is skipped), runs every handler registered for its type (each retried on its own with
/// <see cref="ZaloWebhookEndpointOptions.RetryDelays"/> on the app's <see cref="TimeProvider"/>), then marks it completed.
/// </summary>
internal sealed class ZaloWebhookWorker : BackgroundService
{
    private readonly ZaloWebhookQueue _queue;
    private readonly IZaloWebhookDedupeStore _dedupe;
    private readonly IServiceScopeFactory _scopes;
    private readonly ZaloWebhookEndpointOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ZaloWebhookMetrics _metrics;
    private readonly TimeSpan _lease;

    public ZaloWebhookWorker(ZaloWebhookQueue queue, ZaloWebhookReceiver receiver, IServiceScopeFactory scopes, IOptions<ZaloWebhookEndpointOptions> options,
        TimeProvider time, ILoggerFactory loggers, ZaloWebhookMetrics metrics)
    {
        _queue = queue;
        _dedupe = receiver.DedupeStore;
        _lease = receiver.HandlerLease;
        _scopes = scopes;
        _options = options.Value;
        _time = time;
        _logger = loggers.CreateLogger("NinhBinh.Comms.Zalo.AspNetCore");
        _metrics = metrics;
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var loops = new Task[_options.MaxConcurrency];
        for (var i = 0; i < loops.Length; i++)
        {
            loops[i] = Task.Run(() => LoopAsync(stoppingToken), CancellationToken.None);
        }

        return Task.WhenAll(loops);
    }

    private async Task LoopAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await _queue.Channel.Reader.WaitToReadAsync(stoppingToken).ConfigureAwait(false))
            {
                while (_queue.Channel.Reader.TryRead(out var webhookEvent))
                {
                    _queue.Started();
                    try
                    {
                        await ProcessAsync(webhookEvent, stoppingToken).ConfigureAwait(false);
                    }
                    finally
                    {
                        _queue.Finished();
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The app is stopping.
        }
    }

    private async Task ProcessAsync(ZaloWebhookEvent webhookEvent, CancellationToken stoppingToken)
    {
        if (!await ClaimAsync(webhookEvent, stoppingToken).ConfigureAwait(false))
        {
            _metrics.Duplicates.Add(1);
            ZaloWebhookLog.Duplicate(_logger, webhookEvent.EventName, webhookEvent.DedupeKey);
            return;
        }

        try
        {
            using (var scope = _scopes.CreateScope())
            {
                foreach (var (name, handle) in Handlers(scope.ServiceProvider, webhookEvent))
                {
                    await RunWithRetriesAsync(webhookEvent, name, handle, stoppingToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            await _dedupe.ReleaseAsync(webhookEvent.DedupeKey, CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        await StoreAsync(webhookEvent, () => _dedupe.CompleteAsync(webhookEvent.DedupeKey, stoppingToken), stoppingToken).ConfigureAwait(false);
        _metrics.Handled.Add(1);
    }

    private async Task<bool> ClaimAsync(ZaloWebhookEvent webhookEvent, CancellationToken stoppingToken)
    {
        var claimed = false;
        await StoreAsync(webhookEvent, async () => claimed = await _dedupe.TryClaimAsync(webhookEvent.DedupeKey, _lease, stoppingToken).ConfigureAwait(false), stoppingToken).ConfigureAwait(false);
        return claimed;
    }

    /// <summary>
    /// Runs a dedupe store call until it succeeds (a store that is down delays handling, it never lets an event be
    /// handled twice nor drops it): waits grow from 1 s to 1 min.
    /// </summary>
    private async Task StoreAsync(ZaloWebhookEvent webhookEvent, Func<Task> call, CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromSeconds(1);
        while (true)
        {
            try
            {
                await call().ConfigureAwait(false);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                ZaloWebhookLog.DedupeStoreFailed(_logger, ex, webhookEvent.EventName, webhookEvent.DedupeKey, delay);
                await Task.Delay(delay, _time, stoppingToken).ConfigureAwait(false);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromMinutes(1).Ticks));
            }
        }
    }

    private async Task RunWithRetriesAsync(ZaloWebhookEvent webhookEvent, string name, Func<CancellationToken, Task> handle, CancellationToken stoppingToken)
    {
        var delays = _options.RetryDelays;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await handle(stoppingToken).ConfigureAwait(false);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                _metrics.HandlerFailures.Add(1, new KeyValuePair<string, object?>("handler", name));
                if (attempt > delays.Count)
                {
                    ZaloWebhookLog.HandlerGaveUp(_logger, ex, name, webhookEvent.EventName, webhookEvent.DedupeKey, attempt);
                    return;
                }

                var delay = delays[attempt - 1];
                ZaloWebhookLog.HandlerRetrying(_logger, ex, name, webhookEvent.EventName, webhookEvent.DedupeKey, attempt, delay);
                await Task.Delay(delay, _time, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The handlers of the event's own type, then those of <see cref="ZaloWebhookEvent"/> (no reflection: AOT-safe).</summary>
    private static List<(string Name, Func<CancellationToken, Task> Handle)> Handlers(IServiceProvider services, ZaloWebhookEvent webhookEvent)
    {
        var list = new List<(string, Func<CancellationToken, Task>)>();
        switch (webhookEvent)
        {
            case ZaloMessageEvent e: Add(services, e, list); break;
            case ZaloFollowEvent e: Add(services, e, list); break;
            case ZaloUserSubmitInfoEvent e: Add(services, e, list); break;
            case ZaloUserTaggedEvent e: Add(services, e, list); break;
            case ZaloMessageStatusEvent e: Add(services, e, list); break;
            case ZaloZnsDeliveryEvent e: Add(services, e, list); break;
            case ZaloZnsTemplateStatusEvent e: Add(services, e, list); break;
            case ZaloZnsQuotaEvent e: Add(services, e, list); break;
            case ZaloUnknownEvent e: Add(services, e, list); break;
        }

        Add(services, webhookEvent, list);
        return list;
    }

    private static void Add<TEvent>(IServiceProvider services, TEvent webhookEvent, List<(string, Func<CancellationToken, Task>)> list)
        where TEvent : ZaloWebhookEvent
    {
        foreach (var handler in services.GetServices<IZaloEventHandler<TEvent>>())
        {
            list.Add((handler.GetType().Name, ct => handler.HandleAsync(webhookEvent, ct)));
        }
    }
}
