using System.Collections.Generic;
using NinhBinh.Comms.Internal;

namespace NinhBinh.Comms.Zalo;

/// <summary>One page of a follower listing.</summary>
public sealed class ZaloFollowerPage
{
    /// <summary>Creates a page (for tests of code that uses the SDK).</summary>
    /// <param name="total">Users matching the query.</param>
    /// <param name="offset">The offset of this page.</param>
    /// <param name="userIds">The user ids on this page.</param>
    public ZaloFollowerPage(int total, int offset, IReadOnlyList<string> userIds)
    {
        Total = total;
        Offset = offset;
        UserIds = Guard.NotNull(userIds);
    }

    /// <summary>Users matching the query.</summary>
    public int Total { get; }

    /// <summary>The offset of this page.</summary>
    public int Offset { get; }

    /// <summary>The user ids on this page.</summary>
    public IReadOnlyList<string> UserIds { get; }
}
