using System;

namespace NinhBinh.Comms.Broadcast.Boards;

/// <summary>
/// Proof of play: one content item shown on one display over a span of time, as the board system reports it.
/// Export a sequence of them with <see cref="BoardProofOfPlay.WriteCsvAsync"/>.
/// </summary>
public sealed class BoardPlayRecord
{
    /// <summary>Creates a proof-of-play record.</summary>
    /// <param name="system">The board system's name.</param>
    /// <param name="displayId">The display's id.</param>
    /// <param name="contentId">The content's id (a Xibo layout or widget id; an Anthias asset id).</param>
    /// <param name="contentName">The content's name, or <see langword="null"/>.</param>
    /// <param name="start">When the showing started.</param>
    /// <param name="end">When it ended.</param>
    /// <param name="plays">How many times it was shown in that span (at least 1).</param>
    /// <param name="confirmed"><see langword="true"/> when the player reported it (Xibo statistics); <see langword="false"/> when it is what the adapter told the player to show and the player cannot report (Anthias).</param>
    public BoardPlayRecord(string system, string displayId, string contentId, string? contentName, DateTimeOffset start, DateTimeOffset end,
        int plays = 1, bool confirmed = true)
    {
        if (end < start)
        {
            throw new ArgumentException($"end ({end:O}) is before start ({start:O}).", nameof(end));
        }

        if (plays < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(plays), plays, "plays: at least 1.");
        }

        System = system ?? throw new ArgumentNullException(nameof(system));
        DisplayId = displayId ?? throw new ArgumentNullException(nameof(displayId));
        ContentId = contentId ?? throw new ArgumentNullException(nameof(contentId));
        ContentName = contentName;
        Start = start;
        End = end;
        Plays = plays;
        Confirmed = confirmed;
    }

    /// <summary>The board system's name.</summary>
    public string System { get; }

    /// <summary>The display's id.</summary>
    public string DisplayId { get; }

    /// <summary>The content's id.</summary>
    public string ContentId { get; }

    /// <summary>The content's name, or <see langword="null"/>.</summary>
    public string? ContentName { get; }

    /// <summary>When the showing started.</summary>
    public DateTimeOffset Start { get; }

    /// <summary>When it ended.</summary>
    public DateTimeOffset End { get; }

    /// <summary>How many times it was shown in that span.</summary>
    public int Plays { get; }

    /// <summary>Whether the player reported it (rather than the adapter's own record of what it asked for).</summary>
    public bool Confirmed { get; }
}
