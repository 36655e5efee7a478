using System.Collections.Generic;
using System.Text;

namespace NinhBinh.Comms.Broadcast.Cap;

/// <summary>Tracks the element path while reading: <c>alert/info[1]/area[2]/polygon[1]</c> (repeatable elements get a 1-based index).</summary>
internal sealed class CapPath
{
    private static readonly HashSet<string> Repeatable = new()
    {
        "info", "category", "responseType", "eventCode", "parameter", "resource", "area", "polygon", "circle", "geocode", "code",
    };

    private readonly List<string> _segments = new();
    private readonly List<Dictionary<string, int>> _counts = new() { new Dictionary<string, int>() };

    public void Push(string name)
    {
        var counts = _counts[_counts.Count - 1];
        counts.TryGetValue(name, out var n);
        counts[name] = ++n;
        _segments.Add(Repeatable.Contains(name) ? Segment(name, n) : name);
        _counts.Add(new Dictionary<string, int>());
    }

    public void Pop()
    {
        if (_segments.Count > 0)
        {
            _segments.RemoveAt(_segments.Count - 1);
            _counts.RemoveAt(_counts.Count - 1);
        }
    }

    public override string ToString() => string.Join("/", _segments);

    public static string Segment(string name, int index) => new StringBuilder(name).Append('[').Append(index).Append(']').ToString();
}
