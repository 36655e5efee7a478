using System.Collections.Generic;

namespace NinhBinh.Comms.Zalo;

/// <summary>One page of a follower listing. Read-only; build one in tests with <see cref="ZaloModelFactory.ZaloFollowerPage"/>.</summary>
public sealed class ZaloFollowerPage
{
    internal ZaloFollowerPage(int total, int offset, IReadOnlyList<string> userIds)
    {
        Total = total;
        Offset = offset;
        UserIds = userIds;
    }

    /// <summary>Users matching the query.</summary>
    public int Total { get; }

    /// <summary>The offset of this page.</summary>
    public int Offset { get; }

    /// <summary>The user ids on this page.</summary>
    public IReadOnlyList<string> UserIds { get; }
}
