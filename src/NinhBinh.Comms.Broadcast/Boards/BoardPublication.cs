using System;
using System.Collections.Generic;

namespace NinhBinh.Comms.Broadcast.Boards;

/// <summary>
/// What an interrupt or a schedule created on a board system, and what became of each display of the target.
/// Keep it to revert or remove the content later.
/// </summary>
public sealed class BoardPublication
{
    /// <summary>Creates a publication record.</summary>
    /// <param name="system">The board system's name (<see cref="IBoardSystem.Name"/>).</param>
    /// <param name="targetId">The target the content was sent to (a Xibo display group id; an Anthias device id).</param>
    /// <param name="contentId">The id of what was created (a Xibo layout id; an Anthias asset id).</param>
    /// <param name="eventId">The id of the schedule event or action that shows it (a Xibo eventId), or <see langword="null"/>.</param>
    /// <param name="from">When it starts showing.</param>
    /// <param name="until">When it stops showing (the schedule resumes), or <see langword="null"/> for no end.</param>
    /// <param name="displays">What became of each display of the target.</param>
    public BoardPublication(string system, string targetId, string contentId, string? eventId, DateTimeOffset from, DateTimeOffset? until,
        IReadOnlyList<BoardDisplayResult> displays)
    {
        System = system ?? throw new ArgumentNullException(nameof(system));
        TargetId = targetId ?? throw new ArgumentNullException(nameof(targetId));
        ContentId = contentId ?? throw new ArgumentNullException(nameof(contentId));
        EventId = eventId;
        From = from;
        Until = until;
        Displays = displays ?? throw new ArgumentNullException(nameof(displays));
    }

    /// <summary>The board system's name.</summary>
    public string System { get; }

    /// <summary>The target the content was sent to.</summary>
    public string TargetId { get; }

    /// <summary>The id of what was created on the board system.</summary>
    public string ContentId { get; }

    /// <summary>The id of the schedule event or action that shows it, or <see langword="null"/>.</summary>
    public string? EventId { get; }

    /// <summary>When it starts showing.</summary>
    public DateTimeOffset From { get; }

    /// <summary>When it stops showing, or <see langword="null"/> for no end.</summary>
    public DateTimeOffset? Until { get; }

    /// <summary>What became of each display of the target.</summary>
    public IReadOnlyList<BoardDisplayResult> Displays { get; }

    /// <inheritdoc />
    public override string ToString() => $"{System} {TargetId}: content {ContentId}{(EventId is null ? "" : " event " + EventId)}, {Displays.Count} display(s)";
}
