using System;

namespace NinhBinh.Comms.Broadcast.Boards;

/// <summary>What became of one display when content was sent to its target.</summary>
public enum BoardDisplayStatus
{
    /// <summary>The display was online and was told to show the content now.</summary>
    Shown,

    /// <summary>The content is in the display's schedule (it shows it in its window).</summary>
    Scheduled,

    /// <summary>The display is offline; it did not get the content now.</summary>
    Offline,

    /// <summary>The board system refused or failed for this display.</summary>
    Failed,
}

/// <summary>The result of an interrupt, schedule or revert for one display.</summary>
public sealed class BoardDisplayResult
{
    /// <summary>Creates a display's result.</summary>
    /// <param name="displayId">The display's id.</param>
    /// <param name="displayName">The display's name.</param>
    /// <param name="status">What became of it.</param>
    /// <param name="reason">Why, for <see cref="BoardDisplayStatus.Offline"/> and <see cref="BoardDisplayStatus.Failed"/>.</param>
    public BoardDisplayResult(string displayId, string displayName, BoardDisplayStatus status, string? reason = null)
    {
        if (string.IsNullOrWhiteSpace(displayId))
        {
            throw new ArgumentException("displayId: is empty.", nameof(displayId));
        }

        if (status is BoardDisplayStatus.Offline or BoardDisplayStatus.Failed && string.IsNullOrWhiteSpace(reason))
        {
            throw new ArgumentException($"reason: a {status} display needs a reason.", nameof(reason));
        }

        DisplayId = displayId;
        DisplayName = string.IsNullOrWhiteSpace(displayName) ? displayId : displayName;
        Status = status;
        Reason = reason;
    }

    /// <summary>The display's id.</summary>
    public string DisplayId { get; }

    /// <summary>The display's name.</summary>
    public string DisplayName { get; }

    /// <summary>What became of it.</summary>
    public BoardDisplayStatus Status { get; }

    /// <summary>Why, when it was offline or failed.</summary>
    public string? Reason { get; }

    /// <inheritdoc />
    public override string ToString() => Reason is null ? $"{DisplayId} {DisplayName}: {Status}" : $"{DisplayId} {DisplayName}: {Status} ({Reason})";
}
