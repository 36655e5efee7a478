using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NinhBinh.Comms.Internal;

namespace NinhBinh.Comms;

/// <summary>
/// A channel that keeps what it receives in memory: for samples, local development and tests of code that
/// dispatches bulletins. By default it accepts everything; give it a handler to decide otherwise.
/// </summary>
public sealed class InMemoryBulletinChannel : IBulletinChannel
{
    private readonly ConcurrentQueue<Bulletin> _received = new();
    private readonly Func<Bulletin, CancellationToken, Task<DeliveryOutcome>>? _handler;

    /// <summary>Creates a channel that accepts every bulletin.</summary>
    /// <param name="name">The channel name.</param>
    public InMemoryBulletinChannel(string name)
    {
        Name = Guard.NotNullOrWhiteSpace(name);
    }

    /// <summary>Creates a channel whose outcome a handler decides.</summary>
    /// <param name="name">The channel name.</param>
    /// <param name="handler">Called for every bulletin after it is recorded; its outcome is returned as is.</param>
    public InMemoryBulletinChannel(string name, Func<Bulletin, CancellationToken, Task<DeliveryOutcome>> handler)
        : this(name)
    {
        _handler = Guard.NotNull(handler);
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>The bulletins received so far, in order of arrival.</summary>
    public IReadOnlyList<Bulletin> Received => _received.ToArray();

    /// <inheritdoc />
    public Task<DeliveryOutcome> DeliverAsync(Bulletin bulletin, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(bulletin);
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<DeliveryOutcome>(cancellationToken);
        }

        _received.Enqueue(bulletin);
        return _handler is null
            ? Task.FromResult(DeliveryOutcome.Accepted(Name, bulletin.Id))
            : _handler(bulletin, cancellationToken);
    }

    /// <summary>Whether a bulletin with this id was received.</summary>
    /// <param name="bulletinId">The bulletin id.</param>
    /// <returns><see langword="true"/> if it was received.</returns>
    public bool HasReceived(string bulletinId) => _received.Any(b => string.Equals(b.Id, bulletinId, StringComparison.Ordinal));
}
