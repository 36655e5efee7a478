using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace NinhBinh.Comms.Broadcast.Cap;

/// <summary>
/// Tracks the element path while reading: <c>alert/info[1]/area[2]/polygon[1]</c> (repeatable elements get a 1-based
/// index). Cheap on the happy path: the text is only built when a problem asks for it.
/// </summary>
internal sealed class CapPath
{
    private static readonly HashSet<string> Repeatable = new()
    {
        "info", "category", "responseType", "eventCode", "parameter", "resource", "area", "polygon", "circle", "geocode", "code",
    };

    private readonly List<Level> _levels = new() { new Level(string.Empty, 0) };

    public void Push(string name)
    {
        var parent = _levels[_levels.Count - 1];
        var index = 0;
        if (Repeatable.Contains(name))
        {
            parent.Counts ??= new Dictionary<string, int>();
            parent.Counts.TryGetValue(name, out index);
            parent.Counts[name] = ++index;
        }

        _levels.Add(new Level(name, index));
    }

    public void Pop()
    {
        if (_levels.Count > 1)
        {
            _levels.RemoveAt(_levels.Count - 1);
        }
    }

    public override string ToString()
    {
        var text = new StringBuilder();
        for (var i = 1; i < _levels.Count; i++)
        {
            if (i > 1)
            {
                text.Append('/');
            }

            text.Append(_levels[i].Name);
            if (_levels[i].Index > 0)
            {
                text.Append('[').Append(_levels[i].Index.ToString(CultureInfo.InvariantCulture)).Append(']');
            }
        }

        return text.ToString();
    }

    public static string Segment(string name, int index) => name + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";

    private sealed class Level
    {
        public Level(string name, int index)
        {
            Name = name;
            Index = index;
        }

        public string Name { get; }

        public int Index { get; }

        public Dictionary<string, int>? Counts { get; set; }
    }
}
