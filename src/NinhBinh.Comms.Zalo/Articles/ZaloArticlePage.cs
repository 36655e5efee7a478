using System.Collections.Generic;

namespace NinhBinh.Comms.Zalo;

/// <summary>One page of <c>article/getslice</c>.</summary>
public sealed class ZaloArticlePage
{
    internal ZaloArticlePage(int total, int offset, IReadOnlyList<ZaloArticleSummary> articles)
    {
        Total = total;
        Offset = offset;
        Articles = articles;
    }

    /// <summary>Articles of the type on the OA.</summary>
    public int Total { get; }

    /// <summary>The offset of this page.</summary>
    public int Offset { get; }

    /// <summary>The articles on this page, newest first.</summary>
    public IReadOnlyList<ZaloArticleSummary> Articles { get; }
}
