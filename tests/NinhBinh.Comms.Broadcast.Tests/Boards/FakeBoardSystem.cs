using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NinhBinh.Comms.Broadcast.Boards;

namespace NinhBinh.Comms.Broadcast.Tests.Boards;

/// <summary>An in-memory board system for unit tests of the channel: records calls, answers with configured displays.</summary>
internal sealed class FakeBoardSystem : IBoardSystem
{
    private readonly Dictionary<string, List<BoardDisplay>> _targets = new(StringComparer.Ordinal);

    public FakeBoardSystem(string name) => Name = name;

    public string Name { get; }

    public ConcurrentQueue<(string Call, string Target, BoardContent? Content, TimeSpan? Duration)> Calls { get; } = new();

    public Exception? Throw { get; set; }

    public FakeBoardSystem WithTarget(string targetId, params BoardDisplay[] displays)
    {
        _targets[targetId] = displays.ToList();
        return this;
    }

    public Task<IReadOnlyList<BoardDisplay>> GetDisplaysAsync(string? targetId = null, CancellationToken cancellationToken = default)
        => Task.FromResult<IReadOnlyList<BoardDisplay>>(targetId is null ? _targets.Values.SelectMany(d => d).ToList() : _targets[targetId]);

    public Task<BoardPublication> InterruptAsync(string targetId, BoardContent content, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        Calls.Enqueue(("interrupt", targetId, content, duration));
        if (Throw is { } ex)
        {
            throw ex;
        }

        return Task.FromResult(Publication(targetId, BoardDisplayStatus.Shown, duration));
    }

    public Task<IReadOnlyList<BoardDisplayResult>> RevertAsync(string targetId, CancellationToken cancellationToken = default)
    {
        Calls.Enqueue(("revert", targetId, null, null));
        if (Throw is { } ex)
        {
            throw ex;
        }

        return Task.FromResult(Publication(targetId, BoardDisplayStatus.Shown, null).Displays);
    }

    public Task<BoardPublication> ScheduleAsync(string targetId, BoardContent content, CancellationToken cancellationToken = default)
    {
        Calls.Enqueue(("schedule", targetId, content, null));
        if (Throw is { } ex)
        {
            throw ex;
        }

        return Task.FromResult(Publication(targetId, BoardDisplayStatus.Scheduled, null));
    }

    public Task RemoveAsync(BoardPublication publication, CancellationToken cancellationToken = default)
    {
        Calls.Enqueue(("remove", publication.TargetId, null, null));
        return Task.CompletedTask;
    }

    public Task<BoardScreenshot> GetScreenshotAsync(string displayId, CancellationToken cancellationToken = default)
        => throw new NotSupportedException("The fake has no screenshots.");

    public Task<IReadOnlyList<BoardPlayRecord>> GetProofOfPlayAsync(DateTimeOffset since, DateTimeOffset until, string? displayId = null, CancellationToken cancellationToken = default)
        => Task.FromResult<IReadOnlyList<BoardPlayRecord>>(Array.Empty<BoardPlayRecord>());

    private BoardPublication Publication(string targetId, BoardDisplayStatus status, TimeSpan? duration)
    {
        var displays = _targets[targetId].Select(d => d.IsOnline || status == BoardDisplayStatus.Scheduled
            ? new BoardDisplayResult(d.Id, d.Name, status)
            : new BoardDisplayResult(d.Id, d.Name, BoardDisplayStatus.Offline, $"offline, last seen {d.LastSeen:yyyy-MM-dd HH:mm zzz}")).ToList();
        var now = DateTimeOffset.UnixEpoch;
        return new BoardPublication(Name, targetId, "content-" + targetId, null, now, duration is { } d2 ? now + d2 : null, displays);
    }
}
