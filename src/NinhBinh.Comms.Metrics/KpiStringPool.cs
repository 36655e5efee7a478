using System;
using System.Collections.Generic;

namespace NinhBinh.Comms.Metrics;

/// <summary>
/// One string per distinct text: KPI files repeat the same unit codes, channels and metrics millions of times, so each
/// is allocated once, and pooled strings can be compared by reference.
/// </summary>
internal sealed class KpiStringPool
{
    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
#if NET
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public KpiStringPool() => _lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();
#endif

    /// <summary>The pooled string equal to <paramref name="text"/>.</summary>
    public string Get(ReadOnlySpan<char> text)
    {
        if (text.Length == 0)
        {
            return string.Empty;
        }

#if NET
        if (_lookup.TryGetValue(text, out var pooled))
        {
            return pooled;
        }

        var added = text.ToString();
#else
        var added = text.ToString();
        if (_strings.TryGetValue(added, out var pooled))
        {
            return pooled;
        }
#endif
        _strings[added] = added;
        return added;
    }
}
