using System;

namespace NinhBinh.Comms.Broadcast.Boards;

/// <summary>A board target (a Xibo display group, an Anthias player) that serves a commune over a span of dates.</summary>
public sealed class BoardAssignment
{
    internal BoardAssignment(string communeCode, IBoardSystem system, string targetId, DateTime? validFrom, DateTime? validTo)
    {
        CommuneCode = communeCode;
        System = system;
        TargetId = targetId;
        ValidFrom = validFrom?.Date;
        ValidTo = validTo?.Date;
    }

    /// <summary>The commune's administrative code (5 digits), as it was given.</summary>
    public string CommuneCode { get; }

    /// <summary>The board system that holds the target.</summary>
    public IBoardSystem System { get; }

    /// <summary>The target's id in that system.</summary>
    public string TargetId { get; }

    /// <summary>The first day the assignment holds, or <see langword="null"/> for always.</summary>
    public DateTime? ValidFrom { get; }

    /// <summary>The last day the assignment holds, or <see langword="null"/> for no end.</summary>
    public DateTime? ValidTo { get; }

    /// <summary>Whether the assignment holds on <paramref name="date"/>.</summary>
    /// <param name="date">The day (its date part is used).</param>
    /// <returns><see langword="true"/> when it holds.</returns>
    public bool IsValidOn(DateTime date) => (ValidFrom is null || ValidFrom.Value <= date.Date) && (ValidTo is null || date.Date <= ValidTo.Value);

    /// <inheritdoc />
    public override string ToString() => $"{CommuneCode} -> {System.Name}:{TargetId}";
}
